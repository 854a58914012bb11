/* spotc help [COMMAND]: generated from the command table and the option tables. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void option_left(char *left, size_t len, const cli_option *o)
{
    snprintf(left, len, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
}

/* Option lines: "  --name ARG   help", aligned (at least 18 wide, wider for a long one). */
static void print_options(FILE *f, const cli_option *opts)
{
    char left[40];
    int width = 18;
    for (size_t i = 0; opts && opts[i].name; i++) {
        option_left(left, sizeof left, &opts[i]);
        width = (int)strlen(left) > width ? (int)strlen(left) : width;
    }
    for (size_t i = 0; opts && opts[i].name; i++) {
        option_left(left, sizeof left, &opts[i]);
        fprintf(f, "  %-*s %s\n", width, left, opts[i].help);
    }
}

void cli_help_general(FILE *f)
{
    fprintf(f, "usage: spotc [OPTIONS] COMMAND [ARGS]\n\n"
               "The Spotify Web API from the command line.\n\nCommands:\n");
    int width = 0; /* the longest name, so that every summary starts in one column */
    for (size_t i = 0; cli_commands[i]; i++)
        if ((int)strlen(cli_commands[i]->name) > width)
            width = (int)strlen(cli_commands[i]->name);
    for (size_t i = 0; cli_commands[i]; i++)
        fprintf(f, "  %-*s  %s\n", width, cli_commands[i]->name, cli_commands[i]->summary);
    fprintf(f, "\nOptions (before or after the command):\n");
    print_options(f, cli_global_options);
    fprintf(f, "\nCredentials come from the environment: SPOTIFY_CLIENT_ID and\n"
               "SPOTIFY_CLIENT_SECRET, or SPOTIFY_ACCESS_TOKEN; or log in as a user\n"
               "with 'spotc auth login' (see ~/.config/spotc/config in spotc(1)).\n"
               "Run 'spotc help COMMAND' for a command's options; see spotc(1).\n");
}

static void print_examples(FILE *f, const char *examples)
{
    fprintf(f, "\nExamples:\n");
    for (const char *p = examples; *p;) {
        size_t len = strcspn(p, "\n");
        fprintf(f, "  %.*s\n", (int)len, p);
        p += len + (p[len] == '\n');
    }
}

void cli_help_command(FILE *f, const cli_command *cmd)
{
    fprintf(f, "usage: spotc %s\n\n%s\n", cmd->usage, cmd->description);
    if (cmd->options && cmd->options[0].name) {
        fprintf(f, "\nOptions:\n");
        print_options(f, cmd->options);
    }
    if (cmd->examples)
        print_examples(f, cmd->examples);
    fprintf(f, "\nGlobal options: --json, --jsonl, --csv, --table, --fields A,B.C, --no-header,\n"
               "--quiet, --verbose, --market CC, --retries N, --max-wait SECONDS (see 'spotc help').\n");
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    if (args->npos == 0) {
        cli_help_general(stdout);
        return 0;
    }
    const cli_command *cmd = cli_command_find(args->pos[0]);
    if (!cmd)
        return cli_usage_error(ctx, "no command '%s'", args->pos[0]);
    cli_help_command(stdout, cmd);
    return 0;
}

const cli_command cli_cmd_help = {
    .name = "help",
    .summary = "show the commands, or one command's options",
    .usage = "help [COMMAND]",
    .description = "Shows the list of commands, or how to use one of them.",
    .options = NULL,
    .min_args = 0,
    .max_args = 1,
    .run = run,
    .examples = "spotc help\n"
                "spotc help search",
};
