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
 *
 * The budget (pace_budget.c): Spotify counts an app's requests in a rolling
 * 30 s window, and every request in flight when it fills comes back 429. At
 * the first 429 the client learns how many of its requests the window held
 * (those answered other than 429 in the last 30 s), and from then on sends no
 * more than that many in any 30 s (plus a margin for the time between a send
 * and its arrival), so the window never overflows again. A later 429 (another
 * client of the app spending the same budget, or one send that reached the
 * server later than its neighbours) lowers it, by at most an eighth at a time:
 * halving on one late send would halve the speed for the rest of the run. A
 * 429 that says little about this client's own rate (it sent almost nothing:
 * another process spent the app's budget, or a quota) must not throttle it for
 * good, so the budget is never below SPOTC__PACE_BUDGET_MIN, and it is
 * forgotten after SPOTC__PACE_BUDGET_TTL_MS without a 429 (the next 429 learns
 * it again). Before the first 429 nothing waits: an unlimited client pays one
 * clock read a request.
 */
#ifndef SPOTC_PACE_H
#define SPOTC_PACE_H

#include <stdint.h>

#include <spotc.h>

#define SPOTC__PACE_START 4
#define SPOTC__PACE_MAX 16

#define SPOTC__PACE_WINDOW_MS 30000 /* Spotify's rolling window */
#define SPOTC__PACE_MARGIN_MS 1000  /* a send's arrival may lag it by this much */
#define SPOTC__PACE_LOG_MAX 8192    /* stamps kept a log: the largest budget learnt */
#define SPOTC__PACE_BUDGET_MIN 10   /* the least a learnt budget allows a window */
#define SPOTC__PACE_BUDGET_TTL_MS (10 * 60 * 1000) /* a budget lasts this long after a 429 */

/* A log of times (ms, ascending), the oldest dropped past SPOTC__PACE_LOG_MAX. */
typedef struct spotc__stamps {
    int64_t *t;
    size_t head, len, cap;
} spotc__stamps;

typedef struct spotc__pace {
    int level;               /* requests a round, 1..SPOTC__PACE_MAX; 0: not adapted yet */
    unsigned long limited;   /* 429s met so far */
    int64_t paused_until_ms; /* monotonic; 0: no pause */
    spotc__stamps sent;      /* Web API requests sent, the last window and margin */
    spotc__stamps admitted;  /* answers other than 429, the last window */
    size_t budget;           /* requests a window once learnt; 0: none (yet, or forgotten) */
    int64_t learnt_ms;       /* when the last 429 set or lowered the budget */
} spotc__pace;

void spotc__pace_init(spotc__pace *p);
/* Free the logs. */
void spotc__pace_free(spotc__pace *p);

/* Pure parts of the budget (the caller gives the time, so tests need no clock). */
/* Add `now` to the log, dropping stamps older than window_ms. */
void spotc__stamps_add(spotc__stamps *s, int64_t now, int64_t window_ms);
/* The stamps within window_ms of `now` (older ones are dropped). */
size_t spotc__stamps_count(spotc__stamps *s, int64_t now, int64_t window_ms);
/* A Web API request sent, an answer other than 429 heard, at `now`. */
void spotc__pace_sent_at(spotc__pace *p, int64_t now);
void spotc__pace_admitted_at(spotc__pace *p, int64_t now);
/* A 429 at `now`: learn (or lower) the budget from the admitted log. */
void spotc__pace_learn_at(spotc__pace *p, int64_t now);
/* Milliseconds to wait at `now` before the next send fits the budget (0: now). */
int64_t spotc__pace_budget_wait_at(spotc__pace *p, int64_t now);

/* The same on the client's clock, for Web API requests (not the accounts service). */
void spotc__pace_sent(spotc_client *client);
void spotc__pace_admitted(spotc_client *client);
void spotc__pace_learn(spotc_client *client);
/* Wait until the next send fits the learnt budget (not when the wait is beyond
 * the client's max_rate_limit_wait: the retry policy fails fast then), then
 * count it as sent. */
void spotc__pace_take(spotc_client *client);
/* Whether a send now fits the budget (the pager fetches ahead only then). */
int spotc__pace_budget_open(spotc_client *client);

/* A 429 asked to wait `wait_ms` (send.c): counted, and the client pauses. */
void spotc__pace_limited(spotc_client *client, long wait_ms);

/* Before a round: wait out the client's pause when it is within the cap. */
void spotc__pace_wait(spotc_client *client);

/* Whether the client is paused now, for a time spotc__pace_wait() waits out (within the cap). */
int spotc__pace_pause_waited(const spotc_client *client);

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
