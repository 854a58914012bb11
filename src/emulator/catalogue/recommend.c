/* Related artists and recommendations (see recommend.h). */
#include "recommend.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue_media.h"
#include "fixtures.h"
#include "fixtures_recommend.h"
#include "grow.h"
#include "rng.h"

static const struct {
    const char *name;
    double range; /* scale of the attribute, to weigh distances alike */
} tunables[EMU_TUNE_COUNT] = {
    [EMU_TUNE_ACOUSTICNESS] = {"acousticness", 1},
    [EMU_TUNE_DANCEABILITY] = {"danceability", 1},
    [EMU_TUNE_DURATION_MS] = {"duration_ms", 600000},
    [EMU_TUNE_ENERGY] = {"energy", 1},
    [EMU_TUNE_INSTRUMENTALNESS] = {"instrumentalness", 1},
    [EMU_TUNE_KEY] = {"key", 11},
    [EMU_TUNE_LIVENESS] = {"liveness", 1},
    [EMU_TUNE_LOUDNESS] = {"loudness", 60},
    [EMU_TUNE_MODE] = {"mode", 1},
    [EMU_TUNE_POPULARITY] = {"popularity", 100},
    [EMU_TUNE_SPEECHINESS] = {"speechiness", 1},
    [EMU_TUNE_TEMPO] = {"tempo", 250},
    [EMU_TUNE_TIME_SIGNATURE] = {"time_signature", 7},
    [EMU_TUNE_VALENCE] = {"valence", 1},
};

const char *emu_tunable_name(emu_tunable t)
{
    return (unsigned)t < EMU_TUNE_COUNT ? tunables[t].name : "";
}

static unsigned shared_genres(const emu_artist *a, const emu_artist *b)
{
    unsigned n = 0;
    for (unsigned i = 0; i < a->ngenres; i++)
        for (unsigned k = 0; k < b->ngenres; k++)
            n += a->genres[i] == b->genres[k];
    return n;
}

/* Keep the @p max best (score, index) pairs in out[], best first; returns the new count. */
static size_t top_insert(uint64_t *keys, size_t n, size_t max, uint64_t key)
{
    size_t pos = n < max ? n++ : max;
    while (pos > 0 && keys[pos - 1] < key) {
        if (pos < max)
            keys[pos] = keys[pos - 1];
        pos--;
    }
    if (pos < max)
        keys[pos] = key;
    return n;
}

/* Ties go to the lower index: it is stored inverted in the low bits. */
static uint64_t rank_key(unsigned score, size_t idx)
{
    return (uint64_t)score << 32 | (0xffffffffu - (uint32_t)idx);
}

static uint32_t key_index(uint64_t key)
{
    return 0xffffffffu - (uint32_t)key;
}

size_t emu_related_artists(const emu_catalogue *cat, size_t artist, uint32_t *out)
{
    const emu_artist *a = &cat->artists[artist];
    uint64_t keys[EMU_RELATED_MAX];
    size_t n = 0;
    for (size_t b = 0; b < cat->count[EMU_T_ARTIST]; b++) {
        if (b == artist)
            continue;
        const emu_artist *o = &cat->artists[b];
        unsigned shared = shared_genres(a, o);
        if (!shared)
            continue;
        unsigned near = 100u - (unsigned)abs((int)a->popularity - (int)o->popularity);
        n = top_insert(keys, n, EMU_RELATED_MAX, rank_key(shared * 1000u + near, b));
    }
    for (size_t i = 0; i < n; i++)
        out[i] = key_index(keys[i]);
    return n;
}

/* The most popular artists of the genres in @p genres (bit g = genre g). */
static size_t genre_artists(const emu_catalogue *cat, uint64_t genres, uint32_t *out)
{
    uint64_t keys[EMU_RELATED_MAX];
    size_t n = 0;
    for (size_t b = 0; genres && b < cat->count[EMU_T_ARTIST]; b++) {
        const emu_artist *o = &cat->artists[b];
        for (unsigned g = 0; g < o->ngenres; g++)
            if (o->genres[g] < 64 && (genres >> o->genres[g]) & 1) {
                n = top_insert(keys, n, EMU_RELATED_MAX, rank_key(o->popularity, b));
                break;
            }
    }
    for (size_t i = 0; i < n; i++)
        out[i] = key_index(keys[i]);
    return n;
}

static double attribute(const emu_catalogue *cat, size_t track, const emu_features *f,
                        emu_tunable t)
{
    switch (t) {
    case EMU_TUNE_ACOUSTICNESS:
        return f->acousticness;
    case EMU_TUNE_DANCEABILITY:
        return f->danceability;
    case EMU_TUNE_DURATION_MS:
        return cat->tracks[track].duration_ms;
    case EMU_TUNE_ENERGY:
        return f->energy;
    case EMU_TUNE_INSTRUMENTALNESS:
        return f->instrumentalness;
    case EMU_TUNE_KEY:
        return f->key;
    case EMU_TUNE_LIVENESS:
        return f->liveness;
    case EMU_TUNE_LOUDNESS:
        return f->loudness;
    case EMU_TUNE_MODE:
        return f->mode;
    case EMU_TUNE_POPULARITY:
        return cat->tracks[track].popularity;
    case EMU_TUNE_SPEECHINESS:
        return f->speechiness;
    case EMU_TUNE_TEMPO:
        return f->tempo;
    case EMU_TUNE_TIME_SIGNATURE:
        return f->time_signature;
    default:
        return f->valence;
    }
}

/* The tunable values of catalogue track @p track. */
static void track_values(const emu_catalogue *cat, size_t track, double x[EMU_TUNE_COUNT])
{
    emu_features f;
    emu_track_features(cat, track, &f);
    for (int t = 0; t < EMU_TUNE_COUNT; t++)
        x[t] = attribute(cat, track, &f, (emu_tunable)t);
}

/* -1 when a value fails a min/max bound, or is tuned but unknown (NAN), else the distance
 * to the targets. */
static double fit(const double x[EMU_TUNE_COUNT], const emu_tuning *tu)
{
    double d = 0;
    for (int t = 0; t < EMU_TUNE_COUNT; t++) {
        if (!tu->has_min[t] && !tu->has_max[t] && !tu->has_target[t])
            continue;
        if (isnan(x[t]) || (tu->has_min[t] && x[t] < tu->min[t]) ||
            (tu->has_max[t] && x[t] > tu->max[t]))
            return -1;
        if (tu->has_target[t])
            d += fabs(x[t] - tu->target[t]) / tunables[t].range;
    }
    return d;
}

/* A growable list of (rank, track) pairs. */
typedef struct pool {
    uint64_t *items;
    size_t n, cap;
} pool;

static int pool_add(pool *p, uint64_t v)
{
    if (emu_grow((void **)&p->items, &p->cap, p->n + 1, sizeof *p->items) < 0)
        return -1;
    p->items[p->n++] = v;
    return 0;
}

static int is_seed_track(const emu_seed *seeds, size_t nseeds, size_t track)
{
    for (size_t i = 0; i < nseeds; i++)
        if (seeds[i].kind == EMU_SEED_TRACK && seeds[i].idx == track)
            return 1;
    return 0;
}

/* The catalogue artists a seed draws from: a catalogue seed's own; for a fixture seed or a
 * genre only the fixtures list, those of the catalogue genres related to its profile. */
static size_t seed_artists(const emu_catalogue *cat, const emu_seed *s, const emu_fx_profile *p,
                           uint32_t *out)
{
    emu_type t = s->kind == EMU_SEED_ARTIST ? EMU_T_ARTIST : EMU_T_TRACK;
    if (s->kind == EMU_SEED_GENRE && s->idx != EMU_SEED_NO_GENRE)
        return genre_artists(cat, 1ULL << s->idx, out);
    if (s->kind == EMU_SEED_GENRE || s->idx >= cat->count[t])
        return genre_artists(cat, emu_fx_profile_genres(p), out);
    size_t a = s->kind == EMU_SEED_ARTIST ? s->idx : cat->albums[cat->tracks[s->idx].album].artist;
    out[0] = (uint32_t)a;
    return 1 + emu_related_artists(cat, a, out + 1);
}

/* Rank of a kept track: distance to the targets, or popularity with a stable shuffle. */
static uint64_t track_rank(const emu_catalogue *cat, size_t track, int popularity, double distance,
                           int targeted)
{
    uint64_t score;
    if (targeted) {
        /* A target far outside the catalogue's values (target_tempo=1e300) saturates: the
         * rank keeps 32 bits, and converting a larger double is undefined. */
        double d = distance * 1e6;
        score = d < 4294967295.0 ? (uint64_t)d : 4294967295u;
    } else {
        emu_rng r = emu_rng_for(cat->seed, 800, track);
        int pop = popularity < 0 ? 0 : popularity; /* a fixture's, as written */
        score = (uint64_t)(100 - (pop > 100 ? 100 : pop)) + emu_rng_below(&r, 40);
    }
    return score << 32 | track;
}

/* What one seed draws: its pool, the tunables and the market it is filtered by. */
typedef struct draw {
    const emu_view *v;
    const char *market; /**< for fixture tracks */
    const emu_seed *seeds;
    size_t nseeds;
    const emu_tuning *tu;
    int targeted;
    pool *kept;
} draw;

/* Count track @p idx (values @p x, available or not) in seed @p s's pool, and keep it when
 * it fits. */
static int consider(const draw *d, emu_seed *s, size_t idx, const double *x, int available)
{
    double dist;
    s->initial++;
    if (is_seed_track(d->seeds, d->nseeds, idx) || !available || (dist = fit(x, d->tu)) < 0)
        return 0;
    s->after_filtering++;
    return pool_add(
        d->kept, track_rank(d->v->ctx->cat, idx, (int)x[EMU_TUNE_POPULARITY], dist, d->targeted));
}

static int draw_catalogue(const draw *d, emu_seed *s, const emu_fx_profile *p)
{
    const emu_catalogue *cat = d->v->ctx->cat;
    uint32_t artists[EMU_RELATED_MAX + 1];
    size_t na = seed_artists(cat, s, p, artists);
    double x[EMU_TUNE_COUNT];
    for (size_t i = 0; i < na; i++) {
        const emu_artist *a = &cat->artists[artists[i]];
        for (size_t al = a->first_album; al < a->first_album + a->nalbums; al++) {
            const emu_album *alb = &cat->albums[al];
            int available = emu_album_available(d->v, al);
            for (size_t t = alb->first_track; t < alb->first_track + alb->ntracks; t++) {
                track_values(cat, t, x);
                if (consider(d, s, t, x, available) < 0)
                    return -1;
            }
        }
    }
    return 0;
}

/* The fixture tracks whose artists the seed names or whose genres relate to it. */
static int draw_fixtures(const draw *d, emu_seed *s, const emu_fx_profile *p)
{
    const emu_catalogue *cat = d->v->ctx->cat;
    const emu_fixtures *fx = cat->fixtures;
    double x[EMU_TUNE_COUNT];
    for (size_t i = 0; fx && i < fx->n[EMU_FX_TRACK]; i++) {
        const json_t *track = fx->items[EMU_FX_TRACK][i].obj;
        if (!emu_fx_profile_has(cat, p, track))
            continue;
        emu_fx_track_values(track, x);
        if (consider(d, s, cat->count[EMU_T_TRACK] + i, x,
                     emu_fx_track_in_market(track, d->market)) < 0)
            return -1;
    }
    return 0;
}

static int draw_seed(const draw *d, emu_seed *s)
{
    emu_fx_profile p;
    emu_fx_profile_of(d->v->ctx->cat, s, &p);
    s->initial = s->after_filtering = 0;
    return draw_catalogue(d, s, &p) < 0 || draw_fixtures(d, s, &p) < 0 ? -1 : 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

long emu_recommend(const emu_view *v, const char *market, emu_seed *seeds, size_t nseeds,
                   const emu_tuning *tuning, size_t limit, size_t *out)
{
    pool kept = {0};
    draw d = {v, market, seeds, nseeds, tuning, 0, &kept};
    for (int t = 0; t < EMU_TUNE_COUNT; t++)
        d.targeted |= tuning->has_target[t];
    for (size_t i = 0; i < nseeds; i++)
        if (draw_seed(&d, &seeds[i]) < 0) {
            free(kept.items);
            return -1;
        }
    if (kept.n)
        qsort(kept.items, kept.n, sizeof *kept.items, cmp_u64);
    size_t n = 0;
    for (size_t i = 0; i < kept.n && n < limit; i++) {
        size_t track = (uint32_t)kept.items[i];
        if (n == 0 || (uint32_t)kept.items[i - 1] != track) /* seeds may share artists */
            out[n++] = track;
    }
    free(kept.items);
    return (long)n;
}
