/* Token table (see tokens.h). */
#include "tokens.h"

#include <openssl/rand.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"

struct emu_tokens {
    pthread_rwlock_t lock;
    emu_map *access;  /* token -> emu_token_info */
    emu_map *refresh; /* refresh token -> emu_token_info (expires_ms unused) */
    atomic_ullong generation; /* +1 on every change (--state saves after changes) */
};

emu_tokens *emu_tokens_new(void)
{
    emu_tokens *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->access = emu_map_new(free);
    t->refresh = emu_map_new(free);
    if (!t->access || !t->refresh || pthread_rwlock_init(&t->lock, NULL) != 0) {
        emu_map_free(t->access);
        emu_map_free(t->refresh);
        free(t);
        return NULL;
    }
    return t;
}

void emu_tokens_free(emu_tokens *t)
{
    if (!t)
        return;
    emu_map_free(t->access);
    emu_map_free(t->refresh);
    pthread_rwlock_destroy(&t->lock);
    free(t);
}

/* Tokens must be unguessable: a CSPRNG, never the catalogue's seeded generator. */
static int random_token(char *out, const char *prefix, size_t len)
{
    static const char b62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    unsigned char raw[256];
    size_t n = len - 2;
    if (n > sizeof raw || RAND_bytes(raw, (int)n) != 1)
        return -1;
    out[0] = prefix[0];
    out[1] = prefix[1];
    for (size_t i = 0; i < n; i++)
        out[2 + i] = b62[raw[i] % 62]; /* the slight bias costs < 0.1 bit per character */
    out[len] = 0;
    return 0;
}

int emu_tokens_random(char *out, const char *prefix, size_t len)
{
    return random_token(out, prefix, len);
}

static int drop_expired(const char *key, void *value, void *arg)
{
    (void)key;
    const emu_token_info *info = value;
    /* An hour of grace so "The access token expired" can still be told apart. */
    return info->expires_ms + 3600 * 1000 < *(const int64_t *)arg;
}

static int put_copy(emu_map *m, const char *key, const emu_token_info *info)
{
    emu_token_info *copy = malloc(sizeof *copy);
    if (!copy)
        return -1;
    *copy = *info;
    if (emu_map_put(m, key, copy) < 0) {
        free(copy);
        return -1;
    }
    return 0;
}

int emu_tokens_issue(emu_tokens *t, emu_token_info *info, int64_t now_ms, char *access,
                     char *refresh)
{
    info->issued_ms = now_ms;
    if (!info->authorized_ms)
        info->authorized_ms = now_ms;
    info->expires_ms = now_ms + (int64_t)EMU_TOKEN_LIFETIME_S * 1000;
    if (random_token(access, "BQ", EMU_TOKEN_LEN) < 0 ||
        (refresh && random_token(refresh, "AQ", EMU_REFRESH_LEN) < 0))
        return -1;
    pthread_rwlock_wrlock(&t->lock);
    if (emu_map_len(t->access) > 50000)
        emu_map_each(t->access, drop_expired, &now_ms);
    int rc = put_copy(t->access, access, info);
    if (rc == 0 && refresh && put_copy(t->refresh, refresh, info) < 0) {
        emu_map_del(t->access, access);
        rc = -1;
    }
    pthread_rwlock_unlock(&t->lock);
    atomic_fetch_add(&t->generation, 1);
    return rc;
}

static int lookup(emu_tokens *t, emu_map *m, const char *key, emu_token_info *out)
{
    pthread_rwlock_rdlock(&t->lock);
    const emu_token_info *info = emu_map_get(m, key);
    if (info)
        *out = *info;
    pthread_rwlock_unlock(&t->lock);
    return info ? 0 : -1;
}

int emu_tokens_lookup(emu_tokens *t, const char *access, emu_token_info *out)
{
    return lookup(t, t->access, access, out);
}

int emu_tokens_refresh_lookup(emu_tokens *t, const char *refresh, emu_token_info *out)
{
    return lookup(t, t->refresh, refresh, out);
}

void emu_tokens_refresh_revoke(emu_tokens *t, const char *refresh)
{
    pthread_rwlock_wrlock(&t->lock);
    emu_map_del(t->refresh, refresh);
    pthread_rwlock_unlock(&t->lock);
    atomic_fetch_add(&t->generation, 1);
}

int emu_tokens_refresh_spend(emu_tokens *t, const char *refresh)
{
    pthread_rwlock_wrlock(&t->lock);
    int removed = emu_map_del(t->refresh, refresh);
    pthread_rwlock_unlock(&t->lock);
    atomic_fetch_add(&t->generation, 1);
    return removed;
}

size_t emu_tokens_count(emu_tokens *t)
{
    pthread_rwlock_rdlock(&t->lock);
    size_t n = emu_map_len(t->access);
    pthread_rwlock_unlock(&t->lock);
    return n;
}

/* ---- --state: saving and restoring (state_file.h) ---- */

typedef struct visit {
    emu_token_visit fn;
    void *arg;
    int refresh;
} visit;

static int visit_one(const char *key, void *value, void *arg)
{
    const visit *v = arg;
    v->fn(key, value, v->refresh, v->arg);
    return 0;
}

void emu_tokens_each(emu_tokens *t, emu_token_visit fn, void *arg)
{
    visit v = {fn, arg, 0};
    pthread_rwlock_rdlock(&t->lock);
    emu_map_each(t->access, visit_one, &v);
    v.refresh = 1;
    emu_map_each(t->refresh, visit_one, &v);
    pthread_rwlock_unlock(&t->lock);
}

int emu_tokens_restore(emu_tokens *t, const char *token, const emu_token_info *info, int refresh)
{
    pthread_rwlock_wrlock(&t->lock);
    int rc = put_copy(refresh ? t->refresh : t->access, token, info);
    pthread_rwlock_unlock(&t->lock);
    return rc;
}

uint64_t emu_tokens_generation(emu_tokens *t)
{
    return atomic_load(&t->generation);
}
