/*
 * GET /recommendations (browse.h): seeds checked and joined, tunables
 * formatted, all before anything is sent.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ids_priv.h"
#include "internal.h"
#include "model.h"
#include "typed_call.h"

SPOTC__KIND(recommendations);

/* Spotify takes up to five seeds in all. */
#define SEEDS_MAX 5
/* Every bound of every tunable, formatted. */
#define TUNABLE_VALUES (14 * 3)

typedef struct rec_call {
    spotc_client *client;
    spotc__params p;
    char keys[TUNABLE_VALUES][32];
    char values[TUNABLE_VALUES][32];
    size_t nvalues;
    char *seeds[3]; /* joined seed lists, freed at the end */
} rec_call;

/* Join `n` seeds with commas into rc->seeds[slot]; IDs (type not ANY) are parsed first. */
static int seeds(rec_call *rc, size_t slot, const char *key, const char *const *in, size_t n,
                 spotc_item_type type)
{
    if (!n)
        return 0;
    if (!in)
        return spotc__error_set(rc->client, SPOTC_EINVALID, "%s: no list given", key);
    char *joined = calloc(n, SPOTC_ID_MAX + 2);
    if (!joined)
        return spotc__typed_nomem(rc->client);
    rc->seeds[slot] = joined;
    for (size_t i = 0; i < n; i++) {
        spotc_id id;
        const char *v = in[i];
        if (type != SPOTC_TYPE_ANY) {
            int err = spotc__id_require(rc->client, &id, v, type);
            if (err < 0)
                return err;
            v = id.id;
        } else if (!v || !*v || strlen(v) > SPOTC_ID_MAX || strchr(v, ',')) {
            return spotc__error_set(rc->client, SPOTC_EINVALID, "%s: bad genre at %zu", key, i);
        }
        if (i)
            strcat(joined, ",");
        strcat(joined, v);
    }
    spotc__params_add(&rc->p, key, joined);
    return 0;
}

/* One bound, "min_tempo=120": integral values as integers (duration_ms, key,
 * mode ... are integer parameters). */
static void add_bound(rec_call *rc, const char *bound, const char *name, double v)
{
    if (rc->nvalues == TUNABLE_VALUES)
        return;
    char *key = rc->keys[rc->nvalues];
    char *value = rc->values[rc->nvalues++];
    snprintf(key, sizeof rc->keys[0], "%s_%s", bound, name);
    if (floor(v) == v && fabs(v) < 1e15)
        snprintf(value, sizeof rc->values[0], "%.0f", v);
    else
        snprintf(value, sizeof rc->values[0], "%.6g", v);
    spotc__params_add(&rc->p, key, value);
}

static int add_tunable(rec_call *rc, const char *name, const spotc_tunable *t)
{
    if ((t->has_min && !isfinite(t->min)) || (t->has_max && !isfinite(t->max)) ||
        (t->has_target && !isfinite(t->target)))
        return spotc__error_set(rc->client, SPOTC_EINVALID, "%s: not a finite number", name);
    if (t->has_min)
        add_bound(rc, "min", name, t->min);
    if (t->has_max)
        add_bound(rc, "max", name, t->max);
    if (t->has_target)
        add_bound(rc, "target", name, t->target);
    return 0;
}

static int add_tunables(rec_call *rc, const spotc_recommendations_options *o)
{
    const struct {
        const char *name;
        const spotc_tunable *t;
    } all[] = {
        {"acousticness", &o->acousticness},
        {"danceability", &o->danceability},
        {"duration_ms", &o->duration_ms},
        {"energy", &o->energy},
        {"instrumentalness", &o->instrumentalness},
        {"key", &o->key},
        {"liveness", &o->liveness},
        {"loudness", &o->loudness},
        {"mode", &o->mode},
        {"popularity", &o->popularity},
        {"speechiness", &o->speechiness},
        {"tempo", &o->tempo},
        {"time_signature", &o->time_signature},
        {"valence", &o->valence},
    };
    for (size_t i = 0; i < SPOTC__COUNT(all); i++) {
        int rc2 = add_tunable(rc, all[i].name, all[i].t);
        if (rc2 < 0)
            return rc2;
    }
    return 0;
}

static int add_all(rec_call *rc, const spotc_recommendations_options *o)
{
    size_t n = o->seed_artist_count + o->seed_genre_count + o->seed_track_count;
    if (n == 0 || n > SEEDS_MAX)
        return spotc__error_set(rc->client, SPOTC_EINVALID,
                                "recommendations: %zu seeds given; 1 to %d artists, genres and "
                                "tracks in all",
                                n, SEEDS_MAX);
    if (o->limit < 0 || o->limit > 100)
        return spotc__error_set(rc->client, SPOTC_EINVALID,
                                "recommendations: limit %d not in 1-100", o->limit);
    int err =
        seeds(rc, 0, "seed_artists", o->seed_artists, o->seed_artist_count, SPOTC_TYPE_ARTIST);
    if (err == 0)
        err = seeds(rc, 1, "seed_genres", o->seed_genres, o->seed_genre_count, SPOTC_TYPE_ANY);
    if (err == 0)
        err = seeds(rc, 2, "seed_tracks", o->seed_tracks, o->seed_track_count, SPOTC_TYPE_TRACK);
    if (err == 0 && o->limit)
        spotc__params_add_int(&rc->p, "limit", o->limit);
    if (err == 0)
        spotc__params_add_market(&rc->p, rc->client, o->market);
    return err == 0 ? add_tunables(rc, o) : err;
}

int spotc_recommendations_get(spotc_recommendations **out, spotc_client *client,
                              const spotc_recommendations_options *opts)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    if (!opts || opts->version != SPOTC_RECOMMENDATIONS_OPTIONS_VERSION)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "recommendations: no options, or an unknown version");
    rec_call *rc = calloc(1, sizeof *rc);
    if (!rc)
        return spotc__typed_nomem(client);
    rc->client = client;
    int err = add_all(rc, opts);
    if (err == 0)
        err = spotc__typed_call((void **)out, client, "get-recommendations", &rc->p, NULL,
                                &recommendations_kind);
    for (size_t i = 0; i < 3; i++)
        free(rc->seeds[i]);
    free(rc);
    return err;
}
