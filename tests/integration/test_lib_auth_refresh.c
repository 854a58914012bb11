/* The user token source against the emulator: refresh after expiry (the
 * emulator's clock), a rotated refresh token stored, two processes sharing a
 * store refresh once, an expired or spent refresh token asks to log in again. */
#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct fixture {
    emu e;
    char dir[64];
    char track_path[96]; /* /tracks/ID */
} fixture;

static json_t *control(const emu *e, const char *method, const char *path, const char *body)
{
    char *out = NULL;
    int status = emu_http(e, method, path, NULL, body, &out);
    if (status != 200)
        fail_msg("%s %s: %d %s", method, path, status, out);
    json_t *j = json_loads(out, 0, NULL);
    free(out);
    assert_non_null(j);
    return j;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    emu_start(&f->e, NULL);
    strcpy(f->dir, "/tmp/spotc-refresh-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    json_t *sample = control(&f->e, "GET", "/_emulator/sample", NULL);
    snprintf(f->track_path, sizeof f->track_path, "/tracks/%s",
             json_string_value(json_object_get(sample, "track")));
    json_decref(sample);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    emu_stop(&f->e);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int rc = system(cmd);
    free(f);
    return rc;
}

static spotc_token_store *store_of(const fixture *f)
{
    spotc_token_store *st = NULL;
    spotc_token_store_file_options o = SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT;
    o.dir = f->dir;
    assert_int_equal(spotc_token_store_file_new(&st, &o), 0);
    return st;
}

/* Log the user in through the control API (what the browser login yields) and store it. */
static void login(const fixture *f, spotc_token_store *st)
{
    json_t *j = control(&f->e, "POST", "/_emulator/token",
                        "{\"user\":\"demo\",\"scope\":\"user-read-private\","
                        "\"client_id\":\"spotc-demo\"}");
    spotc_token t = {0};
    t.access_token = strdup(json_string_value(json_object_get(j, "access_token")));
    t.refresh_token = strdup(json_string_value(json_object_get(j, "refresh_token")));
    t.expires_at = (int64_t)time(NULL) + json_integer_value(json_object_get(j, "expires_in"));
    t.client_id = strdup("spotc-demo");
    t.user = strdup("demo");
    json_decref(j);
    assert_int_equal(st->save(&t, st->payload, NULL, 0), 0);
    spotc_token_clear(&t);
}

static json_int_t refreshes(const emu *e)
{
    json_t *s = control(e, "GET", "/_emulator/stats", NULL);
    json_int_t n =
        json_integer_value(json_object_get(json_object_get(s, "grants"), "refresh_token"));
    json_decref(s);
    return n;
}

/* A PKCE-style client (no secret): refresh tokens rotate. */
static spotc_client *user_client(const fixture *f, spotc_token_store *st)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.client_id = "spotc-demo";
    o.token_store = st;
    return emu_client(&f->e, &o);
}

static char *stored_refresh(spotc_token_store *st)
{
    spotc_token t;
    assert_int_equal(st->load(&t, st->payload, NULL, 0), 0);
    char *r = strdup(t.refresh_token);
    spotc_token_clear(&t);
    return r;
}

static void refresh_after_expiry_rotates(void **state)
{
    fixture *f = *state;
    spotc_token_store *st = store_of(f);
    login(f, st);
    char *first = stored_refresh(st);
    spotc_client *c = user_client(f, st);
    assert_int_equal(spotc_request_send(NULL, c, "GET", f->track_path, NULL, 0, NULL), 0);
    assert_int_equal(refreshes(&f->e), 0);

    json_decref(control(&f->e, "POST", "/_emulator/clock", "{\"advance\": 3700}"));
    int rc = spotc_request_send(NULL, c, "GET", f->track_path, NULL, 0, NULL);
    if (rc != 0)
        fail_msg("after expiry: %d %s", rc, spotc_client_last_error(c)->message);
    assert_int_equal(refreshes(&f->e), 1);
    char *second = stored_refresh(st);
    assert_string_not_equal(first, second); /* the rotated one was stored */

    /* the first refresh token is spent: using it asks for a new login */
    spotc_token old = {0};
    old.access_token = strdup("x");
    old.refresh_token = first;
    old.client_id = strdup("spotc-demo");
    assert_int_equal(spotc_auth_refresh(&old, c), SPOTC_ELOGIN);
    assert_non_null(strstr(spotc_client_last_error(c)->message, "spotc auth login"));
    spotc_token_clear(&old);
    free(second);
    spotc_client_free(c);
    spotc_token_store_file_free(st);
}

static void two_processes_refresh_once(void **state)
{
    fixture *f = *state;
    spotc_token_store *st = store_of(f);
    login(f, st);
    spotc_token_store_file_free(st);
    json_int_t before = refreshes(&f->e);
    json_decref(control(&f->e, "POST", "/_emulator/clock", "{\"advance\": 3700}"));
    /* A slow token endpoint holds the first refresh open while the second
     * process gets its 401, so the two really meet. */
    json_decref(control(&f->e, "POST", "/_emulator/faults",
                        "{\"rules\":[{\"method\":\"POST\",\"path\":\"/api/token\","
                        "\"fault\":\"latency\",\"delay_ms\":400,\"times\":0}]}"));
    int gate[2];
    assert_int_equal(pipe(gate), 0);
    pid_t kids[2];
    for (int i = 0; i < 2; i++) {
        kids[i] = fork();
        assert_true(kids[i] >= 0);
        if (kids[i] == 0) {
            char b;
            close(gate[1]);
            (void)!read(gate[0], &b, 1); /* both start when the gate closes */
            spotc_token_store *mine = store_of(f);
            spotc_client *c = user_client(f, mine);
            int rc = spotc_request_send(NULL, c, "GET", f->track_path, NULL, 0, NULL);
            if (rc != 0)
                fprintf(stderr, "child %d: %s\n", i, spotc_client_last_error(c)->message);
            spotc_client_free(c);
            spotc_token_store_file_free(mine);
            _exit(rc == 0 ? 0 : 1);
        }
    }
    close(gate[0]);
    close(gate[1]);
    for (int i = 0; i < 2; i++) {
        int status = 0;
        assert_int_equal(waitpid(kids[i], &status, 0), kids[i]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    assert_int_equal(refreshes(&f->e) - before, 1);
}

static void expired_refresh_token_asks_to_log_in(void **state)
{
    fixture *f = *state;
    spotc_token_store *st = store_of(f);
    spotc_token t = {0};
    t.access_token = strdup("not-a-token");
    t.refresh_token = strdup("not-a-refresh-token");
    t.expires_at = 1; /* long expired */
    t.client_id = strdup("spotc-demo");
    assert_int_equal(st->save(&t, st->payload, NULL, 0), 0);
    spotc_token_clear(&t);
    spotc_client *c = user_client(f, st);
    assert_int_equal(spotc_request_send(NULL, c, "GET", f->track_path, NULL, 0, NULL),
                     SPOTC_ELOGIN);
    const spotc_error *e = spotc_client_last_error(c);
    assert_non_null(strstr(e->message, "log in again"));
    assert_null(strstr(e->message, "not-a-refresh-token"));
    spotc_client_free(c);
    assert_int_equal(st->clear(st->payload, NULL, 0), 0);
    c = user_client(f, st);
    assert_int_equal(spotc_request_send(NULL, c, "GET", f->track_path, NULL, 0, NULL),
                     SPOTC_ELOGIN);
    spotc_client_free(c);
    spotc_token_store_file_free(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(refresh_after_expiry_rotates, setup, teardown),
        cmocka_unit_test_setup_teardown(two_processes_refresh_once, setup, teardown),
        cmocka_unit_test_setup_teardown(expired_refresh_token_asks_to_log_in, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
