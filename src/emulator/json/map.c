/* Chained string hash map (see map.h). */
#include "map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

typedef struct entry {
    struct entry *next;
    void *value;
    uint64_t hash;
    char key[];
} entry;

struct emu_map {
    entry **buckets;
    size_t nbuckets, len;
    void (*free_value)(void *);
};

static uint64_t hash_str(const char *s)
{
    return emu_hash_str(1469598103934665603ULL, s);
}

emu_map *emu_map_new(void (*free_value)(void *))
{
    emu_map *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->nbuckets = 64;
    m->buckets = calloc(m->nbuckets, sizeof *m->buckets);
    if (!m->buckets) {
        free(m);
        return NULL;
    }
    m->free_value = free_value;
    return m;
}

static void drop(emu_map *m, entry *e)
{
    if (m->free_value && e->value)
        m->free_value(e->value);
    free(e);
}

void emu_map_clear(emu_map *m)
{
    for (size_t i = 0; i < m->nbuckets; i++) {
        for (entry *e = m->buckets[i], *n; e; e = n) {
            n = e->next;
            drop(m, e);
        }
        m->buckets[i] = NULL;
    }
    m->len = 0;
}

void emu_map_free(emu_map *m)
{
    if (!m)
        return;
    emu_map_clear(m);
    free(m->buckets);
    free(m);
}

static entry **find(const emu_map *m, const char *key, uint64_t h)
{
    entry **p = &m->buckets[h & (m->nbuckets - 1)];
    for (; *p; p = &(*p)->next)
        if ((*p)->hash == h && strcmp((*p)->key, key) == 0)
            break;
    return p;
}

void *emu_map_get(const emu_map *m, const char *key)
{
    entry **p = find(m, key, hash_str(key));
    return *p ? (*p)->value : NULL;
}

static void grow(emu_map *m)
{
    size_t n = m->nbuckets * 2;
    entry **b = calloc(n, sizeof *b);
    if (!b)
        return; /* keep working with longer chains */
    for (size_t i = 0; i < m->nbuckets; i++)
        for (entry *e = m->buckets[i], *next; e; e = next) {
            next = e->next;
            e->next = b[e->hash & (n - 1)];
            b[e->hash & (n - 1)] = e;
        }
    free(m->buckets);
    m->buckets = b;
    m->nbuckets = n;
}

int emu_map_put(emu_map *m, const char *key, void *value)
{
    uint64_t h = hash_str(key);
    entry **p = find(m, key, h);
    if (*p) {
        if (m->free_value && (*p)->value && (*p)->value != value)
            m->free_value((*p)->value);
        (*p)->value = value;
        return 0;
    }
    size_t kl = strlen(key);
    entry *e = malloc(sizeof *e + kl + 1);
    if (!e)
        return -1;
    memcpy(e->key, key, kl + 1);
    e->hash = h;
    e->value = value;
    e->next = NULL;
    *p = e;
    if (++m->len > m->nbuckets)
        grow(m);
    return 0;
}

int emu_map_del(emu_map *m, const char *key)
{
    entry **p = find(m, key, hash_str(key));
    if (!*p)
        return 0;
    entry *e = *p;
    *p = e->next;
    drop(m, e);
    m->len--;
    return 1;
}

size_t emu_map_len(const emu_map *m)
{
    return m->len;
}

void emu_map_each(emu_map *m, int (*fn)(const char *key, void *value, void *arg), void *arg)
{
    for (size_t i = 0; i < m->nbuckets; i++)
        for (entry **p = &m->buckets[i]; *p;) {
            if (fn((*p)->key, (*p)->value, arg)) {
                entry *e = *p;
                *p = e->next;
                drop(m, e);
                m->len--;
            } else {
                p = &(*p)->next;
            }
        }
}

int emu_locked_map_init(emu_locked_map *m, void (*free_value)(void *))
{
    m->map = emu_map_new(free_value);
    if (!m->map)
        return -1;
    if (pthread_mutex_init(&m->lock, NULL) != 0) {
        emu_map_free(m->map);
        m->map = NULL;
        return -1;
    }
    return 0;
}

void emu_locked_map_destroy(emu_locked_map *m)
{
    emu_map_free(m->map);
    pthread_mutex_destroy(&m->lock);
}
