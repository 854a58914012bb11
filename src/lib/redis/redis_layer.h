/*
 * The Redis layer (internal): URL parsing, one connection with timeouts and
 * reconnection, the shared rate budget with its local fallback, and the token
 * store. Compiled only when the build has hiredis (SPOTC_HAVE_REDIS); without
 * it core/redis_off.c stands in for spotc__redis_attach() and the public calls.
 */
#ifndef SPOTC_REDIS_LAYER_H
#define SPOTC_REDIS_LAYER_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include <spotc/redis.h>

/* ---------------------------------------------------------------- URL */

#define SPOTC__REDIS_URL_MAX 1024

/* A parsed URL. Fixed buffers so the parser allocates nothing; the password
 * is a secret: spotc__redis_url_clear() wipes it. */
typedef struct spotc__redis_url {
    int unix_socket;    /* 1: path, else host and port */
    char host[256];     /* without IPv6 brackets */
    int port;           /* 1..65535, default 6379 */
    char path[108];     /* the unix socket (sun_path's size) */
    char user[128];     /* "" unless given (Redis 6 ACL) */
    char password[256]; /* "" when none */
    int db;             /* 0.. */
} spotc__redis_url;

/* Parse `redis://[[user]:password@]host[:port][/db]` or
 * `unix:///path[?db=N][&password=P]`, a pure function of its bytes (len bytes,
 * no NUL needed). `rediss://` is refused: hiredis 0.14 has no TLS.
 * @return 0, or SPOTC_EINVALID with a sentence in eb (never the password). */
int spotc__redis_url_parse(spotc__redis_url *out, const char *url, size_t len, char *eb,
                           size_t ebn);
void spotc__redis_url_clear(spotc__redis_url *u);

/* --------------------------------------------------------- connection */

#define SPOTC__REDIS_TIMEOUT_MS 1000  /* connect and each command: Redis slow is Redis down */
#define SPOTC__REDIS_BACKOFF_MS 250   /* first wait before reconnecting */
#define SPOTC__REDIS_BACKOFF_MAX 8000 /* longest wait between connection attempts */

struct redisReply;
typedef struct spotc__redis spotc__redis;
typedef void (*spotc__redis_warn_cb)(const char *line, void *payload);

/* A connection made on first use. Reference counted: the client's rate budget
 * and its app token store share one. @return 0, SPOTC_EINVALID (URL), SPOTC_ENOMEM. */
int spotc__redis_new(spotc__redis **out, const char *url, char *eb, size_t ebn);
spotc__redis *spotc__redis_ref(spotc__redis *r);
void spotc__redis_unref(spotc__redis *r); /* NULL is a no-op */

/* Where the warnings go (once per outage); default stderr. */
void spotc__redis_set_warn(spotc__redis *r, spotc__redis_warn_cb cb, void *payload);

/* @return 1 when connected (connecting now when the backoff allows), else 0. */
int spotc__redis_up(spotc__redis *r);

/* Run a command (argv with lengths). @return the reply (free with
 * freeReplyObject()), a REDIS_REPLY_ERROR included; NULL when Redis is down,
 * slow or dropped the connection (then it backs off, and warns once). */
struct redisReply *spotc__redis_cmd(spotc__redis *r, int argc, const char **argv,
                                    const size_t *lens);

/* How many connections were made so far: a store that sees it change knows
 * Redis may have restarted (empty, without persistence) since it last looked. */
unsigned spotc__redis_generation(const spotc__redis *r);

/* EVAL a Lua script with nkeys keys then args (NUL-terminated strings). */
struct redisReply *spotc__redis_eval(spotc__redis *r, const char *script, int nkeys,
                                     const char *const *keys, int nargs, const char *const *args);

/* Monotonic milliseconds (for the backoff and the local budget). */
int64_t spotc__redis_now_ms(void);

/* ------------------------------------------------------------ budget */

#define SPOTC__BUDGET_WINDOW_MS 30000 /* Spotify's rolling window */
#define SPOTC__BUDGET_MARGIN_MS                                                                    \
    1000 /* slots free this much later than the server's,                                          \
            so latency never makes us early */

/* A sliding window log in memory: the local budget when Redis is away. */
typedef struct spotc__window {
    int64_t *stamps; /* ring, oldest at head */
    int limit;
    int head, len;
    int64_t window_ms;
    int64_t pause_until; /* a 429's Retry-After, in the same clock */
} spotc__window;

int spotc__window_init(spotc__window *w, int limit, int64_t window_ms);
void spotc__window_free(spotc__window *w);
/* Take a slot at now. @return 0 when taken, else the milliseconds to wait. */
int64_t spotc__window_take(spotc__window *w, int64_t now_ms);
/* Record a slot taken elsewhere (the shared budget), so a fallback knows it. */
void spotc__window_note(spotc__window *w, int64_t now_ms);
/* Pause until now + ms (a longer pause already set stays). */
void spotc__window_pause(spotc__window *w, int64_t now_ms, int64_t ms);

/* ----------------------------------------------------- token store */

/* A Redis token store on an existing connection (it takes a reference) for
 * one key. @return 0, SPOTC_ENOMEM. */
int spotc__redis_store_new(spotc_token_store **out, spotc__redis *conn, const char *key,
                           int lock_ttl_ms);

/* The keys: spotc:{CLIENT_ID}:SUFFIX (the braces keep one app's keys in one
 * Redis Cluster slot). @return a new string, or NULL when out of memory. */
char *spotc__redis_key(const char *client_id, const char *kind, const char *name);

#endif
