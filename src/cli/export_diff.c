/*
 * spotc playlist diff A B: what changed from A to B, each a playlist ID or an exported file.
 *
 * Items are matched by URI, the k-th occurrence in A with the k-th in B (so duplicates count).
 * Unmatched items of A are removed, of B added. Of the matched ones, the longest run that
 * kept its relative order (a longest increasing subsequence, O(n log n)) stayed in place;
 * every other matched item moved. Rows are in B's order, removals after them in A's order.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "export.h"
#include "list.h"

typedef struct entry {
    const char *uri;
    size_t occurrence; /* how many earlier items of the same list have this URI */
    size_t pos;
} entry;

static int by_uri_pos(const void *x, const void *y)
{
    const entry *a = x, *b = y;
    int c = strcmp(a->uri, b->uri);
    return c ? c : (a->pos > b->pos) - (a->pos < b->pos);
}

/* Entries sorted by (URI, position), occurrences numbered. */
static entry *index_list(const import_source *s)
{
    entry *e = malloc((s->count ? s->count : 1) * sizeof *e);
    if (!e)
        return NULL;
    for (size_t i = 0; i < s->count; i++)
        e[i] = (entry){s->uris[i], 0, i};
    qsort(e, s->count, sizeof *e, by_uri_pos);
    for (size_t i = 1; i < s->count; i++)
        if (strcmp(e[i].uri, e[i - 1].uri) == 0)
            e[i].occurrence = e[i - 1].occurrence + 1;
    return e;
}

/* match_b[j] = the A position of B's j-th item, or -1. */
static void match(const import_source *a, const import_source *b, const entry *ea,
                  const entry *eb, long *match_a, long *match_b)
{
    for (size_t i = 0; i < a->count; i++)
        match_a[i] = -1;
    for (size_t j = 0; j < b->count; j++)
        match_b[j] = -1;
    size_t i = 0, j = 0;
    while (i < a->count && j < b->count) {
        int c = strcmp(ea[i].uri, eb[j].uri);
        if (c == 0 && ea[i].occurrence == eb[j].occurrence) {
            match_a[ea[i].pos] = (long)eb[j].pos;
            match_b[eb[j].pos] = (long)ea[i].pos;
            i++, j++;
        } else if (c < 0 || (c == 0 && ea[i].occurrence < eb[j].occurrence)) {
            i++;
        } else {
            j++;
        }
    }
}

/* stay[j] = 1 for B's matched items on a longest run whose A positions increase. */
static int longest_run(const long *match_b, size_t n, char *stay)
{
    size_t *tails = malloc((n ? n : 1) * sizeof *tails), len = 0; /* B indexes */
    long *prev = malloc((n ? n : 1) * sizeof *prev);
    if (!tails || !prev) {
        free(tails), free(prev);
        return -1;
    }
    for (size_t j = 0; j < n; j++) {
        stay[j] = 0;
        if (match_b[j] < 0)
            continue;
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (match_b[tails[mid]] < match_b[j])
                lo = mid + 1;
            else
                hi = mid;
        }
        prev[j] = lo ? (long)tails[lo - 1] : -1;
        tails[lo] = j;
        len += lo == len;
    }
    for (long j = len ? (long)tails[len - 1] : -1; j >= 0; j = prev[j])
        stay[j] = 1;
    free(tails), free(prev);
    return 0;
}

static int row(cli_list *l, const char *change, const char *uri, long from, long to)
{
    json_t *o = json_pack("{s:s, s:s}", "change", change, "uri", uri);
    if (o && from >= 0)
        json_object_set_new(o, "from", json_integer(from + 1));
    if (o && to >= 0)
        json_object_set_new(o, "to", json_integer(to + 1));
    int rc = o ? cli_list_item(l, o) : CLI_EXIT_ERROR;
    json_decref(o);
    return rc;
}

static const cli_list_column columns[] = {
    {"CHANGE", "change", 0},
    {"FROM", "from", CLI_LIST_RIGHT},
    {"TO", "to", CLI_LIST_RIGHT},
    {"URI", "uri", 0},
};

static int write_rows(cli_ctx *ctx, const import_source *a, const import_source *b,
                      const long *match_a, const long *match_b, const char *stay)
{
    cli_list *l;
    int rc = cli_list_begin(ctx, columns, sizeof columns / sizeof columns[0], &l);
    for (size_t j = 0; rc == 0 && j < b->count; j++)
        if (match_b[j] < 0)
            rc = row(l, "added", b->uris[j], -1, (long)j);
        else if (!stay[j])
            rc = row(l, "moved", b->uris[j], match_b[j], (long)j);
    for (size_t i = 0; rc == 0 && i < a->count; i++)
        if (match_a[i] < 0)
            rc = row(l, "removed", a->uris[i], (long)i, -1);
    return cli_list_end(l, rc);
}

static int compare(cli_ctx *ctx, const import_source *a, const import_source *b)
{
    entry *ea = index_list(a), *eb = index_list(b);
    long *match_a = malloc((a->count + 1) * sizeof *match_a);
    long *match_b = malloc((b->count + 1) * sizeof *match_b);
    char *stay = malloc(b->count + 1);
    int rc = ea && eb && match_a && match_b && stay ? 0 : CLI_EXIT_ERROR;
    if (rc == 0) {
        match(a, b, ea, eb, match_a, match_b);
        rc = longest_run(match_b, b->count, stay) < 0
                 ? CLI_EXIT_ERROR
                 : write_rows(ctx, a, b, match_a, match_b, stay);
    } else {
        cli_errorf("out of memory");
    }
    free(ea), free(eb), free(match_a), free(match_b), free(stay);
    return rc;
}

/* A playlist's URIs, streamed from the pager (only the URIs are asked for). */
static int read_playlist(cli_ctx *ctx, const char *id, import_source *s)
{
    spotc_client *client;
    int rc = cli_user_client(ctx, &client);
    if (rc)
        return rc;
    const spotc_param p[2] = {{"playlist_id", id}, {"fields", "total,next,items(item.uri,track.uri)"}};
    spotc_page_options opts = SPOTC_PAGE_OPTIONS_INIT;
    opts.concurrency = 8;
    spotc_pager *pager;
    if ((rc = spotc_pager_new(&pager, client, "get-playlists-items", p, 2, &opts)) < 0)
        return cli_fail(ctx, rc);
    json_t *items;
    while (rc == 0 && (rc = spotc_pager_next(pager, &items)) == 1) {
        rc = 0;
        size_t i;
        json_t *item;
        json_array_foreach(items, i, item)
        {
            const char *uri = json_string_value(json_object_get(export_item_object(item), "uri"));
            if (rc == 0 && import_source_add(s, uri ? uri : "") < 0)
                rc = SPOTC_ENOMEM;
        }
    }
    spotc_pager_free(pager);
    return rc < 0 ? cli_fail(ctx, rc) : 0;
}

/* A file when one of that name exists, else a playlist ID. */
static int load(cli_ctx *ctx, const char *what, import_source *s)
{
    memset(s, 0, sizeof *s);
    s->keep_all = 1;
    FILE *f = fopen(what, "r");
    if (f) {
        fclose(f);
        return import_source_read(what, s);
    }
    spotc_id id;
    int rc = cli_parse_id(&id, what, SPOTC_TYPE_PLAYLIST);
    return rc ? rc : read_playlist(ctx, id.id, s);
}

int diff_playlists_run(cli_ctx *ctx, const char *a, const char *b)
{
    import_source sa, sb;
    int rc = load(ctx, a, &sa);
    if (rc)
        return rc;
    if ((rc = load(ctx, b, &sb)) == 0) {
        rc = compare(ctx, &sa, &sb);
        import_source_free(&sb);
    }
    import_source_free(&sa);
    return rc;
}
