/**
 * @file idlist.h
 * @brief The IDs given on a command line, checked before anything is sent.
 */
#ifndef SPOTC_CLI_IDLIST_H
#define SPOTC_CLI_IDLIST_H

#include "cli.h"

/**
 * Parse every positional argument as an ID of `type`.
 * @param[out] out a malloc'd array of args->npos bare IDs pointing into *storage
 *             (free both with free()).
 * @return 0 or an exit code, the error reported.
 */
int cli_parse_ids(const cli_args *args, spotc_item_type type, spotc_id **storage,
                  const char ***out);

#endif
