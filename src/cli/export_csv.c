/*
 * Exportify's CSV: its 19 columns in its order, one RFC 4180 row an item (CRLF line ends,
 * quotes where needed, a leading apostrophe on text cells that a spreadsheet would run as a
 * formula: list.c's cli_csv_cell). Several artists are joined with commas, as Exportify does.
 * An episode fills the album columns with its show; a null item is a row with an empty URI,
 * so that the row count is the playlist's length. Rows are read from each item's JSON text
 * (json_text.h): no tree is built for the 19 values a row needs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "json_text.h"
#include "list.h"

/* Everything the columns read, so that pages carry no more than the rows need (no
 * available_markets, no external_urls, no image sizes): the pages are a tenth of the full
 * objects' size. */
const char export_csv_fields[] =
    "total,next,offset,limit,items(added_at,added_by.id,is_local,"
    "item(uri,name,type,artists(uri,name),"
    "album(uri,name,artists(uri,name),release_date,images(url)),disc_number,track_number,"
    "duration_ms,preview_url,explicit,popularity,external_ids.isrc,release_date,images(url),"
    "show(uri,name,images(url))))";

static const char *const headers[] = {
    "Track URI",
    "Track Name",
    "Artist URI(s)",
    "Artist Name(s)",
    "Album URI",
    "Album Name",
    "Album Artist URI(s)",
    "Album Artist Name(s)",
    "Album Release Date",
    "Album Image URL",
    "Disc Number",
    "Track Number",
    "Track Duration (ms)",
    "Track Preview URL",
    "Explicit",
    "Popularity",
    "ISRC",
    "Added By",
    "Added At",
};
#define NCOLUMNS (sizeof headers / sizeof headers[0])

const json_t *export_item_object(const json_t *item)
{
    const json_t *o = json_object_get(item, "item");
    if (!json_is_object(o))
        o = json_object_get(item, "track");
    return json_is_object(o) ? o : NULL;
}

/* A row being written: the first failure (a write, or memory) sticks. */
typedef struct row {
    FILE *out;
    int err;
} row;

/* Most cells need neither quotes nor the formula guard: written as they are, without the
 * copy cli_csv_cell() makes. */
static int plain(const char *s, int text_cell)
{
    return !(text_cell && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) &&
           !strpbrk(s, ",\"\r\n");
}

static void cell(row *r, const char *text, int text_cell, int last)
{
    if (r->err)
        return;
    text = text ? text : "";
    char *quoted = plain(text, text_cell) ? NULL : cli_csv_cell(text, text_cell);
    if (!plain(text, text_cell) && !quoted)
        r->err = 1;
    else if (fputs(quoted ? quoted : text, r->out) < 0 || fputs(last ? "\r\n" : ",", r->out) < 0)
        r->err = 1;
    free(quoted);
}

int export_csv_header(FILE *out)
{
    row r = {out, 0};
    for (size_t i = 0; i < NCOLUMNS; i++)
        cell(&r, headers[i], 1, i + 1 == NCOLUMNS);
    return r.err ? -1 : 0;
}

/* A cell of a value: a string (text_cell) or a scalar; "" for anything else. */
static void value_cell(row *r, spotc_json_text v, int text_cell, int last)
{
    char *s = NULL;
    int rc = text_cell ? jtext_string(v, &s) : jtext_scalar(v, &s);
    if (rc < 0)
        r->err = 1;
    cell(r, s, text_cell, last);
    free(s);
}

static spotc_json_text get(const jtext_object *o, const char *key)
{
    return jtext_field(o, key);
}

/* The `key` of each object of an array, comma-joined (malloc'd), or NULL when out of memory. */
static char *joined(spotc_json_text array, const char *key)
{
    size_t at = 0, len = 0;
    spotc_json_text v;
    char *all = calloc(1, 1);
    while (all && jtext_next(array, &at, &v)) {
        char *s = NULL;
        if (jtext_string(jtext_get(v, key), &s) < 0) {
            free(all);
            return NULL;
        }
        size_t n = s ? strlen(s) : 0;
        char *more = realloc(all, len + n + 2);
        if (more) {
            if (len)
                more[len++] = ',';
            memcpy(more + len, s ? s : "", n + 1);
            len += n;
        } else {
            free(all);
        }
        all = more;
        free(s);
    }
    return all;
}

static void joined_cells(row *r, spotc_json_text array)
{
    static const char *const keys[] = {"uri", "name"};
    for (int k = 0; k < 2; k++) {
        char *s = joined(array, keys[k]);
        if (!s)
            r->err = 1;
        cell(r, s, 1, 0);
        free(s);
    }
}

/* The first image's URL, or an absent text. */
static spotc_json_text first_image(const jtext_object *o)
{
    size_t at = 0;
    spotc_json_text image = {NULL, 0};
    jtext_next(get(o, "images"), &at, &image);
    spotc_json_text url = jtext_get(image, "url");
    return url.len && url.p[0] == '"' ? url : (spotc_json_text){NULL, 0};
}

/* The album columns (URI, name, artists, date, image): the album, or an episode's show. */
static void album_cells(row *r, const jtext_object *track)
{
    jtext_object o;
    jtext_index(&o, get(track, "album"));
    if (jtext_is_object(o.text)) {
        value_cell(r, get(&o, "uri"), 1, 0);
        value_cell(r, get(&o, "name"), 1, 0);
        joined_cells(r, get(&o, "artists"));
        value_cell(r, get(&o, "release_date"), 1, 0);
        value_cell(r, first_image(&o), 1, 0);
        return;
    }
    jtext_index(&o, get(track, "show"));
    spotc_json_text image = first_image(&o);
    value_cell(r, get(&o, "uri"), 1, 0);
    value_cell(r, get(&o, "name"), 1, 0);
    cell(r, "", 1, 0);
    cell(r, "", 1, 0);
    value_cell(r, get(track, "release_date"), 1, 0);
    value_cell(r, image.len ? image : first_image(track), 1, 0);
}

/* "spotify:user:ID" of the item's adder, or "" (malloc'd); NULL when out of memory. */
static char *added_by(const jtext_object *item)
{
    char *id = NULL;
    if (jtext_string(jtext_get(get(item, "added_by"), "id"), &id) < 0)
        return NULL;
    size_t n = id ? strlen(id) : 0;
    char *s = malloc(n + sizeof "spotify:user:");
    if (s)
        snprintf(s, n + sizeof "spotify:user:", "%s%s", n ? "spotify:user:" : "", n ? id : "");
    free(id);
    return s;
}

int export_csv_row(FILE *out, spotc_json_text text)
{
    row r = {out, 0};
    jtext_object item, t;
    jtext_index(&item, text);
    spotc_json_text track = get(&item, "item");
    jtext_index(&t, jtext_is_object(track) ? track : get(&item, "track"));
    value_cell(&r, get(&t, "uri"), 1, 0);
    value_cell(&r, get(&t, "name"), 1, 0);
    joined_cells(&r, get(&t, "artists"));
    album_cells(&r, &t);
    static const char *const numbers[] = {"disc_number", "track_number", "duration_ms"};
    for (size_t i = 0; i < 3; i++)
        value_cell(&r, get(&t, numbers[i]), 0, 0);
    value_cell(&r, get(&t, "preview_url"), 1, 0);
    value_cell(&r, get(&t, "explicit"), 0, 0);
    value_cell(&r, get(&t, "popularity"), 0, 0);
    value_cell(&r, jtext_get(get(&t, "external_ids"), "isrc"), 1, 0);
    char *by = added_by(&item);
    if (!by)
        r.err = 1;
    cell(&r, by, 1, 0);
    free(by);
    value_cell(&r, get(&item, "added_at"), 1, 1);
    return r.err ? -1 : 0;
}
