/*
 * Models to table rows. Numbers that Spotify left out (-1 in the models) are
 * empty cells rather than "-1".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "render.h"

#define NUMBER_LEN 24
#define MACHINE 0x100 /* in a renderer's layout: not a table (durations in ms) */

/* Join n strings taken by `get` with ", ". @return malloc'd, or NULL when out of memory. */
static char *join(const void *items, size_t n, size_t stride, const char *(*get)(const void *))
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++) {
        const char *s = get((const char *)items + i * stride);
        len += (s ? strlen(s) : 0) + 2;
    }
    char *out = malloc(len), *o = out;
    if (!out)
        return NULL;
    *o = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *s = get((const char *)items + i * stride);
        o += sprintf(o, "%s%s", i ? ", " : "", s ? s : "");
    }
    return out;
}

static const char *artist_name(const void *a)
{
    return ((const spotc_artist *)a)->name;
}

static const char *string_at(const void *s)
{
    return *(const char *const *)s;
}

static char *artist_names(const spotc_artist *artists, size_t n)
{
    return join(artists, n, sizeof(*artists), artist_name);
}

static void format_int(char *buf, int v)
{
    if (v < 0)
        buf[0] = '\0';
    else
        snprintf(buf, NUMBER_LEN, "%d", v);
}

/* Durations are m:ss in a table and milliseconds in the machine formats. */
static void format_duration(char *buf, int ms, int machine)
{
    if (ms < 0 || machine) {
        format_int(buf, ms);
        return;
    }
    int s = ms / 1000;
    if (s >= 3600)
        snprintf(buf, NUMBER_LEN, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, NUMBER_LEN, "%d:%02d", s / 60, s % 60);
}

/* Print and free a table; the common tail of every renderer. */
static int finish(cli_table *t, int add_failed, const cli_ctx *ctx, const char *tsv_prefix)
{
    int rc = add_failed || cli_table_print(t, ctx, tsv_prefix) != 0;
    cli_table_free(t);
    if (rc) {
        cli_errorf("out of memory");
        return CLI_EXIT_ERROR;
    }
    return 0;
}

/* Add one item as a row; `layout` is for renderers with more than one. */
typedef int (*add_row_fn)(cli_table *t, const void *item, int layout);

/* Build a table of the non-NULL items, print and free it. */
static int render(const cli_ctx *ctx, const cli_column *columns, size_t ncolumns,
                  const void *const *items, size_t n, add_row_fn add, int layout,
                  const char *tsv_prefix)
{
    cli_table *t = cli_table_new(columns, ncolumns);
    int failed = !t;
    for (size_t i = 0; i < n && !failed; i++)
        failed = items[i] && add(t, items[i], layout) != 0;
    return finish(t, failed, ctx, tsv_prefix);
}

static const cli_column track_columns[] = {
    {"ID", 0},
    {"NAME", CLI_COL_FLEX},
    {"ARTISTS", CLI_COL_FLEX},
    {"ALBUM", CLI_COL_FLEX},
    {"DURATION", CLI_COL_RIGHT},
};
static const cli_column album_track_columns[] = {
    {"ID", 0},
    {"#", CLI_COL_RIGHT},
    {"NAME", CLI_COL_FLEX},
    {"ARTISTS", CLI_COL_FLEX},
    {"DURATION", CLI_COL_RIGHT},
};

static int add_track(cli_table *t, const void *item, int layout)
{
    const spotc_track *tr = item;
    char duration[NUMBER_LEN], number[NUMBER_LEN];
    char *artists = artist_names(tr->artists, tr->artist_count);
    if (!artists)
        return -1;
    format_duration(duration, tr->duration_ms, layout & MACHINE);
    format_int(number, tr->track_number);
    const char *album = tr->album ? tr->album->name : NULL;
    const char *with_album[] = {tr->id, tr->name, artists, album, duration};
    const char *of_album[] = {tr->id, number, tr->name, artists, duration};
    int rc = cli_table_add(t, (layout & ~MACHINE) == CLI_TRACKS_OF_ALBUM ? of_album : with_album);
    free(artists);
    return rc;
}

int cli_render_tracks(const cli_ctx *ctx, spotc_track *const *items, size_t n,
                      cli_track_layout layout, const char *tsv_prefix)
{
    const cli_column *columns = layout == CLI_TRACKS_OF_ALBUM ? album_track_columns : track_columns;
    int machine = ctx->format == CLI_FORMAT_TABLE ? 0 : MACHINE;
    return render(ctx, columns, 5, (const void *const *)items, n, add_track, (int)layout | machine,
                  tsv_prefix);
}

static const cli_column album_columns[] = {
    {"ID", 0},   {"NAME", CLI_COL_FLEX}, {"ARTISTS", CLI_COL_FLEX},
    {"TYPE", 0}, {"RELEASED", 0},        {"TRACKS", CLI_COL_RIGHT},
};

static int add_album(cli_table *t, const void *item, int layout)
{
    const spotc_album *al = item;
    char tracks[NUMBER_LEN];
    char *artists = artist_names(al->artists, al->artist_count);
    if (!artists)
        return -1;
    format_int(tracks, al->total_tracks);
    const char *row[] = {al->id, al->name, artists, al->album_type, al->release_date, tracks};
    int rc = cli_table_add(t, row);
    free(artists);
    return rc;
}

int cli_render_albums(const cli_ctx *ctx, spotc_album *const *items, size_t n,
                      const char *tsv_prefix)
{
    return render(ctx, album_columns, 6, (const void *const *)items, n, add_album, 0, tsv_prefix);
}

static const cli_column artist_columns[] = {
    {"ID", 0},
    {"NAME", CLI_COL_FLEX},
    {"GENRES", CLI_COL_FLEX},
    {"FOLLOWERS", CLI_COL_RIGHT},
    {"POPULARITY", CLI_COL_RIGHT},
};

static int add_artist(cli_table *t, const void *item, int layout)
{
    const spotc_artist *ar = item;
    char followers[NUMBER_LEN], popularity[NUMBER_LEN];
    char *genres = join(ar->genres, ar->genre_count, sizeof(*ar->genres), string_at);
    if (!genres)
        return -1;
    format_int(followers, ar->followers);
    format_int(popularity, ar->popularity);
    const char *row[] = {ar->id, ar->name, genres, followers, popularity};
    int rc = cli_table_add(t, row);
    free(genres);
    return rc;
}

int cli_render_artists(const cli_ctx *ctx, spotc_artist *const *items, size_t n,
                       const char *tsv_prefix)
{
    return render(ctx, artist_columns, 5, (const void *const *)items, n, add_artist, 0, tsv_prefix);
}

/* The detail column of the types the models leave as JSON. */
static const char *json_detail_header(spotc_item_type type)
{
    switch (type) {
    case SPOTC_TYPE_PLAYLIST:
        return "OWNER";
    case SPOTC_TYPE_EPISODE:
        return "RELEASED";
    case SPOTC_TYPE_AUDIOBOOK:
        return "AUTHORS";
    default:
        return "PUBLISHER";
    }
}

/* The elements of a JSON array (none when it is not one) as a malloc'd list. */
static const json_t **json_items(const json_t *array, size_t *n)
{
    *n = json_array_size(array);
    const json_t **list = calloc(*n ? *n : 1, sizeof(*list));
    for (size_t i = 0; list && i < *n; i++)
        list[i] = json_array_get(array, i);
    return list;
}

static const char *json_str(const json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

static const char *author_name(const void *item)
{
    return json_str(*(const json_t *const *)item, "name");
}

static char *json_detail(const json_t *item, spotc_item_type type);

static int add_json_item(cli_table *t, const void *item, int type)
{
    if (!json_is_object((const json_t *)item))
        return 0; /* Spotify sends null items in some search results */
    char *detail = json_detail(item, (spotc_item_type)type);
    const char *row[] = {json_str(item, "id"), json_str(item, "name"), detail};
    int rc = detail ? cli_table_add(t, row) : -1;
    free(detail);
    return rc;
}

static char *json_detail(const json_t *item, spotc_item_type type)
{
    const char *s = NULL;
    if (type == SPOTC_TYPE_AUDIOBOOK) {
        size_t n;
        const json_t **list = json_items(json_object_get(item, "authors"), &n);
        if (!list)
            return NULL;
        char *names = join(list, n, sizeof(*list), author_name);
        free(list);
        return names;
    }
    if (type == SPOTC_TYPE_PLAYLIST)
        s = json_str(json_object_get(item, "owner"), "display_name");
    else if (type == SPOTC_TYPE_EPISODE)
        s = json_str(item, "release_date");
    else
        s = json_str(item, "publisher");
    return strdup(s ? s : "");
}

int cli_render_json_page(const cli_ctx *ctx, const json_t *page, spotc_item_type type,
                         const char *tsv_prefix)
{
    const cli_column columns[] = {
        {"ID", 0}, {"NAME", CLI_COL_FLEX}, {json_detail_header(type), CLI_COL_FLEX}};
    size_t n;
    const json_t **list = json_items(json_object_get(page, "items"), &n);
    if (!list)
        return finish(NULL, 1, ctx, NULL);
    int rc =
        render(ctx, columns, 3, (const void *const *)list, n, add_json_item, (int)type, tsv_prefix);
    free(list);
    return rc;
}
