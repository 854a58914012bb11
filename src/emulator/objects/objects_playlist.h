/**
 * @file objects_playlist.h
 * @brief JSON for playlists: PlaylistObject, SimplifiedPlaylistObject, PlaylistTrackObject
 *        pages and cover images.
 *
 * Modes: in extended-quota mode a full playlist carries both its current page (`items`) and
 * the deprecated one (`tracks`), as the spec declares; in development mode only `items`.
 * A page's entries hold their track or episode under one key, as Spotify sends them:
 * `item` on /items pages, `track` on the deprecated /tracks pages (never both: a page of
 * full objects twice over is twice the bytes for nothing).
 *
 * The caller holds ctx->state_lock for reading at least. Writers append one value.
 */
#ifndef SPOTC_EMU_OBJECTS_PLAYLIST_H
#define SPOTC_EMU_OBJECTS_PLAYLIST_H

#include "objects_media.h"
#include "state.h"

typedef struct emu_pl_view {
    emu_media_view mv; /**< market and time; mv.v is the plain view */
    int legacy;        /**< extended mode: `tracks`/`track` too */
    int with_items;    /**< the full object embeds its items (development mode: owners and
                          collaborators only) */
} emu_pl_view;

struct emu_call;
/** Set up a playlist view for a request. 0, or -1 after answering 400 (bad market). */
int emu_pl_view_init(emu_pl_view *pv, struct emu_call *c);

void emu_json_playlist_simple(jw *w, const emu_pl_view *pv, const emu_playlist *pl);
/** The full playlist with its first 100 items. */
void emu_json_playlist(jw *w, const emu_pl_view *pv, const emu_playlist *pl);
/** The cover images array: an uploaded cover, a mosaic of the first albums, or []. */
void emu_json_playlist_images(jw *w, const emu_view *v, const emu_playlist *pl);
/**
 * A PagingPlaylistTrackObject over items [offset, offset + limit).
 * @param path e.g. "/v1/playlists/ID/items"; @param extra query to keep in links (or NULL)
 */
void emu_json_playlist_page(jw *w, const emu_pl_view *pv, const emu_playlist *pl, const char *path,
                            const char *extra, long offset, int limit);
/** A full TrackObject or EpisodeObject for a ref. */
void emu_json_playable(jw *w, const emu_media_view *mv, uint32_t ref);
/** An ISO 8601 UTC timestamp value ("2025-11-24T10:00:00Z") from seconds. */
void emu_json_time(jw *w, int64_t seconds);
/** The same with milliseconds ("2025-11-24T10:00:00.123Z"), as played_at has them. */
void emu_json_time_ms(jw *w, int64_t ms);

#endif
