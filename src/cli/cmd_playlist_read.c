/*
 * spotc playlist list|show|items|cover: reads, streamed a page at a time through the
 * typed list functions, so a 10,000-item playlist starts showing at once and --limit
 * stops the fetching early.
 */
#include <string.h>

#include "cmd_playlist.h"
#include "config.h"
#include "list.h"
#include "output.h"
#include "progress.h"

/* The largest page the playlist lists take, and the items fetched per call. */
#define PAGE_MAX 50
#define BLOCK 500

static const cli_list_column pl_playlist_columns[] = {
    {"ID", "id", 0},          {"NAME", "name", CLI_LIST_FLEX},
    {"OWNER", "owner.id", 0}, {"ITEMS", "items.total", CLI_LIST_RIGHT},
    {"PUBLIC", "public", 0},
};
static const size_t pl_playlist_ncolumns = sizeof pl_playlist_columns / sizeof *pl_playlist_columns;

static const cli_list_column item_columns[] = {
    {"ID", "item.id", 0},
    {"NAME", "item.name", CLI_LIST_FLEX},
    {"ARTISTS", "item.artists.name", CLI_LIST_FLEX},
    {"TYPE", "item.type", 0},
    {"ADDED", "added_at", 0},
    {"DURATION", "item.duration_ms", CLI_LIST_DURATION | CLI_LIST_RIGHT},
};

static const cli_list_column image_columns[] = {
    {"URL", "url", 0},
    {"WIDTH", "width", CLI_LIST_RIGHT},
    {"HEIGHT", "height", CLI_LIST_RIGHT},
};

int pl_print_playlist(cli_ctx *ctx, const json_t *playlist)
{
    if (ctx->format == CLI_FORMAT_JSON)
        return cli_print_json(ctx, playlist);
    cli_list *l = NULL;
    int rc = cli_list_begin(ctx, pl_playlist_columns, pl_playlist_ncolumns, &l);
    if (rc == 0)
        rc = cli_list_item(l, playlist);
    return cli_list_end(l, rc);
}

/* ------------------------------------------------------------ streamed lists */

/* A block of a list, fetched through the library's concurrent pages, as a JSON array
 * of its items (a new reference) and the total the pages give. */
typedef int (*block_fn)(json_t **items, long *total, spotc_client *c, const char *arg,
                        const spotc_page_options *po);

/* Every item model starts with its json (spotc/models.h): the items the list shows. */
#define TAKE_BLOCK(list, items, total, free_fn)                                                    \
    do {                                                                                           \
        *(total) = (list)->page.total;                                                             \
        *(items) = json_array();                                                                   \
        for (size_t i_ = 0; *(items) && i_ < (list)->count; i_++) {                                \
            json_t *j_ = (list)->items[i_] ? (list)->items[i_]->json : NULL;                       \
            json_array_append(*(items), j_ ? j_ : json_null());                                    \
        }                                                                                          \
        free_fn(list);                                                                             \
    } while (0)

static int mine_block(json_t **items, long *total, spotc_client *c, const char *arg,
                      const spotc_page_options *po)
{
    (void)arg;
    spotc_playlist_list *l = NULL;
    int rc = spotc_playlist_list_mine(&l, c, po);
    if (rc == 0)
        TAKE_BLOCK(l, items, total, spotc_playlist_list_free);
    return rc;
}

static int user_block(json_t **items, long *total, spotc_client *c, const char *arg,
                      const spotc_page_options *po)
{
    spotc_playlist_list *l = NULL;
    /* Spotify offers no other way to read another user's playlists. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    int rc = spotc_playlist_list_user(&l, c, arg, po);
#pragma GCC diagnostic pop
    if (rc == 0)
        TAKE_BLOCK(l, items, total, spotc_playlist_list_free);
    return rc;
}

static int items_block(json_t **items, long *total, spotc_client *c, const char *arg,
                       const spotc_page_options *po)
{
    spotc_playlist_item_list *l = NULL;
    int rc = spotc_playlist_list_items(&l, c, arg, NULL, po);
    if (rc == 0)
        TAKE_BLOCK(l, items, total, spotc_playlist_item_list_free);
    return rc;
}

/* Write a block's items; *left counts down to the --limit (-1: none). */
static int write_block(cli_list *l, const json_t *items, long *left)
{
    for (size_t i = 0; i < json_array_size(items) && *left != 0; i++) {
        int rc = cli_list_item(l, json_array_get(items, i));
        if (rc)
            return rc;
        *left -= *left > 0;
    }
    return 0;
}

/* Blocks of BLOCK items (their pages fetched several at once) keep memory bounded and
 * the first rows quick while a long list goes about four times faster than page by page. */
static int stream(cli_ctx *ctx, block_fn fetch, const char *arg, const char *limit,
                  const cli_list_column *columns, size_t ncolumns)
{
    int max = 0;
    spotc_client *client;
    int rc = limit ? cli_parse_int(ctx, "--limit", limit, 1, 1000000, &max) : 0;
    if (rc || (rc = cli_user_client(ctx, &client)) != 0)
        return rc;
    cli_list *l = NULL;
    if ((rc = cli_list_begin(ctx, columns, ncolumns, &l)) != 0)
        return rc;
    long left = max ? max : -1;
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.all = 1;
    cli_progress_begin("items");
    for (int more = 1; rc == 0 && more && left != 0;) {
        json_t *items = NULL;
        long total = -1;
        po.max_items = left > 0 && left < BLOCK ? (int)left : BLOCK;
        po.limit = po.max_items < PAGE_MAX ? po.max_items : PAGE_MAX;
        int got = fetch(&items, &total, client, arg, &po);
        rc = got < 0 ? cli_fail(ctx, got) : write_block(l, items, &left);
        size_t n = json_array_size(items);
        more = n == (size_t)po.max_items;
        po.offset += (int)n;
        json_decref(items);
        cli_progress_update((size_t)(po.offset + PAGE_MAX - 1) / PAGE_MAX,
                            total > 0 ? (total + PAGE_MAX - 1) / PAGE_MAX : -1, cli_list_count(l));
    }
    cli_progress_end();
    return cli_list_end(l, rc);
}

int pl_list(cli_ctx *ctx, const cli_args *args)
{
    const char *user = args->opt[PL_O_USER];
    return stream(ctx, user ? user_block : mine_block, user, args->opt[PL_O_LIMIT],
                  pl_playlist_columns, pl_playlist_ncolumns);
}

int pl_items(cli_ctx *ctx, const cli_args *args)
{
    return stream(ctx, items_block, args->pos[1], args->opt[PL_O_LIMIT], item_columns,
                  sizeof item_columns / sizeof *item_columns);
}

/* ------------------------------------------------------------ one playlist */

int pl_show(cli_ctx *ctx, const cli_args *args)
{
    spotc_client *client;
    int rc = cli_user_client(ctx, &client);
    if (rc)
        return rc;
    spotc_playlist *p = NULL;
    rc = spotc_playlist_get(&p, client, args->pos[1], ctx->market);
    if (rc < 0)
        return cli_fail(ctx, rc);
    rc = pl_print_playlist(ctx, p->json);
    spotc_playlist_free(p);
    return rc;
}

int pl_cover(cli_ctx *ctx, const cli_args *args)
{
    spotc_client *client;
    int rc = cli_user_client(ctx, &client);
    if (rc)
        return rc;
    if (args->opt[PL_O_SET])
        return pl_cover_set(ctx, client, args->pos[1], args->opt[PL_O_SET]);
    spotc_image_list *img = NULL;
    rc = spotc_playlist_get_cover(&img, client, args->pos[1]);
    if (rc < 0)
        return cli_fail(ctx, rc);
    cli_list *l = NULL;
    rc = cli_list_begin(ctx, image_columns, sizeof image_columns / sizeof *image_columns, &l);
    for (size_t i = 0; rc == 0 && i < img->count; i++)
        rc = img->items[i] ? cli_list_item(l, img->items[i]->json) : 0;
    rc = cli_list_end(l, rc);
    spotc_image_list_free(img);
    return rc;
}
