#include "harness.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curl/curl.h>
#include <jansson.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *emulator_path(void)
{
    const char *p = getenv("SPOTC_EMULATOR");
    return p && *p ? p : "./spotc-emulator";
}

/* A port nobody listens on right now, for the proxy (the emulator must name it in
 * its links before the proxy can be started). */
static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(fd >= 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    socklen_t len = sizeof a;
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    close(fd);
    return ntohs(a.sin_port);
}

static void start_proxy(emu *e, const char *cmd, int port)
{
    char portstr[16];
    snprintf(portstr, sizeof portstr, "%d", port);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        setpgid(0, 0); /* the proxy may spawn children: stop them as a group */
        execl(cmd, cmd, e->url, portstr, (char *)NULL);
        _exit(127);
    }
    e->proxy_pid = pid;
    snprintf(e->api_base, sizeof e->api_base, "http://127.0.0.1:%d/v1", port);
    /* Ready once it forwards a request (any answer but a connection failure). */
    emu probe = *e;
    snprintf(probe.url, sizeof probe.url, "http://127.0.0.1:%d", port);
    for (int i = 0; i < 600; i++) {
        if (emu_http(&probe, "GET", "/v1/markets", NULL, NULL, NULL) > 0)
            return;
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    fail_msg("spec proxy %s did not come up on port %d", cmd, port);
}

void emu_startv(emu *e, const char *const *args)
{
    const char *proxy = getenv("SPOTC_SPEC_PROXY");
    int proxy_port = proxy && *proxy ? free_port() : 0;
    char public_url[64];
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    const char *argv[64];
    size_t n = 0;
    argv[n++] = emulator_path();
    argv[n++] = "--port";
    argv[n++] = "0";
    if (proxy_port) {
        snprintf(public_url, sizeof public_url, "http://127.0.0.1:%d", proxy_port);
        argv[n++] = "--public-url";
        argv[n++] = public_url;
    }
    for (size_t i = 0; args && args[i] && n < 62; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    /* The first stdout line announces the address. */
    FILE *f = fdopen(fds[0], "r");
    char line[256] = "";
    if (!fgets(line, sizeof line, f)) {
        fclose(f);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        fail_msg("spotc-emulator (%s) printed nothing", argv[0]);
    }
    fclose(f); /* later output goes to a closed pipe: the emulator must ignore SIGPIPE */
    const char *prefix = "spotc-emulator listening on ";
    assert_non_null(strstr(line, prefix));
    char *u = strstr(line, prefix) + strlen(prefix);
    u[strcspn(u, "\r\n")] = 0;
    memset(e, 0, sizeof *e);
    e->pid = pid;
    snprintf(e->url, sizeof e->url, "%s", u);
    snprintf(e->api_base, sizeof e->api_base, "%s/v1", u);
    const char *colon = strrchr(e->url, ':');
    e->port = colon ? atoi(colon + 1) : 0;
    assert_true(e->port > 0);
    if (proxy_port)
        start_proxy(e, proxy, proxy_port);
}

void emu_start(emu *e, ...)
{
    const char *args[48];
    size_t n = 0;
    va_list ap;
    va_start(ap, e);
    const char *a;
    while ((a = va_arg(ap, const char *)) != NULL && n < 47)
        args[n++] = a;
    va_end(ap);
    args[n] = NULL;
    emu_startv(e, args);
}

void emu_stop(emu *e)
{
    if (e->proxy_pid > 0) {
        kill(-e->proxy_pid, SIGTERM);
        waitpid(e->proxy_pid, NULL, 0);
        e->proxy_pid = 0;
    }
    if (e->pid <= 0)
        return;
    kill(e->pid, SIGTERM);
    int status = 0;
    waitpid(e->pid, &status, 0);
    e->pid = 0;
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
}

struct buf {
    char *p;
    size_t n;
};

static size_t collect(char *data, size_t size, size_t nmemb, void *userp)
{
    struct buf *b = userp;
    size_t len = size * nmemb;
    char *np = realloc(b->p, b->n + len + 1);
    if (!np)
        return 0;
    memcpy(np + b->n, data, len);
    b->n += len;
    np[b->n] = 0;
    b->p = np;
    return len;
}

int emu_http(const emu *e, const char *method, const char *path, const char *headers,
             const char *body, char **body_out)
{
    CURL *c = curl_easy_init();
    assert_non_null(c);
    char url[1024];
    snprintf(url, sizeof url, "%s%s", e->url, path);
    struct buf b = {0};
    struct curl_slist *hl = NULL;
    if (headers) {
        char *copy = strdup(headers), *save = NULL;
        for (char *h = strtok_r(copy, "\n", &save); h; h = strtok_r(NULL, "\n", &save))
            hl = curl_slist_append(hl, h);
        free(copy);
    }
    if (body && !headers)
        hl = curl_slist_append(hl, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    if (body)
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hl);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    CURLcode rc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(hl);
    curl_easy_cleanup(c);
    if (rc != CURLE_OK)
        status = -1;
    if (body_out)
        *body_out = b.p ? b.p : strdup("");
    else
        free(b.p);
    return (int)status;
}

json_t *emu_control(const emu *e, const char *method, const char *path, const char *body)
{
    char *resp = NULL;
    assert_int_equal(emu_http(e, method, path, NULL, body, &resp), 200);
    json_t *j = json_loads(resp, 0, NULL);
    free(resp);
    assert_non_null(j);
    return j;
}

char *emu_control_string(const emu *e, const char *method, const char *path, const char *body,
                         const char *key)
{
    json_t *j = emu_control(e, method, path, body);
    const char *v = json_string_value(json_object_get(j, key));
    assert_non_null(v);
    char *copy = strdup(v);
    json_decref(j);
    return copy;
}

char *emu_user_token(const emu *e, const char *user, const char *scopes)
{
    json_t *req = json_pack("{s:s, s:s}", "user", user, "scope", scopes);
    char *body = json_dumps(req, JSON_COMPACT);
    assert_non_null(body);
    char *token = emu_control_string(e, "POST", "/_emulator/token", body, "access_token");
    free(body);
    json_decref(req);
    return token;
}

spotc_client *emu_client(const emu *e, const spotc_client_options *base)
{
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    if (base)
        o = *base;
    if (!o.client_id && !o.access_token) {
        o.client_id = "spotc-demo";
        o.client_secret = "spotc-demo-secret";
    }
    o.api_base = e->api_base;
    o.accounts_base = e->url;
    spotc_client *c = NULL;
    assert_int_equal(spotc_client_new(&c, &o), 0);
    return c;
}

static char *slurp_fd(int fd)
{
    struct buf b = {0};
    char chunk[4096];
    ssize_t r;
    while ((r = read(fd, chunk, sizeof chunk)) > 0 || (r < 0 && errno == EINTR))
        if (r > 0 && collect(chunk, 1, (size_t)r, &b) != (size_t)r)
            break;
    return b.p ? b.p : strdup("");
}

int run_cli(const emu *e, char **out, char **err, const char *const *argv)
{
    const char *cli = getenv("SPOTC_CLI");
    if (!cli || !*cli)
        cli = "./spotc";
    char errpath[] = "/tmp/spotc-test-err-XXXXXX";
    int errfd = mkstemp(errpath);
    assert_true(errfd >= 0);
    unlink(errpath);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        dup2(errfd, STDERR_FILENO);
        close(fds[0]);
        close(fds[1]);
        if (e) {
            setenv("SPOTC_API_BASE", e->api_base, 1);
            setenv("SPOTC_ACCOUNTS_BASE", e->url, 1);
            if (!getenv("SPOTIFY_CLIENT_ID") || !*getenv("SPOTIFY_CLIENT_ID")) {
                setenv("SPOTIFY_CLIENT_ID", "spotc-demo", 1);
                setenv("SPOTIFY_CLIENT_SECRET", "spotc-demo-secret", 1);
            }
        }
        const char *args[64];
        size_t n = 0;
        args[n++] = cli;
        for (size_t i = 0; argv && argv[i] && n < 63; i++)
            args[n++] = argv[i];
        args[n] = NULL;
        execv(cli, (char *const *)args);
        _exit(127);
    }
    close(fds[1]);
    char *o = slurp_fd(fds[0]);
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    lseek(errfd, 0, SEEK_SET);
    char *er = slurp_fd(errfd);
    close(errfd);
    if (out)
        *out = o;
    else
        free(o);
    if (err)
        *err = er;
    else
        free(er);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

size_t harness_long_from(size_t total)
{
    const char *memcheck = getenv("SPOTC_TEST_MEMCHECK");
    return memcheck && *memcheck && total > 2000 ? total - 2000 : 0;
}
