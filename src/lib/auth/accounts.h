/*
 * The accounts service's token endpoint (internal): POST {accounts}/api/token.
 * Used for client credentials here, and by the user flows (authorization_code,
 * refresh_token) in the auth module.
 */
#ifndef SPOTC_ACCOUNTS_H
#define SPOTC_ACCOUNTS_H

#include <stdint.h>

#include <jansson.h>

#include "internal.h"

/*
 * POST the form to {accounts}/api/token (Content-Type
 * application/x-www-form-urlencoded), with the retry policy of a POST: a 429 is
 * waited out, a connect failure retried, nothing else replayed.
 * @param form the form pairs, percent-encoded here (NULL values left out).
 * @param basic_auth 1: send the client's id and secret as
 *        `Authorization: Basic base64(id:secret)` (SPOTC_EAUTH when it has none);
 *        0: send no Authorization (PKCE, or credentials in the form).
 * @param[out] out the token response (the caller's: json_decref()), an object
 *        with a string access_token.
 * @return 0; SPOTC_EAUTH (refused: the client's last error has oauth_error and
 *         error_description), SPOTC_ENETWORK, SPOTC_ERATELIMIT, SPOTC_EHTTP (5xx),
 *         SPOTC_EJSON (not a token response), SPOTC_ENOMEM.
 */
int spotc__accounts_token(spotc_client *client, const spotc_param *form, size_t n, int basic_auth,
                          json_t **out);

/* Read access_token and expires_in (-> Unix expires_at, 0 when absent) from a
 * token response. @param[out] access_token malloc'd. @return 0, SPOTC_EJSON, SPOTC_ENOMEM. */
int spotc__accounts_parse_token(spotc_client *client, const json_t *resp, char **access_token,
                                int64_t *expires_at);

/* "Basic " + base64(id ":" secret), malloc'd (wipe and free), or NULL when out of memory. */
char *spotc__accounts_basic(const char *id, const char *secret);

#endif
