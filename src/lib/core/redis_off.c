/*
 * Without hiredis (SPOTC_REDIS off): the Redis entry points exist and say so,
 * so a program or a SPOTC_REDIS_URL meant for a build with Redis fails clearly
 * instead of running unshared.
 */
#ifndef SPOTC_HAVE_REDIS
#include <stdio.h>

#include "auth_internal.h"
#include "client_priv.h"
#include <spotc/redis.h>

#define NO_REDIS "spotc was built without Redis support (hiredis was not found at build time)"

int spotc__redis_attach(spotc_client *c, const spotc_client_options *o)
{
    return o->redis_url ? spotc__error_set(c, SPOTC_EINVALID, NO_REDIS) : 0;
}

int spotc_redis_url_check(const char *url, char *errbuf, size_t errbuf_len)
{
    (void)url;
    return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID, NO_REDIS);
}

int spotc_token_store_redis_new(spotc_token_store **out,
                                const spotc_token_store_redis_options *opts, char *errbuf,
                                size_t errbuf_len)
{
    (void)opts;
    if (out)
        *out = NULL;
    return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID, NO_REDIS);
}

void spotc_token_store_redis_free(spotc_token_store *store)
{
    (void)store;
}
#else
typedef int spotc__redis_on; /* ISO C wants a translation unit to declare something */
#endif
