/*
 * The links a pager has followed, so a server whose `next` links go round in
 * a circle (A -> B -> A) is caught instead of followed for ever. Links are kept
 * as 64-bit hashes: a page costs 8 bytes however long its link.
 */
#ifndef SPOTC_LIB_LINK_SEEN_H
#define SPOTC_LIB_LINK_SEEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct spotc__link_seen {
    uint64_t *slots; /* open addressing; 0 marks an empty slot */
    size_t cap;      /* a power of two, or 0 before the first add */
    size_t count;
} spotc__link_seen;

#define SPOTC__LINK_SEEN_INIT {NULL, 0, 0}

/* Add a link. @return 1 when it was new, 0 when it was seen before, or -1
 * when out of memory. */
int spotc__link_seen_add(spotc__link_seen *s, const char *link);

/* Free what the set holds; it can be used again after. */
void spotc__link_seen_clear(spotc__link_seen *s);

#endif
