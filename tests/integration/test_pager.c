/*
 * The public streaming pager (spotc/paging.h) against a spotc-emulator per test:
 * the demo user's 10,000-item playlist paged to the end one page at a time and
 * eight at a time (the same items, in order, each once, and exactly one request
 * per page), max_items and offset, a page that fails part-way (named in the
 * error, every item before it handed out once, and the pager goes on when asked
 * again), cursor pages (/me/following, recently played), operations that are not
 * paged, and the `concurrency` of the catalogue calls' `all` mode.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#define ITEMS_ROUTE "GET /v1/playlists/{playlist_id}/items"
#define BIG_TOTAL 10000
#define SCOPES "playlist-read-private user-follow-read user-read-recently-played"

typedef struct fixture {
    emu e;
    spotc_client *client;
    char *token;
    char *playlist; /* the 10,000-item playlist */
} fixture;

/* The items handed out, one key a line ("ID TIME" for playlist items). */
typedef struct seen {
    char **keys;
    size_t n, cap;
    int pages;
} seen;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    emu_start(&f->e, NULL);
    f->token = emu_control_string(&f->e, "POST", "/_emulator/token",
                                  "{\"user\":\"demo\",\"scope\":\"" SCOPES "\"}", "access_token");
    f->playlist = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "big_playlist");
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = f->token;
    o.max_retries = SPOTC_NO_RETRY;
    f->client = emu_client(&f->e, &o);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    spotc_client_free(f->client);
    emu_stop(&f->e);
    free(f->token);
    free(f->playlist);
    free(f);
    return 0;
}

static void reset_stats(const emu *e)
{
    json_decref(emu_control(e, "POST", "/_emulator/reset", "{}"));
}

/* Requests to a route answered with a status ("*": any). */
static long requests(const emu *e, const char *route, const char *status)
{
    json_t *j = emu_control(e, "GET", "/_emulator/stats", NULL);
    json_t *counts = json_object_get(json_object_get(j, "requests"), route);
    long n = 0;
    const char *k;
    json_t *v;
    json_object_foreach(counts, k, v)
    {
        if (strcmp(status, "*") == 0 || strcmp(status, k) == 0)
            n += (long)json_integer_value(v);
    }
    json_decref(j);
    return n;
}

static void seen_free(seen *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->keys[i]);
    free(s->keys);
    memset(s, 0, sizeof *s);
}

/* What identifies an item: a playlist entry by its track and when it was
 * added, a play by when it was played, anything else by its id. */
static char *item_key(const json_t *item)
{
    const char *id = json_string_value(json_object_get(item, "id"));
    const json_t *track = json_object_get(item, "item");
    if (!track)
        track = json_object_get(item, "track");
    const char *added = json_string_value(json_object_get(item, "added_at"));
    const char *played = json_string_value(json_object_get(item, "played_at"));
    const char *tid = json_string_value(json_object_get(track, "id"));
    char buf[160];
    snprintf(buf, sizeof buf, "%s %s",
             id    ? id
             : tid ? tid
                   : "?",
             added    ? added
             : played ? played
                      : "");
    return strdup(buf);
}

/* Take pages until the end, an error, or `pages` of them (0: no limit). */
static int take_pages(spotc_pager *p, seen *s, int pages)
{
    json_t *items;
    int rc;
    while ((pages == 0 || s->pages < pages) && (rc = spotc_pager_next(p, &items)) == 1) {
        assert_true(json_array_size(items) > 0);
        s->pages++;
        for (size_t i = 0; i < json_array_size(items); i++) {
            if (s->n == s->cap) {
                s->cap = s->cap ? 2 * s->cap : 256;
                s->keys = realloc(s->keys, s->cap * sizeof *s->keys);
                assert_non_null(s->keys);
            }
            s->keys[s->n++] = item_key(json_array_get(items, i));
        }
    }
    return pages && s->pages == pages ? 1 : rc;
}

static spotc_pager *playlist_pager(fixture *f, const spotc_page_options *o)
{
    const spotc_param params[] = {{"playlist_id", f->playlist}};
    spotc_pager *p = NULL;
    assert_int_equal(spotc_pager_new(&p, f->client, "get-playlists-items", params, 1, o), 0);
    assert_non_null(p);
    return p;
}

/* Stream the big playlist with options, to the end. */
static void stream_playlist(fixture *f, const spotc_page_options *o, seen *s)
{
    spotc_pager *p = playlist_pager(f, o);
    assert_int_equal(spotc_pager_get_total(p), BIG_TOTAL);
    assert_int_equal(take_pages(p, s, 0), 0);
    json_t *items = (json_t *)1;
    assert_int_equal(spotc_pager_next(p, &items), 0); /* stays at the end */
    assert_null(items);
    spotc_pager_free(p);
}

/* Playlist entries were added ten minutes apart: strictly later times mean
 * every item in order, none twice. */
static void assert_in_order(const seen *s)
{
    for (size_t i = 1; i < s->n; i++)
        assert_true(strcmp(strchr(s->keys[i - 1], ' '), strchr(s->keys[i], ' ')) < 0);
}

static void assert_same(const seen *a, const seen *b, size_t n)
{
    assert_true(a->n >= n && b->n >= n);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(a->keys[i], b->keys[i]);
}

/* ------------------------------------------------------------ offset pages */

static void test_big_playlist_to_the_end(void **state)
{
    fixture *f = *state;
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    seen one = {0}, eight = {0};
    const size_t from = harness_long_from(BIG_TOTAL), n = BIG_TOTAL - from;
    o.offset = (int)from;
    o.concurrency = 1;
    reset_stats(&f->e);
    stream_playlist(f, &o, &one);
    assert_int_equal(one.n, n);
    assert_int_equal(one.pages, n / 50); /* the operation's largest page */
    assert_in_order(&one);
    assert_int_equal(requests(&f->e, ITEMS_ROUTE, "*"), n / 50);

    o.concurrency = 8;
    reset_stats(&f->e);
    stream_playlist(f, &o, &eight);
    assert_int_equal(eight.n, n);
    assert_same(&one, &eight, n);
    /* One request per page: nothing fetched past the end. */
    assert_int_equal(requests(&f->e, ITEMS_ROUTE, "*"), n / 50);
    seen_free(&eight);

    /* The default concurrency and a page size that does not divide what is
     * left: the last 1,000 items in 31 pages. */
    o.concurrency = 0;
    o.limit = 33;
    o.offset = BIG_TOTAL - 1000;
    reset_stats(&f->e);
    stream_playlist(f, &o, &eight);
    assert_int_equal(eight.n, 1000);
    assert_same(&(seen){.keys = one.keys + (n - 1000), .n = 1000}, &eight, 1000);
    assert_int_equal(requests(&f->e, ITEMS_ROUTE, "*"), (1000 + 32) / 33);
    seen_free(&eight);
    seen_free(&one);
}

static void test_max_items_and_offset(void **state)
{
    fixture *f = *state;
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    seen ref = {0}, s = {0};
    o.concurrency = 1;
    o.max_items = 200;
    stream_playlist(f, &o, &ref);
    assert_int_equal(ref.n, 200);

    /* 120 of them, eight pages at a time: 50 + 50 + 20, three requests. */
    o.concurrency = 8;
    o.max_items = 120;
    reset_stats(&f->e);
    stream_playlist(f, &o, &s);
    assert_int_equal(s.n, 120);
    assert_int_equal(s.pages, 3);
    assert_same(&ref, &s, 120);
    assert_int_equal(requests(&f->e, ITEMS_ROUTE, "*"), 3);
    seen_free(&s);

    /* Fewer than a page: the page is no larger than max_items. */
    o.max_items = 30;
    reset_stats(&f->e);
    stream_playlist(f, &o, &s);
    assert_int_equal(s.n, 30);
    assert_same(&ref, &s, 30);
    assert_int_equal(requests(&f->e, ITEMS_ROUTE, "*"), 1);
    seen_free(&s);

    /* A cut inside a page: only the items up to it. */
    o.limit = 40;
    o.max_items = 90;
    stream_playlist(f, &o, &s);
    assert_int_equal(s.n, 90);
    assert_int_equal(s.pages, 3);
    assert_same(&ref, &s, 90);
    seen_free(&s);

    /* From an offset. */
    o.limit = 0;
    o.max_items = 40;
    o.offset = 150;
    reset_stats(&f->e);
    stream_playlist(f, &o, &s);
    assert_int_equal(s.n, 40);
    assert_same(&(seen){.keys = ref.keys + 150, .n = 50}, &s, 40);
    assert_int_equal(requests(&f->e, ITEMS_ROUTE, "*"), 1);
    seen_free(&s);
    seen_free(&ref);
}

/* The next `times` requests for the playlist's items get a fault (a JSON
 * fragment: "\"fault\":\"...\", ..."). */
static void add_fault(const emu *e, int times, const char *fault)
{
    char body[256];
    snprintf(body, sizeof body,
             "{\"rules\":[{\"path\":\"/v1/playlists/*/items\",\"times\":%d,%s}]}", times, fault);
    json_decref(emu_control(e, "POST", "/_emulator/faults", body));
}

#define NOT_FOUND "\"fault\":\"status\",\"status\":404"
#define MALFORMED "\"fault\":\"malformed_json\""

/* A pager of the big playlist, `concurrency` pages at a time, after its first `pages` pages. */
static spotc_pager *playlist_after(fixture *f, int concurrency, seen *s, int pages)
{
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.concurrency = concurrency;
    spotc_pager *p = playlist_pager(f, &o);
    assert_int_equal(take_pages(p, s, pages), 1);
    return p;
}

/* @return the offset the error names. */
static long failed_offset(spotc_client *c)
{
    const spotc_error *e = spotc_client_last_error(c);
    if (e->code == SPOTC_ENOTFOUND) {
        assert_int_equal(e->http_status, 404);
        assert_non_null(e->path);
        assert_non_null(strstr(e->path, "/items"));
    }
    const char *at = strstr(e->message, "the page at offset ");
    assert_non_null(at);
    return strtol(at + strlen("the page at offset "), NULL, 10);
}

static void test_failed_page_one_at_a_time(void **state)
{
    fixture *f = *state;
    seen s = {0};
    spotc_pager *p = playlist_after(f, 1, &s, 3);
    add_fault(&f->e, 1, NOT_FOUND);
    assert_int_equal(take_pages(p, &s, 0), SPOTC_ENOTFOUND);
    assert_int_equal(failed_offset(f->client), 150);
    assert_int_equal(s.n, 150);
    /* Asked again, the pager fetches that page again and goes on. */
    assert_int_equal(take_pages(p, &s, 6), 1);
    assert_int_equal(s.n, 300);
    /* A page that is not JSON is named too. */
    add_fault(&f->e, 1, MALFORMED);
    assert_int_equal(take_pages(p, &s, 0), SPOTC_EJSON);
    assert_int_equal(failed_offset(f->client), 300);
    assert_int_equal(take_pages(p, &s, 8), 1);
    assert_int_equal(s.n, 400);
    assert_in_order(&s);
    spotc_pager_free(p);
    seen_free(&s);
}

static void test_failed_page_eight_at_a_time(void **state)
{
    fixture *f = *state;
    seen s = {0};
    reset_stats(&f->e);
    /* The first page and eight more handed out: the window keeps the next eight in
     * flight (offsets 450 to 800). */
    spotc_pager *p = playlist_after(f, 8, &s, 9);
    assert_int_equal(requests(&f->e, ITEMS_ROUTE, "*"), 9 + 8);
    /* Each page handed out sends the request for the one eight pages later: the eighth
     * request from now (offset 1200) fails, while the pages around it are in flight. */
    add_fault(&f->e, 7, "\"fault\":\"latency\",\"delay_ms\":1");
    add_fault(&f->e, 1, NOT_FOUND);
    assert_int_equal(take_pages(p, &s, 0), SPOTC_ENOTFOUND);
    assert_int_equal(failed_offset(f->client), 1200);
    /* Every item before it handed out, once, in order; none after it. */
    assert_int_equal(s.n, 1200);
    assert_in_order(&s);
    assert_int_equal(requests(&f->e, ITEMS_ROUTE, "404"), 1);
    /* Asked again, the pager fetches that page again and goes on with the pages after it,
     * which stayed in flight: each page was asked for once more in all. (Under valgrind
     * it goes on to 2,000 items only, and pages in flight then are not counted.) */
    const size_t end = harness_long_from(BIG_TOTAL) ? 2000 : BIG_TOTAL;
    assert_int_equal(take_pages(p, &s, end < BIG_TOTAL ? (int)(end / 50) : 0),
                     end < BIG_TOTAL ? 1 : 0);
    assert_int_equal(s.n, end);
    assert_in_order(&s);
    if (end == BIG_TOTAL)
        assert_int_equal(requests(&f->e, ITEMS_ROUTE, "200"), BIG_TOTAL / 50);
    assert_int_equal(requests(&f->e, ITEMS_ROUTE, "404"), 1);
    spotc_pager_free(p);
    seen_free(&s);
}

/* A page fetched ahead that is not JSON: named when its turn comes, and the
 * pages after it are fetched again after it. */
static void test_malformed_page_ahead(void **state)
{
    fixture *f = *state;
    seen s = {0};
    spotc_pager *p = playlist_after(f, 4, &s, 1);
    add_fault(&f->e, 1, MALFORMED);
    assert_int_equal(take_pages(p, &s, 0), SPOTC_EJSON);
    long at = failed_offset(f->client);
    /* Pages 2-5 went out as page 1 was handed out: the fault hits one of them or the next. */
    if (!(at >= 50 && at <= 250 && at % 50 == 0))
        fail_msg("the malformed page was at offset %ld (%s)", at,
                 spotc_client_last_error(f->client)->message);
    assert_int_equal(s.n, (size_t)at);
    assert_int_equal(take_pages(p, &s, s.pages + 8), 1);
    assert_int_equal(s.n, (size_t)at + 400);
    assert_in_order(&s);
    spotc_pager_free(p);
    seen_free(&s);
}

/* ------------------------------------------------------------ pages as text */

/* The first `n` items read as text, 8 pages at a time, parsed again. */
static json_t *text_items(fixture *f, int n)
{
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.concurrency = 8;
    o.max_items = n;
    spotc_pager *p = playlist_pager(f, &o);
    json_t *all = json_array();
    const spotc_json_text *texts;
    size_t count;
    int rc;
    while ((rc = spotc_pager_next_text(p, &texts, &count)) == 1) {
        for (size_t i = 0; i < count; i++) {
            assert_null(memchr(texts[i].p, '\n', texts[i].len)); /* compact: one a line */
            json_t *item = json_loadb(texts[i].p, texts[i].len, 0, NULL);
            assert_non_null(item);
            json_array_append_new(all, item);
        }
    }
    assert_int_equal(rc, 0);
    /* A pager read as text is never read otherwise. */
    json_t *items = (json_t *)1;
    assert_int_equal(spotc_pager_next(p, &items), SPOTC_EINVALID);
    assert_null(items);
    spotc_pager_free(p);
    return all;
}

/* The same items, in order, equal to the parsed ones, with a page size that leaves a
 * part-page at the end (max_items). */
static void test_text_pages_equal_parsed(void **state)
{
    fixture *f = *state;
    json_t *texts = text_items(f, 1020);
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.concurrency = 8;
    o.max_items = 1020;
    spotc_pager *p = playlist_pager(f, &o);
    json_t *items;
    size_t at = 0;
    while (spotc_pager_next(p, &items) == 1)
        for (size_t i = 0; i < json_array_size(items); i++, at++)
            assert_true(json_equal(json_array_get(items, i), json_array_get(texts, at)));
    assert_int_equal(at, 1020);
    assert_int_equal(json_array_size(texts), 1020);
    spotc_pager_free(p);
    json_decref(texts);
}

/* A malformed page fetched ahead is refused in text as it is parsed, named by its offset. */
static void test_text_malformed_page_ahead(void **state)
{
    fixture *f = *state;
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.concurrency = 4;
    spotc_pager *p = playlist_pager(f, &o);
    const spotc_json_text *texts;
    size_t count, n = 0;
    assert_int_equal(spotc_pager_next_text(p, &texts, &count), 1);
    n += count;
    add_fault(&f->e, 1, MALFORMED);
    int rc;
    while ((rc = spotc_pager_next_text(p, &texts, &count)) == 1)
        n += count;
    assert_int_equal(rc, SPOTC_EJSON);
    assert_null(texts);
    long at = failed_offset(f->client);
    /* Pages 2-5 went out as page 1 was handed out: the fault hits one of them or the next. */
    if (!(at >= 50 && at <= 250 && at % 50 == 0))
        fail_msg("the malformed page was at offset %ld (%s)", at,
                 spotc_client_last_error(f->client)->message);
    assert_int_equal(n, (size_t)at);
    assert_int_equal(spotc_pager_next_text(p, &texts, &count), 1); /* fetched again */
    assert_int_equal(count, 50);
    spotc_pager_free(p);
}

/* ------------------------------------------------------------ cursor pages */

static void stream_all(fixture *f, const char *op, const spotc_param *params, size_t n,
                       const spotc_page_options *o, seen *s, long *total)
{
    spotc_pager *p = NULL;
    assert_int_equal(spotc_pager_new(&p, f->client, op, params, n, o), 0);
    assert_int_equal(take_pages(p, s, 0), 0);
    *total = spotc_pager_get_total(p);
    spotc_pager_free(p);
}

static void assert_unique(const seen *s)
{
    for (size_t i = 0; i < s->n; i++)
        for (size_t j = i + 1; j < s->n; j++)
            assert_string_not_equal(s->keys[i], s->keys[j]);
}

static void test_followed_artists_by_cursor(void **state)
{
    fixture *f = *state;
    const spotc_param params[] = {{"type", "artist"}};
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.limit = 2;
    o.concurrency = 8; /* cursor pages come one after the other anyway */
    seen s = {0};
    long total;
    reset_stats(&f->e);
    stream_all(f, "get-followed", params, 1, &o, &s, &total);
    assert_true(total > 4);
    assert_int_equal(s.n, (size_t)total);
    assert_unique(&s);
    assert_int_equal(requests(&f->e, "GET /v1/me/following", "*"), (total + 1) / 2);

    /* The same artists in one page, in the same order. */
    seen whole = {0};
    o.limit = 0;
    stream_all(f, "get-followed", params, 1, &o, &whole, &total);
    assert_int_equal(whole.pages, 1);
    assert_same(&s, &whole, (size_t)total);
    seen_free(&whole);

    /* max_items cuts the third page. */
    seen_free(&s);
    o.limit = 2;
    o.max_items = 5;
    reset_stats(&f->e);
    stream_all(f, "get-followed", params, 1, &o, &s, &total);
    assert_int_equal(s.n, 5);
    assert_int_equal(requests(&f->e, "GET /v1/me/following", "*"), 3);
    seen_free(&s);
}

static void test_recently_played_by_cursor(void **state)
{
    fixture *f = *state;
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.limit = 7;
    seen s = {0};
    long total;
    reset_stats(&f->e);
    stream_all(f, "get-recently-played", NULL, 0, &o, &s, &total);
    assert_true(total > 7);
    assert_int_equal(s.n, (size_t)total);
    /* Newest first, each play once (`before` the last one of each page). */
    for (size_t i = 1; i < s.n; i++)
        assert_true(strcmp(strchr(s.keys[i - 1], ' '), strchr(s.keys[i], ' ')) > 0);
    assert_int_equal(requests(&f->e, "GET /v1/me/player/recently-played", "*"), (total + 6) / 7);
    seen_free(&s);
}

/* ------------------------------------------------------------ refusals */

static void assert_refused(fixture *f, const char *op, const spotc_param *params, size_t n,
                           const spotc_page_options *o)
{
    spotc_pager *p = (spotc_pager *)1;
    assert_int_equal(spotc_pager_new(&p, f->client, op, params, n, o), SPOTC_EINVALID);
    assert_null(p);
    assert_int_equal(spotc_client_last_error(f->client)->code, SPOTC_EINVALID);
}

static void test_refusals_send_nothing(void **state)
{
    fixture *f = *state;
    const spotc_param track[] = {{"id", "7bBrvwP2lzkadfEjaKRXMD"}};
    const spotc_param search[] = {{"q", "a"}, {"type", "track"}};
    const spotc_param list[] = {{"playlist_id", f->playlist}};
    const spotc_param twice[] = {{"playlist_id", f->playlist}, {"limit", "5"}};
    const spotc_param artist[] = {{"type", "artist"}};
    reset_stats(&f->e);
    assert_refused(f, "get-track", track, 1, NULL);
    assert_non_null(strstr(spotc_client_last_error(f->client)->message, "not a paged operation"));
    assert_refused(f, "add-items-to-playlist", list, 1, NULL);
    assert_refused(f, "search", search, 2, NULL);
    assert_refused(f, "no-such-operation", NULL, 0, NULL);
    assert_refused(f, NULL, NULL, 0, NULL);

    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.version = 99;
    assert_refused(f, "get-playlists-items", list, 1, &o);
    o = (spotc_page_options)SPOTC_PAGE_OPTIONS_INIT;
    o.concurrency = SPOTC_PAGER_CONCURRENCY_MAX + 1;
    assert_refused(f, "get-playlists-items", list, 1, &o);
    o.concurrency = -1;
    assert_refused(f, "get-playlists-items", list, 1, &o);
    o.concurrency = 0;
    o.limit = 51;
    assert_refused(f, "get-playlists-items", list, 1, &o);
    o.limit = 0;
    o.max_items = -1;
    assert_refused(f, "get-playlists-items", list, 1, &o);
    o.max_items = 0;
    o.limit = 5;
    assert_refused(f, "get-playlists-items", twice, 2, &o); /* limit given twice */
    o.limit = 0;
    o.offset = 3;
    assert_refused(f, "get-followed", artist, 1, &o);        /* cursor pages have no offset */
    assert_refused(f, "get-playlists-items", NULL, 0, NULL); /* playlist_id missing */

    json_t *j = emu_control(&f->e, "GET", "/_emulator/stats", NULL);
    assert_int_equal(json_object_size(json_object_get(j, "requests")), 0);
    json_decref(j);

    /* Bad arguments. */
    spotc_pager *p = NULL;
    assert_int_equal(spotc_pager_new(NULL, f->client, "get-playlists-items", list, 1, NULL),
                     SPOTC_EINVALID);
    assert_int_equal(spotc_pager_new(&p, NULL, "get-playlists-items", list, 1, NULL),
                     SPOTC_EINVALID);
    json_t *items = NULL;
    assert_int_equal(spotc_pager_next(NULL, &items), SPOTC_EINVALID);
    assert_int_equal(spotc_pager_get_total(NULL), -1);
    spotc_pager_free(NULL);
}

static void test_first_page_fails(void **state)
{
    fixture *f = *state;
    const spotc_param params[] = {{"playlist_id", "0000000000000000000000"}};
    spotc_pager *p = (spotc_pager *)1;
    assert_int_equal(spotc_pager_new(&p, f->client, "get-playlists-items", params, 1, NULL),
                     SPOTC_ENOTFOUND);
    assert_null(p);
}

/* ------------------------------------------------------------ catalogue calls */

/* The `all` mode of the typed calls: the same list one page at a time and
 * eight at a time, with one request per page either way. */
static void test_catalog_all_concurrency(void **state)
{
    fixture *f = *state;
    char *artist = emu_control_string(&f->e, "GET", "/_emulator/sample", NULL, "artist");
    spotc_page_options o = SPOTC_PAGE_OPTIONS_INIT;
    o.all = 1;
    o.limit = 1;
    o.concurrency = 1;
    spotc_album_list *one = NULL, *eight = NULL;
    reset_stats(&f->e);
    assert_int_equal(spotc_artist_list_albums(&one, f->client, artist, NULL, NULL, &o), 0);
    long sequential = requests(&f->e, "GET /v1/artists/{id}/albums", "*");
    assert_true(one->count > 1);
    assert_int_equal(sequential, (long)one->count);
    o.concurrency = 8;
    reset_stats(&f->e);
    assert_int_equal(spotc_artist_list_albums(&eight, f->client, artist, NULL, NULL, &o), 0);
    assert_int_equal(requests(&f->e, "GET /v1/artists/{id}/albums", "*"), sequential);
    assert_int_equal(eight->count, one->count);
    for (size_t i = 0; i < one->count; i++)
        assert_string_equal(one->items[i]->id, eight->items[i]->id);
    spotc_album_list_free(one);
    spotc_album_list_free(eight);

    o.concurrency = SPOTC_PAGER_CONCURRENCY_MAX + 1;
    assert_int_equal(spotc_artist_list_albums(&one, f->client, artist, NULL, NULL, &o),
                     SPOTC_EINVALID);
    /* Options of version 1 have no concurrency field and are still accepted. */
    o.version = 1;
    assert_int_equal(spotc_artist_list_albums(&one, f->client, artist, NULL, NULL, &o), 0);
    spotc_album_list_free(one);
    free(artist);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_big_playlist_to_the_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_max_items_and_offset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_page_one_at_a_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_page_eight_at_a_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_page_ahead, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_pages_equal_parsed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_malformed_page_ahead, setup, teardown),
        cmocka_unit_test_setup_teardown(test_followed_artists_by_cursor, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recently_played_by_cursor, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refusals_send_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_first_page_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_catalog_all_concurrency, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
