/*
 * The token store on Redis (spotc/redis.h): the tokens in a hash, the refresh
 * lock a key set with NX and an expiry (a crashed holder frees it by timing
 * out) and released only by its holder (a Lua check of its random token).
 * Redis down or slow: the store goes on from the copy it last read or wrote,
 * keeps what is saved meanwhile and writes it back when Redis returns, unless
 * another worker stored a newer token there first.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hiredis/hiredis.h>

#include "auth_internal.h"
#include "redis_layer.h"

#define DEFAULT_LOCK_TTL_MS 30000
#define LOCK_POLL_MS 20

/* KEYS: the hash. ARGV: the access token the writer last saw there ('' to
 * write whatever is there), then field/value pairs. */
static const char save_script[] = "local cur = redis.call('HGET', KEYS[1], 'access_token')\n"
                                  "if ARGV[1] ~= '' and cur and cur ~= ARGV[1] then return 0 end\n"
                                  "redis.call('DEL', KEYS[1])\n"
                                  "redis.call('HSET', KEYS[1], unpack(ARGV, 2))\n"
                                  "return 1\n";

static const char unlock_script[] =
    "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end\n"
    "return 0\n";

typedef struct rstore {
    spotc_token_store pub; /* first: the public pointer is the store's */
    spotc__redis *conn;    /* a reference */
    char *key, *lock_key;
    int lock_ttl_ms;
    int lock_depth;  /* lock() nests */
    int lock_shared; /* the lock is held in Redis (else only locally: Redis was away) */
    char lock_token[33];
    spotc_token mem;   /* the tokens last read or written */
    int dirty;         /* mem was saved while Redis was away */
    char *base_access; /* the access token Redis held when mem was read or written */
    unsigned seen;     /* the connection's generation when Redis last held mem */
} rstore;

/* ------------------------------------------------------------ hash <-> token */

static char *field(const redisReply *rep, const char *name, int *ok)
{
    for (size_t i = 0; i + 1 < rep->elements; i += 2) {
        const redisReply *k = rep->element[i], *v = rep->element[i + 1];
        if (k->type == REDIS_REPLY_STRING && v->type == REDIS_REPLY_STRING &&
            strcmp(k->str, name) == 0)
            return spotc__strdup_or_null(v->str, ok);
    }
    return NULL;
}

/* HGETALL's pairs as tokens. @return 0, SPOTC_ENOTFOUND (empty), SPOTC_EIO, SPOTC_ENOMEM. */
static int token_from_hash(spotc_token *out, const redisReply *rep)
{
    if (rep->type != REDIS_REPLY_ARRAY)
        return SPOTC_EIO;
    if (rep->elements == 0)
        return SPOTC_ENOTFOUND;
    int ok = 1;
    char *exp = field(rep, "expires_at", &ok);
    spotc_token t = {
        .access_token = field(rep, "access_token", &ok),
        .refresh_token = field(rep, "refresh_token", &ok),
        .expires_at = exp ? (int64_t)strtoll(exp, NULL, 10) : 0,
        .scope = field(rep, "scope", &ok),
        .client_id = field(rep, "client_id", &ok),
        .user = field(rep, "user", &ok),
    };
    free(exp);
    if (!ok || !t.access_token) {
        spotc_token_clear(&t);
        return ok ? SPOTC_EIO : SPOTC_ENOMEM;
    }
    *out = t;
    return 0;
}

/* Run the save script for mem. @return 1 written, 0 refused (newer there), -1 Redis away. */
static int write_mem(rstore *s, const char *base)
{
    char exp[24];
    snprintf(exp, sizeof exp, "%" PRId64, s->mem.expires_at);
    const char *pairs[][2] = {
        {"access_token", s->mem.access_token},
        {"refresh_token", s->mem.refresh_token},
        {"expires_at", exp},
        {"scope", s->mem.scope},
        {"client_id", s->mem.client_id},
        {"user", s->mem.user},
    };
    const char *args[1 + 2 * 6];
    int n = 0;
    args[n++] = base ? base : "";
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        if (!pairs[i][1])
            continue;
        args[n++] = pairs[i][0];
        args[n++] = pairs[i][1];
    }
    const char *keys[] = {s->key};
    redisReply *rep = spotc__redis_eval(s->conn, save_script, 1, keys, n, args);
    int rc = rep && rep->type == REDIS_REPLY_INTEGER ? (int)rep->integer : -1;
    freeReplyObject(rep);
    return rc;
}

static int set_base(rstore *s, const char *access)
{
    s->seen = spotc__redis_generation(s->conn);
    spotc__secret_free(s->base_access);
    int ok = 1;
    s->base_access = spotc__strdup_or_null(access, &ok);
    return ok ? 0 : SPOTC_ENOMEM;
}

/* After an outage: a token saved meanwhile goes back to Redis, unless another
 * worker stored a newer one (then that one wins, and the next load reads it). */
static void write_back(rstore *s)
{
    if (!s->dirty || !s->mem.access_token)
        return;
    int rc = write_mem(s, s->base_access ? s->base_access : "");
    if (rc >= 0)
        s->dirty = 0;
    if (rc == 1)
        set_base(s, s->mem.access_token);
}

/* The tokens are gone from Redis and we hold a copy: if we reconnected since
 * Redis last held it, Redis restarted without them (no persistence), so put
 * them back (unless another worker stored some meanwhile). Without a
 * reconnection the key was deleted on purpose (a log out) and stays so.
 * @return 1 when the copy is the tokens to use. */
static int restore(rstore *s)
{
    if (!s->mem.access_token || s->seen == spotc__redis_generation(s->conn))
        return 0;
    int rc = write_mem(s, s->base_access ? s->base_access : "");
    if (rc == 1)
        set_base(s, s->mem.access_token);
    return rc == 1;
}

/* ------------------------------------------------------------ the interface */

static int rs_load(spotc_token *out, void *payload, char *eb, size_t ebn)
{
    rstore *s = payload;
    memset(out, 0, sizeof *out);
    write_back(s);
    const char *argv[] = {"HGETALL", s->key};
    redisReply *rep = s->dirty ? NULL : spotc__redis_cmd(s->conn, 2, argv, NULL);
    if (!rep) { /* away: our copy */
        if (!s->mem.access_token)
            return spotc__errbuf(eb, ebn, SPOTC_EIO,
                                 "Redis is unavailable and this process holds no copy of the "
                                 "tokens");
        return spotc_token_copy(out, &s->mem);
    }
    spotc_token t;
    int rc = token_from_hash(&t, rep);
    freeReplyObject(rep);
    if (rc == SPOTC_ENOTFOUND && restore(s))
        return spotc_token_copy(out, &s->mem);
    if (rc == SPOTC_ENOTFOUND)
        return spotc__errbuf(eb, ebn, rc, "no tokens stored in Redis under %s", s->key);
    if (rc != 0)
        return spotc__errbuf(eb, ebn, rc, "the Redis key %s does not hold tokens", s->key);
    rc = spotc_token_copy(out, &t);
    if (rc == 0)
        rc = set_base(s, t.access_token);
    spotc_token_clear(&s->mem);
    s->mem = t;
    if (rc != 0)
        spotc_token_clear(out);
    return rc;
}

static int rs_save(const spotc_token *token, void *payload, char *eb, size_t ebn)
{
    rstore *s = payload;
    if (!token || !token->access_token)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID, "no access token to store");
    spotc_token copy;
    if (spotc_token_copy(&copy, token) != 0)
        return SPOTC_ENOMEM;
    spotc_token_clear(&s->mem);
    s->mem = copy;
    /* Under our lock the hash is ours to replace; kept in memory when Redis is away. */
    int rc = write_mem(s, NULL);
    s->dirty = rc < 0;
    return rc < 0 ? 0 : set_base(s, s->mem.access_token);
}

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

/* SET NX PX until we hold it, Redis goes away (then a local lock), or the
 * holder's expiry has surely passed twice over. */
static int lock_shared(rstore *s, char *eb, size_t ebn)
{
    unsigned char rnd[16];
    if (spotc__random_bytes(rnd, sizeof rnd) != 0)
        return spotc__errbuf(eb, ebn, SPOTC_ERROR, "no randomness for the lock token");
    for (size_t i = 0; i < sizeof rnd; i++)
        snprintf(s->lock_token + 2 * i, 3, "%02x", rnd[i]);
    char ttl[16];
    snprintf(ttl, sizeof ttl, "%d", s->lock_ttl_ms);
    const char *argv[] = {"SET", s->lock_key, s->lock_token, "NX", "PX", ttl};
    int64_t deadline = spotc__redis_now_ms() + 2 * (int64_t)s->lock_ttl_ms;
    while (spotc__redis_now_ms() < deadline) {
        redisReply *rep = spotc__redis_cmd(s->conn, 6, argv, NULL);
        int got = rep && rep->type == REDIS_REPLY_STATUS;
        int away = !rep || rep->type == REDIS_REPLY_ERROR;
        freeReplyObject(rep);
        if (got || away) {
            s->lock_shared = got;
            return 0;
        }
        sleep_ms(LOCK_POLL_MS);
    }
    return spotc__errbuf(eb, ebn, SPOTC_EIO, "timed out waiting for the token lock %s in Redis",
                         s->lock_key);
}

static int rs_lock(void *payload, char *eb, size_t ebn)
{
    rstore *s = payload;
    if (s->lock_depth > 0) {
        s->lock_depth++;
        return 0;
    }
    int rc = lock_shared(s, eb, ebn);
    if (rc == 0)
        s->lock_depth = 1;
    return rc;
}

static void rs_unlock(void *payload)
{
    rstore *s = payload;
    if (s->lock_depth == 0 || --s->lock_depth > 0)
        return;
    if (s->lock_shared) {
        const char *keys[] = {s->lock_key};
        const char *args[] = {s->lock_token};
        freeReplyObject(spotc__redis_eval(s->conn, unlock_script, 1, keys, 1, args));
    }
    s->lock_shared = 0;
}

static int rs_clear(void *payload, char *eb, size_t ebn)
{
    rstore *s = payload;
    spotc_token_clear(&s->mem);
    s->dirty = 0;
    const char *argv[] = {"DEL", s->key};
    redisReply *rep = spotc__redis_cmd(s->conn, 2, argv, NULL);
    int ok = rep && rep->type == REDIS_REPLY_INTEGER;
    freeReplyObject(rep);
    return ok ? 0
              : spotc__errbuf(eb, ebn, SPOTC_EIO, "Redis is unavailable: %s not removed", s->key);
}

/* ------------------------------------------------------------ construction */

static void rs_free(rstore *s)
{
    if (s->lock_depth > 0) {
        s->lock_depth = 1;
        rs_unlock(s);
    }
    spotc__redis_unref(s->conn);
    spotc_token_clear(&s->mem);
    spotc__secret_free(s->base_access);
    free(s->key);
    free(s->lock_key);
    free(s);
}

int spotc__redis_store_new(spotc_token_store **out, spotc__redis *conn, const char *key,
                           int lock_ttl_ms)
{
    *out = NULL;
    rstore *s = calloc(1, sizeof *s);
    if (!s)
        return SPOTC_ENOMEM;
    s->conn = spotc__redis_ref(conn);
    s->lock_ttl_ms = lock_ttl_ms > 0 ? lock_ttl_ms : DEFAULT_LOCK_TTL_MS;
    s->key = strdup(key);
    size_t n = strlen(key) + sizeof ":lock";
    s->lock_key = malloc(n);
    if (!s->key || !s->lock_key) {
        rs_free(s);
        return SPOTC_ENOMEM;
    }
    snprintf(s->lock_key, n, "%s:lock", key);
    s->pub = (spotc_token_store){.version = SPOTC_TOKEN_STORE_VERSION,
                                 .load = rs_load,
                                 .save = rs_save,
                                 .lock = rs_lock,
                                 .unlock = rs_unlock,
                                 .clear = rs_clear,
                                 .payload = s};
    *out = &s->pub;
    return 0;
}

static char *store_key(const spotc_token_store_redis_options *o)
{
    if (o->user)
        return spotc__redis_key(o->client_id, "user", o->user);
    return spotc__redis_key(o->client_id, "app",
                            o->accounts_base ? o->accounts_base : SPOTC_DEFAULT_ACCOUNTS_BASE);
}

int spotc_token_store_redis_new(spotc_token_store **out,
                                const spotc_token_store_redis_options *opts, char *eb, size_t ebn)
{
    if (!out)
        return SPOTC_EINVALID;
    *out = NULL;
    if (!opts || opts->version != SPOTC_TOKEN_STORE_REDIS_OPTIONS_VERSION)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID, "unknown Redis store options version");
    if (!opts->client_id || !*opts->client_id)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID, "a Redis token store needs the client id");
    spotc__redis *conn = NULL;
    int rc = spotc__redis_new(&conn, opts->url, eb, ebn);
    if (rc != 0)
        return rc;
    char *key = store_key(opts);
    rc = key ? spotc__redis_store_new(out, conn, key, opts->lock_ttl_ms) : SPOTC_ENOMEM;
    free(key);
    spotc__redis_unref(conn); /* the store holds its own reference */
    return rc;
}

void spotc_token_store_redis_free(spotc_token_store *store)
{
    if (store && store->load == rs_load)
        rs_free(store->payload);
}
