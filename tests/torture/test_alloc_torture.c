/*
 * Allocation-failure torture test (as curl's): the request path runs once with no
 * failure to count its allocations, then once for every N with the Nth allocation
 * failing, against a spotc-emulator of its own. The path: client set-up, a token
 * (client credentials; then, in a second pass, a user's refresh grant), one typed read (GET /tracks/{id} parsed into a
 * spotc_track), and a typed pager over three pages of an album's tracks, then
 * every free.
 *
 * Two passes: only the Nth allocation fails (a transient failure, as in curl's
 * torture tests), then the Nth and every one after it (memory that has run out).
 * Each run must end in SPOTC_ENOMEM, or in a success whose results are whole (a
 * failure the library may absorb, e.g. in a retry); never another error, a crash
 * (ASan in build-san) or a leak (failmalloc.c tracks every block of the run).
 * Allocations are libspotc's and jansson's; see failmalloc.c for libcurl.
 *
 * Every N is run, so one pass reports every bad one. TORTURE_MAX=N stops after N
 * runs (the default covers the whole path).
 */
#include "failmalloc.h"
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#define BAD_RESULT 1 /* a success whose results are not whole */
#define PAGER_ITEMS 3

typedef struct fixture {
    emu e;
    char *track;    /* a catalogue track ID */
    char *album;    /* an album of three tracks or more */
    char *refresh;  /* a user's refresh token */
    int user;       /* this pass refreshes the user's token instead of asking for an app's */
} fixture;

typedef struct outcome {
    int rc;
    const char *stage; /* where the run stopped */
    char message[256]; /* the error, copied before the client goes */
} outcome;

static void note_error(outcome *o, spotc_client *c, int rc, const char *stage)
{
    o->rc = rc;
    o->stage = stage;
    const spotc_error *e = c ? spotc_client_last_error(c) : spotc_error_last();
    snprintf(o->message, sizeof o->message, "%s", e && e->message ? e->message : "");
}

/* The pager stage: three pages of one track each, as typed lists (small pages keep
 * the number of allocations, and so of runs, down). */
static int page_all(const fixture *f, spotc_client *c, long *seen)
{
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.limit = 1;
    po.max_items = PAGER_ITEMS;
    po.concurrency = 1;
    spotc_param params[] = {{"id", f->album}};
    spotc_pager *p = NULL;
    int rc = spotc_pager_new(&p, c, "get-an-albums-tracks", params, 1, &po);
    spotc_track_list *page = NULL;
    while (rc == 0 && (rc = spotc_pager_next_track_list(&page, p)) == 1) {
        *seen += (long)page->count;
        spotc_track_list_free(page);
        rc = 0;
    }
    spotc_pager_free(p);
    return rc;
}

static outcome run_path(const fixture *f)
{
    outcome o = {.stage = "done"};
    spotc_client_options opts = SPOTC_CLIENT_OPTIONS_INIT;
    opts.client_id = "spotc-demo";
    opts.client_secret = "spotc-demo-secret";
    opts.api_base = f->e.api_base;
    opts.accounts_base = f->e.url;
    opts.refresh_token = f->user ? f->refresh : NULL;
    spotc_client *c = NULL;
    spotc_track *t = NULL;
    int rc = spotc_client_new(&c, &opts);
    if (rc) {
        note_error(&o, NULL, rc, "client set-up");
        return o;
    }
    rc = spotc_track_get(&t, c, f->track, NULL);
    if (rc)
        note_error(&o, c, rc, "token and track");
    else if (!t || !t->name || !*t->name || strcmp(t->id, f->track) != 0)
        note_error(&o, c, BAD_RESULT, "track (incomplete)");
    spotc_track_free(t);
    long seen = 0;
    if (!o.rc && (rc = page_all(f, c, &seen)) != 0)
        note_error(&o, c, rc, "pager");
    else if (!o.rc && seen != PAGER_ITEMS)
        note_error(&o, c, BAD_RESULT, "pager (items lost)");
    spotc_client_free(c);
    return o;
}

static void setup(fixture *f)
{
    emu_start(&f->e, NULL);
    f->track = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "track");
    f->album = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "album");
    f->refresh = emu_control_string(&f->e, "POST", "/_emulator/token",
                                    "{\"user\":\"demo\",\"scope\":\"user-read-private\"}",
                                    "refresh_token");
}

/* One run with the nth allocation failing; 0 when it behaved. */
static int torture_one(const fixture *f, unsigned long n, int persistent, fm_result *r,
                       int *absorbed)
{
    fm_track(n, persistent);
    outcome o = run_path(f);
    *r = fm_stop();
    int bad = 0;
    if (r->leaks) {
        fprintf(stderr, "N=%lu (%s): %lu block(s) leaked, the first allocation #%lu\n", n,
                o.stage, r->leaks, r->first_leak);
        bad = 1;
    }
    if (r->overflow) {
        fprintf(stderr, "N=%lu: too many allocations to track\n", n);
        bad = 1;
    }
    if (!r->failed) {
        if (o.rc) {
            fprintf(stderr, "N=%lu: nothing failed, yet %s: %d %s\n", n, o.stage, o.rc, o.message);
            bad = 1;
        }
        return bad;
    }
    if (o.rc == 0)
        ++*absorbed;
    else if (o.rc != SPOTC_ENOMEM) {
        fprintf(stderr, "N=%lu fails in %s with %d (%s), not SPOTC_ENOMEM: %s\n", n, o.stage,
                o.rc, o.rc == BAD_RESULT ? "incomplete result" : spotc_strerror(o.rc), o.message);
        bad = 1;
    }
    return bad;
}

/* N = 1, 2 ... until a run ends with nothing failed. @return the bad runs. */
static int torture_all(const fixture *f, int persistent, unsigned long max, unsigned long *runs,
                       int *absorbed)
{
    fm_result r;
    int bad = 0;
    unsigned long n = 1;
    for (; !max || n <= max; n++) {
        bad += torture_one(f, n, persistent, &r, absorbed);
        if (!r.failed)
            break; /* the run reached its end with no failure: every N is done */
    }
    *runs += n;
    return bad;
}

int main(void)
{
    fm_init(); /* before the first JSON value */
    fixture f = {0};
    setup(&f);
    unsigned long max = getenv("TORTURE_MAX") ? strtoul(getenv("TORTURE_MAX"), NULL, 10) : 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);

    fm_result r;
    unsigned long baseline[2], runs = 0;
    int absorbed[2] = {0, 0}, failures = 0; /* [persistent] */
    for (f.user = 0; f.user < 2; f.user++) {
        failures += torture_one(&f, 0, 0, &r, &absorbed[0]);
        baseline[f.user] = r.allocations;
        if (failures) {
            fprintf(stderr, "the path fails with no injected failure\n");
            return 1;
        }
        for (int persistent = 0; persistent < 2; persistent++) /* the Nth; the Nth on */
            failures += torture_all(&f, persistent, max, &runs, &absorbed[persistent]);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("alloc torture: %lu allocations on the path with an app token, %lu with a user's "
           "refresh; %lu runs, %d absorbed (%d with one failure), %d bad, %.1f s\n",
           baseline[0], baseline[1], runs, absorbed[0] + absorbed[1], absorbed[0], failures, secs);
    emu_stop(&f.e);
    free(f.track);
    free(f.album);
    free(f.refresh);
    return failures ? 1 : 0;
}
