/* The one-shot loopback listener, driven by a child process with raw sockets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <spotc.h>

#define STATE "st4te-_x"

static int connect_to(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0)
        _exit(90);
    return fd;
}

/* Send a request and read the whole answer (the listener closes). */
static void http(int port, const char *request, char *resp, size_t size)
{
    int fd = connect_to(port);
    if (send(fd, request, strlen(request), MSG_NOSIGNAL) != (ssize_t)strlen(request))
        _exit(91);
    size_t len = 0;
    ssize_t n;
    while (len + 1 < size && (n = recv(fd, resp + len, size - 1 - len, 0)) > 0)
        len += (size_t)n;
    resp[len] = '\0';
    close(fd);
}

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The child plays the browser: a stray favicon request, an idle speculative
 * connection, a request to the path without a code, then `final`. Its exit
 * status says which expectation failed. */
static pid_t browser(int port, const char *final, const char *expect_status)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid != 0)
        return pid;
    char resp[4096];
    int idle = connect_to(port); /* never sends a byte */
    http(port, "GET /favicon.ico HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", resp, sizeof resp);
    if (!starts(resp, "HTTP/1.1 404 "))
        _exit(10);
    http(port, "GET /callback HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", resp, sizeof resp);
    if (!starts(resp, "HTTP/1.1 404 "))
        _exit(11);
    http(port, "POST /callback?code=x&state=" STATE " HTTP/1.1\r\n\r\n", resp, sizeof resp);
    if (!starts(resp, "HTTP/1.1 400 "))
        _exit(12);
    http(port, final, resp, sizeof resp);
    if (!starts(resp, expect_status))
        _exit(13);
    if (strstr(resp, STATE) || strstr(resp, "code=")) /* the page echoes nothing */
        _exit(14);
    if (strcmp(expect_status, "HTTP/1.1 200 ") == 0 && !strstr(resp, "close this window"))
        _exit(15);
    close(idle);
    _exit(0);
}

static void reap(pid_t pid)
{
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    if (WEXITSTATUS(status) != 0)
        fail_msg("browser child failed with %d", WEXITSTATUS(status));
}

static spotc_listener *listen_here(void)
{
    spotc_listener *l = NULL;
    char err[256] = "";
    spotc_listener_options o = SPOTC_LISTENER_OPTIONS_INIT;
    o.host = "127.0.0.1";
    if (spotc_listener_new(&l, &o, err, sizeof err) != 0)
        fail_msg("listener: %s", err);
    return l;
}

static void good_redirect_after_strays(void **state)
{
    (void)state;
    spotc_listener *l = listen_here();
    int port = spotc_listener_get_port(l);
    assert_true(port > 0);
    char uri[64];
    snprintf(uri, sizeof uri, "http://127.0.0.1:%d/callback", port);
    assert_string_equal(spotc_listener_get_redirect_uri(l), uri);

    pid_t pid = browser(port, "GET /callback?code=AQ%2Bc0de&state=" STATE " HTTP/1.1\r\n\r\n",
                        "HTTP/1.1 200 ");
    spotc_redirect r;
    char err[256] = "";
    int rc = spotc_listener_wait(&r, l, STATE, 30000, -1, err, sizeof err);
    reap(pid);
    if (rc != 0)
        fail_msg("wait: %d %s", rc, err);
    assert_string_equal(r.code, "AQ+c0de");
    spotc_redirect_clear(&r);
    spotc_listener_free(l);
}

static void refused_redirect(const char *final, int expect, const char *word)
{
    spotc_listener *l = listen_here();
    pid_t pid = browser(spotc_listener_get_port(l), final, "HTTP/1.1 400 ");
    spotc_redirect r;
    char err[256] = "";
    int rc = spotc_listener_wait(&r, l, STATE, 30000, -1, err, sizeof err);
    reap(pid);
    assert_int_equal(rc, expect);
    assert_null(r.code);
    assert_non_null(strstr(err, word));
    spotc_listener_free(l);
}

static void wrong_state_refused(void **state)
{
    (void)state;
    refused_redirect("GET /callback?code=c&state=forged HTTP/1.1\r\n\r\n", SPOTC_ESTATE, "state");
}

static void access_denied_refused(void **state)
{
    (void)state;
    refused_redirect("GET /callback?error=access_denied&state=" STATE " HTTP/1.1\r\n\r\n",
                     SPOTC_EDENIED, "refused");
}

static void non_loopback_refused(void **state)
{
    (void)state;
    static const char *const hosts[] = {"0.0.0.0", "::",        "192.0.2.1",       "localhost",
                                        "",        "127.0.0.2", "::ffff:127.0.0.1"};
    for (size_t i = 0; i < sizeof hosts / sizeof hosts[0]; i++) {
        spotc_listener *l = (spotc_listener *)1;
        char err[256] = "";
        spotc_listener_options o = SPOTC_LISTENER_OPTIONS_INIT;
        o.host = hosts[i];
        assert_int_equal(spotc_listener_new(&l, &o, err, sizeof err), SPOTC_EINVALID);
        assert_null(l);
        assert_non_null(strstr(err, "127.0.0.1"));
    }
    spotc_listener *l = NULL;
    spotc_listener_options o = SPOTC_LISTENER_OPTIONS_INIT;
    o.port = 70000;
    assert_int_equal(spotc_listener_new(&l, &o, NULL, 0), SPOTC_EINVALID);
    o.port = 0;
    o.path = "callback";
    assert_int_equal(spotc_listener_new(&l, &o, NULL, 0), SPOTC_EINVALID);
    o.path = "/cb?x=1";
    assert_int_equal(spotc_listener_new(&l, &o, NULL, 0), SPOTC_EINVALID);
    o.path = NULL;
    o.version = 42;
    assert_int_equal(spotc_listener_new(&l, &o, NULL, 0), SPOTC_EINVALID);
}

static void timeout(void **state)
{
    (void)state;
    spotc_listener *l = listen_here();
    spotc_redirect r;
    char err[256] = "";
    assert_int_equal(spotc_listener_wait(&r, l, STATE, 50, -1, err, sizeof err), SPOTC_ETIMEOUT);
    assert_non_null(strstr(err, "login"));
    assert_int_equal(spotc_listener_wait(&r, l, "", 50, -1, NULL, 0), SPOTC_EINVALID);
    spotc_listener_free(l);
    spotc_listener_free(NULL);
}

static void port_taken(void **state)
{
    (void)state;
    spotc_listener *a = listen_here(), *b = NULL;
    spotc_listener_options o = SPOTC_LISTENER_OPTIONS_INIT;
    o.port = spotc_listener_get_port(a);
    char err[256] = "";
    assert_int_equal(spotc_listener_new(&b, &o, err, sizeof err), SPOTC_EIO);
    assert_null(b);
    spotc_listener_free(a);
}

static int paste(const char *text, spotc_redirect *r, char *err, size_t n)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], text, strlen(text)), (ssize_t)strlen(text));
    close(fds[1]);
    spotc_listener *l = listen_here();
    int rc = spotc_listener_wait(r, l, STATE, 100, fds[0], err, n);
    close(fds[0]);
    spotc_listener_free(l);
    return rc;
}

static void pasted_url(void **state)
{
    (void)state;
    spotc_redirect r;
    char err[256] = "";
    assert_int_equal(paste("\n  \nhttp://127.0.0.1:9/callback?code=pasted&state=" STATE "\n", &r,
                           err, sizeof err),
                     0);
    assert_string_equal(r.code, "pasted");
    spotc_redirect_clear(&r);
    /* no final newline: end of input ends the line */
    assert_int_equal(paste("code=p2&state=" STATE, &r, err, sizeof err), 0);
    assert_string_equal(r.code, "p2");
    spotc_redirect_clear(&r);
    assert_int_equal(paste("garbage\n", &r, err, sizeof err), SPOTC_EINVALID);
    assert_non_null(strstr(err, "pasted"));
    assert_int_equal(paste("http://127.0.0.1:9/callback?code=x&state=no\n", &r, err, sizeof err),
                     SPOTC_ESTATE);
    assert_int_equal(paste("http://127.0.0.1:9/callback?state=" STATE "\n", &r, err, sizeof err),
                     SPOTC_EINVALID);
    /* an empty paste (stdin at end of file) leaves the listener waiting */
    assert_int_equal(paste("", &r, err, sizeof err), SPOTC_ETIMEOUT);
}

static void ipv6_loopback(void **state)
{
    (void)state;
    spotc_listener *l = NULL;
    spotc_listener_options o = SPOTC_LISTENER_OPTIONS_INIT;
    o.host = "[::1]";
    o.path = "/cb";
    char err[256] = "";
    int rc = spotc_listener_new(&l, &o, err, sizeof err);
    if (rc == SPOTC_EIO) {
        print_message("no IPv6 loopback here: %s\n", err);
        skip();
    }
    assert_int_equal(rc, 0);
    char uri[64];
    snprintf(uri, sizeof uri, "http://[::1]:%d/cb", spotc_listener_get_port(l));
    assert_string_equal(spotc_listener_get_redirect_uri(l), uri);
    spotc_listener_free(l);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_redirect_after_strays),
        cmocka_unit_test(wrong_state_refused),
        cmocka_unit_test(access_denied_refused),
        cmocka_unit_test(non_loopback_refused),
        cmocka_unit_test(timeout),
        cmocka_unit_test(port_taken),
        cmocka_unit_test(pasted_url),
        cmocka_unit_test(ipv6_loopback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
