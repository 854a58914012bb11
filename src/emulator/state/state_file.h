/**
 * @file state_file.h
 * @brief --state FILE: user state kept across restarts.
 *
 * What is kept: every playlist (details, items, followers), every user's library, follows,
 * recently played and player (device volumes, context, queue, position, shuffle, repeat),
 * the playlist ID counter, the emulator clock's offset, and the tokens that are still good
 * (access tokens until they expire, refresh tokens while their authorization lasts). Not
 * kept: earlier snapshots of a playlist (a snapshot_id from before a restart is stale), top
 * items (they come from the seed), authorization codes, faults, stats. Catalogue objects are
 * stored by index, so a file belongs to one seed and catalogue size (loading it with others is
 * refused); fixture objects by URI, so reordering the fixture files keeps them, and a file
 * naming a fixture no longer loaded is refused with that URI (state_refs.h).
 *
 * The file is JSON. Saving is atomic: a temporary file in the same directory is written,
 * fsynced and renamed over the old one, then the directory is fsynced, so a crash at any
 * moment leaves either the old or the new file, never a torn one.
 *
 * Ownership: emu_state_save_text() returns text the caller frees; the rest borrow.
 */
#ifndef SPOTC_EMU_STATE_FILE_H
#define SPOTC_EMU_STATE_FILE_H

#include <jansson.h>
#include <stddef.h>

#include "ctx.h"
#include "jw.h"

/** The state of @p ctx as JSON text (caller frees) and its length in *len. Caller holds
 *  ctx->state_lock (read at least). NULL out of memory. */
char *emu_state_save_text(emu_ctx *ctx, size_t *len);
/**
 * Replace the seeded user state of @p ctx with @p doc (before serving).
 * @return 0; 1 when loaded with a warning in @p err (a format 1 file that named fixtures
 *         by place); or -1 with a reason in @p err.
 */
int emu_state_load_json(emu_ctx *ctx, const json_t *doc, char *err, size_t errsz);

/** Write @p text to @p path atomically (see above). 0, or -1 with errno set. */
int emu_state_write_file(const char *path, const char *text, size_t len);
/**
 * Load @p path into @p ctx. A missing file is an empty start (0).
 * @return 0, or -1 with "PATH: reason" in @p err.
 */
int emu_state_read_file(emu_ctx *ctx, const char *path, char *err, size_t errsz);

#endif
