/*
 * An operation of the table as one request (internal): the URL and body that
 * spotc_operation_call() sends, built apart from sending so that the batch engine can
 * send several at once (request.c).
 */
#ifndef SPOTC_CALL_H
#define SPOTC_CALL_H

#include "buf.h"
#include "internal.h"

/*
 * Check the parameters of `op` and build its request: each parameter where the
 * table says (path, query, JSON body), the client's market where the operation
 * takes one and none was given. Nothing is sent.
 * @param body a raw JSON body, or NULL (then body parameters make one).
 * @param[out] url the absolute URL, appended to `url` (the caller's buffer).
 * @param[out] json the JSON body built from body parameters (the caller frees), or NULL.
 * @return 0, or SPOTC_EINVALID / SPOTC_ENOMEM with the details on the client.
 */
int spotc__call_build(spotc_client *client, const spotc_operation *op, const spotc_param *params,
                      size_t nparams, const char *body, spotc__buf *url, char **json);

/* Build and send one request of `op` exactly as asked (no app-mode switch).
 * @param[out] out as for spotc_operation_call(). */
int spotc__call_send(spotc_response **out, spotc_client *client, const spotc_operation *op,
                     const spotc_param *params, size_t nparams, const char *body);

#endif
