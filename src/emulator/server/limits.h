/**
 * @file limits.h
 * @brief Spotify's request limits: a rolling 30-second window per app and a daily quota per
 *        developer account.
 *
 * Only admitted requests occupy the window, so a client that honours Retry-After gets
 * through when it says. Every registered app belongs to the one developer account the
 * emulator models, so the quota is shared by all apps. Times are emulator milliseconds,
 * so /_emulator/clock frees windows too. Thread-safe (one mutex).
 */
#ifndef SPOTC_EMU_LIMITS_H
#define SPOTC_EMU_LIMITS_H

#include <stddef.h>
#include <stdint.h>

#define EMU_RATE_WINDOW_MS 30000

typedef struct emu_limits emu_limits;

/** @param rate requests per window per app (0 = none); @param quota per day (0 = none) */
emu_limits *emu_limits_new(size_t napps, unsigned rate, unsigned quota);
void emu_limits_free(emu_limits *l);
/**
 * Admit one request of app @p app at @p now_ms.
 * @param[out] retry_after seconds until a slot frees (>= 1) when refused
 * @return 0 admitted; 1 over the rate limit; 2 over the quota
 */
int emu_limits_admit(emu_limits *l, size_t app, int64_t now_ms, unsigned *retry_after);
/** Empty every window and the quota count. */
void emu_limits_reset(emu_limits *l);

#endif
