/*
 * The pager against hostile servers. Absurd paging numbers: a total and a
 * limit near LONG_MAX must not overflow the count of pages fetched ahead.
 * `next` links that never end: links in a circle
 * (A -> B -> A), links that go on past the page's total, and links that go on
 * with no total at all. Each must end in a clear error after a handful of
 * requests (or 10,000 pages, SPOTC__PAGES_MAX), not thousands. A canned server stands
 * in for Spotify (the emulator never lies); it gives up after GIVE_UP
 * requests, so a client that follows for ever fails the test instead of
 * hanging it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <jansson.h>
#include <spotc.h>

#include "canned.h"

#define GIVE_UP 30000

enum links { FIXED, CIRCLE, ONWARD, ONWARD_NO_TOTAL };

typedef struct hostile {
    canned srv;
    enum links links;
    char api[80];   /* the API base on the canned server */
    char body[512]; /* FIXED: every answer */
} hostile;

/* One page at the request's offset: one item, and a next link as the mode says. */
static int page_body(canned *srv, const char *req, char *body, size_t size)
{
    const hostile *c = srv->data;
    long offset = canned_offset(req);
    if (c->links == FIXED) {
        snprintf(body, size, "%s", c->body);
        return 200;
    }
    long next = c->links == CIRCLE ? !offset : offset + 1;
    const char *total = c->links == ONWARD_NO_TOTAL ? "null" : c->links == CIRCLE ? "100" : "3";
    if (srv->requests > GIVE_UP)
        snprintf(body, size, "{\"items\":[],\"limit\":1,\"offset\":%ld,\"total\":0,\"next\":null}",
                 offset);
    else
        snprintf(body, size,
                 "{\"href\":\"%s/artists/0TnOYISbd1XYRBk9myaseg/albums\",\"items\":"
                 "[{\"id\":\"4aawyAB9vmqN3uQ7FjRGTy\",\"name\":\"A\",\"type\":\"album\"}],"
                 "\"limit\":1,\"offset\":%ld,\"total\":%s,\"next\":\"%s/artists/"
                 "0TnOYISbd1XYRBk9myaseg/albums?offset=%ld&limit=1\",\"previous\":null}",
                 c->api, offset, total, c->api, next);
    return 200;
}

static spotc_client *start(hostile *c, enum links links)
{
    memset(c, 0, sizeof *c);
    c->links = links;
    canned_start(&c->srv, page_body, c);
    snprintf(c->api, sizeof c->api, "%s/v1", c->srv.base);
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = "token";
    o.api_base = c->api;
    o.max_retries = SPOTC_NO_RETRY;
    spotc_client *client = NULL;
    assert_int_equal(spotc_client_new(&client, &o), 0);
    return client;
}

static long stop(hostile *c, spotc_client *client)
{
    spotc_client_free(client);
    return canned_stop(&c->srv);
}

/* Every page through the streaming pager. @return the code it ended with. */
static int stream(spotc_client *client, int concurrency)
{
    spotc_pager *p = canned_albums_pager(client, concurrency);
    json_t *items = NULL;
    int rc;
    while ((rc = spotc_pager_next(p, &items)) == 1)
        ;
    spotc_pager_free(p);
    return rc;
}

static void expect_stop(enum links links, int concurrency, long max_requests, const char *says)
{
    hostile c;
    spotc_client *client = start(&c, links);
    int rc = stream(client, concurrency);
    char message[512];
    snprintf(message, sizeof message, "%s", spotc_client_last_error(client)->message);
    long requests = stop(&c, client);
    if (requests > max_requests)
        fail_msg("%ld requests (at most %ld expected), ended with %d", requests, max_requests, rc);
    assert_int_equal(rc, SPOTC_EJSON);
    if (!strstr(message, says))
        fail_msg("message '%s' does not say '%s'", message, says);
}

/* Pages fetched ahead are counted as ceil((total - offset) / limit): with a
 * total and a limit from a hostile server, that sum must not overflow. */
static void test_huge_total_and_limit(void **state)
{
    (void)state;
    static const char *const limits[] = {"3", "9223372036854775807"};
    for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
        hostile c;
        spotc_client *client = start(&c, FIXED);
        snprintf(c.body, sizeof c.body,
                 "{\"href\":\"%s/playlists/x/items\",\"items\":[{}],\"limit\":%s,\"offset\":0,"
                 "\"total\":%s,\"next\":\"%s/playlists/3cEYpjA9oz9GiPac4AsH4n/items?offset=1&"
                 "limit=%s\",\"previous\":null}",
                 c.api, limits[i], "9223372036854775807", c.api, limits[i]);
        const spotc_param params[] = {{"playlist_id", "3cEYpjA9oz9GiPac4AsH4n"}};
        spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
        po.limit = 1;
        po.concurrency = 4;
        spotc_pager *p = NULL;
        assert_int_equal(spotc_pager_new(&p, client, "get-playlists-items", params, 1, &po), 0);
        json_t *items = NULL;
        assert_int_equal(spotc_pager_next(p, &items), 1);
        int rc = spotc_pager_next(p, &items);
        if (rc != 1)
            fail_msg("second page: %d (%s)", rc, spotc_client_last_error(client)->message);
        spotc_pager_free(p);
        stop(&c, client);
    }
}

static void test_links_in_a_circle(void **state)
{
    (void)state;
    expect_stop(CIRCLE, 1, 5, "circle");
    expect_stop(CIRCLE, 4, 12, "circle");
}

static void test_links_past_the_total(void **state)
{
    (void)state;
    expect_stop(ONWARD, 1, 5, "past its total");
    expect_stop(ONWARD, 4, 8, "past its total");
}

/* 10,000 requests: a few seconds, but many minutes under valgrind, whose
 * preload says it is there; the other cases cover the engine's memory. */
static void test_links_without_end(void **state)
{
    (void)state;
    const char *preload = getenv("LD_PRELOAD");
    if (preload && strstr(preload, "vgpreload"))
        skip();
    expect_stop(ONWARD_NO_TOTAL, 1, 10001, "never end");
}

/* The merging read (`spotc artist ID --albums`) goes through the same engine. */
static void test_all_pages_read(void **state)
{
    (void)state;
    hostile c;
    spotc_client *client = start(&c, CIRCLE);
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.all = 1;
    po.limit = 1;
    spotc_album_list *list = NULL;
    int rc = spotc_artist_list_albums(&list, client, "0TnOYISbd1XYRBk9myaseg", NULL, NULL, &po);
    spotc_album_list_free(list);
    long requests = stop(&c, client);
    if (requests > 12)
        fail_msg("%ld requests, ended with %d", requests, rc);
    assert_int_equal(rc, SPOTC_EJSON);
}

/* A page whose items are not an array: an error and exit 9 for the CLI, not an
 * empty list and exit 0. */
static void test_wrongly_typed_page(void **state)
{
    (void)state;
    hostile c;
    spotc_client *client = start(&c, FIXED);
    snprintf(c.body, sizeof c.body,
             "{\"items\":{\"id\":\"x\"},\"limit\":\"20\",\"offset\":0,\"total\":1,"
             "\"next\":null}");
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.all = 1;
    spotc_album_list *list = NULL;
    int rc = spotc_artist_list_albums(&list, client, "0TnOYISbd1XYRBk9myaseg", NULL, NULL, &po);
    spotc_album_list_free(list);
    assert_int_equal(rc, SPOTC_EJSON);
    const char *cli = getenv("SPOTC_CLI");
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "SPOTC_API_BASE=%s SPOTIFY_ACCESS_TOKEN=t '%s' artist 0TnOYISbd1XYRBk9myaseg "
             "--albums >/dev/null 2>&1",
             c.api, cli ? cli : "spotc");
    int status = system(cmd);
    stop(&c, client);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 9);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_huge_total_and_limit),
        cmocka_unit_test(test_links_in_a_circle),
        cmocka_unit_test(test_links_past_the_total),
        cmocka_unit_test(test_links_without_end),
        cmocka_unit_test(test_all_pages_read),
        cmocka_unit_test(test_wrongly_typed_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
