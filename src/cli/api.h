/**
 * @file api.h
 * @brief The parts of `spotc api` beyond one request: every page of a paged GET, and the
 *        table of operations.
 */
#ifndef SPOTC_CLI_API_H
#define SPOTC_CLI_API_H

#include "cli.h"

/**
 * Stream every item of a paged operation through the list writer (JSONL unless another
 * machine format or --fields is asked for), with progress on a terminal.
 * @param op the operation PATH matched (a paged GET).
 * @param path the concrete path below the API base ("/playlists/ID/tracks"): its
 *        parameters are read from it through the operation's template.
 * @param query the KEY=VALUE parameters (borrowed); `limit` and `offset` set the page size
 *        and the first item.
 * @return an exit code.
 */
int cli_api_paginate(cli_ctx *ctx, const spotc_operation *op, const char *path,
                     const spotc_param *query, size_t nquery);

/** Print the operations (those whose id or path contains `filter`, if not NULL) with their
 *  method, path, parameters and scopes, as a list. @return an exit code. */
int cli_api_list(cli_ctx *ctx, const char *filter);

#endif
