/*
 * The retry policy (internal): pure decisions, no clock, no sleeping, no I/O.
 *
 * After each attempt the retry loop (request.c) describes what happened in a
 * spotc__attempt and asks spotc__retry_decide() what to do next:
 *
 * - 429: wait Retry-After (whole seconds; exponential backoff from 1 s when it
 *   is missing) as long as the total waited for 429s stays within the cap
 *   (max_rate_limit_wait, default 60 s); past the cap fail at once with
 *   SPOTC_ERATELIMIT and the wait asked. Any method: Spotify refuses a
 *   rate-limited request before acting on it, so replaying it is safe.
 * - 401 with a token that can be renewed and was not yet: renew, replay once.
 * - 5xx and network errors: exponential backoff with jitter (250 ms base,
 *   8 s cap), at most max_retries retries, and only for GET, PUT and DELETE,
 *   whose replay does no harm. A POST is replayed only when the request surely
 *   never left this machine (DNS or connect failure): the server cannot have
 *   acted on bytes it never received, whereas after a reset or a 5xx it may
 *   have (adding items to a playlist twice would change the user's playlist).
 * - anything else: stop (success, or an error to report).
 */
#ifndef SPOTC_RETRY_H
#define SPOTC_RETRY_H

#include <stdint.h>
#include <time.h>

#define SPOTC__RETRY_BASE_MS 250L /* first backoff for 5xx / network errors */
#define SPOTC__RETRY_CAP_MS 8000L /* longest single backoff */
#define SPOTC__RATE_BASE_MS 1000L /* first backoff for a 429 without Retry-After */
#define SPOTC__RATE_MAX_TRIES 32  /* 429 replays, whatever the waits (Retry-After: 0) */

typedef struct spotc__retry_policy {
    int max_retries;         /* >= 0 */
    int max_rate_limit_wait; /* seconds, >= 0 (0: never wait) */
} spotc__retry_policy;

typedef struct spotc__attempt {
    const char *method;
    int http_status;     /* 0 when no response came back */
    int curl_code;       /* CURLcode of the transfer (0 with a response) */
    int sent;            /* 0: the request surely never left this machine */
    int retry_after;     /* seconds from Retry-After, -1 when absent */
    int retries;         /* 5xx / network retries made so far */
    int rate_retries;    /* 429 replays made so far */
    long rate_waited_ms; /* total slept for 429s so far */
    int can_renew;       /* the token can be renewed (not a fixed access token) */
    int renewed;         /* a new token was already fetched after a 401 */
    uint32_t random;     /* uniform random bits for the jitter */
} spotc__attempt;

typedef enum spotc__retry_action {
    SPOTC__RETRY_STOP = 0,    /* done: success, or report the error */
    SPOTC__RETRY_WAIT = 1,    /* sleep delay_ms, then replay */
    SPOTC__RETRY_RENEW = 2,   /* get a new token, then replay at once */
    SPOTC__RETRY_RATE_CAP = 3 /* fail: the wait asked exceeds the cap */
} spotc__retry_action;

typedef struct spotc__retry_decision {
    spotc__retry_action action;
    long delay_ms;  /* for WAIT */
    int rate_limit; /* the wait is for a 429 (counts against the cap) */
    int asked_s;    /* for RATE_CAP: the wait Spotify asked (-1: none was given) */
} spotc__retry_decision;

spotc__retry_decision spotc__retry_decide(const spotc__retry_policy *p, const spotc__attempt *a);

/* Exponential backoff with "equal jitter": half of min(cap, base * 2^n) fixed,
 * the other half random, so retries spread out but never wait near zero. */
long spotc__retry_backoff_ms(long base_ms, long cap_ms, int n, uint32_t random);

/* @return 1 for GET, PUT, DELETE (and HEAD): replaying them does no harm. */
int spotc__retry_idempotent(const char *method);

/* @return 1 when a transport failure may be temporary (reset, timeout, DNS ...),
 * 0 when retrying cannot help (certificate refused, bad URL, body too big ...). */
int spotc__retry_net_transient(int curl_code);

/* @return 1 when the failure happened before any byte of the request was sent
 * (name resolution or connect failed). */
int spotc__retry_net_unsent(int curl_code);

/* Parse a Retry-After value: delta-seconds, or an HTTP date (then `now`, 0 for
 * the current time, is subtracted). @return seconds >= 0, or -1 when unreadable. */
int spotc__retry_after_parse(const char *value, time_t now);

#endif
