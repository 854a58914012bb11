/*
 * spotc_client: options, lifetime, accessors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "auth_internal.h"
#include "client_priv.h"
#include "url.h"

#define DEFAULT_CONNECT_TIMEOUT_MS 10000L
#define DEFAULT_TIMEOUT_MS 30000L

static void free_secret(char *s)
{
    if (s) {
        OPENSSL_cleanse(s, strlen(s));
        free(s);
    }
}

void spotc_client_free(spotc_client *client)
{
    if (!client)
        return;
    spotc__token_state_free(&client->token);
    if (client->hook.free) /* after the token source, which may borrow its connection */
        client->hook.free(client->hook.ctx);
    spotc__transport_free(client->transport);
    spotc__error_store_free(&client->err);
    spotc__client_forget_secrets(client);
    free(client->client_id);
    free_secret(client->client_secret);
    free(client->api_base);
    free(client->accounts_base);
    free(client->market);
    free(client);
}

/* A copy of a base URL without trailing slashes. */
static char *copy_base(const char *base)
{
    size_t n = strlen(base);
    while (n > 0 && base[n - 1] == '/')
        n--;
    return strndup(base, n);
}

static int invalid(const char *what)
{
    return spotc__error_set(NULL, SPOTC_EINVALID, "invalid client options: %s", what);
}

static int check_options(const spotc_client_options *o)
{
    if (o->version < 1 || o->version > SPOTC_CLIENT_OPTIONS_VERSION)
        return invalid("unknown spotc_client_options version");
    if (o->api_base && !spotc__url_base_ok(o->api_base))
        return invalid("api_base is not an http:// or https:// URL");
    if (o->accounts_base && !spotc__url_base_ok(o->accounts_base))
        return invalid("accounts_base is not an http:// or https:// URL");
    if (o->connect_timeout_ms < 0 || o->timeout_ms < 0)
        return invalid("a timeout is negative");
    if (o->max_retries < 0 || o->max_rate_limit_wait < 0)
        return invalid("max_retries or max_rate_limit_wait is negative");
    if (o->market && (strlen(o->market) != 2 || !spotc__url_chars_ok(o->market)))
        return invalid("market is not a two-letter country code");
    if (o->access_token && (!*o->access_token || !spotc__url_chars_ok(o->access_token)))
        return invalid("the access token is empty or holds characters a token cannot have");
    if (o->user_agent && strpbrk(o->user_agent, "\r\n"))
        return invalid("the user agent holds a line break");
    if (o->version >= 2 && (o->mode < SPOTC_APP_MODE_AUTO || o->mode > SPOTC_APP_MODE_DEVELOPMENT))
        return invalid("mode is not a spotc_app_mode");
    if (o->version >= 2 && o->rate_budget < 0)
        return invalid("rate_budget is negative");
    return 0;
}

static char *dup_opt(const char *s, int *oom)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *oom = 1;
    return d;
}

static void set_policy(spotc_client *c, const spotc_client_options *o)
{
    c->retry.max_retries = o->max_retries;
    c->retry.max_rate_limit_wait = o->max_rate_limit_wait;
}

/* The retry jitter's seed needs to differ between processes, not to be secret: the
 * kernel's getrandom() gives it for one system call, where OpenSSL's RAND_bytes() would
 * set up its DRBG first, a third of a one-shot `spotc track ID`'s instructions. */
static void seed_rng(spotc_client *c)
{
    uint64_t seed = 0;
    if (getrandom(&seed, sizeof seed, GRND_NONBLOCK) != (ssize_t)sizeof seed)
        seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) ^ (uint64_t)(uintptr_t)c;
    c->rng = seed ? seed : 0x9E3779B97F4A7C15ull;
}

uint32_t spotc__client_random(spotc_client *c)
{
    uint64_t x = c->rng;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    c->rng = x;
    return (uint32_t)(x >> 32);
}

/* Trace lines are redacted by key name first (trace.c), then scrubbed of the
 * secrets the client knows, whatever their place in the line. */
static void scrubbed_trace(const char *line, void *payload)
{
    const spotc_client *c = payload;
    char *copy = strdup(line);
    if (!copy)
        return; /* a line lost beats a secret shown */
    spotc__scrub(c, copy);
    c->trace(copy, c->trace_payload);
    free(copy);
}

static int make_transport(spotc_client *c, const spotc_client_options *o)
{
    char ua[64];
    snprintf(ua, sizeof ua, "spotc/%s", SPOTC_VERSION);
    spotc__transport_options to = {
        .connect_timeout_ms =
            o->connect_timeout_ms ? o->connect_timeout_ms : DEFAULT_CONNECT_TIMEOUT_MS,
        .timeout_ms = o->timeout_ms ? o->timeout_ms : DEFAULT_TIMEOUT_MS,
        .user_agent = o->user_agent ? o->user_agent : ua,
        .ca_bundle = o->ca_bundle,
        .trace = o->trace ? scrubbed_trace : NULL,
        .trace_payload = c,
    };
    return spotc__transport_new(&c->transport, &to);
}

static int install_source(spotc_client *c, const spotc_client_options *o)
{
    spotc__token_source src;
    if (o->access_token) {
        int rc = spotc__token_source_fixed(&src, o->access_token);
        if (rc != 0)
            return rc;
    } else if (o->token_store || o->refresh_token) {
        int rc = spotc__token_source_user(&src, c, o->token_store, o->refresh_token);
        if (rc != 0)
            return rc;
    } else {
        spotc__token_source_client_credentials(&src);
    }
    return spotc__token_set_source(c, &src);
}

int spotc_client_new(spotc_client **out, const spotc_client_options *opts)
{
    spotc_client_options defaults = SPOTC_CLIENT_OPTIONS_INIT;
    const spotc_client_options *o = opts ? opts : &defaults;
    if (opts && opts->version == 1) {
        /* A program built before version 2 passed a struct that ends before
         * mode (the first field of version 2): read only its own fields. */
        memcpy(&defaults, opts, offsetof(spotc_client_options, mode));
        defaults.version = SPOTC_CLIENT_OPTIONS_VERSION;
        o = &defaults;
    }
    if (!out)
        return spotc__error_set(NULL, SPOTC_EINVALID, "no place for the client (out is NULL)");
    *out = NULL;
    int rc = check_options(o);
    if (rc != 0)
        return rc;
    spotc_client *c = calloc(1, sizeof *c);
    if (!c)
        return spotc__error_set(NULL, SPOTC_ENOMEM, "out of memory");
    spotc__error_store_init(&c->err);
    int oom = 0;
    c->client_id = dup_opt(o->client_id, &oom);
    c->client_secret = dup_opt(o->client_secret, &oom);
    c->market = dup_opt(o->market, &oom);
    c->api_base = copy_base(o->api_base ? o->api_base : SPOTC_DEFAULT_API_BASE);
    c->accounts_base = copy_base(o->accounts_base ? o->accounts_base : SPOTC_DEFAULT_ACCOUNTS_BASE);
    c->trace = o->trace;
    c->trace_payload = o->trace_payload;
    /* Options of version 1 end before `mode`: reading it would read past them. */
    spotc__app_mode_init(&c->app_mode, o->version >= 2 ? o->mode : SPOTC_APP_MODE_AUTO);
    spotc__pace_init(&c->pace);
    if (o->version >= 2) { /* version 1 options end before these */
        c->on_wait = o->on_wait;
        c->on_wait_payload = o->on_wait_payload;
    }
    set_policy(c, o);
    seed_rng(c);
    rc = (oom || !c->api_base || !c->accounts_base) ? SPOTC_ENOMEM : make_transport(c, o);
    if (rc == 0)
        rc = install_source(c, o);
    if (rc == 0 && o->version >= 2) /* version 1 options end before redis_url */
        rc = spotc__redis_attach(c, o);
    if (rc != 0) {
        /* the details went to the client's error; keep them for spotc_error_last() */
        if (c->err.pub.code == 0)
            spotc__error_set(NULL, rc, "cannot set up the client: %s", spotc_strerror(rc));
        spotc_client_free(c);
        return rc;
    }
    *out = c;
    return 0;
}

const spotc_error *spotc_client_last_error(const spotc_client *client)
{
    static const spotc_error none = {SPOTC_EINVALID, 0, "no client", NULL, NULL, -1, NULL, NULL};
    return client ? &client->err.pub : &none;
}

const char *spotc__client_market(const spotc_client *client)
{
    return client ? client->market : NULL;
}

const char *spotc__client_id(const spotc_client *client)
{
    return client ? client->client_id : NULL;
}

const char *spotc__client_secret(const spotc_client *client)
{
    return client ? client->client_secret : NULL;
}

const char *spotc__client_api_base(const spotc_client *client)
{
    return client ? client->api_base : NULL;
}

const char *spotc__client_accounts_base(const spotc_client *client)
{
    return client ? client->accounts_base : NULL;
}

void spotc__trace(const spotc_client *client, const char *fmt, ...)
{
    if (!client || !client->trace)
        return;
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    spotc__scrub(client, line);
    client->trace(line, client->trace_payload);
}
