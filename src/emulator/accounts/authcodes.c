/* Authorization codes (see authcodes.h). */
#include "authcodes.h"

#include <pthread.h>
#include <stdlib.h>

#include "map.h"

struct emu_authcodes {
    emu_locked_map codes; /* code -> emu_authcode */
};

emu_authcodes *emu_authcodes_new(void)
{
    emu_authcodes *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    if (emu_locked_map_init(&a->codes, free) < 0) {
        free(a);
        return NULL;
    }
    return a;
}

void emu_authcodes_free(emu_authcodes *a)
{
    if (!a)
        return;
    emu_locked_map_destroy(&a->codes);
    free(a);
}

static int drop_expired(const char *key, void *value, void *arg)
{
    (void)key;
    return ((const emu_authcode *)value)->expires_ms <= *(const int64_t *)arg;
}

int emu_authcodes_issue(emu_authcodes *a, emu_authcode *rec, int64_t now_ms, char *code)
{
    rec->expires_ms = now_ms + (int64_t)EMU_CODE_LIFETIME_S * 1000;
    emu_authcode *copy = malloc(sizeof *copy);
    if (!copy || emu_tokens_random(code, "AQ", EMU_CODE_LEN) < 0) {
        free(copy);
        return -1;
    }
    *copy = *rec;
    pthread_mutex_lock(&a->codes.lock);
    /* Codes nobody exchanged would pile up otherwise. */
    if (emu_map_len(a->codes.map) > 1000)
        emu_map_each(a->codes.map, drop_expired, &now_ms);
    int rc = emu_map_put(a->codes.map, code, copy);
    pthread_mutex_unlock(&a->codes.lock);
    if (rc < 0)
        free(copy);
    return rc;
}

int emu_authcodes_take(emu_authcodes *a, const char *code, int64_t now_ms, emu_authcode *out)
{
    int rc = EMU_CODE_UNKNOWN;
    pthread_mutex_lock(&a->codes.lock);
    const emu_authcode *rec = emu_map_get(a->codes.map, code);
    if (rec) {
        *out = *rec;
        rc = now_ms < rec->expires_ms ? EMU_CODE_OK : EMU_CODE_EXPIRED;
        emu_map_del(a->codes.map, code);
    }
    pthread_mutex_unlock(&a->codes.lock);
    return rc;
}
