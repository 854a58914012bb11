/**
 * @file search.h
 * @brief Spotify's search query syntax, parsed and matched against the catalogue.
 *
 * Supported: free words (all must occur, case-insensitively, as whole words), quoted
 * phrases (their words must all occur), and the filters `artist:`, `album:`, `track:`,
 * `year:` (a year or a range such as 1990-1999), `genre:`, `isrc:`, `upc:`, `tag:new` and
 * `tag:hipster`; a filter value may be quoted (`artist:"Mara Quinlan"`). As on Spotify, a
 * filter only applies to some types; a query with a filter that does not apply to a type
 * finds nothing of that type.
 * The parser is pure, so the fuzz harness can drive it directly.
 */
#ifndef SPOTC_EMU_SEARCH_H
#define SPOTC_EMU_SEARCH_H

#include <stddef.h>

#include "objects.h"

#define EMU_SEARCH_MAX_WORDS 16

/** A set of word keys that must all be present (words.h); key -1 never matches. */
typedef struct emu_word_set {
    int keys[EMU_SEARCH_MAX_WORDS];
    unsigned n;
} emu_word_set;

typedef struct emu_search_query {
    emu_word_set free;      /**< anywhere in the item's names */
    emu_word_set artist;    /**< artist: */
    emu_word_set album;     /**< album: */
    emu_word_set track;     /**< track: */
    int year_from, year_to; /**< 0 = no year filter */
    char genre[48];         /**< "" = none */
    char isrc[16], upc[16];
    int tag_new, tag_hipster;
    int impossible; /**< an unknown filter or a bad value: nothing matches */
} emu_search_query;

/** Parse @p q (already percent-decoded). 0, or -1 when @p q holds no criteria at all. */
int emu_search_parse(const char *q, emu_search_query *out);

/* Whether one object matches (market availability included for albums and tracks). */
int emu_search_match_track(const emu_search_query *q, const emu_view *v, size_t track);
int emu_search_match_album(const emu_search_query *q, const emu_view *v, size_t album);
int emu_search_match_artist(const emu_search_query *q, const emu_view *v, size_t artist);

/* Shows, episodes and audiobooks (search_media.c): matchers, the popularity results are
 * ranked by, and writers of the simplified objects search answers with. */
int emu_search_match_show(const emu_search_query *q, const emu_view *v, size_t show);
int emu_search_match_episode(const emu_search_query *q, const emu_view *v, size_t episode);
int emu_search_match_audiobook(const emu_search_query *q, const emu_view *v, size_t book);
unsigned emu_search_media_popularity(const emu_catalogue *cat, emu_type t, size_t idx);
void emu_search_write_show(jw *w, const emu_view *v, size_t show);
void emu_search_write_episode(jw *w, const emu_view *v, size_t episode);
void emu_search_write_audiobook(jw *w, const emu_view *v, size_t book);

#endif
