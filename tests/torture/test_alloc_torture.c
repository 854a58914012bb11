/*
 * Allocation-failure torture test (as curl's): the request path runs once with no
 * failure to count its allocations, then once for every N with the Nth allocation
 * failing, against a spotc-emulator of its own. The path: client set-up, a token
 * (client credentials; in a second pass a user's refresh grant; in a third a file
 * store's expired user token, loaded, refreshed and saved, which every run must
 * leave in place), one typed read (GET /tracks/{id} parsed into a
 * spotc_track), and (in the first pass) a typed pager over three pages of an
 * album's tracks, then every free.
 *
 * Two passes: only the Nth allocation fails (a transient failure, as in curl's
 * torture tests), then the Nth and every one after it (memory that has run out).
 * Each run must end in SPOTC_ENOMEM, or in a success whose results are whole (a
 * failure the library may absorb, e.g. in a retry); never another error, a crash
 * (ASan in build-san) or a leak (failmalloc.c tracks every block of the run).
 * Allocations are libspotc's and jansson's; see failmalloc.c for libcurl.
 *
 * Every N is run, so one pass reports every bad one. TORTURE_MAX=N stops after N
 * runs (the default covers the whole path); TORTURE_PASS=0|1|2 runs one pass only;
 * TORTURE_BACKTRACE=1 prints where each injected failure happened.
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

/* Where the path's token comes from. */
enum {
    PASS_APP,     /* client credentials */
    PASS_REFRESH, /* a user's refresh token given in the options */
    PASS_STORE,   /* a file store holding the user's expired token: load, refresh, save */
    PASS_COUNT
};
static const char *const pass_names[PASS_COUNT] = {"an app token", "a user's refresh",
                                                   "a stored user token"};

typedef struct fixture {
    emu e;
    char *track;   /* a catalogue track ID */
    char *album;   /* an album of three tracks or more */
    char *refresh; /* a user's refresh token */
    int pass;      /* PASS_* */
    char dir[64];  /* the token store's folder (PASS_STORE) */
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
    opts.refresh_token = f->pass == PASS_REFRESH ? f->refresh : NULL;
    spotc_token_store *store = NULL;
    spotc_token_store_file_options so = SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT;
    so.dir = f->dir;
    spotc_client *c = NULL;
    spotc_track *t = NULL;
    int rc = f->pass == PASS_STORE ? spotc_token_store_file_new(&store, &so) : 0;
    opts.token_store = store;
    if (rc || (rc = spotc_client_new(&c, &opts)) != 0) {
        note_error(&o, NULL, rc, "client set-up");
        spotc_token_store_file_free(store);
        return o;
    }
    rc = spotc_track_get(&t, c, f->track, NULL);
    if (rc)
        note_error(&o, c, rc, "token and track");
    else if (!t || !t->name || !*t->name || strcmp(t->id, f->track) != 0)
        note_error(&o, c, BAD_RESULT, "track (incomplete)");
    spotc_track_free(t);
    long seen = PAGER_ITEMS;
    /* The user passes stop here: the pager's allocations are the app pass's again. */
    if (!o.rc && f->pass == PASS_APP && (seen = 0, rc = page_all(f, c, &seen)) != 0)
        note_error(&o, c, rc, "pager");
    else if (!o.rc && seen != PAGER_ITEMS)
        note_error(&o, c, BAD_RESULT, "pager (items lost)");
    spotc_client_free(c);
    spotc_token_store_file_free(store);
    return o;
}

/* The demo user's token, expired, in the file store of f->dir. */
static void store_expired_token(const fixture *f)
{
    spotc_token_store *store = NULL;
    spotc_token_store_file_options so = SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT;
    so.dir = f->dir;
    /* Expired, so never sent: the client refreshes first. */
    spotc_token t = {.access_token = "expired",
                     .refresh_token = f->refresh,
                     .expires_at = 1,
                     .client_id = "spotc-demo",
                     .user = "demo"};
    if (spotc_token_store_file_new(&store, &so) || store->save(&t, store->payload, NULL, 0)) {
        fprintf(stderr, "cannot store a token in %s\n", f->dir);
        exit(1);
    }
    spotc_token_store_file_free(store);
}

/* After a run, failed or not, the store must still hold the login. @return 0 when it does. */
static int login_kept(const fixture *f)
{
    spotc_token_store *store = NULL;
    spotc_token_store_file_options so = SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT;
    so.dir = f->dir;
    spotc_token t = {0};
    int rc = spotc_token_store_file_new(&store, &so);
    if (!rc)
        rc = store->load(&t, store->payload, NULL, 0);
    int kept = !rc && t.refresh_token && strcmp(t.refresh_token, f->refresh) == 0;
    spotc_token_clear(&t);
    spotc_token_store_file_free(store);
    return kept ? 0 : 1;
}

/* A new login of the demo user for each pass: the emulator keeps a user's last 1,000
 * access tokens, and a pass refreshes more often than that. */
static void new_login(fixture *f)
{
    free(f->refresh);
    f->refresh =
        emu_control_string(&f->e, "POST", "/_emulator/token",
                           "{\"user\":\"demo\",\"scope\":\"user-read-private\"}", "refresh_token");
}

static void setup(fixture *f)
{
    emu_start(&f->e, NULL);
    f->track = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "track");
    f->album = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "album");
    snprintf(f->dir, sizeof f->dir, "/tmp/spotc-torture-XXXXXX");
    if (!mkdtemp(f->dir)) {
        perror("mkdtemp");
        exit(1);
    }
}

/* One run with the nth allocation failing; 0 when it behaved. */
static int torture_one(const fixture *f, unsigned long n, int persistent, fm_result *r,
                       int *absorbed)
{
    if (f->pass == PASS_STORE)
        store_expired_token(f); /* every run loads, refreshes and saves */
    fm_track(n, persistent);
    outcome o = run_path(f);
    *r = fm_stop();
    int bad = 0;
    if (f->pass == PASS_STORE && login_kept(f)) {
        fprintf(stderr, "N=%lu (%s): the stored login is lost\n", n, o.stage);
        bad = 1;
    }
    if (r->leaks) {
        fprintf(stderr, "N=%lu (%s): %lu block(s) leaked, the first allocation #%lu\n", n, o.stage,
                r->leaks, r->first_leak);
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
        fprintf(stderr, "N=%lu fails in %s with %d (%s), not SPOTC_ENOMEM: %s\n", n, o.stage, o.rc,
                o.rc == BAD_RESULT ? "incomplete result" : spotc_strerror(o.rc), o.message);
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
    unsigned long baseline[PASS_COUNT] = {0}, runs = 0;
    int absorbed[2] = {0, 0}, failures = 0; /* [persistent] */
    int only = getenv("TORTURE_PASS") ? atoi(getenv("TORTURE_PASS")) : -1;
    for (f.pass = 0; f.pass < PASS_COUNT; f.pass++) {
        if (only >= 0 && f.pass != only)
            continue;
        new_login(&f);
        failures += torture_one(&f, 0, 0, &r, &absorbed[0]);
        baseline[f.pass] = r.allocations;
        if (failures) {
            fprintf(stderr, "the path fails with no injected failure\n");
            return 1;
        }
        for (int persistent = 0; persistent < 2; persistent++) /* the Nth; the Nth on */
            failures += torture_all(&f, persistent, max, &runs, &absorbed[persistent]);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("alloc torture:");
    for (int p = 0; p < PASS_COUNT; p++)
        printf(" %lu allocations on the path with %s;", baseline[p], pass_names[p]);
    printf(" %lu runs, %d absorbed (%d with one failure), %d bad, %.1f s\n", runs,
           absorbed[0] + absorbed[1], absorbed[0], failures, secs);
    emu_stop(&f.e);
    free(f.track);
    free(f.album);
    free(f.refresh);
    char path[128];
    snprintf(path, sizeof path, "rm -rf '%s'", f.dir);
    if (system(path) != 0)
        fprintf(stderr, "could not remove %s\n", f.dir);
    return failures ? 1 : 0;
}
