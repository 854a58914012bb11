/* Token table (see tokens.h). */
#include "tokens.h"

#include <openssl/rand.h>
#include <pthread.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "keyring.h"
#include "map.h"

/* An hour of grace after expiry, so "The access token expired" can still be told apart. */
#define ACCESS_GRACE_MS (3600 * 1000LL)

struct emu_tokens {
    pthread_rwlock_t lock;
    emu_map *access;   /* token -> emu_token_info */
    emu_map *refresh;  /* refresh token -> emu_token_info (expires_ms unused) */
    emu_map *grantees; /* "app/user" -> grantee: who holds which tokens, oldest first */
    atomic_ullong generation; /* +1 on every change (--state saves after changes) */
};

/* The tokens issued to one app for one user (or for itself), in issue order. */
typedef struct grantee {
    emu_keyring access, refresh;
} grantee;

static void grantee_free(void *p)
{
    grantee *g = p;
    emu_keyring_free(&g->access);
    emu_keyring_free(&g->refresh);
    free(g);
}

emu_tokens *emu_tokens_new(void)
{
    emu_tokens *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->access = emu_map_new(free);
    t->refresh = emu_map_new(free);
    t->grantees = emu_map_new(grantee_free);
    if (!t->access || !t->refresh || !t->grantees || pthread_rwlock_init(&t->lock, NULL) != 0) {
        emu_map_free(t->access);
        emu_map_free(t->refresh);
        emu_map_free(t->grantees);
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
    emu_map_free(t->grantees);
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

static grantee *grantee_of(emu_tokens *t, const emu_token_info *info)
{
    char key[EMU_USER_MAX + 16];
    snprintf(key, sizeof key, "%d/%s", info->app, info->user);
    grantee *g = emu_map_get(t->grantees, key);
    if (g)
        return g;
    g = malloc(sizeof *g);
    if (!g)
        return NULL;
    emu_keyring_init(&g->access, EMU_TOKEN_LEN + 1, EMU_TOKENS_PER_GRANTEE);
    emu_keyring_init(&g->refresh, EMU_REFRESH_LEN + 1, EMU_TOKENS_PER_GRANTEE);
    if (emu_map_put(t->grantees, key, g) < 0) {
        free(g);
        return NULL;
    }
    return g;
}

/* Forget the front of @p ring while its token is gone (spent, revoked) or dead. All of a
 * grantee's tokens of one kind live equally long, so the dead ones are at the front. */
static void prune(emu_keyring *ring, emu_map *m, int64_t now_ms, int refresh)
{
    const char *key;
    while ((key = emu_keyring_front(ring))) {
        const emu_token_info *info = emu_map_get(m, key);
        if (info && (refresh ? now_ms < info->authorized_ms + EMU_REFRESH_LIFETIME_S * 1000
                             : now_ms <= info->expires_ms + ACCESS_GRACE_MS))
            break;
        emu_map_del(m, key);
        emu_keyring_pop(ring);
    }
}

/* Remember @p key as the grantee's newest; at the cap its oldest token dies. */
static int remember(emu_keyring *ring, emu_map *m, const char *key)
{
    char evicted[EMU_REFRESH_LEN + 1];
    int rc = emu_keyring_push(ring, key, evicted);
    if (rc == 1)
        emu_map_del(m, evicted);
    return rc < 0 ? -1 : 0;
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
    grantee *g = grantee_of(t, info);
    int rc = g ? 0 : -1;
    if (g) {
        prune(&g->access, t->access, now_ms, 0);
        prune(&g->refresh, t->refresh, now_ms, 1);
        rc = put_copy(t->access, access, info);
        if (rc == 0 && remember(&g->access, t->access, access) < 0) {
            emu_map_del(t->access, access);
            rc = -1;
        }
    }
    if (rc == 0 && refresh &&
        (put_copy(t->refresh, refresh, info) < 0 ||
         remember(&g->refresh, t->refresh, refresh) < 0)) {
        emu_map_del(t->refresh, refresh);
        rc = -1; /* the access token stays, remembered: harmless */
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
