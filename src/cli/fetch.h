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
 * The tracks of `ids` (GET /tracks?ids= in chunks sent at once, or single reads
 * for a development-mode app), in order, null for an unknown ID. A failure is
 * reported (the message names the chunk that failed).
 * @param[out] out a JSON array, a new reference.
 * @return 0 or an exit code.
 */
int cli_collect_tracks(cli_ctx *ctx, const char *const *ids, size_t count, json_t **out);

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
