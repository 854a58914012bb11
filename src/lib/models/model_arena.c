/*
 * The arena that owns a model.
 *
 * A model is many small structs and arrays that all die together, so they are
 * bump-allocated from blocks owned by one arena; the root struct carries a
 * hidden pointer to its arena just before it, which is how the public _free()
 * functions find everything from the root alone.
 */
#include <limits.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

#define ALIGN alignof(max_align_t)
#define ROUND_UP(n) (((n) + ALIGN - 1) / ALIGN * ALIGN)
/* Most models fit in one block; big arrays get a block of their own. */
#define BLOCK_SIZE 4096

typedef struct block {
    struct block *next;
    size_t used, size; /* bytes of data */
} block;

#define BLOCK_HDR ROUND_UP(sizeof(block))
#define ROOT_PREFIX ROUND_UP(sizeof(spotc__arena *))

struct spotc__arena {
    block *head;
    json_t **docs;
    size_t ndocs, capdocs;
};

static unsigned char *block_data(block *b)
{
    return (unsigned char *)b + BLOCK_HDR;
}

static block *block_new(size_t size)
{
    if (size > SIZE_MAX - BLOCK_HDR)
        return NULL;
    block *b = malloc(BLOCK_HDR + size);
    if (b) {
        b->next = NULL;
        b->used = 0;
        b->size = size;
    }
    return b;
}

void *spotc__arena_calloc(spotc__arena *a, size_t n, size_t size)
{
    if (!a || (size && n > (SIZE_MAX - ALIGN) / size))
        return NULL;
    size_t bytes = ROUND_UP(n * size);
    if (bytes == 0)
        bytes = ALIGN;
    block *b = a->head;
    if (!b || b->size - b->used < bytes) {
        if (bytes > BLOCK_SIZE / 4) {
            /* A dedicated block, linked behind the head so the head keeps its free space. */
            block *big = block_new(bytes);
            if (!big)
                return NULL;
            big->used = bytes;
            if (a->head) {
                big->next = a->head->next;
                a->head->next = big;
            } else {
                a->head = big;
            }
            return memset(block_data(big), 0, bytes);
        }
        if (!(b = block_new(BLOCK_SIZE)))
            return NULL;
        b->next = a->head;
        a->head = b;
    }
    void *p = block_data(b) + b->used;
    b->used += bytes;
    return memset(p, 0, bytes);
}

int spotc__arena_keep(spotc__arena *a, json_t *doc)
{
    if (!doc)
        return 0;
    if (a->ndocs == a->capdocs) {
        size_t cap = a->capdocs ? a->capdocs * 2 : 4;
        json_t **docs = realloc(a->docs, cap * sizeof *docs);
        if (!docs)
            return SPOTC_ENOMEM;
        a->docs = docs;
        a->capdocs = cap;
    }
    a->docs[a->ndocs++] = json_incref(doc);
    return 0;
}

/* Capacity of an array grown only by spotc__arena_grow(): a power of two >= 4. */
static size_t capacity_for(size_t count)
{
    size_t cap = 4;
    while (cap < count) {
        if (cap > SIZE_MAX / 2)
            return 0;
        cap *= 2;
    }
    return cap;
}

void *spotc__arena_grow(spotc__arena *a, void *array, size_t count, size_t add, size_t size)
{
    if (add > SIZE_MAX - count)
        return NULL;
    size_t have = count ? capacity_for(count) : 0;
    size_t want = capacity_for(count + add);
    if (array && want && want <= have)
        return array;
    if (!want)
        return NULL;
    void *grown = spotc__arena_calloc(a, want, size);
    if (grown && count)
        memcpy(grown, array, count * size);
    return grown;
}

void *spotc__model_new(size_t size, json_t *doc)
{
    if (size > SIZE_MAX - ROOT_PREFIX)
        return NULL;
    spotc__arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    unsigned char *p = spotc__arena_calloc(a, 1, ROOT_PREFIX + size);
    if (!p) {
        free(a);
        return NULL;
    }
    memcpy(p, &a, sizeof a);
    void *root = p + ROOT_PREFIX;
    if (spotc__arena_keep(a, doc) < 0) {
        spotc__model_free(root);
        return NULL;
    }
    return root;
}

spotc__arena *spotc__model_arena(const void *root)
{
    spotc__arena *a;
    memcpy(&a, (const unsigned char *)root - ROOT_PREFIX, sizeof a);
    return a;
}

int spotc__model_keep(void *root, json_t *doc)
{
    return spotc__arena_keep(spotc__model_arena(root), doc);
}

void spotc__model_free(void *root)
{
    if (!root)
        return;
    spotc__arena *a = spotc__model_arena(root);
    if (!a)
        return;
    for (size_t i = 0; i < a->ndocs; i++)
        json_decref(a->docs[i]);
    free(a->docs);
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}
