/**
 * @file cli.h
 * @brief The shape of the spotc tool: its context, options, the command table,
 *        and the helpers every command shares (client, errors, arguments).
 *
 * The tool reaches the library only through the public API (spotc.h).
 */
#ifndef SPOTC_CLI_H
#define SPOTC_CLI_H

#include <spotc.h>
#include <stdio.h>

#include "exit.h"

/** How results are written to stdout. */
typedef enum cli_format {
    CLI_FORMAT_TABLE = 0, /**< aligned columns with a header (a terminal, or --table) */
    CLI_FORMAT_TSV = 1,   /**< tab-separated with a header row (stdout is not a terminal) */
    CLI_FORMAT_JSON = 2,  /**< --json: Spotify's JSON, one document */
    CLI_FORMAT_CSV = 3,   /**< --csv: RFC 4180, spreadsheet-safe (list.h) */
    CLI_FORMAT_JSONL = 4, /**< --jsonl: one JSON object a line, streamed */
} cli_format;

/** A long option. `arg` is the value's name in help ("N"), or NULL for a flag. An `arg` that
 *  ends in "..." ("NAME=VALUE...") may be given more than once: the command gets the values
 *  joined with commas. */
typedef struct cli_option {
    const char *name;
    const char *arg;
    const char *help;
} cli_option;

/** Most options a command may declare (its own; the global ones come on top). */
#define CLI_MAX_OPTIONS 24

/** A command's parsed arguments. */
typedef struct cli_args {
    /** Values by index in the command's option table: NULL when absent, "" for a given flag. */
    const char *opt[CLI_MAX_OPTIONS];
    int npos;
    char **pos; /**< the positional arguments (borrowed from argv) */
} cli_args;

struct cli_command;

/** State of one run of the tool. */
typedef struct cli_ctx {
    const struct cli_command *cmd; /**< the command being run, or NULL */
    int json;                      /**< --json */
    int table;             /**< --table: aligned columns even when stdout is not a terminal */
    int csv;               /**< --csv */
    int jsonl;             /**< --jsonl */
    int no_header;         /**< --no-header: TSV and CSV without their header row */
    const char *fields;    /**< --fields a,b.c (list.h), or NULL */
    int quiet;             /**< --quiet: no progress, no rate-limit news on stderr */
    int max_wait;          /**< --max-wait SECONDS for 429s; -1 = the library's default (60) */
    int verbose;           /**< --verbose: the library's (redacted) request trace on stderr */
    int retries;           /**< --retries N, or -1 for the library's default */
    const char *market;    /**< --market, else SPOTC_MARKET, or NULL */
    const char *cacert;    /**< --cacert FILE, or NULL (then SPOTC_CA_BUNDLE, if set) */
    const char *redis;     /**< --redis URL, or NULL (SPOTC_REDIS_URL) */
    int rate_budget;       /**< --rate-budget N, or 0 (SPOTC_RATE_BUDGET) */
    cli_format format;     /**< decided once stdout is known */
    int width;             /**< columns available to tables; 0 = no limit */
    int pretty;            /**< indent JSON (stdout is a terminal) */
    spotc_client *client;  /**< created on first use by cli_client() */
    int login;             /**< the command logs a user in: a client id is enough */
    struct cli_auth *auth; /**< config file, token store, secret from stdin (config.c) */
} cli_ctx;

/** A subcommand (`auth login`), for help, completion and "did you mean". */
typedef struct cli_subcommand {
    const char *name;
    const char *summary;
} cli_subcommand;

/**
 * The values an option or a subcommand's argument takes, for completion and for
 * "did you mean" (cli_check_choice()). Declared in the command table so that completion
 * scripts are generated from it.
 */
typedef struct cli_choice {
    const char *option;     /**< option name ("type"), or NULL: the argument after `subcommand` */
    const char *subcommand; /**< with option NULL: whose argument; else NULL (any subcommand) */
    const char *values;     /**< space-separated fixed values ("off track context"), or NULL */
    const char *dynamic;    /**< a spotc command line that prints the values one a line
                                 ("player devices --fields name --no-header"), or NULL */
} cli_choice;

/** One entry of the command table, from which help is generated. */
typedef struct cli_command {
    const char *name;
    const char *summary;                            /**< one line for `spotc help` */
    const char *usage;                              /**< after "spotc ", e.g. "track ID..." */
    const char *description;                        /**< a paragraph for `spotc help NAME` */
    const cli_option *options;                      /**< NULL-name terminated, or NULL */
    int min_args;                                   /**< positional arguments required */
    int max_args;                                   /**< at most this many; -1 = unlimited */
    int (*run)(cli_ctx *ctx, const cli_args *args); /**< @return an exit code */
    const cli_subcommand *subcommands;              /**< NULL-name terminated, or NULL */
    const cli_choice *choices;                      /**< NULL-terminated (all NULL), or NULL */
    const char *examples; /**< one example a line ("spotc track ID" ...), for help and spotc(1) */
} cli_command;

/** The commands, each defined next to its handler in cmd_<name>.c. */
extern const cli_command cli_cmd_search, cli_cmd_track, cli_cmd_album, cli_cmd_artist, cli_cmd_api,
    cli_cmd_help;
extern const cli_command cli_cmd_auth, cli_cmd_me; /* cmd_auth.c, cmd_me.c */
extern const cli_command cli_cmd_completion;       /* cmd_completion.c */
extern const cli_command cli_cmd_library;          /* cmd_library.c */
extern const cli_command cli_cmd_follow, cli_cmd_unfollow, cli_cmd_following; /* cmd_follow.c */
extern const cli_command cli_cmd_top;              /* cmd_top.c */
extern const cli_command cli_cmd_player;           /* cmd_player.c */
extern const cli_command cli_cmd_playlist;         /* cmd_playlist.c */
extern const cli_command cli_cmd_show, cli_cmd_episode, cli_cmd_audiobook,
    cli_cmd_chapter;                              /* cmd_spoken.c */
extern const cli_command cli_cmd_browse;          /* cmd_browse.c */
extern const cli_command cli_cmd_markets;         /* cmd_markets.c */
extern const cli_command cli_cmd_recommendations; /* cmd_recommendations.c */
extern const cli_command cli_cmd_audio_features;  /* cmd_audio_features.c */

/** The command table, NULL-terminated, in the order help lists them (commands.c). */
extern const cli_command *const cli_commands[];
/** @return the command of this name, or NULL. */
const cli_command *cli_command_find(const char *name);

/**
 * The closest of n candidates to a mistyped word (edit distance, suggest.c), or NULL when
 * none is close enough to be what was meant.
 */
const char *cli_suggest(const char *word, const char *const *candidates, size_t n);

/**
 * Check `value` against the command's choice for option `option` (or, with option NULL,
 * for the argument of `subcommand`). An unknown value is a usage error with a "did you
 * mean" when one is close. @return 0 (also when the command declares no fixed values)
 * or CLI_EXIT_USAGE.
 */
int cli_check_choice(const cli_ctx *ctx, const char *option, const char *subcommand,
                     const char *value);

/** @return the subcommand `name` of the running command, or NULL after reporting a usage
 *  error with a "did you mean". */
const cli_subcommand *cli_subcommand_find(const cli_ctx *ctx, const char *name);

/** Global options, shared by every command (main.c). NULL-name terminated. */
extern const cli_option cli_global_options[];

/** Print the general help (commands, global options) to `f`. */
void cli_help_general(FILE *f);
/** Print a command's help (usage, description, options) to `f`. */
void cli_help_command(FILE *f, const cli_command *cmd);

/**
 * Report a usage error: `spotc: MESSAGE` and the command's usage line on stderr.
 * @return CLI_EXIT_USAGE.
 */
int cli_usage_error(const cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** Print `spotc: MESSAGE` on stderr. */
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * The client for this run, created on first use from the environment and the
 * global options (client.c). Prints the error itself on failure.
 * @param[out] out borrowed; freed by cli_ctx_cleanup().
 * @return 0 or an exit code.
 */
int cli_client(cli_ctx *ctx, spotc_client **out);

/**
 * Add what the configuration file and a stored user login give to the client options:
 * client id and secret (the environment wins), and the token store when a user is logged in
 * (config.c). @return 0 or an exit code (reported).
 */
int cli_auth_prepare(cli_ctx *ctx, spotc_client_options *o);
/** Free ctx->auth, wiping secrets. */
void cli_auth_free(cli_ctx *ctx);

/** Free what the context owns. */
void cli_ctx_cleanup(cli_ctx *ctx);

/**
 * Report a failed library call on stderr: `spotc: METHOD PATH: MESSAGE (HTTP STATUS)`,
 * plus a note when a 403 came from an operation removed for development-mode apps.
 * @return the exit code for `rc`.
 */
int cli_fail(const cli_ctx *ctx, int rc);

/** cli_fail(), naming `op` in the note when the error does not say which request failed. */
int cli_fail_op(const cli_ctx *ctx, int rc, const spotc_operation *op);

/**
 * Parse an ID given as a URI, an open.spotify.com URL or a bare ID, of the type
 * wanted; print a message that quotes it when it is malformed.
 * @return 0 or CLI_EXIT_USAGE.
 */
int cli_parse_id(spotc_id *out, const char *input, spotc_item_type type);

/**
 * Parse a whole number in [min, max] given to option `name`.
 * @return 0, or CLI_EXIT_USAGE after reporting it.
 */
int cli_parse_int(const cli_ctx *ctx, const char *name, const char *text, long min, long max,
                  int *out);

#endif
