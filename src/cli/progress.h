/**
 * @file progress.h
 * @brief Feedback on stderr while long work runs: a progress line, and why a wait happens.
 *
 * Only when stderr is a terminal and --quiet is not given; nothing at all in a pipe, so that
 * logs and scripts see only errors. The progress line appears once the work has run for
 * CLI_PROGRESS_DELAY_MS (quick commands never flash one) and is erased when it ends.
 */
#ifndef SPOTC_CLI_PROGRESS_H
#define SPOTC_CLI_PROGRESS_H

#include "cli.h"

#define CLI_PROGRESS_DELAY_MS 1000

/** Decide whether feedback is shown (stderr a terminal, no --quiet). Call once, early. */
void cli_progress_setup(const cli_ctx *ctx);

/** Start timing a piece of work (one list); `what` is borrowed ("items") until _end. */
void cli_progress_begin(const char *what);

/** Pages fetched of `total_pages` (-1 when unknown), items written so far. */
void cli_progress_update(size_t pages, long total_pages, size_t items);

/** Erase the progress line, if one is shown. */
void cli_progress_end(void);

/** The client's spotc_wait_cb: "rate limited: waiting 5 s" on a terminal. */
void cli_progress_on_wait(int http_status, long delay_ms, void *payload);

/** @return 1 when feedback is shown (the client installs cli_progress_on_wait then). */
int cli_progress_enabled(void);

#endif
