/*
 * A failing allocator for the allocation-failure torture test (failmalloc.h).
 *
 * libspotc calls malloc, calloc, realloc, strdup and strndup directly, so the test
 * links with -Wl,--wrap=<each>,--wrap=free: every such call in the statically linked
 * library (and in the test) comes here. Shared libraries are not wrapped; jansson is
 * routed here with json_set_alloc_funcs(), because parsing a response is part of the
 * request path. libcurl keeps its own allocator: its out-of-memory paths are curl's
 * own torture tests' business, and a CURLE_OUT_OF_MEMORY reaches us as any curl error.
 *
 * Live allocations made while tracking are kept in a pointer set, so a run that
 * leaks is caught at once, with the number of the allocation that leaked.
 */
#include "failmalloc.h"

#include <execinfo.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <stdint.h>
#include <string.h>

#include <jansson.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void __real_free(void *p);

/* Open addressing with tombstones; cleared at each fm_track(). Big enough for the
 * live allocations of a few pages of JSON. */
#define SET_BITS 18
#define SET_SIZE (1u << SET_BITS)
#define TOMB ((void *)1)

typedef struct slot {
    void *p;
    unsigned long seq;
} slot;

static slot set[SET_SIZE];
static size_t set_used;
static int set_overflow; /* more insertions than the set holds: leaks may go unseen */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int tracking;
static unsigned long counter, fail_at, failed_seq;
static int fail_on; /* every allocation from fail_at on fails, as when memory runs out */

static size_t hash(const void *p)
{
    uintptr_t x = (uintptr_t)p >> 4;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15u;
    return (size_t)(x >> (sizeof x * 8 - SET_BITS));
}

static void set_add(void *p, unsigned long seq)
{
    if (set_used >= SET_SIZE / 2) {
        set_overflow = 1; /* full: stop tracking rather than loop forever, and say so */
        return;
    }
    size_t i = hash(p);
    while (set[i].p && set[i].p != TOMB)
        i = (i + 1) & (SET_SIZE - 1);
    set[i] = (slot){p, seq};
    set_used++;
}

static void set_remove(void *p)
{
    size_t i = hash(p);
    for (size_t n = 0; set[i].p && n < SET_SIZE; n++, i = (i + 1) & (SET_SIZE - 1)) {
        if (set[i].p == p) {
            set[i].p = TOMB;
            return;
        }
    }
}

/* 1 when this allocation is the one to fail; counts it either way. */
static int next_fails(unsigned long *seq)
{
    *seq = ++counter;
    if (fail_at && (*seq == fail_at || (fail_on && *seq > fail_at))) {
        if (!failed_seq && getenv("TORTURE_BACKTRACE")) { /* where it failed, for addr2line */
            void *frames[16];
            backtrace_symbols_fd(frames, backtrace(frames, 16), STDERR_FILENO);
        }
        if (!failed_seq)
            failed_seq = *seq;
        return 1;
    }
    return 0;
}

/* Common path of every allocating wrapper: decide, allocate, track. */
#define FM_ALLOC(expr)                                                                             \
    do {                                                                                           \
        pthread_mutex_lock(&lock);                                                                 \
        unsigned long seq = 0;                                                                     \
        int armed = tracking;                                                                      \
        if (armed && next_fails(&seq)) {                                                           \
            pthread_mutex_unlock(&lock);                                                           \
            return NULL;                                                                           \
        }                                                                                          \
        void *r_ = (expr);                                                                         \
        if (armed && r_)                                                                           \
            set_add(r_, seq);                                                                      \
        pthread_mutex_unlock(&lock);                                                               \
        return r_;                                                                                 \
    } while (0)

void *__wrap_malloc(size_t n)
{
    FM_ALLOC(__real_malloc(n));
}

void *__wrap_calloc(size_t n, size_t size)
{
    FM_ALLOC(__real_calloc(n, size));
}

char *__wrap_strdup(const char *s)
{
    FM_ALLOC(__real_strdup(s));
}

char *__wrap_strndup(const char *s, size_t n)
{
    FM_ALLOC(__real_strndup(s, n));
}

void __wrap_free(void *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&lock);
    if (set_used)
        set_remove(p);
    pthread_mutex_unlock(&lock);
    __real_free(p);
}

/* realloc: a failure leaves the old block alive (and tracked), as the C library does. */
void *__wrap_realloc(void *p, size_t n)
{
    pthread_mutex_lock(&lock);
    unsigned long seq = 0;
    int armed = tracking;
    if (armed && next_fails(&seq)) {
        pthread_mutex_unlock(&lock);
        return NULL;
    }
    void *r = __real_realloc(p, n);
    if (r && p)
        set_remove(p);
    if (r && armed)
        set_add(r, seq);
    pthread_mutex_unlock(&lock);
    return r;
}

static void *json_malloc(size_t n)
{
    return __wrap_malloc(n);
}

void fm_init(void)
{
    json_set_alloc_funcs(json_malloc, __wrap_free);
}

void fm_track(unsigned long fail_n, int persistent)
{
    pthread_mutex_lock(&lock);
    memset(set, 0, sizeof set);
    set_used = 0;
    set_overflow = 0;
    counter = 0;
    failed_seq = 0;
    fail_at = fail_n;
    fail_on = persistent;
    tracking = 1;
    pthread_mutex_unlock(&lock);
}

void fm_disarm(void)
{
    pthread_mutex_lock(&lock);
    fail_at = 0;
    pthread_mutex_unlock(&lock);
}

fm_result fm_stop(void)
{
    pthread_mutex_lock(&lock);
    tracking = 0;
    fm_result r = {.allocations = counter, .failed = failed_seq, .overflow = set_overflow};
    for (size_t i = 0; i < SET_SIZE; i++) {
        if (set[i].p && set[i].p != TOMB) {
            r.leaks++;
            if (!r.first_leak || set[i].seq < r.first_leak)
                r.first_leak = set[i].seq;
        }
    }
    pthread_mutex_unlock(&lock);
    return r;
}
