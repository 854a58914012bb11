/* The Redis token store against a real redis-server (started here on a free
 * loopback port): round trip, the lock (exclusive, expiring, released only by
 * its holder), and no token lost while Redis is away: kept, written back on
 * reconnection, unless another worker stored a newer one meanwhile. */
#include "harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct fixture {
    int port;
    pid_t pid;
    char url[64];
} fixture;

static int free_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t n = sizeof a;
    assert_int_equal(bind(s, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(s, (struct sockaddr *)&a, &n), 0);
    close(s);
    return ntohs(a.sin_port);
}

static int answers(int port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_port = htons((uint16_t)port),
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int ok = connect(s, (struct sockaddr *)&a, sizeof a) == 0;
    close(s);
    return ok;
}

static void redis_up(fixture *f)
{
    char port[16];
    snprintf(port, sizeof port, "%d", f->port);
    f->pid = fork();
    assert_true(f->pid >= 0);
    if (f->pid == 0) {
        execlp("redis-server", "redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", "/tmp", "--loglevel", "warning", (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 200 && !answers(f->port); i++)
        usleep(20000);
    assert_true(answers(f->port));
}

static void redis_down(fixture *f)
{
    kill(f->pid, SIGKILL);
    waitpid(f->pid, NULL, 0);
    f->pid = 0;
}

static int setup(void **state)
{
    if (system("command -v redis-server >/dev/null") != 0)
        skip();
    fixture *f = calloc(1, sizeof *f);
    f->port = free_port();
    snprintf(f->url, sizeof f->url, "redis://127.0.0.1:%d/1", f->port);
    redis_up(f);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    if (f->pid)
        redis_down(f);
    free(f);
    return 0;
}

static spotc_token_store *store(const fixture *f, int lock_ttl_ms)
{
    spotc_token_store *st = NULL;
    spotc_token_store_redis_options o = SPOTC_TOKEN_STORE_REDIS_OPTIONS_INIT;
    char eb[256] = "";
    o.url = f->url;
    o.client_id = "app";
    o.user = "demo";
    o.lock_ttl_ms = lock_ttl_ms;
    if (spotc_token_store_redis_new(&st, &o, eb, sizeof eb) != 0)
        fail_msg("%s", eb);
    return st;
}

static void save(spotc_token_store *st, const char *access, const char *refresh)
{
    spotc_token t = {.access_token = (char *)access,
                     .refresh_token = (char *)refresh,
                     .expires_at = 4102444800,
                     .client_id = (char *)"app"};
    assert_int_equal(st->save(&t, st->payload, NULL, 0), 0);
}

static void expect(spotc_token_store *st, const char *access, const char *refresh)
{
    spotc_token t;
    char eb[256] = "";
    int rc = st->load(&t, st->payload, eb, sizeof eb);
    if (rc != 0)
        fail_msg("load: %d %s", rc, eb);
    assert_string_equal(t.access_token, access);
    assert_string_equal(t.refresh_token, refresh);
    assert_int_equal(t.expires_at, 4102444800);
    assert_null(t.scope);
    spotc_token_clear(&t);
}

/* Load from `writer` (whose reconnection waits out a backoff, then writes
 * back what it kept) until `st` reads access, then check it as expect() does. */
static void expect_soon(spotc_token_store *st, spotc_token_store *writer, const char *access,
                        const char *refresh)
{
    for (int i = 0; i < 100; i++) {
        spotc_token t;
        if (writer->load(&t, writer->payload, NULL, 0) == 0)
            spotc_token_clear(&t);
        int rc = st->load(&t, st->payload, NULL, 0);
        int done = rc == 0 && strcmp(t.access_token, access) == 0;
        if (rc == 0)
            spotc_token_clear(&t);
        if (done)
            break;
        usleep(50000);
    }
    expect(st, access, refresh);
}

static void round_trip_and_clear(void **state)
{
    fixture *f = *state;
    spotc_token_store *a = store(f, 0), *b = store(f, 0);
    spotc_token t;
    assert_int_equal(a->load(&t, a->payload, NULL, 0), SPOTC_ENOTFOUND);
    save(a, "at1", "rt1");
    expect(b, "at1", "rt1"); /* another worker sees it */
    assert_int_equal(b->clear(b->payload, NULL, 0), 0);
    assert_int_equal(a->load(&t, a->payload, NULL, 0), SPOTC_ENOTFOUND);
    spotc_token_store_redis_free(a);
    spotc_token_store_redis_free(b);
}

static long ms_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void lock_expires_and_only_its_holder_releases_it(void **state)
{
    fixture *f = *state;
    spotc_token_store *a = store(f, 400), *b = store(f, 400), *c = store(f, 400);
    assert_int_equal(a->lock(a->payload, NULL, 0), 0);
    assert_int_equal(a->lock(a->payload, NULL, 0), 0); /* nests */
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* a "crashed" holder: b gets the lock only when a's expires */
    assert_int_equal(b->lock(b->payload, NULL, 0), 0);
    long waited = ms_since(&t0);
    assert_true(waited >= 300 && waited < 2000);
    a->unlock(a->payload);
    a->unlock(a->payload); /* a's late release must not free b's lock */
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_int_equal(c->lock(c->payload, NULL, 0), 0);
    assert_true(ms_since(&t0) >= 200); /* c still waited for b's */
    b->unlock(b->payload);
    c->unlock(c->payload);
    spotc_token_store_redis_free(a);
    spotc_token_store_redis_free(b);
    spotc_token_store_redis_free(c);
}

static void a_token_saved_while_redis_is_away_is_written_back(void **state)
{
    fixture *f = *state;
    spotc_token_store *a = store(f, 0), *b = store(f, 0);
    save(a, "at1", "rt1");
    redis_down(f);
    /* a refresh while Redis is away: the rotated refresh token must survive */
    assert_int_equal(a->lock(a->payload, NULL, 0), 0);
    save(a, "at2", "rt2");
    a->unlock(a->payload);
    expect(a, "at2", "rt2");
    redis_up(f);                     /* empty: no persistence */
    expect_soon(b, a, "at2", "rt2"); /* a reconnects after its backoff and writes it back */
    expect(a, "at2", "rt2");
    spotc_token_store_redis_free(a);
    spotc_token_store_redis_free(b);
}

static void a_log_out_is_not_undone_but_a_restart_is(void **state)
{
    fixture *f = *state;
    spotc_token_store *a = store(f, 0), *b = store(f, 0);
    spotc_token t;
    save(a, "at1", "rt1");
    expect(b, "at1", "rt1");
    assert_int_equal(a->clear(a->payload, NULL, 0), 0); /* a log out elsewhere */
    assert_int_equal(b->load(&t, b->payload, NULL, 0), SPOTC_ENOTFOUND);
    save(a, "at2", "rt2");
    expect(b, "at2", "rt2");
    redis_down(f);
    redis_up(f); /* restarted empty between two loads of b */
    expect(b, "at2", "rt2");
    expect(a, "at2", "rt2");
    spotc_token_store_redis_free(a);
    spotc_token_store_redis_free(b);
}

static void a_newer_token_stored_meanwhile_wins(void **state)
{
    fixture *f = *state;
    spotc_token_store *a = store(f, 0), *b = store(f, 0);
    save(a, "at1", "rt1");
    expect(b, "at1", "rt1");
    redis_down(f);
    save(a, "stale", "rt-a"); /* kept by a while Redis is away */
    redis_up(f);
    expect(b, "at1", "rt1");         /* b restores the copy it holds (Redis restarted empty) */
    save(b, "at3", "rt3");           /* and refreshes: newer than anything a has */
    expect_soon(a, a, "at3", "rt3"); /* a's write-back was refused: the newer token is kept */
    spotc_token_store_redis_free(a);
    spotc_token_store_redis_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(round_trip_and_clear, setup, teardown),
        cmocka_unit_test_setup_teardown(lock_expires_and_only_its_holder_releases_it, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_token_saved_while_redis_is_away_is_written_back, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(a_log_out_is_not_undone_but_a_restart_is, setup, teardown),
        cmocka_unit_test_setup_teardown(a_newer_token_stored_meanwhile_wins, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
