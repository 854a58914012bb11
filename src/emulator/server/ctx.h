/**
 * @file ctx.h
 * @brief The emulator's whole state: configuration, catalogue, tokens, limits, faults,
 *        stats and the clock.
 *
 * Thread safety: the catalogue is immutable after emu_ctx_new(), so request threads read it
 * without locks. Each mutable module (tokens, limits, faults, stats) has its own lock.
 * State that later areas add (users, libraries, playlists, players) goes behind
 * @c state_lock: take it for reading in GET handlers and for writing in handlers that change
 * state, and register a reset function in ctx.c's emu_ctx_reset().
 *
 * Ownership: emu_ctx_new() takes the config's contents (the caller's struct is zeroed);
 * emu_ctx_free() releases everything.
 */
#ifndef SPOTC_EMU_CTX_H
#define SPOTC_EMU_CTX_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "catalogue.h"
#include "config.h"
#include "faults.h"
#include "limits.h"
#include "stats.h"
#include "tokens.h"

typedef struct emu_ctx {
    emu_config cfg;
    emu_catalogue *cat;
    emu_sample sample;
    char base[256]; /**< public base without "/v1", e.g. http://127.0.0.1:PORT */
    emu_tokens *tokens;
    emu_limits *limits;
    emu_faults *faults;
    emu_stats *stats;
    /** Codes from /authorize (authcodes.h). */
    struct emu_authcodes *authcodes;
    atomic_llong clock_offset_ms; /**< emulator time = real time + offset */
    pthread_rwlock_t state_lock;  /**< for mutable per-user state (see above) */
    struct emu_state *state;      /**< users' libraries, playlists, players (state.h) */
    atomic_ulong state_writes;    /**< write locks taken on @c state: lets the fuzz harness
                                       rebuild the state only after an input changed it */
    struct emu_fixtures *fixtures; /**< the user's own objects (fixtures.h), or NULL */
    atomic_ulong state_changes;    /**< counted under state_lock (state_saver.h) */
    struct emu_state_saver *saver; /**< --state's writer, or NULL */
} emu_ctx;

/** Build the state from @p cfg (taken over). NULL when out of memory. */
emu_ctx *emu_ctx_new(emu_config *cfg);
void emu_ctx_free(emu_ctx *ctx);
/** Set the public base (no trailing '/'); done once before serving. */
void emu_ctx_set_base(emu_ctx *ctx, const char *base);
/** Back to the seed: clears faults, stats, rate windows, the clock offset and user state.
 *  Issued tokens stay valid. */
void emu_ctx_reset(emu_ctx *ctx);

/** Emulator time in milliseconds since the epoch. */
int64_t emu_now_ms(const emu_ctx *ctx);
/** Move emulator time forward by @p seconds (may be negative). */
void emu_clock_advance(emu_ctx *ctx, int64_t seconds);

/** Index of the app with client id @p id, or -1. */
int emu_app_find(const emu_ctx *ctx, const char *id);

#endif
