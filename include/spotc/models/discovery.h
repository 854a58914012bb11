/**
 * @file spotc/models/discovery.h
 * @brief Browse categories, audio features, audio analysis and
 *        recommendations. Rules and ownership: spotc/models.h.
 */
#ifndef SPOTC_MODELS_DISCOVERY_H
#define SPOTC_MODELS_DISCOVERY_H

#include "music.h"

SPOTC_BEGIN_DECL

typedef struct spotc_category {
    struct json_t *json;
    const char *id;
    const char *name;
    const char *href;
    size_t icon_count;
    spotc_image *icons;
} spotc_category;

/** A page of categories ({"categories": page}). */
typedef struct spotc_category_list SPOTC_LIST_OF(spotc_category) spotc_category_list;

/** Audio features of a track. Doubles are NAN when absent (loudness is negative). */
typedef struct spotc_audio_features {
    struct json_t *json;
    const char *id;
    const char *uri;
    const char *type; /**< "audio_features" */
    const char *track_href;
    const char *analysis_url;
    double acousticness;
    double danceability;
    double energy;
    double instrumentalness;
    double liveness;
    double loudness;
    double speechiness;
    double tempo;
    double valence;
    int duration_ms;
    int key;            /**< pitch class 0-11; -1 when none was detected or absent */
    int mode;           /**< 1 major, 0 minor, -1 absent */
    int time_signature; /**< 3-7 */
} spotc_audio_features;

/** Audio features of several tracks ({"audio_features": [...]}, NULL for unknown IDs). */
typedef struct spotc_audio_features_list
    SPOTC_LIST_OF(spotc_audio_features) spotc_audio_features_list;

/** A bar, beat or tatum of an audio analysis. */
typedef struct spotc_time_interval {
    struct json_t *json;
    double start;
    double duration;
    double confidence;
} spotc_time_interval;

typedef struct spotc_audio_section {
    struct json_t *json;
    double start;
    double duration;
    double confidence;
    double loudness;
    double tempo;
    double tempo_confidence;
    int key;
    double key_confidence;
    int mode;
    double mode_confidence;
    int time_signature;
    double time_signature_confidence;
} spotc_audio_section;

typedef struct spotc_audio_segment {
    struct json_t *json;
    double start;
    double duration;
    double confidence;
    double loudness_start;
    double loudness_max;
    double loudness_max_time;
    double loudness_end;
    size_t pitch_count;
    double *pitches; /**< 12 values, 0-1 */
    size_t timbre_count;
    double *timbre;  /**< 12 values */
} spotc_audio_segment;

/** The analysis' `meta` and `track` summaries (embedded); the long code strings stay in json. */
typedef struct spotc_audio_analysis_meta {
    struct json_t *json;
    const char *analyzer_version;
    const char *platform;
    const char *detailed_status;
    int status_code;
    long timestamp;
    double analysis_time;
    const char *input_process;
} spotc_audio_analysis_meta;

typedef struct spotc_audio_analysis_track {
    struct json_t *json;
    long num_samples;
    double duration;
    const char *sample_md5;
    int offset_seconds;
    int window_seconds;
    int analysis_sample_rate;
    int analysis_channels;
    double end_of_fade_in;
    double start_of_fade_out;
    double loudness;
    double tempo;
    double tempo_confidence;
    int time_signature;
    double time_signature_confidence;
    int key;
    double key_confidence;
    int mode;
    double mode_confidence;
} spotc_audio_analysis_track;

typedef struct spotc_audio_analysis {
    struct json_t *json;
    spotc_audio_analysis_meta meta;
    spotc_audio_analysis_track track;
    size_t bar_count;
    spotc_time_interval *bars;
    size_t beat_count;
    spotc_time_interval *beats;
    size_t section_count;
    spotc_audio_section *sections;
    size_t segment_count;
    spotc_audio_segment *segments;
    size_t tatum_count;
    spotc_time_interval *tatums;
} spotc_audio_analysis;

/** How a seed shaped the recommendations. */
typedef struct spotc_recommendation_seed {
    struct json_t *json;
    const char *id;
    const char *type; /**< "ARTIST", "TRACK" or "GENRE" */
    const char *href; /**< NULL for genre seeds */
    int initial_pool_size;
    int after_filtering_size;
    int after_relinking_size;
} spotc_recommendation_seed;

typedef struct spotc_recommendations {
    struct json_t *json;
    size_t seed_count;
    spotc_recommendation_seed *seeds;
    size_t track_count;
    spotc_track **tracks; /**< NULL where Spotify sent null */
} spotc_recommendations;

/** The markets where Spotify is available (GET /markets). */
typedef struct spotc_markets {
    struct json_t *json;
    size_t count;
    const char **markets; /**< ISO 3166-1 alpha-2 codes */
} spotc_markets;

/** The genres usable as recommendation seeds. */
typedef struct spotc_genres {
    struct json_t *json;
    size_t count;
    const char **genres;
} spotc_genres;

SPOTC_EXTERN int spotc_markets_parse(spotc_markets **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_genres_parse(spotc_genres **out, const char *json, size_t len);
SPOTC_EXTERN void spotc_markets_free(spotc_markets *markets);
SPOTC_EXTERN void spotc_genres_free(spotc_genres *genres);
SPOTC_EXTERN int spotc_category_parse(spotc_category **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_category_list_parse(spotc_category_list **out, const char *json,
                                           size_t len);
SPOTC_EXTERN int spotc_audio_features_parse(spotc_audio_features **out, const char *json,
                                            size_t len);
SPOTC_EXTERN int spotc_audio_features_list_parse(spotc_audio_features_list **out,
                                                 const char *json, size_t len);
SPOTC_EXTERN int spotc_audio_analysis_parse(spotc_audio_analysis **out, const char *json,
                                            size_t len);
SPOTC_EXTERN int spotc_recommendations_parse(spotc_recommendations **out, const char *json,
                                             size_t len);
SPOTC_EXTERN void spotc_category_free(spotc_category *category);
SPOTC_EXTERN void spotc_category_list_free(spotc_category_list *list);
SPOTC_EXTERN void spotc_audio_features_free(spotc_audio_features *features);
SPOTC_EXTERN void spotc_audio_features_list_free(spotc_audio_features_list *list);
SPOTC_EXTERN void spotc_audio_analysis_free(spotc_audio_analysis *analysis);
SPOTC_EXTERN void spotc_recommendations_free(spotc_recommendations *recommendations);

SPOTC_END_DECL

#endif
