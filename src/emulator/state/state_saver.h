/**
 * @file state_saver.h
 * @brief The --state writer: a thread that saves user state after changes, at most every
 *        100 ms, and once more when stopped.
 *
 * Handlers that change state count a change (emu_state_changed()) under the state lock;
 * the saver notices, waits until 100 ms have passed since its last write, takes the lock
 * for reading just long enough to copy the state to JSON, and writes the file without it
 * (state_file.h), so requests wait at most for the copy.
 *
 * Ownership: emu_state_saver_start() returns a saver that emu_state_saver_stop() writes a
 * last time, joins and frees.
 */
#ifndef SPOTC_EMU_STATE_SAVER_H
#define SPOTC_EMU_STATE_SAVER_H

#include <stdint.h>

#include "ctx.h"

#define EMU_STATE_SAVE_INTERVAL_MS 100

typedef struct emu_state_saver emu_state_saver;

/** Count one change of user state; call with ctx->state_lock held for writing. */
void emu_state_changed(emu_ctx *ctx);

/** Start saving @p ctx's state to @p path (a copy is kept). NULL when out of resources. */
emu_state_saver *emu_state_saver_start(emu_ctx *ctx, const char *path);
/** Save what changed since the last write, stop the thread and free the saver. 0, or -1
 *  when that last write failed. NULL is a no-op. */
int emu_state_saver_stop(emu_state_saver *sv);

/** What the saver has done, for /_emulator/state. */
typedef struct emu_state_saver_stats {
    uint64_t writes, failures;
    uint64_t last_copy_us;  /**< holding the lock: state to JSON */
    uint64_t last_write_us; /**< the file: encode, write, fsync, rename, fsync dir */
    uint64_t last_bytes;
    uint64_t pending; /**< changes not yet written */
} emu_state_saver_stats;
void emu_state_saver_get_stats(emu_state_saver *sv, emu_state_saver_stats *out);

#endif
