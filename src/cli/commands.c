/* The command table: `spotc help` and the parser both read it. */
#include <string.h>

#include "cli.h"

const cli_command *const cli_commands[] = {
    &cli_cmd_search,
    &cli_cmd_track,
    &cli_cmd_album,
    &cli_cmd_artist,
    &cli_cmd_show,
    &cli_cmd_episode,
    &cli_cmd_audiobook,
    &cli_cmd_chapter,
    &cli_cmd_browse,
    &cli_cmd_markets,
    &cli_cmd_recommendations,
    &cli_cmd_audio_features,
    &cli_cmd_api,
    &cli_cmd_auth,
    &cli_cmd_me,
    &cli_cmd_playlist,
    &cli_cmd_library,
    &cli_cmd_follow,
    &cli_cmd_unfollow,
    &cli_cmd_following,
    &cli_cmd_top,
    &cli_cmd_player,
    &cli_cmd_completion,
    &cli_cmd_help,
    NULL,
};

const cli_command *cli_command_find(const char *name)
{
    for (size_t i = 0; cli_commands[i]; i++)
        if (strcmp(cli_commands[i]->name, name) == 0)
            return cli_commands[i];
    return NULL;
}
