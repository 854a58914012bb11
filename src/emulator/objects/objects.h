/**
 * @file objects.h
 * @brief JSON for catalogue objects, with every property the Web API spec declares.
 *
 * Each writer appends one object value to an open jw (inside an array or after a key).
 * Properties Spotify sends only sometimes follow Spotify: `is_playable` and `restrictions`
 * appear when a market was given, and tracks and albums then leave out `available_markets`
 * (the market already says where they play; the spec lists it as required, Spotify's answers
 * do not carry it), `linked_from` never (the emulator does no relinking), `preview_url` is
 * null.
 *
 * A new object type gets its writers in objects_<type>.c with the same signature
 * (jw, view, index) and reuses emu_json_ref() and emu_json_images() for the common parts.
 */
#ifndef SPOTC_EMU_OBJECTS_H
#define SPOTC_EMU_OBJECTS_H

#include <stddef.h>
#include <stdint.h>

#include "ctx.h"
#include "jw.h"

/** What a response depends on besides the object: base URL, market, time. */
typedef struct emu_view {
    const emu_ctx *ctx;
    int market;      /**< market index, or -1 when the request named none */
    int64_t now_ms;  /**< emulator time (release dates of "new" albums) */
    int user_market; /**< the token user's country (market index), -1 for an app token */
} emu_view;

struct emu_call;
/**
 * Set up a view for a request: reads `market` (a code, or from_token for user tokens).
 * @return 0, or -1 after answering 400 "Invalid market code".
 */
int emu_view_init(emu_view *v, struct emu_call *c);

/** Write external_urls, href, id, type and uri of an object. */
void emu_json_ref(jw *w, const emu_view *v, emu_type t, size_t idx);
/** Write "images": three sizes. */
void emu_json_images(jw *w, const emu_view *v, emu_type t, size_t idx);

void emu_json_artist_simple(jw *w, const emu_view *v, size_t artist);
void emu_json_artist(jw *w, const emu_view *v, size_t artist);
/** @param group album_group for an artist's discography, or NULL for none */
void emu_json_album_simple(jw *w, const emu_view *v, size_t album, const char *group);
void emu_json_album(jw *w, const emu_view *v, size_t album);
void emu_json_track_simple(jw *w, const emu_view *v, size_t track);
void emu_json_track(jw *w, const emu_view *v, size_t track);

/** "name": a catalogue name. */
void emu_json_name(jw *w, const emu_name *n);
/** "available_markets": the markets of bit mask @p mask (bit i = emu_market_code(i)). */
void emu_json_markets(jw *w, uint64_t mask);
/** "is_playable", and "restrictions" {"reason": "market"} when not. */
void emu_json_is_playable(jw *w, int playable);
/** "copyrights": the (C) and (P) lines of @p owner for @p year. */
void emu_json_copyrights(jw *w, int year, const char *owner);
/**
 * Open the embedded first page (limit 50) of an object's children, e.g. "tracks" of an album:
 * writes the key, the paging fields (links keep the view's market) and opens "items".
 * @param total how many children the object has
 * @return how many items the caller writes next (the first ones), before
 *         emu_json_first_page_end().
 */
size_t emu_json_first_page_begin(jw *w, const emu_view *v, emu_type t, size_t idx, emu_type child,
                                 size_t total);
/** Close what emu_json_first_page_begin() opened. */
void emu_json_first_page_end(jw *w);

/** Release date of an album as (year, month, day), "new" albums relative to now. */
void emu_album_date(const emu_view *v, size_t album, int *year, int *month, int *day);
/** Non-zero when an album is playable in the view's market (always when none). */
int emu_album_available(const emu_view *v, size_t album);

#endif
