/**
 * @file stream.h
 * @brief Lists fed from the API: every page of a paged operation through the library's
 *        pager (progress on a terminal), or the items of a JSON array already fetched.
 */
#ifndef SPOTC_CLI_STREAM_H
#define SPOTC_CLI_STREAM_H

#include "list.h"

/**
 * Write every item the pager gives into the list, counting pages against the total (less
 * the items before `offset`) on the progress line.
 * @return 0 or an exit code (a failed page is reported).
 */
int cli_stream_pages(cli_ctx *ctx, spotc_pager *pager, cli_list *list, long offset);

/**
 * A whole list from a paged operation: its pages, at most `max` items (0: all), written in
 * ctx's format with these columns. The market (--market, SPOTC_MARKET) is added when the
 * operation takes one. @return 0 or an exit code.
 */
int cli_list_operation(cli_ctx *ctx, const char *operation_id, const spotc_param *params,
                       size_t nparams, const cli_list_column *columns, size_t ncolumns, int max);

/** A list of the items of a JSON array (nulls skipped). @return 0 or an exit code. */
int cli_list_array(cli_ctx *ctx, const json_t *array, const cli_list_column *columns,
                   size_t ncolumns);

/**
 * A list of plain strings (market codes, genre names) as rows of one column, each row the
 * object {key: string} so that --json, --fields and the other formats work as for any list.
 * @param max at most this many (0: all). @return 0 or an exit code.
 */
int cli_list_strings(cli_ctx *ctx, const char *header, const char *key, const char *const *strings,
                     size_t count, int max);

#endif
