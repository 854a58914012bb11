/**
 * @file search.h
 * @brief Spotify's search query syntax, parsed, matched and scored against the catalogue.
 *
 * Matching follows what Spotify's search does for a user typing: every word of the query
 * must match a word of the item, either whole or as the start of a word ("fir" finds
 * "Fire"), ignoring case and Latin accents (fold.h). A quoted phrase matches its words
 * whole and in order. Filters: `artist:`, `album:`, `track:` (their value matched the same
 * way, against that field only), `year:` (a year or a range such as 1990-1999), `genre:`,
 * `isrc:`, `upc:`, `tag:new` (albums released in the last two weeks of emulator time) and
 * `tag:hipster` (albums in the least popular tenth); a filter value may be quoted
 * (`artist:"Mara Quinlan"`). As on Spotify, a filter only applies to some types; a query
 * with a filter that does not apply to a type finds nothing of that type.
 *
 * Relevance: a word found in the item's own name counts more than one found in a related
 * name (a track's album or artist), a whole word more than a prefix, and an item whose name
 * is exactly the query most. Results are ordered by relevance, then popularity.
 *
 * The parser and the scorer are pure, so the fuzz harness can drive them directly.
 */
#ifndef SPOTC_EMU_SEARCH_H
#define SPOTC_EMU_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "objects.h"

#define EMU_SEARCH_MAX_WORDS 16
#define EMU_SEARCH_WORD_LEN 40

/** One query word, folded, with the vocabulary keys it matches (words.h). */
typedef struct emu_search_term {
    char text[EMU_SEARCH_WORD_LEN];
    uint8_t len;
    uint8_t whole;     /**< only the whole word matches (words of a quoted phrase) */
    uint8_t follows;   /**< must be the word right after the previous term's (a phrase) */
    int16_t lo, hi;    /**< vocabulary keys starting with the text: [lo, hi) */
    int16_t exact;     /**< the vocabulary key equal to the text, or -1 */
} emu_search_term;

/** Terms that must all match. */
typedef struct emu_word_set {
    emu_search_term t[EMU_SEARCH_MAX_WORDS];
    unsigned n;
} emu_word_set;

typedef struct emu_search_query {
    emu_word_set free;      /**< anywhere in the item's names */
    emu_word_set artist;    /**< artist: */
    emu_word_set album;     /**< album: */
    emu_word_set track;     /**< track: */
    int year_from, year_to; /**< 0 = no year filter */
    char genre[48];         /**< folded; "" = none */
    int genre_idx;          /**< the catalogue genre it names (emu_genre_name()), or -1 */
    char isrc[16], upc[16];
    int tag_new, tag_hipster;
    int impossible; /**< an unknown filter value or a bad value: nothing matches */
    uint64_t serial; /**< unique per parse: keys what matchers remember between calls */
    /** Per vocabulary word id, the free terms it matches (bit i = free.t[i]): a quick test
     *  before scoring (emu_search_may_match()). */
    uint16_t free_mask[EMU_WORD_IDS];
} emu_search_query;

/** Parse @p q (already percent-decoded). 0, or -1 when @p q holds no criteria at all. */
int emu_search_parse(const char *q, emu_search_query *out);

/* ---- Scoring (search_score.c) ---- */

#define EMU_SNAME_WORDS 32

/** A name as the scorer sees it: vocabulary words (key >= 0) or folded text words. */
typedef struct emu_sword {
    const char *s; /**< text, when key < 0 (borrowed) */
    uint16_t len;
    int16_t key;
} emu_sword;

typedef struct emu_sname {
    emu_sword w[EMU_SNAME_WORDS];
    unsigned n;
} emu_sname;

/** A catalogue name as an emu_sname. */
void emu_sname_of_name(emu_sname *out, const emu_name *name);
/** Folded text (fold.h; borrowed, must outlive @p out) as an emu_sname. */
void emu_sname_of_text(emu_sname *out, const char *folded);

/**
 * How well @p set matches an item whose names are @p fields (fields[0] its own name, the
 * others related names; NULL entries are skipped).
 * @return 0 when some term matches nowhere; otherwise a relevance score >= 1 (1 for an
 *         empty set).
 */
int emu_search_score(const emu_word_set *set, const emu_sname *const fields[], size_t nfields);
/**
 * A quick test before scoring catalogue names: 0 when some free term of @p q matches no
 * word of @p names (NULL entries skipped), so emu_search_score() would say 0 too.
 */
int emu_search_may_match(const emu_search_query *q, const emu_name *const names[], size_t n);
/** The free terms of @p q that some word of @p names matches (bit i = free.t[i]). */
unsigned emu_search_terms_in(const emu_search_query *q, const emu_name *const names[], size_t n);
/** Whether every term of @p set matches within the single name @p name. */
int emu_search_in(const emu_word_set *set, const emu_sname *name);

/* ---- Matchers: 0 = no match, else the relevance score ---- */

int emu_search_match_track(const emu_search_query *q, const emu_view *v, size_t track);
int emu_search_match_album(const emu_search_query *q, const emu_view *v, size_t album);
int emu_search_match_artist(const emu_search_query *q, const emu_view *v, size_t artist);
/** Whether a (folded) genre name is the one @p q asks for. */
int emu_search_genre_is(const emu_search_query *q, const char *genre);

/* Shows, episodes and audiobooks (search_media.c): matchers, the popularity results are
 * ranked by, and writers of the simplified objects search answers with. */
int emu_search_match_show(const emu_search_query *q, const emu_view *v, size_t show);
int emu_search_match_episode(const emu_search_query *q, const emu_view *v, size_t episode);
int emu_search_match_audiobook(const emu_search_query *q, const emu_view *v, size_t book);
/** Whether @p q uses a music-only filter (artist:, year:, tag:, ...). */
int emu_search_has_music_filter(const emu_search_query *q);
unsigned emu_search_media_popularity(const emu_catalogue *cat, emu_type t, size_t idx);
void emu_search_write_show(jw *w, const emu_view *v, size_t show);
void emu_search_write_episode(jw *w, const emu_view *v, size_t episode);
void emu_search_write_audiobook(jw *w, const emu_view *v, size_t book);

#endif
