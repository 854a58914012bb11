/*
 * The pager against a server that sends absurd paging numbers: a total and a
 * limit near LONG_MAX must not overflow the count of pages fetched ahead. A
 * tiny canned server stands in for Spotify, since the emulator never lies.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <jansson.h>
#include <spotc.h>

typedef struct canned {
    int fd;
    char base[64];
    char body[512];
} canned;

/* Answer every request with the same page, until the listening socket closes. */
static void *serve(void *arg)
{
    canned *c = arg;
    for (;;) {
        int fd = accept(c->fd, NULL, NULL);
        if (fd < 0)
            return NULL;
        char req[4096];
        size_t len = 0;
        ssize_t n;
        while (len < sizeof req - 1 && (n = recv(fd, req + len, sizeof req - 1 - len, 0)) > 0) {
            len += (size_t)n;
            req[len] = '\0';
            if (strstr(req, "\r\n\r\n"))
                break;
        }
        char head[160];
        int hn = snprintf(head, sizeof head,
                          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                          strlen(c->body));
        (void)!send(fd, head, (size_t)hn, MSG_NOSIGNAL);
        (void)!send(fd, c->body, strlen(c->body), MSG_NOSIGNAL);
        close(fd);
    }
}

static void start(canned *c, pthread_t *th, const char *total, const char *limit)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof a;
    c->fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(c->fd >= 0);
    assert_int_equal(bind(c->fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(c->fd, 16), 0);
    assert_int_equal(getsockname(c->fd, (struct sockaddr *)&a, &sl), 0);
    snprintf(c->base, sizeof c->base, "http://127.0.0.1:%d/v1", ntohs(a.sin_port));
    snprintf(
        c->body, sizeof c->body,
        "{\"href\":\"%s/playlists/x/items\",\"items\":[{}],\"limit\":%s,\"offset\":0,"
        "\"total\":%s,\"next\":\"%s/playlists/3cEYpjA9oz9GiPac4AsH4n/items?offset=1&limit=%s\","
        "\"previous\":null}",
        c->base, limit, total, c->base, limit);
    assert_int_equal(pthread_create(th, NULL, serve, c), 0);
}

static void stop(canned *c, pthread_t th)
{
    shutdown(c->fd, SHUT_RDWR);
    close(c->fd);
    pthread_join(th, NULL);
}

/* Pages fetched ahead are counted as ceil((total - offset) / limit): with a
 * total and a limit from a hostile server, that sum must not overflow. */
static void test_huge_total_and_limit(void **state)
{
    (void)state;
    static const char *const limits[] = {"3", "9223372036854775807"};
    for (size_t i = 0; i < sizeof limits / sizeof *limits; i++) {
        canned c;
        pthread_t th;
        start(&c, &th, "9223372036854775807", limits[i]);
        spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
        o.access_token = "token";
        o.api_base = c.base;
        o.max_retries = SPOTC_NO_RETRY;
        spotc_client *client = NULL;
        assert_int_equal(spotc_client_new(&client, &o), 0);
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
        spotc_client_free(client);
        stop(&c, th);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_huge_total_and_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
