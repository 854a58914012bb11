/*
 * Track analysis and discovery: GET /v1/audio-features/{id}, /v1/audio-features?ids=,
 * /v1/audio-analysis/{id}, /v1/artists/{id}/related-artists, /v1/recommendations,
 * /v1/recommendations/available-genre-seeds. All were removed for new and development-mode
 * apps in November 2024 (modes.c); extended-quota apps still get them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "fixtures_refs.h"
#include "recommend.h"
#include "routes.h"
#include "routes_media.h"

static int path_track(emu_call *c, size_t *track)
{
    return emu_path_object(c, EMU_T_TRACK, "non existing id", track);
}

static void get_audio_features(emu_call *c)
{
    size_t track;
    if (path_track(c, &track) < 0)
        return;
    jw w;
    jw_init(&w, 1024);
    emu_json_audio_features(&w, c->ctx, track);
    emu_reply_json(c, 200, &w);
}

static void features_item(jw *w, const void *ctx, size_t track)
{
    emu_json_audio_features(w, ctx, track);
}

static void get_several_audio_features(emu_call *c)
{
    size_t *idx, n;
    if (emu_ids_param(c, EMU_T_TRACK, 100, &idx, &n) < 0)
        return;
    emu_reply_batch(c, "audio_features", idx, n, features_item, c->ctx);
    free(idx);
}

static void get_audio_analysis(emu_call *c)
{
    size_t track;
    if (path_track(c, &track) < 0)
        return;
    jw w;
    jw_init(&w, 1 << 18);
    emu_json_audio_analysis(&w, c->ctx, track);
    emu_reply_json(c, 200, &w);
}

static void get_related_artists(emu_call *c)
{
    size_t artist;
    emu_view v;
    if (emu_path_object(c, EMU_T_ARTIST, "non existing id", &artist) < 0 ||
        emu_view_init(&v, c) < 0)
        return;
    uint32_t related[EMU_RELATED_MAX];
    size_t n = emu_related_artists(c->ctx->cat, artist, related);
    jw w;
    jw_init(&w, 1024 * n + 64);
    jw_obj(&w);
    jw_karr(&w, "artists");
    for (size_t i = 0; i < n; i++)
        emu_json_artist(&w, &v, related[i]);
    jw_arr_end(&w);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

static void get_genre_seeds(emu_call *c)
{
    char seed[64];
    jw w;
    jw_init(&w, 1024);
    jw_obj(&w);
    jw_karr(&w, "genres");
    for (size_t g = 0; g < emu_genre_count(); g++) {
        emu_genre_seed((unsigned)g, seed, sizeof seed);
        jw_str(&w, seed);
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

#define MAX_SEEDS 5

/* A genre seed: one of those GET /v1/recommendations/available-genre-seeds lists (the
 * fixtures' genre_seeds when they give them). 0 and *idx (the catalogue's genre, or
 * EMU_SEED_NO_GENRE), or -1. */
static int find_genre(const emu_call *c, const char *name, size_t *idx)
{
    const emu_fixtures *fx = c->ctx->fixtures;
    int g = emu_genre_seed_find(name);
    if (fx && fx->genre_seeds) {
        size_t i;
        const json_t *s;
        json_array_foreach(fx->genre_seeds, i, s) if (strcmp(json_string_value(s), name) == 0)
        {
            *idx = g < 0 ? EMU_SEED_NO_GENRE : (size_t)g;
            return 0;
        }
        return -1;
    }
    *idx = (size_t)g;
    return g < 0 ? -1 : 0;
}

/* Append the seeds of one parameter; -1 after answering 400/404. */
static int add_seeds(emu_call *c, const char *param, emu_seed_kind kind, emu_seed *seeds, size_t *n)
{
    const char *list = emu_query(c, param);
    for (const char *p = list; p && *p;) {
        size_t len = strcspn(p, ",");
        char item[64];
        if (len && *n == MAX_SEEDS) {
            emu_reply_error(c, 400, "Too many seeds: at most 5 in total");
            return -1;
        }
        snprintf(item, sizeof item, "%.*s", (int)(len < sizeof item ? len : sizeof item - 1), p);
        p += len + (p[len] == ',');
        if (!len)
            continue;
        int rc = -2;
        size_t idx = 0;
        if (kind == EMU_SEED_GENRE) {
            rc = len < sizeof item && find_genre(c, item, &idx) == 0 ? 0 : -3;
        } else {
            emu_type t = kind == EMU_SEED_ARTIST ? EMU_T_ARTIST : EMU_T_TRACK;
            rc = len <= EMU_ID_LEN ? emu_object_find(c->ctx->cat, t, item, &idx) : -1;
        }
        if (rc < 0) {
            char msg[96];
            snprintf(msg, sizeof msg, rc == -2 ? "non existing id in %s" : "Invalid %s", param);
            emu_reply_error(c, 400, msg);
            return -1;
        }
        seeds[*n] = (emu_seed){.kind = kind, .idx = idx};
        snprintf(seeds[(*n)++].genre, sizeof seeds->genre, "%s",
                 kind == EMU_SEED_GENRE ? item : "");
    }
    return 0;
}

/* min_/max_/target_ tunables; -1 after answering 400 for a value that is not a number. */
static int parse_tuning(emu_call *c, emu_tuning *tu)
{
    static const char *const prefixes[] = {"min_", "max_", "target_"};
    memset(tu, 0, sizeof *tu);
    for (int t = 0; t < EMU_TUNE_COUNT; t++)
        for (int k = 0; k < 3; k++) {
            char name[48];
            snprintf(name, sizeof name, "%s%s", prefixes[k], emu_tunable_name((emu_tunable)t));
            const char *s = emu_query(c, name);
            if (!s)
                continue;
            char *end;
            double v = strtod(s, &end);
            if (!*s || *end || v != v) {
                char msg[80];
                snprintf(msg, sizeof msg, "Invalid value for %s", name);
                emu_reply_error(c, 400, msg);
                return -1;
            }
            double *slot = k == 0 ? tu->min : k == 1 ? tu->max : tu->target;
            unsigned char *flag = k == 0 ? tu->has_min : k == 1 ? tu->has_max : tu->has_target;
            slot[t] = v;
            flag[t] = 1;
        }
    return 0;
}

static int parse_limit(emu_call *c, int *limit)
{
    const char *s = emu_query(c, "limit");
    char *end = NULL;
    long v = s ? strtol(s, &end, 10) : 20;
    if (s && (!*s || *end || *s == '+' || *s == '-' || *s == ' '))
        v = 0;
    if (v < 1 || v > 100) {
        emu_reply_error(c, 400, "Invalid limit");
        return -1;
    }
    *limit = (int)v;
    return 0;
}

static void seed_json(jw *w, const emu_catalogue *cat, const emu_ctx *ctx, const emu_seed *s)
{
    static const char *const kinds[] = {"ARTIST", "GENRE", "TRACK"};
    jw_obj(w);
    jw_kint(w, "afterFilteringSize", (long long)s->after_filtering);
    jw_kint(w, "afterRelinkingSize", (long long)s->after_filtering);
    if (s->kind == EMU_SEED_GENRE) {
        jw_knull(w, "href"); /* Spotify's genre seeds link nowhere */
        jw_kstr(w, "id", s->genre);
    } else {
        emu_type t = s->kind == EMU_SEED_ARTIST ? EMU_T_ARTIST : EMU_T_TRACK;
        const char *id = emu_object_id(cat, t, s->idx);
        jw_kstrf(w, "href", "%s/v1/%ss/%.22s", ctx->base, emu_type_name(t), id);
        jw_key(w, "id");
        jw_strn(w, id, EMU_ID_LEN);
    }
    jw_kint(w, "initialPoolSize", (long long)s->initial);
    jw_kstr(w, "type", kinds[s->kind]);
    jw_obj_end(w);
}

/* The market fixture tracks must be available in: market= as given (from_token: the
 * user's), or NULL. */
static const char *market_code(emu_call *c, const emu_view *v)
{
    const char *m = emu_query(c, "market");
    if (m && strcmp(m, "from_token") == 0)
        return v->user_market >= 0 ? emu_market_code((unsigned)v->user_market) : NULL;
    return m;
}

static void get_recommendations(emu_call *c)
{
    emu_seed seeds[MAX_SEEDS];
    size_t nseeds = 0, tracks[100];
    emu_tuning tuning;
    emu_view v;
    int limit;
    if (add_seeds(c, "seed_artists", EMU_SEED_ARTIST, seeds, &nseeds) < 0 ||
        add_seeds(c, "seed_genres", EMU_SEED_GENRE, seeds, &nseeds) < 0 ||
        add_seeds(c, "seed_tracks", EMU_SEED_TRACK, seeds, &nseeds) < 0 ||
        parse_tuning(c, &tuning) < 0 || parse_limit(c, &limit) < 0 || emu_view_init(&v, c) < 0)
        return;
    if (nseeds == 0) {
        emu_reply_error(c, 400, "Missing seed: give seed_artists, seed_genres or seed_tracks");
        return;
    }
    long n = emu_recommend(&v, market_code(c, &v), seeds, nseeds, &tuning, (size_t)limit, tracks);
    if (n < 0) {
        emu_reply_error(c, 500, "Server error");
        return;
    }
    jw w;
    jw_init(&w, 4096 + 3000 * (size_t)n);
    jw_obj(&w);
    jw_karr(&w, "seeds");
    for (size_t i = 0; i < nseeds; i++)
        seed_json(&w, c->ctx->cat, c->ctx, &seeds[i]);
    jw_arr_end(&w);
    jw_karr(&w, "tracks");
    for (long i = 0; i < n; i++) {
        const json_t *fx = emu_fx_at(c->ctx->cat, EMU_T_TRACK, tracks[i]);
        if (fx)
            emu_fx_write(&w, fx, EMU_FX_TRACK, EMU_FX_FULL, c->ctx->base, NULL);
        else
            emu_json_track(&w, &v, tracks[i]);
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

const emu_route emu_routes_audio[] = {
    {"GET", "/v1/audio-features/{id}", get_audio_features, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/audio-features", get_several_audio_features, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/audio-analysis/{id}", get_audio_analysis, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/artists/{id}/related-artists", get_related_artists, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/recommendations", get_recommendations, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/recommendations/available-genre-seeds", get_genre_seeds, EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(emu_routes_audio);
