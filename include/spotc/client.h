/**
 * @file spotc/client.h
 * @brief The client handle: options, credentials, the last error.
 *
 * A client holds the connection pool, the current access token and the last
 * error. It is not thread-safe: use one client per thread.
 */
#ifndef SPOTC_CLIENT_H
#define SPOTC_CLIENT_H

#include "common.h"
#include "error.h"

SPOTC_BEGIN_DECL

typedef struct spotc_client spotc_client;
struct spotc_token_store; /* spotc/auth.h */

/** Called with one line of request/response trace (no trailing newline).
 *  Secrets are already redacted (`Authorization: Bearer ***`). */
typedef void (*spotc_trace_cb)(const char *line, void *payload);

#define SPOTC_DEFAULT_API_BASE "https://api.spotify.com/v1"
#define SPOTC_DEFAULT_ACCOUNTS_BASE "https://accounts.spotify.com"

/** The default of max_retries, which SPOTC_CLIENT_OPTIONS_INIT sets. */
#define SPOTC_DEFAULT_MAX_RETRIES 3
/** The default of max_rate_limit_wait (seconds), which SPOTC_CLIENT_OPTIONS_INIT sets. */
#define SPOTC_DEFAULT_RATE_LIMIT_WAIT 60
/** max_retries: no retries of 5xx and network errors (the same as 0, named for readers). */
#define SPOTC_NO_RETRY 0

/**
 * Client options. Start from SPOTC_CLIENT_OPTIONS_INIT or spotc_client_options_init(),
 * which set every default explicitly: a count of 0 means none (0 retries, no wait
 * for 429s), a timeout of 0 means the default (see spotc/common.h), NULL strings
 * their default. All strings are borrowed during spotc_client_new() only: the
 * client copies them.
 */
typedef struct spotc_client_options {
    unsigned int version; /**< SPOTC_CLIENT_OPTIONS_VERSION */

    const char *client_id; /**< app credentials (client credentials flow) */
    const char *client_secret;
    const char *access_token; /**< use this token as is; no token requests are made */

    const char *api_base; /**< default SPOTC_DEFAULT_API_BASE; the whole prefix, /v1 included */
    const char *accounts_base; /**< default SPOTC_DEFAULT_ACCOUNTS_BASE; no path */

    long connect_timeout_ms; /**< 0: the default, 10000 */
    long timeout_ms;         /**< total per attempt; 0: the default, 30000 */
    int max_retries;         /**< 5xx/network retries of idempotent requests, >= 0; 0: none;
                                  INIT: SPOTC_DEFAULT_MAX_RETRIES */
    int max_rate_limit_wait; /**< total seconds to wait out 429s, >= 0; 0: fail at once;
                                  INIT: SPOTC_DEFAULT_RATE_LIMIT_WAIT */

    const char *user_agent; /**< default "spotc/VERSION" */
    const char *market;     /**< ISO 3166-1 alpha-2 code sent as `market` where allowed */

    spotc_trace_cb trace; /**< optional request/response trace (redacted) */
    void *trace_payload;

    /* A user's tokens (spotc/auth.h), used instead of client credentials when
     * set (access_token still wins). */
    struct spotc_token_store *token_store; /**< borrowed: must outlive the client */
    const char *refresh_token; /**< without a store: start from this refresh token (kept in
                                    memory, so a rotated one is lost at spotc_client_free()) */
} spotc_client_options;

#define SPOTC_CLIENT_OPTIONS_VERSION 1
/* Designated, so that -Wextra (missing-field-initializers) stays quiet. */
#define SPOTC_CLIENT_OPTIONS_INIT                                                                  \
    {                                                                                              \
        .version = SPOTC_CLIENT_OPTIONS_VERSION, .max_retries = SPOTC_DEFAULT_MAX_RETRIES,         \
        .max_rate_limit_wait = SPOTC_DEFAULT_RATE_LIMIT_WAIT                                       \
    }

/**
 * Fill opts with the values of SPOTC_CLIENT_OPTIONS_INIT (for bindings).
 * @param version SPOTC_CLIENT_OPTIONS_VERSION.
 * @return 0, or SPOTC_EINVALID for NULL or an unknown version.
 */
SPOTC_EXTERN int spotc_client_options_init(spotc_client_options *opts, unsigned int version);

/**
 * Fill options from the environment: SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET,
 * SPOTIFY_ACCESS_TOKEN, SPOTC_API_BASE, SPOTC_ACCOUNTS_BASE, SPOTC_MARKET.
 * Only fields that are unset (NULL) and whose variable is set and non-empty
 * are filled; the strings point into the environment (borrowed).
 * @return 0, or SPOTC_EINVALID when opts is NULL or of an unknown version.
 */
SPOTC_EXTERN int spotc_client_options_load_env(spotc_client_options *opts);

/**
 * Create a client.
 * @param[out] out the new client, the caller's; free with spotc_client_free().
 * @param opts options, or NULL for defaults.
 * @return 0, SPOTC_EINVALID (bad option, e.g. a base that is not http(s)), SPOTC_ENOMEM.
 *         Why it failed (which option) is in spotc_error_last(): there is no client.
 */
SPOTC_EXTERN int spotc_client_new(spotc_client **out, const spotc_client_options *opts);

/** Free a client and everything it owns. NULL is a no-op. */
SPOTC_EXTERN void spotc_client_free(spotc_client *client);

/** @return the client's last error (borrowed; lifetime in spotc/error.h).
 *  After a success its code is 0 and its message "". */
SPOTC_EXTERN const spotc_error *spotc_client_last_error(const spotc_client *client);

SPOTC_END_DECL

#endif
