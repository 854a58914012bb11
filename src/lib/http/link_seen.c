/* A set of followed links (link_seen.h). */
#include <stdlib.h>

#include "link_seen.h"

/* FNV-1a: no crypto needed, a server only makes its own paging fail. */
static uint64_t hash(const char *s)
{
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h ? h : 1; /* 0 marks an empty slot */
}

/* The slot that holds h, or the empty one where it belongs. */
static size_t find(const spotc__link_seen *s, uint64_t h)
{
    size_t i = (size_t)h & (s->cap - 1);
    while (s->slots[i] && s->slots[i] != h)
        i = (i + 1) & (s->cap - 1);
    return i;
}

static int grow(spotc__link_seen *s)
{
    size_t cap = s->cap ? s->cap * 2 : 64;
    uint64_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    spotc__link_seen bigger = {slots, cap, s->count};
    for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i])
            slots[find(&bigger, s->slots[i])] = s->slots[i];
    free(s->slots);
    *s = bigger;
    return 0;
}

int spotc__link_seen_add(spotc__link_seen *s, const char *link)
{
    /* Kept at most half full, so a search always ends at an empty slot. */
    if ((s->count + 1) * 2 > s->cap && grow(s) < 0)
        return -1;
    uint64_t h = hash(link);
    size_t i = find(s, h);
    if (s->slots[i])
        return 0;
    s->slots[i] = h;
    s->count++;
    return 1;
}

void spotc__link_seen_clear(spotc__link_seen *s)
{
    free(s->slots);
    *s = (spotc__link_seen)SPOTC__LINK_SEEN_INIT;
}
