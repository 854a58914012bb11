/* A track's audio analysis, derived from its audio features and duration (objects_media.h).
 * Beats follow the tempo, bars the time signature, tatums halve beats, a section spans 16
 * bars and a segment one beat, so the parts agree with each other as Spotify's do. */
#include <stdio.h>

#include "catalogue_media.h"
#include "objects_media.h"
#include "rng.h"

/* Streams of the analysis, apart from catalogue_media.c's (600..) and resume points (700..). */
enum { SALT_META = 900, SALT_TRACK, SALT_BEATS, SALT_SECTIONS, SALT_SEGMENTS };

static double unit(emu_rng *r)
{
    return (double)emu_rng_below(r, 1000000) / 1000000.0;
}

/* A fingerprint-like string: Spotify's are base64 of compressed data; only the look matters. */
static void blob(jw *w, const char *key, emu_rng *r)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char s[97] = "eJx";
    for (size_t i = 3; i < sizeof s - 1; i++)
        s[i] = b64[emu_rng_below(r, 64)];
    s[sizeof s - 1] = 0;
    jw_kstr(w, key, s);
}

static void meta(jw *w, const emu_catalogue *cat, size_t track)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_META, track);
    jw_kobj(w, "meta");
    jw_kstr(w, "analyzer_version", "4.0.0");
    jw_kstr(w, "platform", "Linux");
    jw_kstr(w, "detailed_status", "OK");
    jw_kint(w, "status_code", 0);
    jw_kint(w, "timestamp", 1456000000 + (long long)emu_rng_below(&r, 200000000));
    emu_json_fixed(w, "analysis_time", 1.0 + 9.0 * unit(&r), 5);
    jw_kstr(w, "input_process", "libvorbisfile L+R 44100->22050");
    jw_obj_end(w);
}

static void track_summary(jw *w, const emu_catalogue *cat, size_t track, const emu_features *f,
                          double dur)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_TRACK, track);
    jw_kobj(w, "track");
    jw_kint(w, "num_samples", (long long)(dur * 22050));
    emu_json_fixed(w, "duration", dur, 5);
    jw_kstr(w, "sample_md5", "");
    jw_kint(w, "offset_seconds", 0);
    jw_kint(w, "window_seconds", 0);
    jw_kint(w, "analysis_sample_rate", 22050);
    jw_kint(w, "analysis_channels", 1);
    emu_json_fixed(w, "end_of_fade_in", 2.0 * unit(&r), 5);
    emu_json_fixed(w, "start_of_fade_out", dur - 8.0 * unit(&r), 5);
    emu_json_fixed(w, "loudness", f->loudness, 3);
    emu_json_fixed(w, "tempo", f->tempo, 3);
    emu_json_fixed(w, "tempo_confidence", unit(&r), 3);
    jw_kint(w, "time_signature", f->time_signature);
    emu_json_fixed(w, "time_signature_confidence", unit(&r), 3);
    jw_kint(w, "key", f->key);
    emu_json_fixed(w, "key_confidence", unit(&r), 3);
    jw_kint(w, "mode", f->mode);
    emu_json_fixed(w, "mode_confidence", unit(&r), 3);
    blob(w, "codestring", &r);
    emu_json_fixed(w, "code_version", 3.15, 2);
    blob(w, "echoprintstring", &r);
    emu_json_fixed(w, "echoprint_version", 4.12, 2);
    blob(w, "synchstring", &r);
    emu_json_fixed(w, "synch_version", 1.0, 1);
    blob(w, "rhythmstring", &r);
    emu_json_fixed(w, "rhythm_version", 1.0, 1);
    jw_obj_end(w);
}

/* The beat grid of a track. */
typedef struct grid {
    double first, beat, end; /* first beat, beat length, track length (seconds) */
    long nbeats;
    int per_bar;
} grid;

static void interval(jw *w, double start, double duration, double confidence)
{
    jw_obj(w);
    emu_json_fixed(w, "start", start, 5);
    emu_json_fixed(w, "duration", duration, 5);
    emu_json_fixed(w, "confidence", confidence, 3);
    jw_obj_end(w);
}

/* Intervals of @p step beats each (bars: per_bar, beats: 1); tatums are half beats. */
static void intervals(jw *w, const char *key, const grid *g, emu_rng *r, double step)
{
    jw_karr(w, key);
    for (double b = 0; b + step <= (double)g->nbeats + 1e-9; b += step)
        interval(w, g->first + b * g->beat, step * g->beat, unit(r));
    jw_arr_end(w);
}

static void sections(jw *w, const grid *g, const emu_features *f, emu_rng *r)
{
    double len = 16.0 * g->per_bar * g->beat;
    jw_karr(w, "sections");
    for (double s = 0; s < g->end; s += len) {
        double d = s + len > g->end ? g->end - s : len;
        jw_obj(w);
        emu_json_fixed(w, "start", s, 5);
        emu_json_fixed(w, "duration", d, 5);
        emu_json_fixed(w, "confidence", unit(r), 3);
        emu_json_fixed(w, "loudness", f->loudness - 4.0 * unit(r), 3);
        emu_json_fixed(w, "tempo", f->tempo + 2.0 * unit(r) - 1.0, 3);
        emu_json_fixed(w, "tempo_confidence", unit(r), 3);
        jw_kint(w, "key", f->key);
        emu_json_fixed(w, "key_confidence", unit(r), 3);
        jw_kint(w, "mode", f->mode);
        emu_json_fixed(w, "mode_confidence", unit(r), 3);
        jw_kint(w, "time_signature", f->time_signature);
        emu_json_fixed(w, "time_signature_confidence", unit(r), 3);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

static void vector(jw *w, const char *key, emu_rng *r, double lo, double hi, int decimals)
{
    jw_karr(w, key);
    for (int i = 0; i < 12; i++) {
        char b[32];
        int n = snprintf(b, sizeof b, "%.*f", decimals, lo + (hi - lo) * unit(r));
        jw_raw(w, b, (size_t)n);
    }
    jw_arr_end(w);
}

static void segments(jw *w, const grid *g, const emu_features *f, emu_rng *r)
{
    jw_karr(w, "segments");
    for (long b = 0; b < g->nbeats; b++) {
        double start = g->first + (double)b * g->beat, peak = f->loudness + 3.0 * unit(r);
        jw_obj(w);
        emu_json_fixed(w, "start", start, 5);
        emu_json_fixed(w, "duration", g->beat, 5);
        emu_json_fixed(w, "confidence", unit(r), 3);
        emu_json_fixed(w, "loudness_start", peak - 12.0 * unit(r), 3);
        emu_json_fixed(w, "loudness_max", peak, 3);
        emu_json_fixed(w, "loudness_max_time", g->beat * 0.4 * unit(r), 5);
        emu_json_fixed(w, "loudness_end", b + 1 == g->nbeats ? -60.0 : 0.0, 3);
        vector(w, "pitches", r, 0, 1, 3);
        vector(w, "timbre", r, -60, 60, 3);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

void emu_json_audio_analysis(jw *w, const emu_ctx *ctx, size_t track)
{
    const emu_catalogue *cat = ctx->cat;
    emu_features f;
    emu_track_features(cat, track, &f);
    emu_rng r = emu_rng_for(cat->seed, SALT_BEATS, track);
    grid g = {.beat = 60.0 / f.tempo,
              .end = cat->tracks[track].duration_ms / 1000.0,
              .per_bar = f.time_signature};
    g.first = 0.1 + 0.4 * unit(&r);
    g.nbeats = (long)((g.end - g.first) / g.beat);
    jw_obj(w);
    meta(w, cat, track);
    track_summary(w, cat, track, &f, g.end);
    intervals(w, "bars", &g, &r, g.per_bar);
    intervals(w, "beats", &g, &r, 1);
    emu_rng rs = emu_rng_for(cat->seed, SALT_SECTIONS, track);
    sections(w, &g, &f, &rs);
    emu_rng rg = emu_rng_for(cat->seed, SALT_SEGMENTS, track);
    segments(w, &g, &f, &rg);
    intervals(w, "tatums", &g, &r, 0.5);
    jw_obj_end(w);
}
