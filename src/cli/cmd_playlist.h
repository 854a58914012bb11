/**
 * @file cmd_playlist.h
 * @brief The `playlist` command's options and subcommand handlers, shared by its files
 *        (cmd_playlist.c: the tables; cmd_playlist_read.c, cmd_playlist_write.c,
 *        cmd_playlist_io.c: handlers).
 *
 * A handler gets the whole command line: args->pos[0] is the subcommand's name, its own
 * arguments follow; options are read by the indexes below.
 */
#ifndef SPOTC_CLI_CMD_PLAYLIST_H
#define SPOTC_CLI_CMD_PLAYLIST_H

#include "cli.h"

/** Indexes of the command's options (cmd_playlist.c). */
enum pl_option {
    PL_O_USER,
    PL_O_LIMIT,
    PL_O_DESCRIPTION,
    PL_O_PUBLIC,
    PL_O_PRIVATE,
    PL_O_COLLABORATIVE,
    PL_O_NAME,
    PL_O_POSITION,
    PL_O_FROM,
    PL_O_BEFORE,
    PL_O_COUNT,
    PL_O_SET,
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

/* Reads (cmd_playlist_read.c). @return an exit code. */
int pl_list(cli_ctx *ctx, const cli_args *args);
int pl_show(cli_ctx *ctx, const cli_args *args);
int pl_items(cli_ctx *ctx, const cli_args *args);
int pl_cover(cli_ctx *ctx, const cli_args *args);

/* Writes (cmd_playlist_write.c). */
int pl_create(cli_ctx *ctx, const cli_args *args);
int pl_add(cli_ctx *ctx, const cli_args *args);
int pl_remove(cli_ctx *ctx, const cli_args *args);
int pl_reorder(cli_ctx *ctx, const cli_args *args);
int pl_edit(cli_ctx *ctx, const cli_args *args);
int pl_follow(cli_ctx *ctx, const cli_args *args);
int pl_unfollow(cli_ctx *ctx, const cli_args *args);
/* Back-ups (cmd_playlist_io.c): export, import, diff. */
int pl_export(cli_ctx *ctx, const cli_args *args);
int pl_import(cli_ctx *ctx, const cli_args *args);
int pl_diff(cli_ctx *ctx, const cli_args *args);
/** cover --set FILE: upload the JPEG in `file`. */
int pl_cover_set(cli_ctx *ctx, spotc_client *client, const char *playlist, const char *file);

/** Write one playlist (its JSON) as a row (ID, NAME, OWNER, ITEMS, PUBLIC), or the
 *  object with --json. */
int pl_print_playlist(cli_ctx *ctx, const struct json_t *playlist);

#endif
