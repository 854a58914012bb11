/**
 * @file stats.h
 * @brief Request counters for GET /_emulator/stats: per route and status, grants, 429s.
 *
 * Thread-safe (one mutex). Control API requests are not counted.
 */
#ifndef SPOTC_EMU_STATS_H
#define SPOTC_EMU_STATS_H

#include <stddef.h>

typedef struct emu_stats emu_stats;

/** Grant types counted under "grants". */
typedef enum emu_grant {
    EMU_GRANT_CLIENT_CREDENTIALS,
    EMU_GRANT_AUTHORIZATION_CODE,
    EMU_GRANT_REFRESH_TOKEN,
    EMU_GRANT_COUNT
} emu_grant;

emu_stats *emu_stats_new(void);
void emu_stats_free(emu_stats *s);
/**
 * Count one answered request.
 * @param route the route pattern ("/v1/tracks/{id}"), or the raw path when none matched
 * @param status the HTTP status, or 0 for a connection closed without an answer
 */
void emu_stats_count(emu_stats *s, const char *method, const char *route, int status);
void emu_stats_grant(emu_stats *s, emu_grant g);
/** @return the JSON document of GET /_emulator/stats (caller frees), or NULL. */
char *emu_stats_json(emu_stats *s, size_t *len);
void emu_stats_reset(emu_stats *s);

#endif
