/* Authorization codes (see authcodes.h). */
#include "authcodes.h"

#include <pthread.h>
#include <stdlib.h>

#include "keyring.h"
#include "map.h"

struct emu_authcodes {
    emu_locked_map codes; /* code -> emu_authcode; its lock guards the ring too */
    emu_keyring order;    /* codes in issue order, which is expiry order */
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
    emu_keyring_init(&a->order, EMU_CODE_LEN + 1, EMU_CODES_MAX);
    return a;
}

void emu_authcodes_free(emu_authcodes *a)
{
    if (!a)
        return;
    emu_locked_map_destroy(&a->codes);
    emu_keyring_free(&a->order);
    free(a);
}

/* Codes nobody exchanged would pile up otherwise: drop the dead ones from the front. */
static void prune(emu_authcodes *a, int64_t now_ms)
{
    const char *key;
    while ((key = emu_keyring_front(&a->order))) {
        const emu_authcode *rec = emu_map_get(a->codes.map, key);
        if (rec && now_ms < rec->expires_ms)
            break;
        emu_map_del(a->codes.map, key);
        emu_keyring_pop(&a->order);
    }
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
    char evicted[EMU_CODE_LEN + 1];
    pthread_mutex_lock(&a->codes.lock);
    prune(a, now_ms);
    int rc = emu_map_put(a->codes.map, code, copy);
    if (rc < 0) {
        free(copy);
    } else {
        int pushed = emu_keyring_push(&a->order, code, evicted);
        if (pushed == 1) {
            emu_map_del(a->codes.map, evicted); /* at the cap the oldest code dies */
        } else if (pushed < 0) {
            emu_map_del(a->codes.map, code);
            rc = -1;
        }
    }
    pthread_mutex_unlock(&a->codes.lock);
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
