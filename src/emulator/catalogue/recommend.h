/**
 * @file recommend.h
 * @brief Related artists and track recommendations over the synthetic catalogue and the
 *        fixtures (fixtures_recommend.h).
 *
 * Pure functions of the catalogue (no request), deterministic for the same arguments.
 * Related artists share genres and are close in popularity. A recommendation draws a pool of
 * tracks per seed (the seed artist and its related artists; a seed track's artist and its
 * related artists; the most popular artists of a seed genre), keeps those the min_/max_
 * tunables and the market allow, and ranks them by distance to the target_ tunables (by
 * popularity with a stable shuffle when there are no targets).
 *
 * Fixture artists and tracks can be seeds, and fixture tracks answers: they are numbered as
 * the state numbers them, after the catalogue's objects of their type (fixtures_refs.h).
 */
#ifndef SPOTC_EMU_RECOMMEND_H
#define SPOTC_EMU_RECOMMEND_H

#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"
#include "objects.h"

#define EMU_RELATED_MAX 20
/** Up to EMU_RELATED_MAX artists related to @p artist, most related first. @return the count */
size_t emu_related_artists(const emu_catalogue *cat, size_t artist, uint32_t *out);

/** The tunable track attributes, in Spotify's parameter order. */
typedef enum emu_tunable {
    EMU_TUNE_ACOUSTICNESS,
    EMU_TUNE_DANCEABILITY,
    EMU_TUNE_DURATION_MS,
    EMU_TUNE_ENERGY,
    EMU_TUNE_INSTRUMENTALNESS,
    EMU_TUNE_KEY,
    EMU_TUNE_LIVENESS,
    EMU_TUNE_LOUDNESS,
    EMU_TUNE_MODE,
    EMU_TUNE_POPULARITY,
    EMU_TUNE_SPEECHINESS,
    EMU_TUNE_TEMPO,
    EMU_TUNE_TIME_SIGNATURE,
    EMU_TUNE_VALENCE,
    EMU_TUNE_COUNT
} emu_tunable;

/** "acousticness", ... (the parameter name without min_/max_/target_). */
const char *emu_tunable_name(emu_tunable t);

/** Bounds and targets; a flag says which are set. */
typedef struct emu_tuning {
    double min[EMU_TUNE_COUNT], max[EMU_TUNE_COUNT], target[EMU_TUNE_COUNT];
    unsigned char has_min[EMU_TUNE_COUNT], has_max[EMU_TUNE_COUNT], has_target[EMU_TUNE_COUNT];
} emu_tuning;

typedef enum emu_seed_kind { EMU_SEED_ARTIST, EMU_SEED_GENRE, EMU_SEED_TRACK } emu_seed_kind;

#define EMU_SEED_NO_GENRE ((size_t)-1) /**< a genre seed the catalogue lacks */

typedef struct emu_seed {
    emu_seed_kind kind;
    size_t idx;             /**< artist or track (fixtures after the catalogue's), or the
                                 catalogue's genre index or EMU_SEED_NO_GENRE */
    char genre[64];         /**< a genre seed's name, as asked */
    size_t initial;         /**< out: tracks drawn for this seed */
    size_t after_filtering; /**< out: of those, the ones the tunables and market keep */
} emu_seed;

/**
 * Recommend up to @p limit tracks into @p out (room for @p limit): catalogue indexes, and
 * fixture tracks numbered after them.
 * @param market the market code fixture tracks must be available in, or NULL
 * @return the number written, or -1 when out of memory
 */
long emu_recommend(const emu_view *v, const char *market, emu_seed *seeds, size_t nseeds,
                   const emu_tuning *tuning, size_t limit, size_t *out);

#endif
