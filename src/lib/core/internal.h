/*
 * Cross-file helpers inside libspotc (never installed). Names are spotc__*.
 *
 * Modules that only need the error model and the client's settings include
 * this header. The transport (transport.h), retry policy (retry.h), URLs
 * (url.h), token sources (token.h) and the accounts service (accounts.h) have
 * headers of their own.
 */
#ifndef SPOTC_INTERNAL_H
#define SPOTC_INTERNAL_H

#include <spotc.h>

#if defined(__GNUC__)
#define SPOTC__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SPOTC__PRINTF(f, a)
#endif

/* ------------------------------------------------------------- errors */

/* Record an error on the client (which may be NULL) and return `code`, so callers
 * can write `return spotc__error_set(c, SPOTC_EINVALID, "...", ...)`. Clears the
 * HTTP details (status 0, no reason, retry_after -1) and the request. The
 * arguments may point into the previous error. Never put a secret in the text. */
int spotc__error_set(spotc_client *client, int code, const char *fmt, ...) SPOTC__PRINTF(3, 4);

/* As spotc__error_set(), with the HTTP details (reason, oauth_error may be NULL;
 * retry_after -1 when none). */
int spotc__error_set_http(spotc_client *client, int code, int http_status, const char *reason,
                          const char *oauth_error, int retry_after, const char *fmt, ...)
    SPOTC__PRINTF(7, 8);

/* Add ": TEXT" to the message of the client's last error (if it is one), keeping
 * its code, HTTP details and request: a typed call says what the caller can do
 * about a failure the server named. @return the error's code. */
int spotc__error_append(spotc_client *client, const char *fmt, ...) SPOTC__PRINTF(2, 3);

/* Attach the failed request to the last error (if it is one): the method and the
 * path of the URL, never its host or query. */
void spotc__error_set_request(spotc_client *client, const char *method, const char *url);

/* The thread's last error (spotc_error_last()): set it without a client and
 * return `code`; copy a client's error into it. spotc__error_set() and its
 * siblings do both, so only errbuf-style code calls these directly. */
int spotc__error_last_set(int code, const char *fmt, ...) SPOTC__PRINTF(2, 3);
void spotc__error_last_copy(const spotc_error *e);

/* Reset the client's last error to success. */
void spotc__error_clear(spotc_client *client);

/* What an error body says. Strings are owned (spotc__error_body_clear()),
 * cleaned of control characters, NULL when absent. */
typedef struct spotc__error_body {
    int status;        /* the Web API's error.status, or 0 */
    char *message;     /* error.message, or the accounts service's error_description */
    char *reason;      /* error.reason (NO_ACTIVE_DEVICE, PREMIUM_REQUIRED, QUOTA_EXCEEDED) */
    char *oauth_error; /* the accounts service's error (invalid_client ...) */
} spotc__error_body;

/* Parse either error format: the Web API's {"error":{"status","message"[,"reason"]}}
 * (or the bare inner object) and RFC 6749's {"error","error_description"}.
 * A pure function of the bytes.
 * @return 0, SPOTC_EJSON (not an error body; out is empty), SPOTC_ENOMEM. */
int spotc__error_body_parse(spotc__error_body *out, const char *body, size_t len);
void spotc__error_body_clear(spotc__error_body *e);

/* The code for an HTTP status: 401 EAUTH, 403 EFORBIDDEN (EPREMIUM with reason
 * PREMIUM_REQUIRED), 404 ENOTFOUND (ENODEVICE with NO_ACTIVE_DEVICE), 429
 * ERATELIMIT, anything else (400 included: Spotify got the request) EHTTP; 0 for 2xx. */
int spotc__error_code_for_status(int status, const char *reason);

/* "Not Found" etc. for messages (static storage). */
const char *spotc__http_status_text(int status);

/* Record the error of a non-2xx response (accounts: 1 for the token endpoint,
 * whose 4xx are all SPOTC_EAUTH). @return the code. */
int spotc__error_from_response(spotc_client *client, int status, const char *body, size_t len,
                               int accounts);

/* ------------------------------------------------------------- responses */

/* The response's JSON (borrowed, as spotc_response_get_json()); when the body is
 * empty or not JSON, SPOTC_EJSON is recorded on the client with the position of
 * the fault (never the body's text). @return 0 or SPOTC_EJSON. */
int spotc__response_json_required(spotc_client *client, spotc_response *resp, struct json_t **out);

/* ------------------------------------------------------------- client */

/* The client's default market (options.market), or NULL. */
const char *spotc__client_market(const spotc_client *client);

/* The client's settings, borrowed (NULL when unset). */
const char *spotc__client_id(const spotc_client *client);
const char *spotc__client_secret(const spotc_client *client);
const char *spotc__client_api_base(const spotc_client *client);
const char *spotc__client_accounts_base(const spotc_client *client);

/* Send one line to the client's trace callback, if any. The caller redacts. */
void spotc__trace(const spotc_client *client, const char *fmt, ...) SPOTC__PRINTF(2, 3);

/* ------------------------------------------------------------- redaction */

/* Copies with secrets replaced by "***" (the caller frees; NULL when out of
 * memory). Pure functions, also used by the CLI's own traces.
 * - a header line: "Authorization: Bearer ***", "Authorization: Basic ***";
 * - a body: form values and JSON string members named access_token,
 *   refresh_token, client_secret, code, code_verifier, id_token, password. */
char *spotc__redact_header(const char *line);
char *spotc__redact_body(const char *body, size_t len);

#endif
