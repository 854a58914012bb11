/*
 * What `playlist import` adds, read from an export: spotc's JSON document ({"playlist",
 * "items"}), a bare JSON array of playlist items, or any CSV with a "Track URI" column
 * (Exportify's, a spreadsheet's). The URIs are held (a few hundred KB for 10,000 items);
 * the rest of each item is not.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"

int import_uri_addable(const char *uri)
{
    spotc_id id;
    if (!uri || strncmp(uri, "spotify:", 8) != 0 ||
        spotc_id_parse(&id, uri, SPOTC_TYPE_ANY, NULL, 0) != 0)
        return 0;
    return id.type == SPOTC_TYPE_TRACK || id.type == SPOTC_TYPE_EPISODE;
}

void import_source_free(import_source *src)
{
    for (size_t i = 0; i < src->count; i++)
        free(src->uris[i]);
    free(src->uris);
    free(src->name);
    free(src->description);
    memset(src, 0, sizeof *src);
}

/* Add one item's URI, or report why it is skipped. `where` names it ("line 7", "item 3"). */
static int take(import_source *src, const char *path, const char *where, const char *uri)
{
    if (src->keep_all && !uri)
        uri = "";
    else if (!src->keep_all && !import_uri_addable(uri)) {
        const char *why = !uri || !*uri                          ? "no track or episode"
                          : strncmp(uri, "spotify:local:", 14) == 0 ? "a local file"
                                                                     : "not a track or episode URI";
        fprintf(stderr, "spotc: %s: %s: %s%s%s, skipped\n", path, where, why, uri && *uri ? ": " : "",
                uri ? uri : "");
        src->skipped++;
        return 0;
    }
    return import_source_add(src, uri);
}

int import_source_add(import_source *src, const char *uri)
{
    if ((src->count & (src->count - 1)) == 0) { /* grow at powers of two */
        char **u = realloc(src->uris, (src->count ? src->count * 2 : 1) * sizeof *u);
        if (!u)
            return -1;
        src->uris = u;
    }
    if (!(src->uris[src->count] = strdup(uri)))
        return -1;
    src->count++;
    for (const char *p = uri; *p; p++) /* djb2 over the list, with a separator */
        src->hash = src->hash * 33 + (unsigned char)*p;
    src->hash = src->hash * 33 + ',';
    return 0;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

int import_source_items(import_source *src, const char *path, const json_t *meta,
                        const json_t *items)
{
    src->name = dup_or_null(json_string_value(json_object_get(meta, "name")));
    src->description = dup_or_null(json_string_value(json_object_get(meta, "description")));
    json_t *pub = json_object_get(meta, "public");
    src->is_public = json_is_boolean(pub) ? json_is_true(pub) : -1;
    size_t i;
    const json_t *item;
    int rc = 0;
    json_array_foreach(items, i, item)
    {
        char where[48];
        snprintf(where, sizeof where, "item %zu", i + 1);
        const json_t *o = export_item_object(item);
        if (rc == 0 && take(src, path, where, json_string_value(json_object_get(o, "uri"))) < 0)
            rc = CLI_EXIT_ERROR;
    }
    return rc;
}

static int read_json(FILE *f, const char *path, import_source *src)
{
    json_error_t err;
    json_t *doc = json_loadf(f, 0, &err);
    if (!doc) {
        cli_errorf("%s:%d: not JSON: %s", path, err.line, err.text);
        return CLI_EXIT_USAGE;
    }
    json_t *meta = json_object_get(doc, "playlist");
    json_t *items = json_is_array(doc) ? doc : json_object_get(doc, "items");
    if (!json_is_array(items)) {
        json_decref(doc);
        cli_errorf("%s: neither an export ({\"playlist\", \"items\"}) nor an array of items", path);
        return CLI_EXIT_USAGE;
    }
    int rc = import_source_items(src, path, meta, items);
    json_decref(doc);
    return rc;
}

static int uri_column(const char *const *fields, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(fields[i], "Track URI") == 0)
            return i;
    return -1;
}

static int read_csv(FILE *f, const char *path, import_source *src)
{
    csv_reader *r = csv_reader_new(f);
    const char *const *fields;
    int n = r ? csv_reader_next(r, &fields) : -1, col = n > 0 ? uri_column(fields, n) : -1;
    int rc = 0;
    if (col < 0) {
        cli_errorf("%s: no \"Track URI\" column in the first line", path);
        rc = CLI_EXIT_USAGE;
    }
    while (rc == 0 && (n = csv_reader_next(r, &fields)) != 0) {
        char where[48];
        snprintf(where, sizeof where, "line %ld", csv_reader_line(r));
        if (n < 0) {
            cli_errorf("%s: %s: an unterminated quoted field", path, where);
            rc = CLI_EXIT_USAGE;
        } else if (!(n == 1 && !*fields[0]) && /* a blank line */
                   take(src, path, where, col < n ? fields[col] : "") < 0) {
            rc = CLI_EXIT_ERROR;
        }
    }
    csv_reader_free(r);
    return rc;
}

int import_source_read(const char *path, import_source *src)
{
    int keep_all = src->keep_all;
    memset(src, 0, sizeof *src);
    src->keep_all = keep_all;
    src->is_public = -1;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    if (!f) {
        cli_errorf("%s: %s", path, strerror(errno));
        return CLI_EXIT_ERROR;
    }
    int c;
    while ((c = getc(f)) != EOF && isspace(c))
        ;
    if (c != EOF)
        ungetc(c, f);
    int rc = c == '{' || c == '[' ? read_json(f, path, src) : read_csv(f, path, src);
    if (f != stdin)
        fclose(f);
    if (rc != 0)
        import_source_free(src);
    else if (rc == 0 && src->count == 0 && src->skipped == 0 && c == EOF)
        cli_errorf("%s: empty", path), rc = CLI_EXIT_USAGE;
    return rc;
}

char *import_join(char *const *uris, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(uris[i]) + 1;
    char *list = malloc(len), *p = list;
    for (size_t i = 0; list && i < n; i++)
        p += sprintf(p, "%s%s", i ? "," : "", uris[i]);
    if (list && n == 0)
        *list = 0;
    return list;
}
