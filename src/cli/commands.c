/* The command table: `spotc help` and the parser both read it. */
#include <string.h>

#include "cli.h"

const cli_command *const cli_commands[] = {
    &cli_cmd_search, &cli_cmd_track, &cli_cmd_album, &cli_cmd_artist, &cli_cmd_playlist, &cli_cmd_library, &cli_cmd_api, &cli_cmd_auth,
    &cli_cmd_me,     &cli_cmd_completion, &cli_cmd_help,  NULL,
};

const cli_command *cli_command_find(const char *name)
{
    for (size_t i = 0; cli_commands[i]; i++)
        if (strcmp(cli_commands[i]->name, name) == 0)
            return cli_commands[i];
    return NULL;
}
