/*
 * The client's pace (internal): how many requests it sends at once, and the
 * pause a Retry-After asks of all of them (issue 11).
 *
 * Concurrency adapts: the batch engine's reads (from SPOTC__PACE_START) and
 * the pager's pages fetched ahead (from the pager's concurrency) grow by one
 * request a round after a round that met no 429, and halve after one that did,
 * never beyond the caller's ceiling (the pager's concurrency,
 * SPOTC__PACE_MAX for batches). The level is the client's, so what one call
 * learnt about the rate limit the next one uses. A 429's Retry-After pauses the client: every round
 * that starts before it ends waits for it first (when that wait is within the client's
 * max_rate_limit_wait; a longer one is left to the retry policy, which fails
 * fast), so requests of one call do not walk into the window another was told
 * about.
 */
#ifndef SPOTC_PACE_H
#define SPOTC_PACE_H

#include <stdint.h>

#include <spotc.h>

#define SPOTC__PACE_START 4
#define SPOTC__PACE_MAX 16

typedef struct spotc__pace {
    int level;               /* requests a round, 1..SPOTC__PACE_MAX; 0: not adapted yet */
    unsigned long limited;   /* 429s met so far */
    int64_t paused_until_ms; /* monotonic; 0: no pause */
} spotc__pace;

void spotc__pace_init(spotc__pace *p);

/* A 429 asked to wait `wait_ms` (send.c): counted, and the client pauses. */
void spotc__pace_limited(spotc_client *client, long wait_ms);

/* Before a round: wait out the client's pause when it is within the cap. */
void spotc__pace_wait(spotc_client *client);

/* The requests a round may send now: the adaptive level (`start` before any
 * round has settled), at most `ceiling`, at least 1. */
size_t spotc__pace_round(const spotc_client *client, size_t ceiling, size_t start);

/* The count of 429s now, to compare after a round. */
unsigned long spotc__pace_mark(const spotc_client *client);

/* After a round of `sent` requests that began at `mark`: half of them on a
 * 429, else one more. */
void spotc__pace_settle(spotc_client *client, unsigned long mark, size_t sent);

/* Milliseconds on the monotonic clock. */
int64_t spotc__pace_now_ms(void);

#endif
