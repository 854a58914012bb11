#include "fetch.h"
#include "item.h"
#include "output.h"

spotc_page_options cli_all_pages(int max)
{
    spotc_page_options page = {.version = SPOTC_PAGE_OPTIONS_VERSION};
    page.all = 1;
    page.max_items = max;
    return page;
}

int cli_show_track_list(cli_ctx *ctx, int rc, spotc_track_list *list, const char *heading,
                        cli_track_layout layout)
{
    if (rc)
        return cli_fail(ctx, rc);
    cli_print_heading(ctx, heading);
    rc = cli_render_tracks(ctx, list->items, list->count, layout, NULL);
    spotc_track_list_free(list);
    return rc;
}

static int show_table(cli_ctx *ctx, const char *id, int max, const cli_item_view *item,
                      const cli_item_list *list)
{
    spotc_client *client;
    int rc = cli_client(ctx, &client);
    if (rc)
        return rc;
    if (!list || ctx->format == CLI_FORMAT_TABLE) {
        if (list)
            cli_print_heading(ctx, item->heading);
        rc = item->show(ctx, client, id);
    }
    return rc == 0 && list ? list->show(ctx, client, id, max) : rc;
}

static int show_json(cli_ctx *ctx, const char *id, int max, const cli_item_view *item,
                     const cli_item_list *list)
{
    if (!list)
        return cli_show_json(ctx, item->operation, id, NULL);
    if (list->json_key)
        return cli_show_json(ctx, list->operation, id, list->json_key);
    return cli_show_pages_json(ctx, list->operation, id, max);
}

int cli_show_item(cli_ctx *ctx, const char *input, const char *limit, const cli_item_view *item,
                  const cli_item_list *list)
{
    spotc_id id;
    int max = 0, rc;
    if ((rc = cli_parse_id(&id, input, item->type)) != 0)
        return rc;
    if (limit && (rc = cli_parse_int(ctx, "--limit", limit, 1, 100000, &max)) != 0)
        return rc;
    if (ctx->format == CLI_FORMAT_JSON)
        return show_json(ctx, id.id, max, item, list);
    return show_table(ctx, id.id, max, item, list);
}
