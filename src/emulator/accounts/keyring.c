/* A bounded FIFO ring of fixed-width keys (see keyring.h). */
#include "keyring.h"

#include <stdlib.h>
#include <string.h>

void emu_keyring_init(emu_keyring *r, size_t width, size_t max)
{
    memset(r, 0, sizeof *r);
    r->width = width;
    r->max = max;
}

void emu_keyring_free(emu_keyring *r)
{
    free(r->keys);
    r->keys = NULL;
    r->cap = r->len = r->head = 0;
}

static char *slot(const emu_keyring *r, size_t i)
{
    return r->keys + ((r->head + i) % r->cap) * r->width;
}

const char *emu_keyring_front(const emu_keyring *r)
{
    return r->len ? slot(r, 0) : NULL;
}

void emu_keyring_pop(emu_keyring *r)
{
    if (!r->len)
        return;
    r->head = (r->head + 1) % r->cap;
    r->len--;
}

/* Double the storage (up to max), keeping the keys in order from slot 0. */
static int grow_ring(emu_keyring *r)
{
    size_t cap = r->cap ? r->cap * 2 : 16;
    if (cap > r->max)
        cap = r->max;
    char *keys = malloc(cap * r->width);
    if (!keys)
        return -1;
    for (size_t i = 0; i < r->len; i++)
        memcpy(keys + i * r->width, slot(r, i), r->width);
    free(r->keys);
    r->keys = keys;
    r->cap = cap;
    r->head = 0;
    return 0;
}

int emu_keyring_push(emu_keyring *r, const char *key, char *evicted)
{
    int dropped = 0;
    if (r->len == r->cap && r->cap < r->max && grow_ring(r) < 0)
        return -1;
    if (r->len == r->cap) {
        memcpy(evicted, slot(r, 0), r->width);
        emu_keyring_pop(r);
        dropped = 1;
    }
    char *s = slot(r, r->len);
    size_t n = strnlen(key, r->width - 1);
    memcpy(s, key, n);
    s[n] = 0;
    r->len++;
    return dropped;
}
