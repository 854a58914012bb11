/**
 * @file catalogue.h
 * @brief The deterministic synthetic catalogue: artists, albums, tracks (and later types).
 *
 * Generated once from the seed at startup and immutable afterwards, so request threads read
 * it without locks. Objects are compact structs; text (names, ISRCs, image URLs, copyright
 * lines) is derived on demand from the seed and the object's index, which keeps the large
 * catalogue (> 100,000 tracks) at a few megabytes.
 *
 * Adding an object type (shows, episodes, ...):
 *  1. add an EMU_T_* value before EMU_T_COUNT and its name in catalogue.c's type_names[];
 *  2. add its struct and array to emu_catalogue, and a generator (catalogue_<type>.c is a
 *     good home) called from emu_catalogue_new() that sets count[type] and fills the array;
 *  3. IDs come for free: emu_catalogue_new() derives one per (seed, type, index) for every
 *     type with a count, and emu_catalogue_find() resolves them;
 *  4. write its JSON in objects_<type>.c (objects.h shows the pattern) and its routes.
 *
 * Ownership: emu_catalogue_new() returns a catalogue the caller frees with
 * emu_catalogue_free(); pointers into it live as long as it does.
 */
#ifndef SPOTC_EMU_CATALOGUE_H
#define SPOTC_EMU_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>

#include "words.h"

#define EMU_ID_LEN 22

typedef enum emu_type {
    EMU_T_ARTIST,
    EMU_T_ALBUM,
    EMU_T_TRACK,
    EMU_T_SHOW, /* shows, episodes, audiobooks, chapters: catalogue_media.h */
    EMU_T_EPISODE,
    EMU_T_AUDIOBOOK,
    EMU_T_CHAPTER,
    EMU_T_COUNT
} emu_type;

/** "artist", "album", "track", ... */
const char *emu_type_name(emu_type t);

typedef enum emu_album_type { EMU_ALBUM, EMU_SINGLE, EMU_COMPILATION } emu_album_type;
/** "album", "single", "compilation". */
const char *emu_album_type_name(emu_album_type t);

typedef enum emu_date_precision { EMU_DAY, EMU_MONTH, EMU_YEAR } emu_date_precision;

typedef struct emu_artist {
    emu_name name;
    uint8_t genres[3], ngenres;
    uint8_t popularity;
    uint32_t followers;
    uint32_t first_album, nalbums; /**< albums this artist leads: [first, first+n) */
    uint32_t appears_off;          /**< appears_on albums: cat->appears[off .. next off) */
} emu_artist;

typedef struct emu_album {
    emu_name name;
    uint32_t artist;
    uint32_t first_track; /**< tracks [first_track, first_track + ntracks) */
    uint16_t ntracks;
    uint16_t year;
    uint8_t month, day;
    uint8_t type;      /**< emu_album_type */
    uint8_t precision; /**< emu_date_precision */
    uint8_t is_new;    /**< released "in the past two weeks" of emulator time (tag:new) */
    uint8_t popularity;
    uint16_t label;
    uint64_t markets; /**< bit i = emu_market_code(i) */
} emu_album;

typedef struct emu_track {
    emu_name name;
    uint32_t album;
    uint32_t feat; /**< featured artist, or UINT32_MAX */
    uint32_t duration_ms;
    uint8_t popularity;
    uint8_t number, disc;
    uint8_t explicit_;
} emu_track;

typedef enum emu_catalogue_size { EMU_CATALOGUE_SMALL, EMU_CATALOGUE_LARGE } emu_catalogue_size;

typedef struct emu_catalogue {
    uint64_t seed;
    size_t count[EMU_T_COUNT];
    char *ids[EMU_T_COUNT]; /**< count[t] * EMU_ID_LEN bytes, not NUL-terminated */
    emu_artist *artists;
    emu_album *albums;
    emu_track *tracks;
    uint32_t *appears; /**< album indexes, grouped per artist (see appears_off) */
    struct emu_media *media; /**< shows, episodes, audiobooks, chapters (catalogue_media.h) */
    size_t nappears;
    /** The user's own objects (fixtures.h), or NULL: set once at start, before serving, so
     *  code that holds a player's or library's reference to one can reach it. */
    const struct emu_fixtures *fixtures;
    uint8_t hipster_pop; /**< tag:hipster: albums this popular or less are the lowest tenth */
    uint32_t *index; /**< open addressing: id hash -> (type << 27 | idx) + 1 */
    size_t index_mask;
} emu_catalogue;

/** Generate the catalogue for @p seed. NULL when out of memory. */
emu_catalogue *emu_catalogue_new(uint64_t seed, emu_catalogue_size size);
void emu_catalogue_free(emu_catalogue *cat);

/** The ID of an object (EMU_ID_LEN chars, not NUL-terminated; borrowed). */
const char *emu_catalogue_id(const emu_catalogue *cat, emu_type t, size_t idx);
/** Copy an object's ID into @p out (EMU_ID_LEN + 1 bytes). */
void emu_catalogue_id_copy(const emu_catalogue *cat, emu_type t, size_t idx, char *out);

/** Non-zero when @p s is a syntactically valid Spotify ID (22 base62 characters). */
int emu_id_valid(const char *s);
/**
 * Resolve an ID of type @p t.
 * @return 0 and *idx; -1 when @p id is not a valid ID (400 "invalid id"); -2 when it is
 *         valid but names no object of that type (404).
 */
int emu_catalogue_find(const emu_catalogue *cat, emu_type t, const char *id, size_t *idx);

/** Artist @p a's appears_on albums (borrowed) and their count. */
const uint32_t *emu_artist_appears(const emu_catalogue *cat, size_t a, size_t *n);

/* Derived text, written into caller buffers. */
void emu_image_url(const emu_catalogue *cat, emu_type t, size_t idx, int size, char *out,
                   size_t outsz);
void emu_track_isrc(const emu_catalogue *cat, size_t track, char *out, size_t outsz);
void emu_album_upc(const emu_catalogue *cat, size_t album, char *out, size_t outsz);
const char *emu_label_name(unsigned label);
const char *emu_genre_name(unsigned genre);

/* Markets. */
#define EMU_MARKET_COUNT 40
/** Two-letter code of market @p i (0 <= i < EMU_MARKET_COUNT). */
const char *emu_market_code(unsigned i);
/** Index of a two-letter code (case-sensitive, as Spotify), or -1. */
int emu_market_index(const char *code);
#define EMU_ALL_MARKETS ((1ULL << EMU_MARKET_COUNT) - 1)

/** Well-known objects of the seeded catalogue (for /_emulator/sample and the demo). */
typedef struct emu_sample {
    size_t artist, album, track;
    size_t show, episode, audiobook, chapter;
    char query[32]; /**< a word search finds */
} emu_sample;
void emu_catalogue_sample(const emu_catalogue *cat, emu_sample *out);

#endif
