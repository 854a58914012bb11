/*
 * Test-only failing allocator (failmalloc.c): the Nth allocation of a tracked
 * stretch fails, and what that stretch allocated and did not free is counted.
 * Not part of libspotc: the test executable links with --wrap so that the
 * library's own malloc/calloc/realloc/strdup/strndup/free calls come here.
 */
#ifndef SPOTC_TEST_FAILMALLOC_H
#define SPOTC_TEST_FAILMALLOC_H

#include <stddef.h>

typedef struct fm_result {
    unsigned long allocations; /* allocations attempted while tracking */
    unsigned long failed;      /* the allocation that failed, 0 for none */
    unsigned long leaks;       /* tracked blocks still alive */
    unsigned long first_leak;  /* the number of the first of them */
    int overflow;              /* the pointer set overflowed: leaks may be missed */
} fm_result;

/* Route jansson through the wrappers; call before any JSON is allocated. */
void fm_init(void);
/* Start tracking; the fail_n-th allocation from now fails (0: none fails), and
 * with persistent every one after it too (until fm_disarm()). */
void fm_track(unsigned long fail_n, int persistent);
/* Stop injecting failures but keep tracking (for the clean-up that follows). */
void fm_disarm(void);
/* Stop tracking and count what is still alive. */
fm_result fm_stop(void);

#endif
