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

/* The largest page the playlist lists take. */
#define PAGE_MAX 50

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
    int end = cli_list_end(l);
    return rc ? rc : end;
}

/* ------------------------------------------------------------ streamed lists */

/* One page of a list: its paging object (a new reference) and whether more follow. */
typedef int (*page_fn)(json_t **page, int *more, spotc_client *c, const char *arg,
                       const spotc_page_options *po);

/* Every list struct starts with json (the page) and page info (spotc/models/objects.h). */
#define TAKE_PAGE(list, page, more, free_fn)                                                       \
    do {                                                                                           \
        *(page) = json_incref((list)->json);                                                       \
        *(more) = (list)->page.next != NULL && (list)->count > 0;                                  \
        free_fn(list);                                                                             \
    } while (0)

static int mine_page(json_t **page, int *more, spotc_client *c, const char *arg,
                     const spotc_page_options *po)
{
    (void)arg;
    spotc_playlist_list *l = NULL;
    int rc = spotc_playlist_list_mine(&l, c, po);
    if (rc == 0)
        TAKE_PAGE(l, page, more, spotc_playlist_list_free);
    return rc;
}

static int user_page(json_t **page, int *more, spotc_client *c, const char *arg,
                     const spotc_page_options *po)
{
    spotc_playlist_list *l = NULL;
    /* Spotify offers no other way to read another user's playlists. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    int rc = spotc_playlist_list_user(&l, c, arg, po);
#pragma GCC diagnostic pop
    if (rc == 0)
        TAKE_PAGE(l, page, more, spotc_playlist_list_free);
    return rc;
}

static int items_page(json_t **page, int *more, spotc_client *c, const char *arg,
                      const spotc_page_options *po)
{
    spotc_playlist_item_list *l = NULL;
    int rc = spotc_playlist_list_items(&l, c, arg, NULL, po);
    if (rc == 0)
        TAKE_PAGE(l, page, more, spotc_playlist_item_list_free);
    return rc;
}

/* Write one page's items; *left counts down to the --limit (-1: none). */
static int write_page(cli_list *l, const json_t *page, long *left)
{
    const json_t *items = json_object_get(page, "items");
    for (size_t i = 0; i < json_array_size(items) && *left != 0; i++) {
        int rc = cli_list_item(l, json_array_get(items, i));
        if (rc)
            return rc;
        *left -= *left > 0;
    }
    return 0;
}

static int stream(cli_ctx *ctx, page_fn fetch, const char *arg, const char *limit,
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
    size_t pages = 0;
    cli_progress_begin("items");
    for (int more = 1; rc == 0 && more && left != 0; pages++) {
        json_t *page = NULL;
        po.limit = left > 0 && left < PAGE_MAX ? (int)left : PAGE_MAX;
        int got = fetch(&page, &more, client, arg, &po);
        rc = got < 0 ? cli_fail(ctx, got) : write_page(l, page, &left);
        long total = (long)json_integer_value(json_object_get(page, "total"));
        po.offset += (int)json_array_size(json_object_get(page, "items"));
        json_decref(page);
        cli_progress_update(pages + 1, total > 0 ? (total + PAGE_MAX - 1) / PAGE_MAX : -1,
                            cli_list_count(l));
    }
    cli_progress_end();
    int end = cli_list_end(l);
    return rc ? rc : end;
}

int pl_list(cli_ctx *ctx, const cli_args *args)
{
    const char *user = args->opt[PL_O_USER];
    return stream(ctx, user ? user_page : mine_page, user, args->opt[PL_O_LIMIT],
                  pl_playlist_columns, pl_playlist_ncolumns);
}

int pl_items(cli_ctx *ctx, const cli_args *args)
{
    return stream(ctx, items_page, args->pos[1], args->opt[PL_O_LIMIT], item_columns,
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
    int end = cli_list_end(l);
    spotc_image_list_free(img);
    return rc ? rc : end;
}
