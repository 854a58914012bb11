/*
 * One Redis connection: made on first use, with a connect and a command
 * timeout so a slow Redis never holds a request up; after a failure it is
 * dropped and retried with exponential backoff, and the first failure of an
 * outage is reported once, so the caller can go on locally.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hiredis/hiredis.h>
#include <openssl/crypto.h>

#include "redis_layer.h"

struct spotc__redis {
    int refs;
    spotc__redis_url url; /* the password is wiped at the end */
    redisContext *ctx;    /* NULL while down */
    int64_t next_try;     /* monotonic ms before which no connect is tried */
    int64_t backoff;      /* the next wait after a failure */
    int warned;           /* this outage was reported */
    int warned_refusal;   /* an error reply was reported (once for the connection's life) */
    unsigned generation;  /* connections made so far (a store notices a reconnection) */
    spotc__redis_warn_cb warn;
    void *warn_payload;
};

int64_t spotc__redis_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void warn_stderr(const char *line, void *payload)
{
    (void)payload;
    fprintf(stderr, "spotc: warning: %s\n", line);
}

int spotc__redis_new(spotc__redis **out, const char *url, char *eb, size_t ebn)
{
    *out = NULL;
    spotc__redis *r = calloc(1, sizeof *r);
    if (!r)
        return SPOTC_ENOMEM;
    int rc = spotc__redis_url_parse(&r->url, url, url ? strlen(url) : 0, eb, ebn);
    if (rc != 0) {
        free(r);
        return rc;
    }
    r->refs = 1;
    r->backoff = SPOTC__REDIS_BACKOFF_MS;
    r->warn = warn_stderr;
    *out = r;
    return 0;
}

spotc__redis *spotc__redis_ref(spotc__redis *r)
{
    if (r)
        r->refs++;
    return r;
}

void spotc__redis_unref(spotc__redis *r)
{
    if (!r || --r->refs > 0)
        return;
    if (r->ctx)
        redisFree(r->ctx);
    spotc__redis_url_clear(&r->url);
    free(r);
}

void spotc__redis_set_warn(spotc__redis *r, spotc__redis_warn_cb cb, void *payload)
{
    r->warn = cb ? cb : warn_stderr;
    r->warn_payload = payload;
}

static const char *where(const spotc__redis *r, char *buf, size_t n)
{
    if (r->url.unix_socket)
        snprintf(buf, n, "unix:%s", r->url.path);
    else
        snprintf(buf, n, "%s:%d", r->url.host, r->url.port);
    return buf;
}

/* Drop the connection, schedule the next attempt, and report the outage once. */
static void went_down(spotc__redis *r, const char *reason)
{
    char why[128];
    snprintf(why, sizeof why, "%s", reason); /* it may point into the context */
    if (r->ctx)
        redisFree(r->ctx);
    r->ctx = NULL;
    r->next_try = spotc__redis_now_ms() + r->backoff;
    r->backoff =
        r->backoff * 2 > SPOTC__REDIS_BACKOFF_MAX ? SPOTC__REDIS_BACKOFF_MAX : r->backoff * 2;
    if (r->warned)
        return;
    r->warned = 1;
    char at[300], line[640];
    snprintf(line, sizeof line,
             "Redis at %s is unavailable (%s): going on with this process's own rate budget "
             "and token copy; reconnecting in the background",
             where(r, at, sizeof at), why);
    r->warn(line, r->warn_payload);
}

/* hiredis writes with write(): on a connection the server has reset, that
 * raises SIGPIPE, whose default kills the process. Block it for the command
 * and swallow one that it caused (as libpq does), leaving the program's own
 * handling of SIGPIPE alone. */
static redisReply *run(redisContext *ctx, int argc, const char **argv, const size_t *lens)
{
    sigset_t pipe_set, old, pending;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    sigpending(&pending);
    int was_pending = sigismember(&pending, SIGPIPE);
    redisReply *rep = redisCommandArgv(ctx, argc, argv, lens);
    int saved_errno = errno; /* what failed, for closed_by_server() */
    sigpending(&pending);
    if (!was_pending && sigismember(&pending, SIGPIPE)) {
        struct timespec zero = {0, 0};
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
            ;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = saved_errno;
    return rep;
}

/* AUTH and SELECT on a new connection. @return 0, or -1 with a reason. */
static int handshake(spotc__redis *r, const char **why)
{
    const spotc__redis_url *u = &r->url;
    if (u->password[0]) {
        const char *a3[] = {"AUTH", u->user, u->password};
        const char *a2[] = {"AUTH", u->password};
        redisReply *rep = u->user[0] ? run(r->ctx, 3, a3, NULL) : run(r->ctx, 2, a2, NULL);
        int ok = rep && rep->type != REDIS_REPLY_ERROR;
        freeReplyObject(rep);
        if (!ok) {
            *why = "authentication refused";
            return -1;
        }
    }
    if (u->db) {
        char db[16];
        snprintf(db, sizeof db, "%d", u->db);
        const char *argv[] = {"SELECT", db};
        redisReply *rep = run(r->ctx, 2, argv, NULL);
        int ok = rep && rep->type != REDIS_REPLY_ERROR;
        freeReplyObject(rep);
        if (!ok) {
            *why = "SELECT of the database refused";
            return -1;
        }
    }
    return 0;
}

static int connect_now(spotc__redis *r)
{
    struct timeval tv = {SPOTC__REDIS_TIMEOUT_MS / 1000, (SPOTC__REDIS_TIMEOUT_MS % 1000) * 1000};
    r->ctx = r->url.unix_socket ? redisConnectUnixWithTimeout(r->url.path, tv)
                                : redisConnectWithTimeout(r->url.host, r->url.port, tv);
    const char *why = "out of memory";
    if (r->ctx && r->ctx->err)
        why = r->ctx->errstr;
    else if (r->ctx && redisSetTimeout(r->ctx, tv) != REDIS_OK)
        why = "cannot set the command timeout";
    else if (r->ctx && handshake(r, &why) == 0) {
        r->backoff = SPOTC__REDIS_BACKOFF_MS;
        r->warned = 0;
        r->generation++;
        return 1;
    }
    went_down(r, why);
    return 0;
}

int spotc__redis_up(spotc__redis *r)
{
    if (r->ctx)
        return 1;
    if (spotc__redis_now_ms() < r->next_try)
        return 0;
    return connect_now(r);
}

/* The server closed a connection that was idle (a restart, its idle timeout):
 * worth one new connection at once. A timeout is not: Redis is slow. */
static int closed_by_server(const redisContext *ctx)
{
    return ctx->err == REDIS_ERR_EOF ||
           (ctx->err == REDIS_ERR_IO && (errno == ECONNRESET || errno == EPIPE));
}

redisReply *spotc__redis_cmd(spotc__redis *r, int argc, const char **argv, const size_t *lens)
{
    if (!spotc__redis_up(r))
        return NULL;
    redisReply *rep = run(r->ctx, argc, argv, lens);
    if (!rep && closed_by_server(r->ctx)) {
        redisFree(r->ctx);
        r->ctx = NULL;
        if (connect_now(r))
            rep = run(r->ctx, argc, argv, lens);
        else
            return NULL; /* connect_now() scheduled the next attempt */
    }
    if (!rep) /* timeout, reset, EOF: the context is unusable now */
        went_down(r, r->ctx->errstr[0] ? r->ctx->errstr : "no reply");
    else if (rep->type == REDIS_REPLY_ERROR && !r->warned_refusal) {
        /* reachable but refusing (a read-only replica, out of memory, ACL): the
         * callers go on locally, and the operator must hear why */
        char at[300], line[512];
        r->warned_refusal = 1;
        snprintf(line, sizeof line, "Redis at %s refused a command (%.160s): going on locally",
                 where(r, at, sizeof at), rep->str ? rep->str : "error");
        r->warn(line, r->warn_payload);
    }
    return rep;
}

unsigned spotc__redis_generation(const spotc__redis *r)
{
    return r->generation;
}

redisReply *spotc__redis_eval(spotc__redis *r, const char *script, int nkeys,
                              const char *const *keys, int nargs, const char *const *args)
{
    enum { MAX_ARGV = 24 };
    const char *argv[MAX_ARGV];
    char nk[16];
    if (3 + nkeys + nargs > MAX_ARGV)
        return NULL;
    snprintf(nk, sizeof nk, "%d", nkeys);
    int argc = 0;
    argv[argc++] = "EVAL";
    argv[argc++] = script;
    argv[argc++] = nk;
    for (int i = 0; i < nkeys; i++)
        argv[argc++] = keys[i];
    for (int i = 0; i < nargs; i++)
        argv[argc++] = args[i];
    return spotc__redis_cmd(r, argc, argv, NULL);
}
