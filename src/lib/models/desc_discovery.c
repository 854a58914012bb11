/*
 * Descriptors of categories, audio features and analysis, recommendations
 * (spotc/models/discovery.h).
 */
#include "model.h"

#define T spotc_category
static const spotc__field category_fields[] = {
    SPOTC__STRING(T, id, "id"),
    SPOTC__STRING(T, name, "name"),
    SPOTC__STRING(T, href, "href"),
    SPOTC__OBJECTS(T, icons, icon_count, "icons", image),
};
#undef T
SPOTC__MODEL(category, category_fields, NULL);
SPOTC__MODEL_FUNCTIONS(category)
SPOTC__LIST(category, "categories", NULL);
SPOTC__LIST_FUNCTIONS(category)

#define T spotc_audio_features
static const spotc__field audio_features_fields[] = {
    SPOTC__STRING(T, id, "id"),
    SPOTC__STRING(T, uri, "uri"),
    SPOTC__STRING(T, type, "type"),
    SPOTC__STRING(T, track_href, "track_href"),
    SPOTC__STRING(T, analysis_url, "analysis_url"),
    SPOTC__DOUBLE(T, acousticness, "acousticness"),
    SPOTC__DOUBLE(T, danceability, "danceability"),
    SPOTC__DOUBLE(T, energy, "energy"),
    SPOTC__DOUBLE(T, instrumentalness, "instrumentalness"),
    SPOTC__DOUBLE(T, liveness, "liveness"),
    SPOTC__DOUBLE(T, loudness, "loudness"),
    SPOTC__DOUBLE(T, speechiness, "speechiness"),
    SPOTC__DOUBLE(T, tempo, "tempo"),
    SPOTC__DOUBLE(T, valence, "valence"),
    SPOTC__INT(T, duration_ms, "duration_ms"),
    SPOTC__INT(T, key, "key"),
    SPOTC__INT(T, mode, "mode"),
    SPOTC__INT(T, time_signature, "time_signature"),
};
#undef T
SPOTC__MODEL(audio_features, audio_features_fields, NULL);
SPOTC__MODEL_FUNCTIONS(audio_features)
SPOTC__LIST(audio_features, "audio_features", NULL);
SPOTC__LIST_FUNCTIONS(audio_features)

/* Audio analysis: the start/duration/confidence triple opens every interval. */
#define SPOTC__INTERVAL(T)                                                                         \
    SPOTC__DOUBLE(T, start, "start"), SPOTC__DOUBLE(T, duration, "duration"),                      \
        SPOTC__DOUBLE(T, confidence, "confidence")

static const spotc__field time_interval_fields[] = {SPOTC__INTERVAL(spotc_time_interval)};
SPOTC__MODEL(time_interval, time_interval_fields, NULL);

/* Key, mode, tempo and time signature with their confidences: sections and the track summary. */
#define SPOTC__TONALITY(T)                                                                         \
    SPOTC__DOUBLE(T, loudness, "loudness"), SPOTC__DOUBLE(T, tempo, "tempo"),                      \
        SPOTC__DOUBLE(T, tempo_confidence, "tempo_confidence"), SPOTC__INT(T, key, "key"),         \
        SPOTC__DOUBLE(T, key_confidence, "key_confidence"), SPOTC__INT(T, mode, "mode"),           \
        SPOTC__DOUBLE(T, mode_confidence, "mode_confidence"),                                      \
        SPOTC__INT(T, time_signature, "time_signature"),                                           \
        SPOTC__DOUBLE(T, time_signature_confidence, "time_signature_confidence")

static const spotc__field audio_section_fields[] = {
    SPOTC__INTERVAL(spotc_audio_section),
    SPOTC__TONALITY(spotc_audio_section),
};
SPOTC__MODEL(audio_section, audio_section_fields, NULL);

#define T spotc_audio_segment
static const spotc__field audio_segment_fields[] = {
    SPOTC__INTERVAL(T),
    SPOTC__DOUBLE(T, loudness_start, "loudness_start"),
    SPOTC__DOUBLE(T, loudness_max, "loudness_max"),
    SPOTC__DOUBLE(T, loudness_max_time, "loudness_max_time"),
    SPOTC__DOUBLE(T, loudness_end, "loudness_end"),
    SPOTC__NUMBERS(T, pitches, pitch_count, "pitches"),
    SPOTC__NUMBERS(T, timbre, timbre_count, "timbre"),
};
#undef T
SPOTC__MODEL(audio_segment, audio_segment_fields, NULL);

#define T spotc_audio_analysis_meta
static const spotc__field audio_analysis_meta_fields[] = {
    SPOTC__STRING(T, analyzer_version, "analyzer_version"),
    SPOTC__STRING(T, platform, "platform"),
    SPOTC__STRING(T, detailed_status, "detailed_status"),
    SPOTC__INT(T, status_code, "status_code"),
    SPOTC__LONG(T, timestamp, "timestamp"),
    SPOTC__DOUBLE(T, analysis_time, "analysis_time"),
    SPOTC__STRING(T, input_process, "input_process"),
};
#undef T
SPOTC__MODEL(audio_analysis_meta, audio_analysis_meta_fields, NULL);

#define T spotc_audio_analysis_track
static const spotc__field audio_analysis_track_fields[] = {
    SPOTC__LONG(T, num_samples, "num_samples"),
    SPOTC__DOUBLE(T, duration, "duration"),
    SPOTC__STRING(T, sample_md5, "sample_md5"),
    SPOTC__INT(T, offset_seconds, "offset_seconds"),
    SPOTC__INT(T, window_seconds, "window_seconds"),
    SPOTC__INT(T, analysis_sample_rate, "analysis_sample_rate"),
    SPOTC__INT(T, analysis_channels, "analysis_channels"),
    SPOTC__DOUBLE(T, end_of_fade_in, "end_of_fade_in"),
    SPOTC__DOUBLE(T, start_of_fade_out, "start_of_fade_out"),
    SPOTC__TONALITY(T),
};
#undef T
SPOTC__MODEL(audio_analysis_track, audio_analysis_track_fields, NULL);

#define T spotc_audio_analysis
static const spotc__field audio_analysis_fields[] = {
    SPOTC__EMBED(T, meta, "meta", audio_analysis_meta),
    SPOTC__EMBED(T, track, "track", audio_analysis_track),
    SPOTC__OBJECTS(T, bars, bar_count, "bars", time_interval),
    SPOTC__OBJECTS(T, beats, beat_count, "beats", time_interval),
    SPOTC__OBJECTS(T, sections, section_count, "sections", audio_section),
    SPOTC__OBJECTS(T, segments, segment_count, "segments", audio_segment),
    SPOTC__OBJECTS(T, tatums, tatum_count, "tatums", time_interval),
};
#undef T
SPOTC__MODEL(audio_analysis, audio_analysis_fields, NULL);
SPOTC__MODEL_FUNCTIONS(audio_analysis)

#define T spotc_recommendation_seed
static const spotc__field recommendation_seed_fields[] = {
    SPOTC__STRING(T, id, "id"),
    SPOTC__STRING(T, type, "type"),
    SPOTC__STRING(T, href, "href"),
    SPOTC__INT(T, initial_pool_size, "initialPoolSize"),
    SPOTC__INT(T, after_filtering_size, "afterFilteringSize"),
    SPOTC__INT(T, after_relinking_size, "afterRelinkingSize"),
};
#undef T
SPOTC__MODEL(recommendation_seed, recommendation_seed_fields, NULL);

#define T spotc_recommendations
static const spotc__field recommendations_fields[] = {
    SPOTC__OBJECTS(T, seeds, seed_count, "seeds", recommendation_seed),
    SPOTC__PTRS(T, tracks, track_count, "tracks", track),
};
#undef T
SPOTC__MODEL(recommendations, recommendations_fields, NULL);
SPOTC__MODEL_FUNCTIONS(recommendations)

#define T spotc_markets
static const spotc__field markets_fields[] = {SPOTC__STRINGS(T, markets, count, "markets")};
#undef T
SPOTC__MODEL(markets, markets_fields, NULL);
SPOTC__MODEL_FUNCTIONS(markets)

#define T spotc_genres
static const spotc__field genres_fields[] = {SPOTC__STRINGS(T, genres, count, "genres")};
#undef T
SPOTC__MODEL(genres, genres_fields, NULL);
SPOTC__MODEL_FUNCTIONS(genres)
