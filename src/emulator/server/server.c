/* libmicrohttpd glue, delayed delivery and fault delivery (see server.h). */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "deadlines.h"
#include "router.h"

#define MAX_BODY (4u << 20) /* request bodies beyond this are refused with 413 */
#define HEAD_MEMORY (64 * 1024) /* per connection: request line, headers, buffers */
#define SLOW_PIECES 10

struct request_state;

typedef struct wake {
    struct wake *next;
    struct request_state *rs;
    int64_t at_ms;
} wake;

struct emu_server {
    emu_ctx *ctx;
    struct MHD_Daemon *daemon;
    int port;
    pthread_t timer;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    wake *pending; /* sorted by at_ms */
    int stopping;
    char *cert, *key;
    emu_deadlines *deadlines;
};

/* Per request (MHD's con_cls). */
typedef struct request_state {
    emu_server *srv;
    struct MHD_Connection *conn;
    char *body;
    size_t len, cap;
    int too_large;
    int answered; /* res holds the answer, maybe waiting for its delay */
    emu_response res;
    int64_t next_piece_ms; /* slow bodies: when the next piece may go */
    int suspended;         /* waiting for the timer; guarded by the server's lock */
} request_state;

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Suspend the request's connection and have the timer resume it at @p at_ms. Call from MHD
 * callbacks only. Returns -1 (nothing suspended) when stopping or out of memory: deliver at
 * once then. A suspended request is not completed (freed) before it is resumed. */
static int sleep_until(request_state *rs, int64_t at_ms)
{
    emu_server *s = rs->srv;
    wake *w = malloc(sizeof *w);
    if (!w)
        return -1;
    pthread_mutex_lock(&s->lock);
    if (s->stopping || rs->suspended) {
        pthread_mutex_unlock(&s->lock);
        free(w);
        return s->stopping ? -1 : 0;
    }
    MHD_suspend_connection(rs->conn);
    rs->suspended = 1;
    w->rs = rs;
    w->at_ms = at_ms;
    wake **p = &s->pending;
    while (*p && (*p)->at_ms <= at_ms)
        p = &(*p)->next;
    w->next = *p;
    *p = w;
    pthread_cond_signal(&s->cond);
    pthread_mutex_unlock(&s->lock);
    return 0;
}

static void *timer_main(void *arg)
{
    emu_server *s = arg;
    pthread_mutex_lock(&s->lock);
    for (;;) {
        int64_t now = mono_ms();
        while (s->pending && (s->stopping || s->pending->at_ms <= now)) {
            wake *w = s->pending;
            s->pending = w->next;
            w->rs->suspended = 0;
            MHD_resume_connection(w->rs->conn);
            free(w);
        }
        if (s->stopping)
            break;
        if (!s->pending) {
            pthread_cond_wait(&s->cond, &s->lock);
            continue;
        }
        int64_t at = s->pending->at_ms;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        int64_t wait_ms = at - now;
        ts.tv_sec += wait_ms / 1000;
        ts.tv_nsec += (wait_ms % 1000) * 1000000;
        if (ts.tv_nsec >= 1000000000) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&s->cond, &s->lock, &ts);
    }
    pthread_mutex_unlock(&s->lock);
    return NULL;
}

static int append_body(request_state *rs, const char *data, size_t n)
{
    if (rs->too_large || rs->len + n > MAX_BODY) {
        rs->too_large = 1;
        return 0;
    }
    if (rs->len + n + 1 > rs->cap) {
        size_t cap = rs->cap ? rs->cap : 1024;
        while (cap < rs->len + n + 1)
            cap *= 2;
        char *b = realloc(rs->body, cap);
        if (!b)
            return -1;
        rs->body = b;
        rs->cap = cap;
    }
    memcpy(rs->body + rs->len, data, n);
    rs->len += n;
    return 0;
}

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    (void)kind;
    emu_kvlist *l = cls;
    return emu_kvlist_add(l, key, value) == 0 ? MHD_YES : MHD_NO;
}

/* Rebuild the raw query string: the unescape callback below keeps MHD's values raw, so
 * the core's own decoder sees (and can refuse) every original byte. */
static char *raw_query(struct MHD_Connection *conn)
{
    emu_kvlist args = {0};
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_arg, &args);
    size_t n = 1;
    for (size_t i = 0; i < args.len; i++)
        n += strlen(args.items[i].key) + strlen(args.items[i].value) + 2;
    char *q = malloc(n), *p = q;
    if (q) {
        *p = 0;
        for (size_t i = 0; i < args.len; i++)
            p += sprintf(p, "%s%s=%s", i ? "&" : "", args.items[i].key, args.items[i].value);
    }
    emu_kvlist_clear(&args);
    return q;
}

static size_t keep_raw(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls;
    (void)c;
    return strlen(s);
}

static void handle(request_state *rs, const char *url, const char *method)
{
    emu_request req;
    char *q = raw_query(rs->conn);
    int rc = emu_request_init(&req, method, url, q);
    free(q);
    if (rc < 0 && !req.bad_encoding) {
        emu_request_clear(&req);
        emu_response_error(&rs->res, 500, "Server error", NULL);
        return;
    }
    MHD_get_connection_values(rs->conn, MHD_HEADER_KIND, collect_arg, &req.headers);
    req.body = rs->body;
    req.body_len = rs->len;
    if (req.body)
        req.body[rs->len] = 0;
    req.body_too_large = rs->too_large;
    emu_handle(rs->srv->ctx, &req, &rs->res);
    req.body = NULL; /* still rs's */
    emu_request_clear(&req);
}

static ssize_t read_slow(void *cls, uint64_t pos, char *buf, size_t max)
{
    request_state *rs = cls;
    size_t total = rs->res.body_len;
    if (pos >= total)
        return MHD_CONTENT_READER_END_OF_STREAM;
    int64_t now = mono_ms();
    if (now < rs->next_piece_ms && sleep_until(rs, rs->next_piece_ms) == 0)
        return 0;
    size_t piece = total / SLOW_PIECES + 1;
    if (piece > max)
        piece = max;
    if (piece > total - pos)
        piece = total - (size_t)pos;
    memcpy(buf, rs->res.body + pos, piece);
    rs->next_piece_ms = now + rs->res.delay_ms / SLOW_PIECES;
    return (ssize_t)piece;
}

static ssize_t read_truncated(void *cls, uint64_t pos, char *buf, size_t max)
{
    request_state *rs = cls;
    if (pos >= rs->res.body_len)
        return MHD_CONTENT_READER_END_WITH_ERROR; /* MHD closes the connection */
    size_t n = rs->res.body_len - (size_t)pos;
    if (n > max)
        n = max;
    memcpy(buf, rs->res.body + pos, n);
    return (ssize_t)n;
}

static struct MHD_Response *make_response(request_state *rs)
{
    emu_response *res = &rs->res;
    switch (res->delivery) {
    case EMU_DELIVER_SLOW:
        rs->next_piece_ms = 0;
        return MHD_create_response_from_callback(res->body_len, 4096, read_slow, rs, NULL);
    case EMU_DELIVER_TRUNCATE:
        return MHD_create_response_from_callback(res->body_len + 64 + res->body_len / 2, 4096,
                                                 read_truncated, rs, NULL);
    default: {
        struct MHD_Response *r = MHD_create_response_from_buffer(
            res->body_len, res->body ? res->body : (void *)"", MHD_RESPMEM_MUST_FREE);
        if (r && res->body)
            res->body = NULL; /* MHD frees it */
        else if (r)
            res->body_len = 0;
        return r;
    }
    }
}

static enum MHD_Result deliver(request_state *rs)
{
    emu_response *res = &rs->res;
    if (res->delivery == EMU_DELIVER_RESET)
        return MHD_NO;
    if (!res->body) {
        res->body = malloc(1); /* MHD_RESPMEM_MUST_FREE wants a heap pointer */
        if (!res->body)
            return MHD_NO;
        res->body_len = 0;
    }
    struct MHD_Response *r = make_response(rs);
    if (!r)
        return MHD_NO;
    /* An empty body has no media type: a JSON Content-Type on it makes strict
     * clients (and spec validators) try to parse "" as JSON. */
    if (res->body_len)
        MHD_add_response_header(r, "Content-Type",
                                res->content_type ? res->content_type
                                                  : "application/json; charset=utf-8");
    for (size_t i = 0; i < res->nheaders; i++)
        MHD_add_response_header(r, res->headers[i].key, res->headers[i].value);
    enum MHD_Result ok = MHD_queue_response(rs->conn, (unsigned)res->status, r);
    MHD_destroy_response(r);
    return ok;
}

/* A Content-Length beyond MAX_BODY: refused from the head alone. */
static int declared_too_large(struct MHD_Connection *conn)
{
    const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    if (!cl)
        return 0;
    char *end;
    errno = 0;
    unsigned long long n = strtoull(cl, &end, 10);
    return end != cl && (errno == ERANGE || n > MAX_BODY);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_size, void **con_cls)
{
    (void)version;
    emu_server *s = cls;
    request_state *rs = *con_cls;
    if (!rs) {
        rs = calloc(1, sizeof *rs);
        if (!rs)
            return MHD_NO;
        rs->srv = s;
        rs->conn = conn;
        *con_cls = rs;
        emu_deadlines_head_done(s->deadlines, conn);
        if (!declared_too_large(conn))
            return MHD_YES;
        /* Answer before reading a body we would refuse anyway; MHD then closes. */
        rs->too_large = 1;
        emu_deadlines_body_done(s->deadlines, conn);
        handle(rs, url, method);
        rs->answered = 1;
        return deliver(rs);
    }
    if (*upload_size) {
        int rc = append_body(rs, upload_data, *upload_size);
        *upload_size = 0;
        return rc == 0 ? MHD_YES : MHD_NO;
    }
    if (!rs->answered) {
        emu_deadlines_body_done(s->deadlines, conn);
        handle(rs, url, method);
        rs->answered = 1;
        if (rs->res.delay_ms && rs->res.delivery != EMU_DELIVER_SLOW &&
            sleep_until(rs, mono_ms() + rs->res.delay_ms) == 0)
            return MHD_YES; /* called again when the timer resumes us */
    }
    return deliver(rs);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)toe;
    emu_server *s = cls;
    emu_deadlines_request_done(s->deadlines, conn);
    request_state *rs = *con_cls;
    if (!rs)
        return;
    emu_response_clear(&rs->res);
    free(rs->body);
    free(rs);
    *con_cls = NULL;
}

static char *read_file(const char *path, char *err, size_t errsz)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errsz, "cannot read %s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    char chunk[4096];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n + 1 > cap) {
            cap = (len + n + 1) * 2;
            char *b = realloc(buf, cap);
            if (!b) {
                free(buf);
                fclose(f);
                snprintf(err, errsz, "out of memory");
                return NULL;
            }
            buf = b;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    fclose(f);
    if (!buf) {
        snprintf(err, errsz, "%s is empty", path);
        return NULL;
    }
    buf[len] = 0;
    return buf;
}

typedef union any_addr {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
} any_addr;

static int make_addr(const char *host, int port, any_addr *a, int *ipv6)
{
    memset(a, 0, sizeof *a);
    *ipv6 = 0;
    if (inet_pton(AF_INET, host, &a->in4.sin_addr) == 1) {
        a->in4.sin_family = AF_INET;
        a->in4.sin_port = htons((uint16_t)port);
        return 0;
    }
    char h[64];
    size_t n = strlen(host);
    if (n >= 2 && host[0] == '[' && host[n - 1] == ']' && n - 2 < sizeof h) {
        memcpy(h, host + 1, n - 2); /* [::1] as in URLs */
        h[n - 2] = 0;
        host = h;
    }
    if (inet_pton(AF_INET6, host, &a->in6.sin6_addr) == 1) {
        a->in6.sin6_family = AF_INET6;
        a->in6.sin6_port = htons((uint16_t)port);
        *ipv6 = 1;
        return 0;
    }
    return -1;
}

static void free_server(emu_server *s)
{
    emu_deadlines_stop(s->deadlines); /* after the daemon: no connection is left */
    free(s->cert);
    free(s->key);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->cond);
    free(s);
}

static struct MHD_Daemon *start_daemon(emu_server *s, const any_addr *addr, int ipv6)
{
    const emu_config *cfg = &s->ctx->cfg;
    unsigned threads = cfg->threads;
    if (!threads) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        threads = n > 0 && n < 64 ? (unsigned)n : 2;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
                     MHD_USE_TURBO | (ipv6 ? MHD_USE_IPv6 : 0) | (s->cert ? MHD_USE_TLS : 0);
    struct MHD_OptionItem opts[] = {
        {MHD_OPTION_THREAD_POOL_SIZE, (intptr_t)threads, NULL},
        {MHD_OPTION_SOCK_ADDR, 0, (void *)&addr->sa},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)on_completed, s},
        {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)emu_deadlines_notify, s->deadlines},
        {MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)keep_raw, NULL},
        /* The front-end limits (spotc-emulator(1), LIMITS). The idle timeout is
         * restarted by every byte; deadlines.c bounds the request as a whole. */
        {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)cfg->idle_timeout_s, NULL},
        {MHD_OPTION_CONNECTION_LIMIT, (intptr_t)cfg->max_connections, NULL},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, (intptr_t)cfg->max_per_ip, NULL},
        /* Request line and headers share this pool: a larger head gets 431. */
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, HEAD_MEMORY, NULL},
        {s->cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, s->cert},
        {s->cert ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, s->key},
        {MHD_OPTION_END, 0, NULL},
    };
    return MHD_start_daemon(flags, 0, NULL, NULL, on_request, s, MHD_OPTION_ARRAY, opts,
                            MHD_OPTION_END);
}

emu_server *emu_server_start(emu_ctx *ctx, char *err, size_t errsz)
{
    const emu_config *cfg = &ctx->cfg;
    any_addr addr;
    int ipv6;
    if (make_addr(cfg->host, cfg->port, &addr, &ipv6) < 0) {
        snprintf(err, errsz, "--host wants an IP address, not '%s'", cfg->host);
        return NULL;
    }
    emu_server *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    s->ctx = ctx;
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->cond, NULL);
    if (cfg->tls_cert) {
        if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
            snprintf(err, errsz, "this libmicrohttpd was built without TLS");
            free_server(s);
            return NULL;
        }
        s->cert = read_file(cfg->tls_cert, err, errsz);
        s->key = s->cert ? read_file(cfg->tls_key, err, errsz) : NULL;
        if (!s->key) {
            free_server(s);
            return NULL;
        }
    }
    s->deadlines = emu_deadlines_start(cfg->header_timeout_s, cfg->body_timeout_s);
    if (!s->deadlines) {
        snprintf(err, errsz, "cannot start a thread");
        free_server(s);
        return NULL;
    }
    if (pthread_create(&s->timer, NULL, timer_main, s) != 0) {
        snprintf(err, errsz, "cannot start a thread");
        free_server(s);
        return NULL;
    }
    s->daemon = start_daemon(s, &addr, ipv6);
    const union MHD_DaemonInfo *info =
        s->daemon ? MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT) : NULL;
    if (!info) {
        snprintf(err, errsz, "cannot listen on %s port %d (in use, or bad TLS files?)", cfg->host,
                 cfg->port);
        emu_server_stop(s);
        return NULL;
    }
    s->port = info->port;
    return s;
}

int emu_server_port(const emu_server *s)
{
    return s->port;
}

void emu_server_stop(emu_server *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&s->lock);
    s->stopping = 1; /* the timer resumes every suspended connection and exits */
    pthread_cond_signal(&s->cond);
    pthread_mutex_unlock(&s->lock);
    pthread_join(s->timer, NULL);
    if (s->daemon)
        MHD_stop_daemon(s->daemon);
    free_server(s);
}
