/**
 * @file spotc/error.h
 * @brief The error model: a small fixed set of negative codes; details on the client.
 *
 * Every function that can fail returns 0 on success or one of the negative codes
 * below. Codes are never renumbered: new ones are only ever appended.
 *
 * The details of a failure (a sentence, the HTTP status, Spotify's message and
 * reason, the Retry-After wait, the request) are in a spotc_error, found two ways:
 * - spotc_error_last(): the last failure of any spotc call on this thread,
 *   with or without a client (spotc_client_new(), parsers, ID parsing, the
 *   authorize URL builder, the listener ...). Lifetime: until the next spotc
 *   call on the same thread that fails; a success does not clear it.
 * - spotc_client_last_error(client): the last call on that client. Lifetime:
 *   until the next call on the client (a success resets it to code 0) or
 *   spotc_client_free().
 * Both are borrowed: copy what you need to keep. Messages never hold a secret.
 */
#ifndef SPOTC_ERROR_H
#define SPOTC_ERROR_H

#include "common.h"

SPOTC_BEGIN_DECL

typedef enum spotc_error_code {
    SPOTC_OK = 0,
    SPOTC_ERROR = -1,      /**< generic failure (see the message) */
    SPOTC_EINVALID = -2,   /**< invalid argument; nothing was sent */
    SPOTC_EAUTH = -3,      /**< 401 or a token request refused: bad credentials or token */
    SPOTC_EFORBIDDEN = -4, /**< 403: missing scope, removed in development mode, ... */
    SPOTC_ENOTFOUND = -5,  /**< 404 */
    SPOTC_ERATELIMIT = -6, /**< 429 and the wait asked for exceeds the caller's cap */
    SPOTC_ENETWORK = -7,   /**< connect, DNS, TLS, reset or timeout */
    SPOTC_EHTTP = -8,      /**< any other HTTP error status */
    SPOTC_EJSON = -9,      /**< the response is not the JSON we expected */
    SPOTC_ENODEVICE = -10, /**< 404 with reason NO_ACTIVE_DEVICE */
    SPOTC_ENOMEM = -11,    /**< out of memory */
    SPOTC_EPREMIUM = -12,  /**< 403 with reason PREMIUM_REQUIRED */
    SPOTC_ELOGIN = -13,    /**< no usable user token: log in (again) */
    SPOTC_ESTATE = -14,    /**< OAuth state mismatch: a forged or stray redirect */
    SPOTC_EDENIED = -15,   /**< the user refused the authorization */
    SPOTC_EIO = -16,       /**< local file or socket I/O failed */
    SPOTC_ETIMEOUT = -17,  /**< waited too long (login listener) */
    SPOTC_EPARTIAL = -18,  /**< a batch failed part-way; see the message for the chunk */
} spotc_error_code;

/** The details of a failure. Its strings are borrowed: see the lifetimes above. */
typedef struct spotc_error {
    int code;            /**< the spotc_error_code returned */
    int http_status;     /**< 0 when no HTTP response was received */
    const char *message; /**< a sentence for people: Spotify's message or ours; never NULL */
    const char *reason;  /**< Spotify's `reason` (NO_ACTIVE_DEVICE, QUOTA_EXCEEDED ...) or NULL */
    const char *oauth_error; /**< accounts service `error` (invalid_grant ...) or NULL */
    int retry_after;         /**< seconds Spotify asked to wait on 429, or -1 */
    const char *method;      /**< the request that failed, or NULL */
    const char *path;        /**< its path (no query, no host), or NULL */
} spotc_error;

/** @return a fixed English text for a code (static storage; unknown codes get a generic text). */
SPOTC_EXTERN const char *spotc_strerror(int code);

/** @return the last failure on this thread (borrowed, thread-local; never NULL;
 *  code 0 and message "" before any failure). Lifetime above. Long messages
 *  are cut at 511 bytes. */
SPOTC_EXTERN const spotc_error *spotc_error_last(void);

SPOTC_END_DECL

#endif
