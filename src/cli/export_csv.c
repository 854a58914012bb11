/*
 * Exportify's CSV: its 19 columns in its order, one RFC 4180 row an item (CRLF line ends,
 * quotes where needed, a leading apostrophe on text cells that a spreadsheet would run as a
 * formula: list.c's cli_csv_cell). Several artists are joined with commas, as Exportify does.
 * An episode fills the album columns with its show; a null item is a row with an empty URI,
 * so that the row count is the playlist's length.
 */
#include <stdlib.h>
#include <string.h>

#include "export.h"
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
    "Track URI",          "Track Name",          "Artist URI(s)",         "Artist Name(s)",
    "Album URI",          "Album Name",          "Album Artist URI(s)",   "Album Artist Name(s)",
    "Album Release Date", "Album Image URL",     "Disc Number",           "Track Number",
    "Track Duration (ms)", "Track Preview URL",  "Explicit",              "Popularity",
    "ISRC",               "Added By",            "Added At",
};
#define NCOLUMNS (sizeof headers / sizeof headers[0])

const json_t *export_item_object(const json_t *item)
{
    const json_t *o = json_object_get(item, "item");
    if (!json_is_object(o))
        o = json_object_get(item, "track");
    return json_is_object(o) ? o : NULL;
}

static int cell(FILE *out, const char *text, int text_cell, int last)
{
    char *c = cli_csv_cell(text ? text : "", text_cell);
    if (!c)
        return -1;
    int rc = fputs(c, out) < 0 || fputs(last ? "\r\n" : ",", out) < 0 ? -1 : 0;
    free(c);
    return rc;
}

int export_csv_header(FILE *out)
{
    for (size_t i = 0; i < NCOLUMNS; i++)
        if (cell(out, headers[i], 1, i + 1 == NCOLUMNS) < 0)
            return -1;
    return 0;
}

static const char *str(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* A scalar as text: strings as they are, numbers in decimal, booleans as true/false. */
static void scalar(const json_t *v, char *buf, size_t len)
{
    buf[0] = 0;
    if (json_is_string(v))
        snprintf(buf, len, "%s", json_string_value(v));
    else if (json_is_integer(v))
        snprintf(buf, len, "%lld", (long long)json_integer_value(v));
    else if (json_is_boolean(v))
        snprintf(buf, len, "%s", json_is_true(v) ? "true" : "false");
}

/* The `key` of each object of an array, comma-joined (malloc'd). */
static char *joined(const json_t *array, const char *key)
{
    size_t len = 1, i;
    const json_t *v;
    json_array_foreach(array, i, v) len += strlen(str(v, key) ? str(v, key) : "") + 1;
    char *s = calloc(1, len);
    if (!s)
        return NULL;
    json_array_foreach(array, i, v)
    {
        if (i)
            strcat(s, ",");
        strcat(s, str(v, key) ? str(v, key) : "");
    }
    return s;
}

static int joined_cells(FILE *out, const json_t *array)
{
    int rc = 0;
    const char *keys[] = {"uri", "name"};
    for (int k = 0; k < 2 && rc == 0; k++) {
        char *s = joined(array, keys[k]);
        rc = s ? cell(out, s, 1, 0) : -1;
        free(s);
    }
    return rc;
}

static const char *first_image(const json_t *o)
{
    return str(json_array_get(json_object_get(o, "images"), 0), "url");
}

/* The album columns (URI, name, artists, date, image): the album, or an episode's show. */
static int album_cells(FILE *out, const json_t *track)
{
    const json_t *album = json_object_get(track, "album");
    const json_t *show = json_object_get(track, "show");
    int rc;
    if (json_is_object(album)) {
        rc = cell(out, str(album, "uri"), 1, 0) || cell(out, str(album, "name"), 1, 0) ||
             joined_cells(out, json_object_get(album, "artists")) ||
             cell(out, str(album, "release_date"), 1, 0) || cell(out, first_image(album), 1, 0);
    } else {
        rc = cell(out, str(show, "uri"), 1, 0) || cell(out, str(show, "name"), 1, 0) ||
             cell(out, "", 1, 0) || cell(out, "", 1, 0) ||
             cell(out, str(track, "release_date"), 1, 0) ||
             cell(out, first_image(show) ? first_image(show) : first_image(track), 1, 0);
    }
    return rc ? -1 : 0;
}

static int number_cell(FILE *out, const json_t *v)
{
    char buf[64];
    scalar(v, buf, sizeof buf);
    return cell(out, buf, 0, 0);
}

int export_csv_row(FILE *out, const json_t *item)
{
    const json_t *t = export_item_object(item);
    char added_by[160] = "";
    const char *by = str(json_object_get(item, "added_by"), "id");
    if (by && *by)
        snprintf(added_by, sizeof added_by, "spotify:user:%s", by);
    if (cell(out, str(t, "uri"), 1, 0) || cell(out, str(t, "name"), 1, 0) ||
        joined_cells(out, json_object_get(t, "artists")) || album_cells(out, t))
        return -1;
    static const char *const numbers[] = {"disc_number", "track_number", "duration_ms"};
    for (size_t i = 0; i < 3; i++)
        if (number_cell(out, json_object_get(t, numbers[i])))
            return -1;
    if (cell(out, str(t, "preview_url"), 1, 0) || number_cell(out, json_object_get(t, "explicit")) ||
        number_cell(out, json_object_get(t, "popularity")) ||
        cell(out, str(json_object_get(t, "external_ids"), "isrc"), 1, 0) ||
        cell(out, added_by, 1, 0) || cell(out, str(item, "added_at"), 1, 1))
        return -1;
    return 0;
}
