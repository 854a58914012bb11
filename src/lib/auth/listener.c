/*
 * The one-shot loopback listener for the login redirect (RFC 8252 section
 * 7.3). It binds 127.0.0.1 or [::1] only, serves a handful of connections at
 * once (browsers open speculative connections that never send anything, and
 * ask for /favicon.ico), and also reads a pasted redirected URL from a
 * descriptor for people logged in over SSH.
 */
#define _GNU_SOURCE /* accept4(), memmem() */
#include "auth_internal.h"

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <openssl/crypto.h>

#define MAX_CONNS 8
#define REQUEST_MAX 8192
#define WAIT_MORE 1 /* a handler's "not yet": keep waiting */

struct spotc_listener {
    int fd;
    int port;
    char *path;
    char redirect_uri[128];
};

/* --------------------------------------------------------------- binding */

static int parse_host(const char *host, int *v6)
{
    if (!host || strcmp(host, "127.0.0.1") == 0)
        *v6 = 0;
    else if (strcmp(host, "::1") == 0 || strcmp(host, "[::1]") == 0)
        *v6 = 1;
    else
        return -1;
    return 0;
}

static int check_path(const char *path)
{
    if (path[0] != '/' || strlen(path) > 64)
        return -1;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        if (*p <= ' ' || *p >= 0x7f || *p == '?' || *p == '#' || *p == '%')
            return -1;
    return 0;
}

static int check_options(const spotc_listener_options *o, int *v6, char *eb, size_t ebn)
{
    if (o->version != SPOTC_LISTENER_OPTIONS_VERSION)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID, "listener options of an unknown version");
    if (parse_host(o->host, v6) != 0)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "the login listener binds only the loopback address 127.0.0.1 or "
                             "[::1], never \"%.64s\"%s",
                             o->host,
                             strcmp(o->host, "localhost") == 0
                                 ? " (and Spotify refuses localhost in redirect URIs)"
                                 : "");
    if (o->port < 0 || o->port > 65535)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID, "port %d is not a TCP port", o->port);
    if (o->path && check_path(o->path) != 0)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "the redirect path must be a plain path such as /callback");
    return 0;
}

static int bind_loopback(int v6, int port, int *fd_out, int *port_out)
{
    struct sockaddr_storage ss;
    socklen_t sl;
    memset(&ss, 0, sizeof ss);
    if (v6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
        a->sin6_family = AF_INET6;
        a->sin6_addr = in6addr_loopback;
        a->sin6_port = htons((uint16_t)port);
        sl = sizeof *a;
    } else {
        struct sockaddr_in *a = (struct sockaddr_in *)&ss;
        a->sin_family = AF_INET;
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a->sin_port = htons((uint16_t)port);
        sl = sizeof *a;
    }
    int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return -1;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (v6)
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&ss, sl) != 0 || listen(fd, 16) != 0 ||
        getsockname(fd, (struct sockaddr *)&ss, &sl) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    *fd_out = fd;
    *port_out =
        ntohs(v6 ? ((struct sockaddr_in6 *)&ss)->sin6_port : ((struct sockaddr_in *)&ss)->sin_port);
    return 0;
}

int spotc_listener_new(spotc_listener **out, const spotc_listener_options *opts, char *errbuf,
                       size_t errbuf_len)
{
    static const spotc_listener_options defaults = SPOTC_LISTENER_OPTIONS_INIT;
    int v6 = 0;
    if (!out)
        return SPOTC_EINVALID;
    *out = NULL;
    if (!opts)
        opts = &defaults;
    int rc = check_options(opts, &v6, errbuf, errbuf_len);
    if (rc != 0)
        return rc;
    spotc_listener *l = calloc(1, sizeof *l);
    if (!l || !(l->path = strdup(opts->path ? opts->path : "/callback"))) {
        free(l);
        return SPOTC_ENOMEM;
    }
    if (bind_loopback(v6, opts->port, &l->fd, &l->port) != 0) {
        int e = errno;
        free(l->path);
        free(l);
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EIO,
                             "cannot listen on %s port %d for the login redirect: %s",
                             v6 ? "[::1]" : "127.0.0.1", opts->port, strerror(e));
    }
    snprintf(l->redirect_uri, sizeof l->redirect_uri, "http://%s:%d%s", v6 ? "[::1]" : "127.0.0.1",
             l->port, l->path);
    *out = l;
    return 0;
}

int spotc_listener_get_port(const spotc_listener *l)
{
    return l ? l->port : 0;
}

const char *spotc_listener_get_redirect_uri(const spotc_listener *l)
{
    return l ? l->redirect_uri : NULL;
}

void spotc_listener_free(spotc_listener *l)
{
    if (!l)
        return;
    close(l->fd);
    free(l->path);
    free(l);
}

/* --------------------------------------------------------------- waiting */

typedef struct conn {
    int fd; /* -1: free slot */
    size_t len;
    char buf[REQUEST_MAX + 1];
} conn;

typedef struct waiter {
    spotc_listener *l;
    const char *state;
    spotc_redirect *out;
    char *eb; /* the caller's errbuf, or own_msg: the page shows the message */
    size_t ebn;
    char own_msg[256];
    conn conns[MAX_CONNS];
    size_t next_victim; /* the slot reused when all are busy */
    int paste_fd;       /* -1 once closed or when none */
    size_t paste_len;
    char paste[SPOTC_REDIRECT_MAX + 2];
} waiter;

static void html_escaped(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '&':
            fputs("&amp;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        default:
            fputc(*s, f);
        }
    }
}

/* Answer and close. The page never echoes the request (no code, no state). */
static void respond(conn *c, int status, const char *title, const char *text)
{
    char body[1024];
    FILE *f = fmemopen(body, sizeof body, "w");
    if (f) {
        fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>spotc</title></head>"
              "<body><h1>",
              f);
        html_escaped(f, title);
        fputs("</h1><p>", f);
        html_escaped(f, text);
        fputs("</p></body></html>\n", f);
        fclose(f);
    } else {
        body[0] = '\0';
    }
    body[sizeof body - 1] = '\0';
    char head[320];
    int n = snprintf(head, sizeof head,
                     "HTTP/1.1 %d %s\r\nContent-Type: text/html; charset=utf-8\r\n"
                     "Content-Length: %zu\r\nCache-Control: no-store\r\n"
                     "Referrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\n"
                     "Connection: close\r\n\r\n",
                     status,
                     status == 200   ? "OK"
                     : status == 404 ? "Not Found"
                                     : "Bad Request",
                     strlen(body));
    /* A few hundred bytes fit in any socket buffer: one send each is enough. */
    if (n > 0 && send(c->fd, head, (size_t)n, MSG_NOSIGNAL) == n)
        (void)send(c->fd, body, strlen(body), MSG_NOSIGNAL);
    shutdown(c->fd, SHUT_WR);
    close(c->fd);
    c->fd = -1;
    c->len = 0;
}

/* What a redirect means; final (0 or an error) or WAIT_MORE for a stray one. */
static int judge(waiter *w, spotc_redirect *r, int from_paste)
{
    if (!from_paste && strcmp(r->path, w->l->path) != 0)
        return WAIT_MORE;
    if (!r->code && !r->error)
        return WAIT_MORE;
    int rc = spotc_redirect_check(r, w->state, w->eb, w->ebn);
    if (rc == 0) {
        *w->out = *r;
        memset(r, 0, sizeof *r);
    }
    return rc;
}

static int handle_request(waiter *w, conn *c)
{
    spotc_redirect r;
    if (strncmp(c->buf, "GET ", 4) != 0 || spotc_redirect_parse(&r, c->buf, c->len) != 0) {
        respond(c, 400, "Bad request", "spotc is waiting for the login redirect.");
        return WAIT_MORE;
    }
    int rc = judge(w, &r, 0);
    spotc_redirect_clear(&r);
    if (rc == WAIT_MORE)
        respond(c, 404, "Not found", "spotc is waiting for the login redirect.");
    else if (rc == 0)
        respond(c, 200, "spotc is logged in",
                "You may close this window and return to the terminal.");
    else
        respond(c, 400, "Login failed", w->eb);
    return rc;
}

static int read_conn(waiter *w, conn *c)
{
    ssize_t n = recv(c->fd, c->buf + c->len, REQUEST_MAX - c->len, 0);
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
        return WAIT_MORE;
    if (n <= 0) {
        close(c->fd);
        c->fd = -1;
        c->len = 0;
        return WAIT_MORE;
    }
    c->len += (size_t)n;
    c->buf[c->len] = '\0';
    /* Answer once the head is complete, so the browser is not reset mid-send. */
    if (memmem(c->buf, c->len, "\r\n\r\n", 4) || memmem(c->buf, c->len, "\n\n", 2))
        return handle_request(w, c);
    if (c->len == REQUEST_MAX)
        respond(c, 400, "Bad request", "The request is too large.");
    return WAIT_MORE;
}

static void accept_conn(waiter *w)
{
    int fd = accept4(w->l->fd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0)
        return;
    conn *slot = NULL;
    for (size_t i = 0; i < MAX_CONNS && !slot; i++)
        if (w->conns[i].fd < 0)
            slot = &w->conns[i];
    if (!slot) { /* all busy (idle connections): drop one, round robin */
        slot = &w->conns[w->next_victim++ % MAX_CONNS];
        close(slot->fd);
    }
    slot->fd = fd;
    slot->len = 0;
}

static int judge_paste(waiter *w, const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r' || line[i] == '\n'))
        i++;
    if (i == len)
        return WAIT_MORE; /* a blank line */
    spotc_redirect r;
    if (spotc_redirect_parse(&r, line, len) != 0)
        return spotc__errbuf(w->eb, w->ebn, SPOTC_EINVALID,
                             "the pasted text is not the redirected URL (paste the whole "
                             "address from the browser's address bar)");
    int rc = judge(w, &r, 1);
    spotc_redirect_clear(&r);
    if (rc == WAIT_MORE)
        return spotc__errbuf(w->eb, w->ebn, SPOTC_EINVALID,
                             "the pasted URL carries no code: paste the address the browser "
                             "was sent to after the login");
    return rc;
}

/* Read what was pasted; each complete line is a candidate. */
static int read_paste(waiter *w)
{
    size_t room = sizeof w->paste - 1 - w->paste_len;
    ssize_t n = read(w->paste_fd, w->paste + w->paste_len, room);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return WAIT_MORE;
    if (n <= 0) { /* end of input: the listener alone is left */
        w->paste_fd = -1;
        return w->paste_len ? judge_paste(w, w->paste, w->paste_len) : WAIT_MORE;
    }
    w->paste_len += (size_t)n;
    char *nl;
    while ((nl = memchr(w->paste, '\n', w->paste_len)) != NULL) {
        size_t line = (size_t)(nl - w->paste) + 1;
        int rc = judge_paste(w, w->paste, line);
        if (rc != WAIT_MORE)
            return rc;
        memmove(w->paste, w->paste + line, w->paste_len - line);
        w->paste_len -= line;
    }
    if (w->paste_len >= sizeof w->paste - 1)
        return spotc__errbuf(w->eb, w->ebn, SPOTC_EINVALID, "the pasted line is too long");
    return WAIT_MORE;
}

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* One poll() round over the socket, the paste descriptor and the connections. */
static int wait_round(waiter *w, int timeout)
{
    struct pollfd p[MAX_CONNS + 2];
    nfds_t n = 0;
    p[n++] = (struct pollfd){.fd = w->l->fd, .events = POLLIN};
    p[n++] = (struct pollfd){.fd = w->paste_fd, .events = POLLIN}; /* ignored when -1 */
    for (size_t i = 0; i < MAX_CONNS; i++)
        p[n++] = (struct pollfd){.fd = w->conns[i].fd, .events = POLLIN};
    int ready = poll(p, n, timeout);
    if (ready < 0)
        return errno == EINTR
                   ? WAIT_MORE
                   : spotc__errbuf(w->eb, w->ebn, SPOTC_EIO, "poll: %s", strerror(errno));
    for (size_t i = 0; i < MAX_CONNS; i++) {
        if (p[i + 2].fd >= 0 && (p[i + 2].revents & (POLLIN | POLLHUP | POLLERR))) {
            int rc = read_conn(w, &w->conns[i]);
            if (rc != WAIT_MORE)
                return rc;
        }
    }
    if (p[1].fd >= 0 && (p[1].revents & (POLLIN | POLLHUP | POLLERR))) {
        int rc = read_paste(w);
        if (rc != WAIT_MORE)
            return rc;
    }
    if (p[0].revents & POLLIN)
        accept_conn(w);
    return WAIT_MORE;
}

int spotc_listener_wait(spotc_redirect *out, spotc_listener *l, const char *expected_state,
                        int timeout_ms, int paste_fd, char *errbuf, size_t errbuf_len)
{
    if (!out)
        return SPOTC_EINVALID;
    memset(out, 0, sizeof *out);
    if (!l || !expected_state || !*expected_state)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID,
                             "a listener and the login's state are required");
    waiter *w = calloc(1, sizeof *w);
    if (!w)
        return SPOTC_ENOMEM;
    *w = (waiter){.l = l,
                  .state = expected_state,
                  .out = out,
                  .eb = errbuf,
                  .ebn = errbuf_len,
                  .paste_fd = paste_fd < 0 ? -1 : paste_fd};
    if (!errbuf || errbuf_len == 0) {
        w->eb = w->own_msg;
        w->ebn = sizeof w->own_msg;
    }
    for (size_t i = 0; i < MAX_CONNS; i++)
        w->conns[i].fd = -1;
    const int64_t deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
    int rc = WAIT_MORE;
    while (rc == WAIT_MORE) {
        int64_t left = deadline < 0 ? -1 : deadline - now_ms();
        if (deadline >= 0 && left <= 0) {
            rc = spotc__errbuf(errbuf, errbuf_len, SPOTC_ETIMEOUT,
                               "no login redirect came within %d s: run the login again",
                               (timeout_ms + 999) / 1000);
            break;
        }
        rc = wait_round(w, left > 0x7fffffff ? 0x7fffffff : (int)left);
    }
    for (size_t i = 0; i < MAX_CONNS; i++)
        if (w->conns[i].fd >= 0)
            close(w->conns[i].fd);
    OPENSSL_cleanse(w->paste, sizeof w->paste);
    free(w);
    return rc;
}
