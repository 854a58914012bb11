/**
 * @file config.h
 * @brief spotc's configuration file, its credentials, and the user's token store.
 *
 * The file is `$XDG_CONFIG_HOME/spotc/config` (default `~/.config/spotc/config`): lines of
 * `key = value`, `#` comments and blank lines. Keys: client_id, client_secret, redirect_uri,
 * scopes. The environment wins over the file (SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET).
 *
 * The client secret never comes from argv: only from SPOTIFY_CLIENT_SECRET, from the file
 * (which is then refused unless only its owner may read it) or from stdin
 * (`spotc auth login --client-secret-stdin`).
 *
 * Ownership: everything lives in the run's cli_ctx (ctx->auth) and is freed, secrets wiped,
 * by cli_auth_free().
 */
#ifndef SPOTC_CLI_CONFIG_H
#define SPOTC_CLI_CONFIG_H

#include "cli.h"

/** The configuration file's values; NULL when absent. */
typedef struct cli_config {
    char *path; /**< the file read (or that would be) */
    char *client_id;
    char *client_secret;
    char *redirect_uri;
    char *scopes;
} cli_config;

/**
 * Parse configuration text (pure: no file access), for cli_config_read() and unit tests.
 * @param[out] out values found (the caller's: cli_config_clear()); path is left alone.
 * @param err receives `line N: problem` on failure.
 * @return 0 or -1 (unknown key, a line without '=', an empty value, out of memory).
 */
int cli_config_parse(cli_config *out, const char *text, char *err, size_t errlen);

/**
 * Read the configuration file. A missing file is an empty configuration. A file that holds
 * client_secret and that its group or others may read (or that is not the user's) is refused.
 * @param[out] out the caller's: cli_config_clear().
 * @return 0, or CLI_EXIT_USAGE / CLI_EXIT_ERROR after reporting the problem on stderr.
 */
int cli_config_read(cli_config *out);

/** Free (wiping the secret) and zero. */
void cli_config_clear(cli_config *c);

/** The run's configuration, read on first use. @return 0 or an exit code (reported). */
int cli_config_get(cli_ctx *ctx, const cli_config **out);

/**
 * The user's token store (the library's file store), made on first use.
 * @return 0 or an exit code (reported).
 */
int cli_token_store(cli_ctx *ctx, spotc_token_store **out);

/**
 * Once the client is made: when it uses the app's credentials (no user, no given token),
 * keep its app tokens in the state directory (app-HASH.json, 0600, HASH of the client id and
 * accounts base) so the next run reuses them.
 * @return 0 or an exit code.
 */
int cli_cache_app_token(cli_ctx *ctx, const spotc_client_options *o);

/**
 * The run's client (cli_client()), which must act as a user: a stored login or
 * SPOTIFY_ACCESS_TOKEN. Otherwise reports "not logged in" and returns CLI_EXIT_AUTH.
 */
int cli_user_client(cli_ctx *ctx, spotc_client **out);

/**
 * Keep a client secret read from stdin for this run (wiped by cli_auth_free()); it wins over
 * the environment and the file. @return 0 or CLI_EXIT_ERROR.
 */
int cli_auth_set_secret(cli_ctx *ctx, const char *secret);

#endif
