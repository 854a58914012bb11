/**
 * @file cmd_playlist.h
 * @brief The `playlist` command's options and subcommand handlers, shared by its files
 *        (cmd_playlist.c: the tables; cmd_playlist_io.c: export, import, diff).
 *
 * A handler gets the whole command line: args->pos[0] is the subcommand's name, its own
 * arguments follow; options are read by the indexes below.
 */
#ifndef SPOTC_CLI_CMD_PLAYLIST_H
#define SPOTC_CLI_CMD_PLAYLIST_H

#include "cli.h"

/** Indexes of the command's options (cmd_playlist.c). */
enum pl_option {
    PL_O_NAME,
    PL_O_FORMAT,
    PL_O_OUTPUT,
    PL_O_INTO,
    PL_O_RESUME,
};

/** A subcommand's handler, how many arguments follow its name (max -1: any) and the
 *  options it takes (bits 1 << PL_O_x; any other is a usage error). */
typedef struct pl_handler {
    const char *name;
    int min_args, max_args;
    int (*run)(cli_ctx *ctx, const cli_args *args);
    unsigned options;
} pl_handler;

/* Backups (cmd_playlist_io.c). @return an exit code. */
int pl_export(cli_ctx *ctx, const cli_args *args);
int pl_import(cli_ctx *ctx, const cli_args *args);
int pl_diff(cli_ctx *ctx, const cli_args *args);

#endif
