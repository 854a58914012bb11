/*
 * Test harness: start a spotc-emulator on an ephemeral port for one test and
 * stop it afterwards, so tests run in parallel without sharing state.
 */
#ifndef SPOTC_TEST_HARNESS_H
#define SPOTC_TEST_HARNESS_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sys/types.h>
#include <spotc.h>

typedef struct emu {
    pid_t pid;
    pid_t proxy_pid;   /* the validating proxy in front of it, when SPOTC_SPEC_PROXY is set */
    char url[128];     /* http://127.0.0.1:PORT */
    char api_base[160]; /* url + "/v1" */
    int port;
} emu;

/* Start build/spotc-emulator (SPOTC_EMULATOR) with extra arguments (NULL-terminated
 * list, may be empty). Fails the test when it does not come up.
 *
 * When SPOTC_SPEC_PROXY names a command (`CMD UPSTREAM_ROOT_URL PORT`, e.g. a Prism
 * validating proxy of Spotify's OpenAPI document), it is started in front of the
 * emulator: api_base then goes through it (and the emulator's links name it), while
 * url (accounts service, control API) stays direct. See docs/spec-proxy.md. */
void emu_start(emu *e, ...);
void emu_startv(emu *e, const char *const *args);
/* SIGTERM and reap; asserts a clean exit status. */
void emu_stop(emu *e);

/* Send a raw HTTP request to the emulator (control API and checks that bypass the
 * library). Returns the status; *body_out (malloc'd, caller frees) may be NULL. */
int emu_http(const emu *e, const char *method, const char *path, const char *headers,
             const char *body, char **body_out);

/* A control API call (/_emulator/...) that must answer 200 with JSON; fails the test
 * otherwise. @return the JSON (the caller json_decref()s). */
struct json_t *emu_control(const emu *e, const char *method, const char *path, const char *body);

/* A string member of a control API call's answer, copied (the caller frees). */
char *emu_control_string(const emu *e, const char *method, const char *path, const char *body,
                         const char *key);

/* An access token of an emulator user ("demo", "free", "mara" ...) with these scopes
 * (space-separated), from /_emulator/token (the caller frees). */
char *emu_user_token(const emu *e, const char *user, const char *scopes);

/* A client against this emulator with the default app's credentials (spotc-demo). */
spotc_client *emu_client(const emu *e, const spotc_client_options *base);

/* Run the CLI (SPOTC_CLI) with arguments; environment points it at the emulator.
 * Captures stdout and stderr (malloc'd, caller frees; may pass NULL). Returns the exit status. */
int run_cli(const emu *e, char **out, char **err, const char *const *argv);

/* Where a test that reads a long playlist of `total` items to its end starts: 0, or
 * under valgrind (ctest's memcheck/ tests set SPOTC_TEST_MEMCHECK) its last 2,000.
 * Valgrind runs the client some 50 times slower and every page past the first few
 * takes the same path: reading the whole 10,000 made up a third of `make check`. */
size_t harness_long_from(size_t total);

#endif
