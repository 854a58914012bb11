/**
 * @file spotc/error.h
 * @brief The error model: a small fixed set of negative codes; details on the client.
 *
 * Every function that can fail returns 0 on success or one of the negative codes
 * below. The details of the last failure (HTTP status, Spotify's message, the
 * Retry-After wait, the request) are kept on the client: spotc_client_last_error().
 * Codes are never renumbered: new ones are only ever appended.
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

/** The details of a failure. All strings are borrowed from the client and live
 *  until its next request or spotc_client_free(). */
typedef struct spotc_error {
    int code;            /**< the spotc_error_code returned */
    int http_status;     /**< 0 when no HTTP response was received */
    const char *message; /**< a sentence for people: Spotify's message or ours; never NULL */
    const char *reason;  /**< Spotify's `reason` (NO_ACTIVE_DEVICE, QUOTA_EXCEEDED ...) or NULL */
    const char *oauth_error; /**< accounts service `error` (invalid_grant ...) or NULL */
    int retry_after;     /**< seconds Spotify asked to wait on 429, or -1 */
    const char *method;  /**< the request that failed, or NULL */
    const char *path;    /**< its path (no query, no host), or NULL */
} spotc_error;

/** @return a fixed English text for a code (static storage; unknown codes get a generic text). */
SPOTC_EXTERN const char *spotc_strerror(int code);

SPOTC_END_DECL

#endif
