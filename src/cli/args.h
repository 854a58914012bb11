/**
 * @file args.h
 * @brief The command line parser: global options anywhere, a command, its options.
 */
#ifndef SPOTC_CLI_ARGS_H
#define SPOTC_CLI_ARGS_H

#include "cli.h"

/** Indexes into cli_global_options. */
enum cli_global {
    CLI_G_JSON,
    CLI_G_TABLE,
    CLI_G_CSV,
    CLI_G_JSONL,
    CLI_G_FIELDS,
    CLI_G_NO_HEADER,
    CLI_G_QUIET,
    CLI_G_MAX_WAIT,
    CLI_G_VERBOSE,
    CLI_G_MARKET,
    CLI_G_RETRIES,
    CLI_G_CACERT,
    CLI_G_REDIS,
    CLI_G_RATE_BUDGET,
    CLI_G_HELP,
    CLI_G_VERSION,
};

/** The result of parsing a whole command line. */
typedef struct cli_parsed {
    const cli_command *cmd; /**< NULL when no command was given */
    cli_args args;          /**< its arguments; args.pos is malloc'd (cli_parsed_free) */
    char *joined[CLI_MAX_OPTIONS]; /**< the values of repeated options, joined (owned) */
    int help;               /**< --help / -h was given */
    int version;            /**< --version was given */
} cli_parsed;

/**
 * Parse argv: global options may come before or after the command; `--` ends
 * the options. Sets the global flags on ctx and ctx->cmd.
 * @return 0, or an exit code after reporting the error on stderr.
 */
int cli_parse_argv(cli_ctx *ctx, int argc, char **argv, cli_parsed *out);

/** Check the positional argument count against the command's. @return 0 or CLI_EXIT_USAGE. */
int cli_check_arity(const cli_ctx *ctx, const cli_args *args);

void cli_parsed_free(cli_parsed *p);

#endif
