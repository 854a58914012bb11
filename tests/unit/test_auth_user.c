/* Code exchange, refresh and the user token source, against a scripted fake
 * server on 127.0.0.1 (the emulator's user grants are tested in integration). */
#define _GNU_SOURCE /* strcasestr() */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <spotc.h>

#define MAX_STEPS 8
#define TOKEN_JSON(a, r)                                                                           \
    "{\"access_token\":\"" a "\",\"token_type\":\"Bearer\",\"expires_in\":3600" r "}"

/* ---------------------------------------------------------- fake server */

typedef struct step {
    int status;
    const char *body;
} step;

typedef struct fake {
    int fd, port;
    pthread_t thread;
    step script[MAX_STEPS];
    size_t nsteps;
    char *requests[MAX_STEPS]; /* what each step received (head and body) */
    size_t served;
} fake;

static char *read_request(int c)
{
    size_t cap = 16384, len = 0;
    char *buf = calloc(1, cap + 1);
    ssize_t n;
    while (buf && len < cap && (n = recv(c, buf + len, cap - len, 0)) > 0) {
        len += (size_t)n;
        char *end = strstr(buf, "\r\n\r\n");
        if (!end)
            continue;
        char *cl = strcasestr(buf, "\r\nContent-Length:");
        size_t body = cl && cl < end ? strtoul(cl + 17, NULL, 10) : 0;
        if (len >= (size_t)(end + 4 - buf) + body)
            break;
    }
    return buf;
}

static void *serve(void *arg)
{
    fake *f = arg;
    while (f->served < f->nsteps) {
        int c = accept(f->fd, NULL, NULL);
        if (c < 0)
            break;
        const step *s = &f->script[f->served];
        f->requests[f->served++] = read_request(c);
        char head[256];
        int n = snprintf(head, sizeof head,
                         "HTTP/1.1 %d X\r\nContent-Type: application/json\r\n"
                         "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                         s->status, strlen(s->body));
        (void)!send(c, head, (size_t)n, MSG_NOSIGNAL);
        (void)!send(c, s->body, strlen(s->body), MSG_NOSIGNAL);
        close(c);
    }
    return NULL;
}

static void fake_start(fake *f, const step *script, size_t n)
{
    memset(f, 0, sizeof *f);
    if (n)
        memcpy(f->script, script, n * sizeof *script);
    f->nsteps = n;
    f->fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t sl = sizeof a;
    assert_int_equal(bind(f->fd, (struct sockaddr *)&a, sl), 0);
    assert_int_equal(listen(f->fd, 8), 0);
    assert_int_equal(getsockname(f->fd, (struct sockaddr *)&a, &sl), 0);
    f->port = ntohs(a.sin_port);
    assert_int_equal(pthread_create(&f->thread, NULL, serve, f), 0);
}

/* Stop and check that exactly the script was served. */
static void fake_stop(fake *f, size_t expect_served)
{
    shutdown(f->fd, SHUT_RDWR);
    if (f->served < f->nsteps) { /* unblock accept() */
        int c = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)f->port)};
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        (void)!connect(c, (struct sockaddr *)&a, sizeof a);
        close(c);
    }
    pthread_join(f->thread, NULL);
    close(f->fd);
    size_t served = f->served;
    for (size_t i = 0; i < MAX_STEPS; i++)
        free(f->requests[i]);
    assert_int_equal(served, expect_served);
}

static spotc_client *client_for(const fake *f, const char *secret, spotc_token_store *store)
{
    char api[64], accounts[64];
    snprintf(accounts, sizeof accounts, "http://127.0.0.1:%d", f->port);
    snprintf(api, sizeof api, "http://127.0.0.1:%d/v1", f->port);
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.client_id = "spotc-demo";
    o.client_secret = secret;
    o.api_base = api;
    o.accounts_base = accounts;
    o.max_retries = SPOTC_NO_RETRY;
    o.token_store = store;
    spotc_client *c = NULL;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    return c;
}

/* ------------------------------------------------------------ exchange */

static void exchange_pkce(void **state)
{
    (void)state;
    fake f;
    step s[] = {{200, TOKEN_JSON("A1", ",\"refresh_token\":\"R1\",\"scope\":\"s1 s2\"")}};
    fake_start(&f, s, 1);
    spotc_client *c = client_for(&f, NULL, NULL);
    spotc_token t;
    const char *verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    int rc = spotc_auth_exchange_code(&t, c, "the-code", "http://127.0.0.1:9/callback", verifier);
    assert_int_equal(rc, 0);
    assert_string_equal(t.access_token, "A1");
    assert_string_equal(t.refresh_token, "R1");
    assert_string_equal(t.scope, "s1 s2");
    assert_string_equal(t.client_id, "spotc-demo");
    assert_true(t.expires_at > (int64_t)time(NULL) + 3000);
    const char *req = f.requests[0];
    assert_non_null(strstr(req, "POST /api/token "));
    assert_null(strcasestr(req, "\r\nAuthorization:")); /* PKCE: no secret, no header */
    assert_non_null(strstr(req, "grant_type=authorization_code"));
    assert_non_null(strstr(req, "code=the-code"));
    assert_non_null(strstr(req, "redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcallback"));
    assert_non_null(strstr(req, "client_id=spotc-demo"));
    assert_non_null(strstr(req, "code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    spotc_token_clear(&t);
    assert_int_equal(spotc_auth_exchange_code(&t, c, "", "http://127.0.0.1:9/cb", NULL),
                     SPOTC_EINVALID);
    assert_int_equal(spotc_auth_exchange_code(&t, c, "x", "http://127.0.0.1:9/cb", "short"),
                     SPOTC_EINVALID);
    spotc_client_free(c);
    fake_stop(&f, 1);
}

static void exchange_with_secret(void **state)
{
    (void)state;
    fake f;
    step s[] = {{200, TOKEN_JSON("A1", ",\"refresh_token\":\"R1\"")}};
    fake_start(&f, s, 1);
    spotc_client *c = client_for(&f, "spotc-demo-secret", NULL);
    spotc_token t;
    assert_int_equal(spotc_auth_exchange_code(&t, c, "c0de", "http://127.0.0.1:9/cb", NULL), 0);
    const char *req = f.requests[0];
    /* base64("spotc-demo:spotc-demo-secret") */
    assert_non_null(strstr(req, "Authorization: Basic c3BvdGMtZGVtbzpzcG90Yy1kZW1vLXNlY3JldA=="));
    assert_null(strstr(req, "code_verifier"));
    assert_null(t.scope);
    spotc_token_clear(&t);
    spotc_client_free(c);
    fake_stop(&f, 1);
}

static void exchange_refused(void **state)
{
    (void)state;
    fake f;
    step s[] = {{400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid code\"}"}};
    fake_start(&f, s, 1);
    spotc_client *c = client_for(&f, NULL, NULL);
    spotc_token t;
    assert_int_equal(spotc_auth_exchange_code(&t, c, "old", "http://127.0.0.1:9/cb",
                                              "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                     SPOTC_EAUTH);
    assert_null(t.access_token);
    assert_string_equal(spotc_client_last_error(c)->oauth_error, "invalid_grant");
    spotc_client_free(c);
    fake_stop(&f, 1);
}

/* ------------------------------------------------------------- refresh */

static spotc_token tokens(const char *access, const char *refresh, int64_t expires_at)
{
    spotc_token t = {0};
    t.access_token = strdup(access);
    t.refresh_token = refresh ? strdup(refresh) : NULL;
    t.expires_at = expires_at;
    t.scope = strdup("user-read-private");
    t.client_id = strdup("spotc-demo");
    t.user = strdup("demo");
    return t;
}

static void refresh_rotates_or_keeps(void **state)
{
    (void)state;
    fake f;
    step s[] = {{200, TOKEN_JSON("A2", ",\"refresh_token\":\"R2\",\"scope\":\"a b\"")},
                {200, TOKEN_JSON("A3", "")}};
    fake_start(&f, s, 2);
    spotc_client *c = client_for(&f, NULL, NULL);
    spotc_token t = tokens("A1", "R1", 1);
    assert_int_equal(spotc_auth_refresh(&t, c), 0);
    assert_string_equal(t.access_token, "A2");
    assert_string_equal(t.refresh_token, "R2"); /* rotated */
    assert_string_equal(t.scope, "a b");
    assert_string_equal(t.user, "demo");
    assert_non_null(strstr(f.requests[0], "grant_type=refresh_token&refresh_token=R1"
                                          "&client_id=spotc-demo"));
    assert_int_equal(spotc_auth_refresh(&t, c), 0);
    assert_string_equal(t.access_token, "A3");
    assert_string_equal(t.refresh_token, "R2"); /* none returned: the old one is kept */
    assert_string_equal(t.scope, "a b");
    assert_non_null(strstr(f.requests[1], "refresh_token=R2"));
    spotc_token_clear(&t);
    spotc_client_free(c);
    fake_stop(&f, 2);
}

static void refresh_invalid_grant_asks_to_log_in(void **state)
{
    (void)state;
    fake f;
    step s[] = {{400, "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token "
                      "revoked\"}"}};
    fake_start(&f, s, 1);
    spotc_client *c = client_for(&f, "spotc-demo-secret", NULL);
    spotc_token t = tokens("A1", "R1", 1);
    assert_int_equal(spotc_auth_refresh(&t, c), SPOTC_ELOGIN);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "spotc auth login"));
    assert_non_null(strstr(f.requests[0], "Authorization: Basic "));
    assert_string_equal(t.access_token, "A1"); /* untouched */
    assert_string_equal(t.refresh_token, "R1");
    spotc_token_clear(&t);
    t = tokens("A1", NULL, 1);
    assert_int_equal(spotc_auth_refresh(&t, c), SPOTC_ELOGIN); /* nothing to spend */
    spotc_token_clear(&t);
    spotc_client_free(c);
    fake_stop(&f, 1);
}

/* -------------------------------------------------- user token source */

static char tmpdir[64];

static spotc_token_store *store_with(const char *access, const char *refresh, int64_t expires_at)
{
    spotc_token_store *st = NULL;
    spotc_token_store_file_options o = SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT;
    o.dir = tmpdir;
    assert_int_equal(spotc_token_store_file_new(&st, &o), 0);
    if (access) {
        spotc_token t = tokens(access, refresh, expires_at);
        assert_int_equal(st->save(&t, st->payload, NULL, 0), 0);
        spotc_token_clear(&t);
    } else {
        assert_int_equal(st->clear(st->payload, NULL, 0), 0);
    }
    return st;
}

static void assert_stored(spotc_token_store *st, const char *access, const char *refresh)
{
    spotc_token t;
    assert_int_equal(st->load(&t, st->payload, NULL, 0), 0);
    assert_string_equal(t.access_token, access);
    assert_string_equal(t.refresh_token, refresh);
    assert_string_equal(t.user, "demo");
    spotc_token_clear(&t);
}

static void source_refreshes_expired_and_saves(void **state)
{
    (void)state;
    fake f;
    step s[] = {{200, TOKEN_JSON("A2", ",\"refresh_token\":\"R2\"")}};
    fake_start(&f, s, 1);
    spotc_token_store *st = store_with("A1", "R1", (int64_t)time(NULL) - 10);
    spotc_client *c = client_for(&f, NULL, st);
    char *tok = NULL;
    assert_int_equal(spotc_auth_get_access_token(&tok, c), 0);
    assert_string_equal(tok, "A2");
    spotc_free(tok);
    assert_stored(st, "A2", "R2");
    assert_int_equal(spotc_auth_get_access_token(&tok, c), 0); /* fresh now: no request */
    assert_string_equal(tok, "A2");
    spotc_free(tok);
    spotc_client_free(c);
    fake_stop(&f, 1);
    spotc_token_store_file_free(st);
}

static void source_uses_fresh_store_without_requests(void **state)
{
    (void)state;
    fake f;
    fake_start(&f, NULL, 0);
    spotc_token_store *st = store_with("A1", "R1", (int64_t)time(NULL) + 3600);
    spotc_client *c = client_for(&f, NULL, st);
    char *tok = NULL;
    assert_int_equal(spotc_auth_get_access_token(&tok, c), 0);
    assert_string_equal(tok, "A1");
    spotc_free(tok);
    spotc_client_free(c);
    fake_stop(&f, 0);
    spotc_token_store_file_free(st);

    st = store_with(NULL, NULL, 0);
    c = client_for(&f, NULL, st);
    assert_int_equal(spotc_auth_get_access_token(&tok, c), SPOTC_ELOGIN);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "spotc auth login"));
    assert_null(tok);
    spotc_client_free(c);
    spotc_token_store_file_free(st);
}

static void source_401_refreshes_once_and_replays(void **state)
{
    (void)state;
    fake f;
    step s[] = {{401, "{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}"},
                {200, TOKEN_JSON("A2", ",\"refresh_token\":\"R2\"")},
                {200, "{\"id\":\"demo\"}"}};
    fake_start(&f, s, 3);
    spotc_token_store *st = store_with("A1", "R1", (int64_t)time(NULL) + 3600);
    spotc_client *c = client_for(&f, NULL, st);
    spotc_response *resp = NULL;
    assert_int_equal(spotc_request_send(&resp, c, "GET", "/me", NULL, 0, NULL), 0);
    spotc_response_free(resp);
    assert_non_null(strstr(f.requests[0], "Authorization: Bearer A1"));
    assert_non_null(strstr(f.requests[1], "refresh_token=R1"));
    assert_non_null(strstr(f.requests[2], "Authorization: Bearer A2"));
    assert_stored(st, "A2", "R2");
    spotc_client_free(c);
    fake_stop(&f, 3);
    spotc_token_store_file_free(st);
}

static void source_401_takes_token_another_process_refreshed(void **state)
{
    (void)state;
    fake f;
    step s[] = {{401, "{\"error\":{\"status\":401,\"message\":\"The access token expired\"}}"},
                {200, "{\"id\":\"demo\"}"}};
    fake_start(&f, s, 2);
    spotc_token_store *st = store_with("A1", "R1", (int64_t)time(NULL) + 3600);
    spotc_client *c = client_for(&f, NULL, st);
    char *tok = NULL;
    assert_int_equal(spotc_auth_get_access_token(&tok, c), 0); /* the client now holds A1 */
    spotc_free(tok);
    spotc_token_store *other = store_with("A9", "R9", (int64_t)time(NULL) + 3600);
    spotc_response *resp = NULL;
    assert_int_equal(spotc_request_send(&resp, c, "GET", "/me", NULL, 0, NULL), 0);
    spotc_response_free(resp);
    assert_non_null(strstr(f.requests[0], "Authorization: Bearer A1"));
    assert_non_null(strstr(f.requests[1], "Authorization: Bearer A9")); /* no refresh */
    assert_stored(st, "A9", "R9");
    spotc_client_free(c);
    fake_stop(&f, 2);
    spotc_token_store_file_free(other);
    spotc_token_store_file_free(st);
}

static void in_memory_refresh_token(void **state)
{
    (void)state;
    fake f;
    step s[] = {{200, TOKEN_JSON("A1", ",\"refresh_token\":\"R2\"")}};
    fake_start(&f, s, 1);
    char accounts[64];
    snprintf(accounts, sizeof accounts, "http://127.0.0.1:%d", f.port);
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.client_id = "spotc-demo";
    o.accounts_base = accounts;
    o.refresh_token = "R1";
    spotc_client *c = NULL;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    char *tok = NULL;
    assert_int_equal(spotc_auth_get_access_token(&tok, c), 0);
    assert_string_equal(tok, "A1");
    spotc_free(tok);
    assert_non_null(strstr(f.requests[0], "refresh_token=R1&client_id=spotc-demo"));
    spotc_client_free(c);
    fake_stop(&f, 1);
}

/* ---------------------------------------------------------- whole login */

typedef struct browser {
    int paste_fd; /* >= 0: paste the redirect there instead of sending it */
    pid_t pid;
    char url[1024];
} browser;

/* on_url: play the user who agrees, through the listener or a paste. */
static void agree(const char *url, void *payload)
{
    browser *b = payload;
    snprintf(b->url, sizeof b->url, "%s", url);
    const char *st = strstr(url, "&state="), *ru = strstr(url, "&redirect_uri=");
    assert_non_null(st);
    assert_non_null(ru);
    char state[64], line[256];
    snprintf(state, sizeof state, "%.*s", (int)strcspn(st + 7, "&"), st + 7);
    if (b->paste_fd >= 0) {
        int n = snprintf(line, sizeof line, "http://127.0.0.1:1/cb?code=PASTED&state=%s\n", state);
        assert_int_equal(write(b->paste_fd, line, (size_t)n), n);
        return;
    }
    int port = atoi(ru + strlen("&redirect_uri=http%3A%2F%2F127.0.0.1%3A"));
    b->pid = fork();
    assert_true(b->pid >= 0);
    if (b->pid == 0) {
        int c = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(c, (struct sockaddr *)&a, sizeof a) != 0)
            _exit(1);
        int n =
            snprintf(line, sizeof line, "GET /callback?code=C0DE&state=%s HTTP/1.1\r\n\r\n", state);
        (void)!send(c, line, (size_t)n, MSG_NOSIGNAL);
        (void)!recv(c, line, sizeof line, 0);
        _exit(0);
    }
}

static void whole_login_pkce(void **state)
{
    (void)state;
    fake f;
    step s[] = {{200, TOKEN_JSON("A1", ",\"refresh_token\":\"R1\"")}};
    fake_start(&f, s, 1);
    spotc_client *c = client_for(&f, NULL, NULL);
    browser b = {.paste_fd = -1, .pid = -1};
    spotc_login_options o = SPOTC_LOGIN_OPTIONS_INIT;
    o.scope = "user-read-private,user-library-read";
    o.on_url = agree;
    o.payload = &b;
    spotc_token t;
    char err[256] = "";
    int rc = spotc_auth_login(&t, c, &o, err, sizeof err);
    if (b.pid > 0)
        waitpid(b.pid, NULL, 0);
    if (rc != 0)
        fail_msg("login: %d %s", rc, err);
    assert_string_equal(t.access_token, "A1");
    assert_string_equal(t.refresh_token, "R1");
    assert_non_null(strstr(b.url, "/authorize?client_id=spotc-demo&response_type=code"));
    assert_non_null(strstr(b.url, "&scope=user-read-private%20user-library-read"));
    assert_non_null(strstr(b.url, "&code_challenge_method=S256&code_challenge="));
    assert_non_null(strstr(f.requests[0], "code=C0DE"));
    assert_non_null(strstr(f.requests[0], "code_verifier="));
    assert_non_null(strstr(f.requests[0], "redirect_uri=http%3A%2F%2F127.0.0.1%3A"));
    spotc_token_clear(&t);
    spotc_client_free(c);
    fake_stop(&f, 1);
}

static void whole_login_paste_with_secret(void **state)
{
    (void)state;
    fake f;
    step s[] = {{200, TOKEN_JSON("A1", ",\"refresh_token\":\"R1\"")}};
    fake_start(&f, s, 1);
    spotc_client *c = client_for(&f, "spotc-demo-secret", NULL);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    browser b = {.paste_fd = fds[1], .pid = -1};
    spotc_login_options o = SPOTC_LOGIN_OPTIONS_INIT;
    o.use_secret = 1;
    o.redirect_uri = "http://127.0.0.1/callback"; /* no port: an ephemeral one */
    o.paste = 1;
    o.paste_fd = fds[0];
    o.on_url = agree;
    o.payload = &b;
    spotc_token t;
    char err[256] = "";
    assert_int_equal(spotc_auth_login(&t, c, &o, err, sizeof err), 0);
    assert_null(strstr(b.url, "code_challenge"));
    assert_non_null(strstr(f.requests[0], "code=PASTED"));
    assert_non_null(strstr(f.requests[0], "Authorization: Basic "));
    spotc_token_clear(&t);

    o.redirect_uri = "http://localhost:8888/callback";
    assert_int_equal(spotc_auth_login(&t, c, &o, err, sizeof err), SPOTC_EINVALID);
    assert_non_null(strstr(err, "localhost"));
    o.redirect_uri = "https://example.org/callback";
    assert_int_equal(spotc_auth_login(&t, c, &o, err, sizeof err), SPOTC_EINVALID);
    o.redirect_uri = NULL;
    o.on_url = NULL;
    assert_int_equal(spotc_auth_login(&t, c, &o, err, sizeof err), SPOTC_EINVALID);
    close(fds[0]);
    close(fds[1]);
    spotc_client_free(c);
    fake_stop(&f, 1);
}

static int setup(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/spotc-auth-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exchange_pkce),
        cmocka_unit_test(exchange_with_secret),
        cmocka_unit_test(exchange_refused),
        cmocka_unit_test(refresh_rotates_or_keeps),
        cmocka_unit_test(refresh_invalid_grant_asks_to_log_in),
        cmocka_unit_test(source_refreshes_expired_and_saves),
        cmocka_unit_test(source_uses_fresh_store_without_requests),
        cmocka_unit_test(source_401_refreshes_once_and_replays),
        cmocka_unit_test(source_401_takes_token_another_process_refreshed),
        cmocka_unit_test(in_memory_refresh_token),
        cmocka_unit_test(whole_login_pkce),
        cmocka_unit_test(whole_login_paste_with_secret),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
