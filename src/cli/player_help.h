/**
 * @file player_help.h
 * @brief What `spotc player` needs beyond the library: a device named by the user, a
 *        position given as m:ss, and failures told in terms of the player's state.
 */
#ifndef SPOTC_CLI_PLAYER_HELP_H
#define SPOTC_CLI_PLAYER_HELP_H

#include "cli.h"

/** Longest device ID kept (Spotify's are 40 hex digits). */
#define CLI_DEVICE_ID_MAX 256

/**
 * The ID of the user's device `given` names: a device ID as is, else the one device whose
 * name matches case-insensitively. An unknown or ambiguous name is reported (with the
 * names there are). @param[out] id CLI_DEVICE_ID_MAX bytes. @return 0 or an exit code.
 */
int cli_player_device(cli_ctx *ctx, spotc_client *client, const char *given, char *id);

/**
 * A position in the item: milliseconds ("90000"), m:ss ("1:30") or h:mm:ss.
 * @return 0, or CLI_EXIT_USAGE after reporting it.
 */
int cli_player_position(const cli_ctx *ctx, const char *text, int64_t *ms);

/**
 * Report a failed player command (`what`: "pause", "play" ...). No active device says so
 * and what to run; a command the player's state refuses ("Restriction violated") says
 * what state it is in and what would work; anything else as cli_fail().
 * @return the exit code.
 */
int cli_player_fail(cli_ctx *ctx, spotc_client *client, const char *what, int rc);

/** Report that no device is active and what to run. @return CLI_EXIT_NOT_FOUND. */
int cli_player_no_device(const char *what);

#endif
