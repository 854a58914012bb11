/*
 * spotc recommendations --seed-artists|--seed-tracks|--seed-genres LIST [--target|--min|--max
 * NAME=VALUE,...] [--limit N] | --genres: tracks like the seeds (extended-quota apps only).
 * Seeds and tunables are checked here, before anything is sent.
 */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "extended.h"
#include "render.h"
#include "stream.h"
#include "typed_list.h"

enum { OPT_ARTISTS, OPT_TRACKS, OPT_GENRES, OPT_TARGET, OPT_MIN, OPT_MAX, OPT_LIMIT, OPT_LIST };

/** Spotify's limit on seeds, artists, tracks and genres together. */
#define MAX_SEEDS 5

static const cli_option options[] = {
    {"seed-artists", "ID,...", "artists to start from (IDs, URIs or links)"},
    {"seed-tracks", "ID,...", "tracks to start from (IDs, URIs or links)"},
    {"seed-genres", "GENRE,...", "genres to start from (see --genres)"},
    {"target", "NAME=VALUE,...", "aim for these values (energy=0.8,tempo=120)"},
    {"min", "NAME=VALUE,...", "no track below these values"},
    {"max", "NAME=VALUE,...", "no track above these values"},
    {"limit", "N", "how many tracks, 1 to 100 (default 20)"},
    {"genres", NULL, "list the genres --seed-genres takes"},
    {NULL, NULL, NULL},
};

/* ------------------------------------------------------------ seeds */

typedef struct seed_list {
    const char *v[MAX_SEEDS]; /* the seeds: bare IDs (in ids) or genres (in the text) */
    spotc_id ids[MAX_SEEDS];
    size_t n; /* how many were given, also past MAX_SEEDS */
} seed_list;

/* Split a comma-separated option value in place (`text` is the caller's copy). */
static void split(char *text, seed_list *out)
{
    char *save = NULL;
    for (char *w = strtok_r(text, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        w += strspn(w, " ");
        if (*w && out->n < MAX_SEEDS)
            out->v[out->n] = w;
        out->n += *w != '\0';
    }
}

static int parse_ids(seed_list *l, spotc_item_type type)
{
    for (size_t i = 0; i < l->n; i++) {
        int rc = cli_parse_id(&l->ids[i], l->v[i], type);
        if (rc)
            return rc;
        l->v[i] = l->ids[i].id;
    }
    return 0;
}

typedef struct seeds {
    char *text[3]; /* copies of the three options' values, split in place */
    seed_list artists, tracks, genres;
} seeds;

static int parse_seeds(const cli_ctx *ctx, const cli_args *args, seeds *s)
{
    seed_list *lists[3] = {&s->artists, &s->tracks, &s->genres};
    for (int i = 0; i < 3; i++) {
        const char *value = args->opt[OPT_ARTISTS + i];
        if (value && !(s->text[i] = strdup(value))) {
            cli_errorf("out of memory");
            return CLI_EXIT_ERROR;
        }
        if (value)
            split(s->text[i], lists[i]);
    }
    size_t total = s->artists.n + s->tracks.n + s->genres.n;
    if (total == 0)
        return cli_usage_error(ctx, "recommendations needs at least one seed: --seed-artists,"
                                    " --seed-tracks or --seed-genres");
    if (total > MAX_SEEDS)
        return cli_usage_error(ctx,
                               "recommendations takes at most %d seeds in all (artists, tracks"
                               " and genres together); %zu were given",
                               MAX_SEEDS, total);
    int rc = parse_ids(&s->artists, SPOTC_TYPE_ARTIST);
    return rc ? rc : parse_ids(&s->tracks, SPOTC_TYPE_TRACK);
}

static void seeds_free(seeds *s)
{
    for (int i = 0; i < 3; i++)
        free(s->text[i]);
}

/* ------------------------------------------------------------ tunables */

#define TUNABLE(f)                                                                                 \
    {                                                                                              \
#f, offsetof(spotc_recommendations_options, f)                                             \
    }
static const struct {
    const char *name;
    size_t offset;
} tunables[] = {
    TUNABLE(acousticness),   TUNABLE(danceability),     TUNABLE(duration_ms),
    TUNABLE(energy),         TUNABLE(instrumentalness), TUNABLE(key),
    TUNABLE(liveness),       TUNABLE(loudness),         TUNABLE(mode),
    TUNABLE(popularity),     TUNABLE(speechiness),      TUNABLE(tempo),
    TUNABLE(time_signature), TUNABLE(valence),
};
#define NTUNABLES (sizeof tunables / sizeof tunables[0])

static spotc_tunable *find_tunable(const cli_ctx *ctx, spotc_recommendations_options *o,
                                   const char *name)
{
    const char *names[NTUNABLES];
    for (size_t i = 0; i < NTUNABLES; i++) {
        if (strcmp(tunables[i].name, name) == 0)
            return (spotc_tunable *)((char *)o + tunables[i].offset);
        names[i] = tunables[i].name;
    }
    const char *close = cli_suggest(name, names, NTUNABLES);
    if (close)
        cli_usage_error(ctx, "unknown attribute '%s'; did you mean '%s'?", name, close);
    else
        cli_usage_error(ctx,
                        "unknown attribute '%s' (one of: acousticness danceability"
                        " duration_ms energy instrumentalness key liveness loudness mode"
                        " popularity speechiness tempo time_signature valence)",
                        name);
    return NULL;
}

/* One NAME=VALUE of --min (0), --max (1) or --target (2). */
static int set_tunable(const cli_ctx *ctx, spotc_recommendations_options *o, char *pair, int which)
{
    static const char *const option[] = {"--min", "--max", "--target"};
    char *eq = strchr(pair, '='), *end = NULL;
    if (!eq)
        return cli_usage_error(ctx, "%s wants NAME=VALUE, not '%s'", option[which], pair);
    *eq = '\0';
    spotc_tunable *t = find_tunable(ctx, o, pair);
    if (!t)
        return CLI_EXIT_USAGE;
    errno = 0;
    double v = strtod(eq + 1, &end);
    if (errno || end == eq + 1 || *end || !isfinite(v))
        return cli_usage_error(ctx, "%s %s= wants a number, not '%s'", option[which], pair, eq + 1);
    double *value[] = {&t->min, &t->max, &t->target};
    int *has[] = {&t->has_min, &t->has_max, &t->has_target};
    *value[which] = v;
    *has[which] = 1;
    return 0;
}

static int parse_tunables(const cli_ctx *ctx, const cli_args *args,
                          spotc_recommendations_options *o)
{
    static const int option[] = {OPT_MIN, OPT_MAX, OPT_TARGET};
    int rc = 0;
    for (int which = 0; which < 3 && rc == 0; which++) {
        const char *value = args->opt[option[which]];
        char *copy = value ? strdup(value) : NULL, *save = NULL;
        if (value && !copy) {
            cli_errorf("out of memory");
            return CLI_EXIT_ERROR;
        }
        for (char *p = copy ? strtok_r(copy, ",", &save) : NULL; p && rc == 0;
             p = strtok_r(NULL, ",", &save))
            rc = set_tunable(ctx, o, p + strspn(p, " "), which);
        free(copy);
    }
    return rc;
}

/* ------------------------------------------------------------ the command */

/* Deprecated by Spotify; this command is for the apps that still have them. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static int list_genres(cli_ctx *ctx, int max)
{
    spotc_client *client;
    spotc_genres *g = NULL;
    int rc = cli_extended_client(ctx, "get-recommendation-genres", &client);
    if (rc)
        return rc;
    if ((rc = spotc_recommendations_list_genres(&g, client)) < 0)
        return cli_fail(ctx, rc);
    rc = cli_list_strings(ctx, "GENRE", "genre", g->genres, g->count, max);
    spotc_genres_free(g);
    return rc;
}

static int recommend(cli_ctx *ctx, const spotc_recommendations_options *o)
{
    spotc_client *client;
    spotc_recommendations *r = NULL;
    int rc = cli_extended_client(ctx, "get-recommendations", &client);
    if (rc)
        return rc;
    if ((rc = spotc_recommendations_get(&r, client, o)) < 0)
        return cli_fail(ctx, rc);
    cli_list *list = NULL;
    rc = cli_list_begin(ctx, cli_track_columns.columns, cli_track_columns.count, &list);
    for (size_t i = 0; rc == 0 && i < r->track_count; i++)
        if (r->tracks[i])
            rc = cli_list_item(list, r->tracks[i]->json);
    rc = cli_list_end(list, rc);
    spotc_recommendations_free(r);
    return rc;
}

#pragma GCC diagnostic pop

static int run(cli_ctx *ctx, const cli_args *args)
{
    int limit = 0;
    int rc = args->opt[OPT_LIMIT]
                 ? cli_parse_int(ctx, "--limit", args->opt[OPT_LIMIT], 1, 100, &limit)
                 : 0;
    if (rc == 0 && args->opt[OPT_LIST]) {
        for (int i = OPT_ARTISTS; i <= OPT_MAX; i++)
            if (args->opt[i])
                return cli_usage_error(ctx,
                                       "--genres lists the genre seeds: it takes no"
                                       " --%s",
                                       options[i].name);
        return list_genres(ctx, limit);
    }
    seeds s = {0};
    spotc_recommendations_options o = SPOTC_RECOMMENDATIONS_OPTIONS_INIT;
    if (rc == 0)
        rc = parse_seeds(ctx, args, &s);
    if (rc == 0)
        rc = parse_tunables(ctx, args, &o);
    if (rc == 0) {
        o.limit = limit;
        o.seed_artists = s.artists.v;
        o.seed_artist_count = s.artists.n;
        o.seed_tracks = s.tracks.v;
        o.seed_track_count = s.tracks.n;
        o.seed_genres = s.genres.v;
        o.seed_genre_count = s.genres.n;
        rc = recommend(ctx, &o);
    }
    seeds_free(&s);
    return rc;
}

const cli_command cli_cmd_recommendations = {
    .name = "recommendations",
    .summary = "tracks like the seeds given (extended-quota apps)",
    .usage = "recommendations --seed-artists|--seed-tracks|--seed-genres LIST... "
             "[--target|--min|--max NAME=VALUE,...] [--limit N] | --genres",
    .description =
        "Lists tracks that Spotify recommends from 1 to 5 seeds in all: artists and tracks\n"
        "(IDs, URIs or links) and genres (--genres lists them), each option a comma-separated\n"
        "list or repeated. --target, --min and --max tune the choice by audio attribute,\n"
        "NAME=VALUE pairs (repeated, or separated by commas): acousticness, danceability,\n"
        "energy, instrumentalness, liveness, speechiness, valence (0 to 1), duration_ms,\n"
        "key, loudness, mode, popularity, tempo, time_signature. The market is --market's\n"
        "(or the user's country).\n"
        "Spotify serves this to extended-quota apps only: a development-mode app is refused.",
    .options = options,
    .min_args = 0,
    .max_args = 0,
    .run = run,
    .examples =
        "spotc recommendations --genres\n"
        "spotc recommendations --seed-genres dream-pop --seed-artists ID --limit 10\n"
        "spotc recommendations --seed-tracks ID1,ID2 --target energy=0.8 --target tempo=120\n"
        "spotc recommendations --seed-artists ID --min popularity=50 --max loudness=-5",
};
