/*
 * bench_pager: stream a playlist's items with spotc_pager and report the time
 * and the process's peak resident memory. Run by bench/pager.sh.
 *
 * usage: bench_pager PLAYLIST_ID MODE [RUNS]
 *   MODE  client-only: only create the client (the memory baseline);
 *         N (1..16): stream every item, N pages at a time, RUNS times;
 *         hold: stream one page at a time but keep every page (what a caller
 *         that collects the whole list holds).
 * The API base and the token come from the environment (SPOTC_API_BASE,
 * SPOTIFY_ACCESS_TOKEN), never from the command line.
 * Prints: mode=M items=N pages=P seconds=S (median of the runs) maxrss_kb=K
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <jansson.h>
#include <spotc.h>

typedef struct run {
    size_t items, pages;
    double seconds;
} run;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Stream the playlist once. kept: NULL, or an array that takes a reference to
 * every page's items. @return 0 or the pager's error. */
static int stream(spotc_client *c, const char *playlist, int concurrency, json_t *kept, run *r)
{
    const spotc_param params[] = {{"playlist_id", playlist}};
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.concurrency = concurrency;
    spotc_pager *p = NULL;
    double t0 = now();
    int rc = spotc_pager_new(&p, c, "get-playlists-items", params, 1, &o);
    json_t *items;
    memset(r, 0, sizeof *r);
    while (rc == 0 && (rc = spotc_pager_next(p, &items)) == 1) {
        r->pages++;
        r->items += json_array_size(items);
        if (kept)
            json_array_append(kept, items);
        rc = 0;
    }
    r->seconds = now() - t0;
    spotc_pager_free(p);
    return rc;
}

static int by_seconds(const void *a, const void *b)
{
    double x = ((const run *)a)->seconds, y = ((const run *)b)->seconds;
    return (x > y) - (x < y);
}

static long maxrss_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss; /* kilobytes on Linux */
}

static int fail(spotc_client *c, int rc)
{
    fprintf(stderr, "bench_pager: %s\n", c ? spotc_client_last_error(c)->message : "no client");
    spotc_client_free(c);
    return rc < 0 ? 1 : 2;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_pager PLAYLIST_ID client-only|hold|CONCURRENCY [RUNS]\n");
        return 2;
    }
    const char *mode = argv[2];
    int runs = argc > 3 ? atoi(argv[3]) : 1;
    runs = runs < 1 ? 1 : runs > 99 ? 99 : runs;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    spotc_client *c = NULL;
    int rc = spotc_client_options_load_env(&o);
    if (rc == 0)
        rc = spotc_client_new(&c, &o);
    if (rc < 0)
        return fail(c, rc);
    run r[99] = {{0}};
    int hold = strcmp(mode, "hold") == 0;
    if (strcmp(mode, "client-only") == 0) {
        runs = 0;
    } else {
        json_t *kept = hold ? json_array() : NULL;
        for (int i = 0; i < runs && rc == 0; i++)
            rc = stream(c, argv[1], hold ? 1 : atoi(mode), kept, &r[i]);
        json_decref(kept);
        if (rc < 0)
            return fail(c, rc);
        qsort(r, (size_t)runs, sizeof r[0], by_seconds);
    }
    const run *median = &r[runs / 2];
    printf("mode=%s items=%zu pages=%zu seconds=%.3f maxrss_kb=%ld\n", mode, median->items,
           median->pages, median->seconds, maxrss_kb());
    spotc_client_free(c);
    return 0;
}
