/**
 * @file spotc/request.h
 * @brief Raw requests to the Web API and calls of any operation by its id.
 *
 * These are what the typed functions are built on, and what `spotc api` uses.
 * Authentication, retries and rate limits are handled here.
 */
#ifndef SPOTC_REQUEST_H
#define SPOTC_REQUEST_H

#include "client.h"

SPOTC_BEGIN_DECL

/** A received HTTP response with a 2xx status. Opaque. */
typedef struct spotc_response spotc_response;

/** @return the HTTP status (200, 201, 204 ...). */
SPOTC_EXTERN int spotc_response_get_status(const spotc_response *resp);

/** @return the body bytes (borrowed, NUL-terminated; "" when empty), its length in *len if len. */
SPOTC_EXTERN const char *spotc_response_get_body(const spotc_response *resp, size_t *len);

/** @return the parsed JSON body (borrowed; lives as long as resp), or NULL when the
 *  body is empty or not JSON. Parsed on first call. */
SPOTC_EXTERN struct json_t *spotc_response_get_json(spotc_response *resp);

/** @return the last value of a response header (case-insensitive name), borrowed, or NULL. */
SPOTC_EXTERN const char *spotc_response_get_header(const spotc_response *resp, const char *name);

/** Free a response. NULL is a no-op. */
SPOTC_EXTERN void spotc_response_free(spotc_response *resp);

/**
 * Send one request to the Web API.
 * @param[out] out the response on success (the caller's; spotc_response_free()); may be NULL
 *             when the body is not wanted.
 * @param method "GET", "POST", "PUT" or "DELETE".
 * @param path a path below the API base ("/tracks/ID"), optionally with a query string,
 *             or an absolute URL that starts with the API base (a `next` link as given).
 * @param query extra query parameters, percent-encoded here; may be NULL.
 * @param body a JSON body or NULL (sent with Content-Type: application/json).
 * @return 0 for a 2xx status, else a negative code with details in spotc_client_last_error().
 */
SPOTC_EXTERN int spotc_request_send(spotc_response **out, spotc_client *client, const char *method,
                                    const char *path, const spotc_param *query, size_t nquery,
                                    const char *body);

/**
 * Call an operation of the table by its operationId (see spotc/operations.h).
 * Each parameter goes where the table says: into the path template, the query,
 * or the JSON body (lists given as comma-separated values become JSON arrays,
 * numbers and booleans are typed). Unknown or missing required parameters are
 * SPOTC_EINVALID before anything is sent. A raw `body` (JSON) overrides body params.
 * @param[out] out as for spotc_request_send().
 */
SPOTC_EXTERN int spotc_operation_call(spotc_response **out, spotc_client *client,
                                      const char *operation_id, const spotc_param *params,
                                      size_t nparams, const char *body);

SPOTC_END_DECL

#endif
