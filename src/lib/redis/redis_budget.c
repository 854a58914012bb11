/*
 * The app's shared rate budget: before each Web API attempt a client takes a
 * slot from a sliding window held in Redis (a sorted set of the last window's
 * requests, taken atomically by a Lua script on Redis's own clock, so workers
 * on hosts with different clocks agree), and a 429's Retry-After is written
 * beside it so that every client of the app pauses until it passes. When Redis
 * is away the same window runs in memory for this client alone.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hiredis/hiredis.h>

#include "client_priv.h"
#include "redis_layer.h"
#include "redis_priv.h"

/* KEYS: window, pause. ARGV: limit, window ms, a unique member.
 * Returns 0 when a slot was taken, else the milliseconds to wait. */
static const char take_script[] =
    "local t = redis.call('TIME')\n"
    "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n"
    "local p = redis.call('PTTL', KEYS[2])\n"
    "if p > 0 then return p end\n"
    "local w = tonumber(ARGV[2])\n"
    "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - w)\n"
    "if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then\n"
    "  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')\n"
    "  local wait = tonumber(oldest[2]) + w - now\n"
    "  if wait < 1 then wait = 1 end\n"
    "  return wait\n"
    "end\n"
    "redis.call('ZADD', KEYS[1], now, ARGV[3])\n"
    "redis.call('PEXPIRE', KEYS[1], w)\n"
    "return 0\n";

/* KEYS: pause. ARGV: ms. A longer pause already set stays. */
static const char pause_script[] = "if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then\n"
                                   "  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])\n"
                                   "end\n"
                                   "return 0\n";

typedef struct budget {
    spotc__redis *conn; /* a reference */
    char *window_key, *pause_key;
    int limit;
    spotc__window local;
    uint64_t nonce, seq; /* members of the sorted set are unique: nonce-seq */
} budget;

static void budget_free(void *ctx)
{
    budget *b = ctx;
    if (!b)
        return;
    spotc__redis_unref(b->conn);
    free(b->window_key);
    free(b->pause_key);
    spotc__window_free(&b->local);
    free(b);
}

/* @return the wait asked by the shared budget (0: taken), or -1 when Redis is away. */
static int64_t take_shared(budget *b)
{
    char limit[16], window[24], member[48];
    snprintf(limit, sizeof limit, "%d", b->limit);
    snprintf(window, sizeof window, "%d", SPOTC__BUDGET_WINDOW_MS + SPOTC__BUDGET_MARGIN_MS);
    snprintf(member, sizeof member, "%016" PRIx64 "-%" PRIu64, b->nonce, ++b->seq);
    const char *keys[] = {b->window_key, b->pause_key};
    const char *args[] = {limit, window, member};
    redisReply *rep = spotc__redis_eval(b->conn, take_script, 2, keys, 3, args);
    int64_t wait = rep && rep->type == REDIS_REPLY_INTEGER ? (int64_t)rep->integer : -1;
    freeReplyObject(rep);
    return wait;
}

static int64_t take(spotc_client *c, budget *b)
{
    int64_t now = spotc__redis_now_ms();
    int64_t wait = take_shared(b);
    if (wait < 0)
        return spotc__window_take(&b->local, now);
    if (wait == 0)
        spotc__window_note(&b->local, now);
    else
        spotc__trace(c, "* shared rate budget: next slot in %" PRId64 " ms", wait);
    return wait;
}

static void sleep_ms(int64_t ms)
{
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* Before each attempt: wait for a slot, within the caller's cap on rate-limit waits. */
static int budget_before(spotc_client *c, void *ctx)
{
    budget *b = ctx;
    int64_t waited = 0, cap = (int64_t)c->retry.max_rate_limit_wait * 1000;
    for (;;) {
        int64_t wait = take(c, b);
        if (wait == 0)
            return 0;
        if (waited + wait > cap)
            return spotc__error_set_http(
                c, SPOTC_ERATELIMIT, 0, NULL, NULL, (int)((wait + 999) / 1000),
                "rate limited: the app's rate budget (%d requests per "
                "30 s) has its next slot in %" PRId64 " s, more than the %d s cap",
                b->limit, (wait + 999) / 1000, c->retry.max_rate_limit_wait);
        /* a little jitter, so that the waiting clients do not all wake at once */
        int64_t jitter = (int64_t)(spotc__client_random(c) % 20);
        sleep_ms(wait + jitter);
        waited += wait + jitter;
    }
}

/* A 429: pause every client of the app for Retry-After (1 s when absent). */
static void budget_limited(spotc_client *c, void *ctx, int retry_after)
{
    budget *b = ctx;
    int64_t ms = retry_after >= 0 ? (int64_t)retry_after * 1000 : 1000;
    if (ms <= 0)
        return;
    spotc__window_pause(&b->local, spotc__redis_now_ms(), ms);
    char arg[24];
    snprintf(arg, sizeof arg, "%" PRId64, ms);
    const char *keys[] = {b->pause_key};
    const char *args[] = {arg};
    freeReplyObject(spotc__redis_eval(b->conn, pause_script, 1, keys, 1, args));
    spotc__trace(c, "* HTTP 429: every client of the app pauses %" PRId64 " ms", ms);
}

int spotc__budget_hook(spotc__send_hook *out, spotc__redis *conn, const char *client_id, int limit,
                       uint64_t nonce)
{
    budget *b = calloc(1, sizeof *b);
    if (!b)
        return SPOTC_ENOMEM;
    b->conn = spotc__redis_ref(conn);
    b->limit = limit;
    b->nonce = nonce;
    b->window_key = spotc__redis_key(client_id, "budget", NULL);
    b->pause_key = spotc__redis_key(client_id, "pause", NULL);
    if (!b->window_key || !b->pause_key ||
        spotc__window_init(&b->local, limit, SPOTC__BUDGET_WINDOW_MS + SPOTC__BUDGET_MARGIN_MS) !=
            0) {
        budget_free(b);
        return SPOTC_ENOMEM;
    }
    *out = (spotc__send_hook){
        .before = budget_before, .limited = budget_limited, .free = budget_free, .ctx = b};
    return 0;
}
