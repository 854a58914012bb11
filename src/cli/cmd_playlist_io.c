/*
 * spotc playlist export|import|diff: the handlers (cmd_playlist.h); the work is in
 * export_*.c and import_*.c (export.h). Arity and options are checked by the table.
 */
#include <string.h>

#include "cmd_playlist.h"
#include "export.h"

int pl_export(cli_ctx *ctx, const cli_args *args)
{
    const char *format = args->opt[PL_O_FORMAT];
    int rc = format ? cli_check_choice(ctx, "format", NULL, format) : 0;
    spotc_id id;
    if (rc || (rc = cli_parse_id(&id, args->pos[1], SPOTC_TYPE_PLAYLIST)) != 0)
        return rc;
    return export_playlist_run(ctx, id.id, format, args->opt[PL_O_OUTPUT]);
}

int pl_import(cli_ctx *ctx, const cli_args *args)
{
    if (args->opt[PL_O_NAME] && args->opt[PL_O_INTO])
        return cli_usage_error(ctx, "--name and --into exclude each other");
    const char *into = NULL;
    spotc_id id;
    if (args->opt[PL_O_INTO]) {
        int rc = cli_parse_id(&id, args->opt[PL_O_INTO], SPOTC_TYPE_PLAYLIST);
        if (rc)
            return rc;
        into = id.id;
    }
    return import_playlist_run(ctx, args->pos[1], args->opt[PL_O_NAME], into,
                               args->opt[PL_O_RESUME] != NULL);
}

int pl_diff(cli_ctx *ctx, const cli_args *args)
{
    return diff_playlists_run(ctx, args->pos[1], args->pos[2]);
}
