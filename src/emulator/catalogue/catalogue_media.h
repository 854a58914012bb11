/**
 * @file catalogue_media.h
 * @brief The non-music part of the synthetic catalogue: shows and their episodes,
 *        audiobooks and their chapters, browse categories, new releases, genre seeds and
 *        the audio features every track gets.
 *
 * Generated with the rest of the catalogue (emu_catalogue_new() calls
 * emu_media_generate() before IDs are made) and immutable afterwards. Like the music
 * catalogue, objects are small structs of word ids and numbers; text is derived on demand.
 *
 * Links: a show's episodes are episodes[first_episode .. first_episode + nepisodes), newest
 * first, and each names its show; an audiobook's chapters are chapters[first_chapter ..
 * first_chapter + nchapters) in reading order, and each names its audiobook.
 *
 * Availability follows Spotify: shows and episodes are available in their show's markets,
 * audiobooks and chapters only in Spotify's audiobook markets (AU, CA, GB, IE, NZ, US).
 *
 * Ownership: the emu_media block belongs to the catalogue (freed by emu_catalogue_free());
 * every pointer returned here is borrowed from it or static.
 */
#ifndef SPOTC_EMU_CATALOGUE_MEDIA_H
#define SPOTC_EMU_CATALOGUE_MEDIA_H

#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"

typedef struct emu_show {
    emu_name name;
    emu_name host;          /**< presenter: publisher and description */
    uint32_t first_episode; /**< newest episode; older ones follow */
    uint16_t nepisodes;
    uint8_t popularity; /**< ranks search results (ShowObject has no popularity) */
    uint8_t explicit_;
    uint8_t video;    /**< media_type "mixed" instead of "audio" */
    uint8_t external; /**< is_externally_hosted */
    uint8_t lang;     /**< emu_language_code() index */
    uint8_t topic;    /**< emu_genre_name() index, for the description */
    int32_t latest;   /**< release day (days since 1970-01-01) of the newest episode */
    uint64_t markets; /**< bit i = emu_market_code(i) */
} emu_show;

typedef struct emu_episode {
    emu_name name;
    uint32_t show;
    uint32_t duration_ms;
    int32_t day; /**< release day, days since 1970-01-01 */
    uint8_t explicit_;
} emu_episode;

typedef struct emu_audiobook {
    emu_name name;
    emu_name authors[2];
    emu_name narrator;
    uint8_t nauthors;
    uint8_t popularity; /**< ranks search results only */
    uint8_t explicit_;
    uint8_t abridged; /**< edition "Abridged" instead of "Unabridged" */
    uint8_t publisher;
    uint8_t lang;
    uint16_t nchapters;
    uint32_t first_chapter;
    int32_t day; /**< publication day, days since 1970-01-01 */
} emu_audiobook;

typedef struct emu_chapter {
    emu_name name;
    uint32_t audiobook;
    uint32_t duration_ms;
    uint16_t number; /**< 1-based, reading order */
} emu_chapter;

/** The media part of an emu_catalogue (cat->media). */
typedef struct emu_media {
    emu_show *shows;
    emu_episode *episodes;
    emu_audiobook *audiobooks;
    emu_chapter *chapters;
    uint32_t *new_releases; /**< album indexes, newest first */
    size_t nnew_releases;
} emu_media;

/**
 * Generate shows, episodes, audiobooks and chapters into @p cat (after its artists, albums
 * and tracks, before its IDs): sets cat->media and the counts of the four types.
 * @return 0, or -1 when out of memory (cat->media may be partly set; emu_catalogue_free()
 *         releases it).
 */
int emu_media_generate(emu_catalogue *cat, emu_catalogue_size size);
void emu_media_free(emu_media *m);
/** Fill the show, episode, audiobook and chapter of the sample. */
void emu_media_sample(const emu_catalogue *cat, emu_sample *out);

/** Markets where audiobooks (and so chapters) are sold. */
uint64_t emu_audiobook_markets(void);
/** Non-zero when object @p idx of a media type (show, episode, audiobook, chapter) exists in
 *  market @p market (a market index; -1: in none). Other types are everywhere. */
int emu_media_in_market(const emu_catalogue *cat, emu_type t, size_t idx, int market);

/**
 * The children of a show (its episodes, newest first) or an audiobook (its chapters, in
 * reading order): objects [*first, *first + *n) of the returned type. Other types have none
 * (EMU_T_COUNT, *n = 0).
 */
emu_type emu_media_children(const emu_catalogue *cat, emu_type t, size_t idx, size_t *first,
                            size_t *n);

/** Days since the epoch as a calendar date. */
void emu_day_date(int32_t day, int *year, int *month, int *day_of_month);
/** ISO 639-1 code of language @p i. */
const char *emu_language_code(unsigned i);
/** Publishing house @p i of audiobooks. */
const char *emu_publisher_name(unsigned i);

/* Browse categories: a fixed list with Spotify-style ids ("toplists", "pop", ...). */
size_t emu_category_count(void);
/** Index of the category with id @p id, or -1. */
int emu_category_find(const char *id);
const char *emu_category_id(size_t i);
const char *emu_category_name(size_t i);

/* Recommendation genre seeds: the catalogue's genres with '-' for spaces ("indie-pop"). */
size_t emu_genre_count(void);
/** Seed name of genre @p g into @p out. */
void emu_genre_seed(unsigned g, char *out, size_t outsz);
/** Genre index of a seed name, or -1. */
int emu_genre_seed_find(const char *seed);

/** A track's audio features (Spotify's AudioFeaturesObject numbers). */
typedef struct emu_features {
    double acousticness, danceability, energy, instrumentalness, liveness, loudness;
    double speechiness, tempo, valence;
    int key, mode, time_signature;
} emu_features;
void emu_track_features(const emu_catalogue *cat, size_t track, emu_features *out);

#endif
