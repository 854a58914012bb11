/**
 * @file fetch.h
 * @brief Spotify's JSON for --json: operations called by id (spotc_operation_call), pages
 *        followed through their `next` links, ID lists sent in batches.
 */
#ifndef SPOTC_CLI_FETCH_H
#define SPOTC_CLI_FETCH_H

#include <jansson.h>

#include "cli.h"

/**
 * Call an operation of the library's table; the market (--market or
 * SPOTC_MARKET) is added when the operation takes one.
 * @param[out] out the response's JSON, a new reference (json_decref).
 * @return 0 or an exit code, the error reported.
 */
int cli_call_json(cli_ctx *ctx, const char *operation_id, const spotc_param *params, size_t nparams,
                  json_t **out);

/**
 * The items of a paged operation from `offset`, following `next` until the end
 * or `max` items (0: no limit).
 * @param[out] out a JSON array, a new reference.
 */
int cli_collect_pages(cli_ctx *ctx, const char *operation_id, const spotc_param *params,
                      size_t nparams, int offset, int max, json_t **out);

/**
 * Send IDs to a batched operation (its `ids` parameter) in chunks of the
 * table's maximum, in order, and join the arrays found under `key`. When the
 * batched operation is forbidden (development-mode apps), each ID is asked for
 * with `single_operation` (by `id`) instead, null for an unknown one.
 * @param[out] out a JSON array, a new reference.
 */
int cli_collect_batches(cli_ctx *ctx, const char *batch_operation, const char *single_operation,
                        const char *const *ids, size_t count, const char *key, json_t **out);

/**
 * Print the JSON of an operation that takes one `id`: the whole response, or
 * the array under `key` when key is not NULL.
 * @return 0 or an exit code.
 */
int cli_show_json(cli_ctx *ctx, const char *operation_id, const char *id, const char *key);

/** Print the items of a paged operation that takes one `id` as one JSON array (at most max; 0 =
 * all). */
int cli_show_pages_json(cli_ctx *ctx, const char *operation_id, const char *id, int max);

#endif
