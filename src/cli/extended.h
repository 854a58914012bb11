/**
 * @file extended.h
 * @brief Commands built on operations Spotify serves to extended-quota apps only
 *        (browse, markets, recommendations, audio features).
 *
 * Since February 2026 Spotify answers 403 to development-mode apps for these, and they have
 * no replacement. An app declared to be in development mode (SPOTC_APP_MODE=development) is
 * told so before a request is spent; an undeclared one learns it from the 403, which
 * cli_fail() explains the same way.
 */
#ifndef SPOTC_CLI_EXTENDED_H
#define SPOTC_CLI_EXTENDED_H

#include "cli.h"

/**
 * Refuse `operation_id` when the app is declared to be in development mode.
 * @return 0 (go ahead), or CLI_EXIT_FORBIDDEN after saying that the operation is only
 *         available to extended-quota apps.
 */
int cli_extended_only(const cli_ctx *ctx, const char *operation_id);

/**
 * cli_extended_only(), then the run's client (cli_client()).
 * @param[out] out borrowed, as cli_client()'s. @return 0 or an exit code (reported).
 */
int cli_extended_client(cli_ctx *ctx, const char *operation_id, spotc_client **out);

#endif
