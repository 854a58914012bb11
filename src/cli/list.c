/*
 * Lists in every format, one item at a time (list.h). Text cells come from the item's JSON
 * through dotted paths, so --fields can name anything Spotify sends, not only what a
 * command's table shows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"
#include "output.h"
#include "width.h"

#define PATH_MAX_SEGMENT 128
#define MAX_FIELDS 64

struct cli_list {
    const cli_ctx *ctx;
    const cli_list_column *columns; /* the command's, or `given` with --fields */
    size_t ncolumns;
    cli_list_column given[MAX_FIELDS];
    char *fields_copy; /* the --fields text, cut into `given` */
    int selected;      /* --fields was given */
    cli_table *page;   /* table format: the rows buffered */
    cli_column *table_columns;
    size_t *widths;
    int header_done;
    int opened; /* the document's start ("[" or the TSV/CSV header) is written */
    size_t count;
};

/* ------------------------------------------------------------------ paths */

static json_t *walk(const json_t *v, const char *path);

/* Every element of an array, each walked by `path`. */
static json_t *map_array(const json_t *array, const char *path)
{
    json_t *out = json_array();
    for (size_t i = 0; out && i < json_array_size(array); i++) {
        json_t *r = walk(json_array_get(array, i), path);
        json_array_append_new(out, r ? r : json_null());
    }
    return out;
}

static int is_index(const char *seg, size_t len)
{
    if (len == 0 || len > 9)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (seg[i] < '0' || seg[i] > '9')
            return 0;
    return 1;
}

static json_t *walk(const json_t *v, const char *path)
{
    if (!v)
        return NULL;
    if (!*path)
        return json_incref((json_t *)v);
    size_t len = strcspn(path, ".");
    const char *rest = path[len] ? path + len + 1 : path + len;
    if (json_is_array(v) && is_index(path, len))
        return walk(json_array_get(v, (size_t)strtoul(path, NULL, 10)), rest);
    if (json_is_array(v))
        return map_array(v, path);
    if (!json_is_object(v) || len >= PATH_MAX_SEGMENT)
        return NULL;
    char key[PATH_MAX_SEGMENT];
    memcpy(key, path, len);
    key[len] = '\0';
    return walk(json_object_get(v, key), rest);
}

json_t *cli_json_path(const json_t *item, const char *path)
{
    return walk(item, path);
}

/* ------------------------------------------------------------------ cells */

typedef struct text {
    char *p;
    size_t len, cap;
    int oom;
} text;

static void append(text *t, const char *s, size_t n)
{
    if (t->oom)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *grown = realloc(t->p, cap);
        if (!grown) {
            t->oom = 1;
            return;
        }
        t->p = grown;
        t->cap = cap;
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
}

static void append_str(text *t, const char *s)
{
    append(t, s, strlen(s));
}

static void append_duration(text *t, json_int_t ms)
{
    char buf[32];
    long long s = (long long)ms / 1000;
    if (s >= 3600)
        snprintf(buf, sizeof(buf), "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, sizeof(buf), "%lld:%02lld", s / 60, s % 60);
    append_str(t, buf);
}

/* The text of a value: strings as they are, numbers, arrays joined with ", ". */
static void append_value(text *t, const json_t *v, int table_duration)
{
    char buf[64];
    if (json_is_string(v)) {
        append(t, json_string_value(v), json_string_length(v));
    } else if (json_is_integer(v) && table_duration && json_integer_value(v) >= 0) {
        append_duration(t, json_integer_value(v));
    } else if (json_is_integer(v)) {
        snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(v));
        append_str(t, buf);
    } else if (json_is_real(v)) {
        snprintf(buf, sizeof(buf), "%.15g", json_real_value(v));
        append_str(t, buf);
    } else if (json_is_boolean(v)) {
        append_str(t, json_is_true(v) ? "true" : "false");
    } else if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                append_str(t, ", ");
            append_value(t, json_array_get(v, i), table_duration);
        }
    } else if (json_is_object(v)) {
        char *dump = json_dumps(v, JSON_COMPACT);
        if (!dump)
            t->oom = 1;
        else
            append_str(t, dump);
        free(dump);
    }
}

/* A cell's text (malloc'd, "" for nothing), and whether it came from a string. */
static char *cell_text(const cli_list *l, const json_t *item, size_t c, int *is_text)
{
    const cli_list_column *col = &l->columns[c];
    json_t *v = walk(item, col->path);
    text t = {0};
    append_str(&t, "");
    append_value(&t, v, (col->flags & CLI_LIST_DURATION) && l->ctx->format == CLI_FORMAT_TABLE);
    if (is_text)
        *is_text = json_is_string(v) || json_is_array(v);
    json_decref(v);
    if (t.oom) {
        free(t.p);
        return NULL;
    }
    return t.p;
}

char *cli_csv_cell(const char *s, int text_cell)
{
    int guard = text_cell && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
    int quote = guard || strpbrk(s, ",\"\r\n") != NULL;
    text t = {0};
    append_str(&t, "");
    if (quote)
        append_str(&t, "\"");
    if (guard)
        append_str(&t, "'");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            append_str(&t, "\"\"");
        else
            append(&t, p, 1);
    }
    if (quote)
        append_str(&t, "\"");
    if (t.oom) {
        free(t.p);
        return NULL;
    }
    return t.p;
}

/* ------------------------------------------------------------------ begin */

static int oom(void)
{
    cli_errorf("out of memory");
    return CLI_EXIT_ERROR;
}

/* --fields a,b.c: the columns, named as given. */
static int select_fields(cli_list *l, const char *fields)
{
    if (!(l->fields_copy = strdup(fields)))
        return oom();
    size_t n = 0;
    for (char *save = NULL, *f = strtok_r(l->fields_copy, ",", &save); f;
         f = strtok_r(NULL, ",", &save)) {
        f += strspn(f, " ");
        if (!*f || n == MAX_FIELDS) {
            cli_errorf("--fields: at most %d comma-separated names, none empty", MAX_FIELDS);
            return CLI_EXIT_USAGE;
        }
        l->given[n++] = (cli_list_column){f, f, 0};
    }
    if (n == 0) {
        cli_errorf("--fields needs at least one name, e.g. --fields id,name,album.name");
        return CLI_EXIT_USAGE;
    }
    l->columns = l->given;
    l->ncolumns = n;
    l->selected = 1;
    return 0;
}

static int begin_table(cli_list *l)
{
    l->table_columns = calloc(l->ncolumns, sizeof(*l->table_columns));
    l->widths = calloc(l->ncolumns, sizeof(*l->widths));
    if (!l->table_columns || !l->widths)
        return oom();
    for (size_t c = 0; c < l->ncolumns; c++) {
        unsigned f = l->columns[c].flags;
        l->table_columns[c].header = l->columns[c].header;
        l->table_columns[c].flags = ((f & CLI_LIST_FLEX) ? CLI_COL_FLEX : 0) |
                                    ((f & (CLI_LIST_RIGHT | CLI_LIST_DURATION)) ? CLI_COL_RIGHT : 0);
    }
    l->page = cli_table_new(l->table_columns, l->ncolumns);
    return l->page ? 0 : oom();
}

/* The header line of TSV and CSV. */
static int write_header(const cli_list *l)
{
    for (size_t c = 0; c < l->ncolumns; c++) {
        const char *sep = c + 1 < l->ncolumns ? (l->ctx->format == CLI_FORMAT_CSV ? "," : "\t")
                          : l->ctx->format == CLI_FORMAT_CSV ? "\r\n"
                                                             : "\n";
        /* The machine formats name a column by its path: what --fields takes. */
        const char *name = l->columns[c].path;
        char *cell = l->ctx->format == CLI_FORMAT_CSV ? cli_csv_cell(name, 1) : cli_cell_clean(name);
        if (!cell)
            return oom();
        printf("%s%s", cell, sep);
        free(cell);
    }
    return 0;
}

int cli_list_begin(const cli_ctx *ctx, const cli_list_column *columns, size_t ncolumns,
                   cli_list **out)
{
    *out = NULL;
    cli_list *l = calloc(1, sizeof(*l));
    if (!l)
        return oom();
    l->ctx = ctx;
    l->columns = columns;
    l->ncolumns = ncolumns;
    int rc = ctx->fields ? select_fields(l, ctx->fields) : 0;
    if (rc == 0 && ctx->format == CLI_FORMAT_TABLE)
        rc = begin_table(l);
    if (rc) {
        l->ctx = NULL; /* nothing to close */
        cli_list_end(l, rc);
        return rc;
    }
    *out = l;
    return 0;
}

/* The document's start, written with the first item or at a successful end, not before:
 * a list whose first page fails leaves stdout empty, not a header or a "[]" that a script
 * could take for an empty answer. */
static int open_document(cli_list *l)
{
    if (l->opened)
        return 0;
    l->opened = 1;
    if (l->ctx->format == CLI_FORMAT_JSON)
        fputs("[", stdout);
    else if ((l->ctx->format == CLI_FORMAT_TSV || l->ctx->format == CLI_FORMAT_CSV) &&
             !l->ctx->no_header)
        return write_header(l);
    return 0;
}

/* ------------------------------------------------------------------ items */

static int flush_table(cli_list *l)
{
    if (cli_table_rows(l->page) == 0)
        return 0;
    cli_table_measure(l->page, l->widths);
    int rc = cli_table_write(l->page, l->ctx, l->widths, !l->header_done);
    l->header_done = 1;
    cli_table_clear(l->page);
    fflush(stdout);
    return rc ? oom() : 0;
}

static int add_table_row(cli_list *l, const json_t *item)
{
    const char *cells[MAX_FIELDS] = {0};
    char *owned[MAX_FIELDS] = {0};
    size_t n = l->ncolumns < MAX_FIELDS ? l->ncolumns : MAX_FIELDS;
    int rc = 0;
    for (size_t c = 0; c < n; c++) {
        owned[c] = cell_text(l, item, c, NULL);
        cells[c] = owned[c];
        rc |= owned[c] == NULL;
    }
    if (rc == 0)
        rc = cli_table_add(l->page, cells);
    for (size_t c = 0; c < n; c++)
        free(owned[c]);
    if (rc)
        return oom();
    return cli_table_rows(l->page) >= CLI_LIST_PAGE_ROWS ? flush_table(l) : 0;
}

static int write_text_row(cli_list *l, const json_t *item)
{
    int csv = l->ctx->format == CLI_FORMAT_CSV;
    for (size_t c = 0; c < l->ncolumns; c++) {
        int is_text = 0;
        char *raw = cell_text(l, item, c, &is_text);
        char *cell = !raw ? NULL : csv ? cli_csv_cell(raw, is_text) : cli_cell_clean(raw);
        free(raw);
        if (!cell)
            return oom();
        fputs(cell, stdout);
        fputs(c + 1 < l->ncolumns ? (csv ? "," : "\t") : (csv ? "\r\n" : "\n"), stdout);
        free(cell);
    }
    return 0;
}

/* The object JSON formats write: the item, or with --fields the fields named as given. */
static json_t *json_of(const cli_list *l, const json_t *item)
{
    if (!l->selected)
        return json_incref((json_t *)item);
    json_t *o = json_object();
    for (size_t c = 0; o && c < l->ncolumns; c++) {
        json_t *v = walk(item, l->columns[c].path);
        json_object_set_new(o, l->columns[c].header, v ? v : json_null());
    }
    return o;
}

static int write_json(cli_list *l, const json_t *item)
{
    json_t *o = json_of(l, item);
    int jsonl = l->ctx->format == CLI_FORMAT_JSONL;
    size_t flags = JSON_ENCODE_ANY | (l->ctx->pretty && !jsonl ? JSON_INDENT(2) : JSON_COMPACT);
    if (!jsonl)
        fputs(l->count ? "," : "", stdout);
    if (!jsonl && l->ctx->pretty)
        fputs("\n", stdout);
    int rc = o ? json_dumpf(o, stdout, flags) : -1;
    json_decref(o);
    if (jsonl) {
        fputs("\n", stdout);
        fflush(stdout); /* streamed: a reader sees each item as it comes */
    }
    return rc ? oom() : 0;
}

int cli_list_item(cli_list *l, const json_t *item)
{
    if (!item || json_is_null(item))
        return 0;
    int rc = open_document(l);
    if (rc)
        return rc;
    switch (l->ctx->format) {
    case CLI_FORMAT_TABLE:
        rc = add_table_row(l, item);
        break;
    case CLI_FORMAT_JSON:
    case CLI_FORMAT_JSONL:
        rc = write_json(l, item);
        break;
    default:
        rc = write_text_row(l, item);
        break;
    }
    l->count += rc == 0;
    return rc;
}

size_t cli_list_count(const cli_list *l)
{
    return l->count;
}

/* ------------------------------------------------------------------ end */

static int finish(cli_list *l)
{
    switch (l->ctx->format) {
    case CLI_FORMAT_TABLE:
        if (l->count == 0) {
            printf("(none)\n");
            return 0;
        }
        return flush_table(l);
    case CLI_FORMAT_JSON:
        fputs(l->ctx->pretty && l->count ? "\n]\n" : "]\n", stdout);
        return 0;
    default:
        return 0;
    }
}

int cli_list_end(cli_list *l, int result)
{
    if (!l)
        return result;
    int rc = 0;
    /* A failed list closes only what it started: the rows so far, a JSON array begun. */
    if (l->ctx && (result == 0 || l->opened))
        rc = open_document(l);
    if (rc == 0 && l->ctx && l->opened)
        rc = finish(l);
    if (rc == 0 && l->ctx && (fflush(stdout) != 0 || ferror(stdout))) {
        cli_errorf("cannot write the output");
        rc = CLI_EXIT_ERROR;
    }
    cli_table_free(l->page);
    free(l->table_columns);
    free(l->widths);
    free(l->fields_copy);
    free(l);
    return result ? result : rc;
}
