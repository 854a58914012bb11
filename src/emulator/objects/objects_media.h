/**
 * @file objects_media.h
 * @brief JSON for shows, episodes, audiobooks, chapters, categories and audio features,
 *        with every property the Web API spec declares.
 *
 * Spotify's rules that shape these objects:
 *  - Podcasts and audiobooks exist only for a market: the `market` parameter, else the
 *    country of a user token. With neither (an app token and no market), Spotify treats the
 *    content as unavailable: 404 "non existing id", null in batches, nothing in search.
 *  - `resume_point` is present only for a user token with `user-read-playback-position`.
 *  - `audio_preview_url` is null (previews went away with the November 2024 changes).
 *  - A chapter's `type` is "episode" and its URI `spotify:episode:ID`, as the spec declares
 *    (chapters are episodes of an audiobook); its `href` leads to /v1/chapters/ID.
 *
 * Writers append one object value to an open jw, like objects.h's.
 */
#ifndef SPOTC_EMU_OBJECTS_MEDIA_H
#define SPOTC_EMU_OBJECTS_MEDIA_H

#include <stddef.h>

#include "catalogue_media.h"
#include "objects.h"

/** A view of the podcast and audiobook catalogue for one request. */
typedef struct emu_media_view {
    emu_view v;
    int market;       /**< the market content must be available in, or -1: none is */
    const char *user; /**< whose resume points to write (borrowed), or NULL for none */
} emu_media_view;

struct emu_call;
/** Set up a media view for a request. 0, or -1 after answering 400 for a bad market. */
int emu_media_view_init(emu_media_view *mv, struct emu_call *c);
/** A media view over a plain view (search): no resume points. */
void emu_media_view_of(emu_media_view *mv, const emu_view *v);

/** Non-zero when object @p idx of a media type (show, episode, audiobook, chapter) exists in
 *  the view's market. */
int emu_media_available(const emu_media_view *mv, emu_type t, size_t idx);

/**
 * A show, episode, audiobook or chapter: Spotify's simplified form, or with @p full the
 * full one, which adds a show's or an audiobook's first page of episodes or chapters
 * (limit 50), an episode's show, a chapter's audiobook.
 */
void emu_json_media(jw *w, const emu_media_view *mv, emu_type t, size_t idx, int full);

/** A browse category (CategoryObject). */
void emu_json_category(jw *w, const emu_ctx *ctx, size_t category);
/** A track's AudioFeaturesObject. */
void emu_json_audio_features(jw *w, const emu_ctx *ctx, size_t track);

/** A track's AudioAnalysisObject: meta, track, bars, beats, sections, segments, tatums
 *  (objects_analysis.c). Hundreds of kilobytes for a long track, like Spotify's. */
void emu_json_audio_analysis(jw *w, const emu_ctx *ctx, size_t track);

/** "key": a number with @p decimals digits after the point (jw_double prints 17 digits). */
void emu_json_fixed(jw *w, const char *key, double v, int decimals);

#endif
