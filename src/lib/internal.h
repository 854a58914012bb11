/*
 * Cross-file helpers inside libspotc (never installed). Names are spotc__*.
 */
#ifndef SPOTC_INTERNAL_H
#define SPOTC_INTERNAL_H

#include <spotc.h>

#if defined(__GNUC__)
#define SPOTC__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SPOTC__PRINTF(f, a)
#endif

/* Record an error on the client (which may be NULL) and return `code`, so callers
 * can write `return spotc__error_set(c, SPOTC_EINVALID, "...", ...)`. Clears the
 * HTTP details (status 0, no reason, retry_after -1). */
int spotc__error_set(spotc_client *client, int code, const char *fmt, ...) SPOTC__PRINTF(3, 4);

/* Reset the client's last error to success. */
void spotc__error_clear(spotc_client *client);

/* The client's default market (options.market), or NULL. */
const char *spotc__client_market(const spotc_client *client);

#endif
