/* One catalogue item and, on request, a list that belongs to it, from Spotify's JSON. */
#include "fetch.h"
#include "item.h"
#include "output.h"
#include "stream.h"

/* The item as a list of one row. */
static int show_one(cli_ctx *ctx, const char *id, const cli_item_view *item)
{
    spotc_param p = {"id", id};
    json_t *json = NULL, *one = NULL;
    int rc = cli_call_json(ctx, item->operation, &p, 1, &json);
    if (rc == 0 && (!(one = json_array()) || json_array_append(one, json) != 0))
        rc = CLI_EXIT_ERROR;
    if (rc == 0)
        rc = cli_list_array(ctx, one, item->columns->columns, item->columns->count);
    json_decref(one);
    json_decref(json);
    return rc;
}

static int show_list(cli_ctx *ctx, const char *id, int max, const cli_item_list *list)
{
    spotc_param p = {"id", id};
    const cli_columns *cols = list->columns;
    cli_print_heading(ctx, list->heading);
    if (!list->json_key)
        return cli_list_operation(ctx, list->operation, &p, 1, cols->columns, cols->count, max);
    json_t *json = NULL;
    int rc = cli_call_json(ctx, list->operation, &p, 1, &json);
    if (rc == 0)
        rc = cli_list_array(ctx, json_object_get(json, list->json_key), cols->columns, cols->count);
    json_decref(json);
    return rc;
}

static int show_rows(cli_ctx *ctx, const char *id, int max, const cli_item_view *item,
                     const cli_item_list *list)
{
    int rc = 0;
    if (!list || ctx->format == CLI_FORMAT_TABLE) {
        if (list)
            cli_print_heading(ctx, item->heading);
        rc = show_one(ctx, id, item);
    }
    return rc == 0 && list ? show_list(ctx, id, max, list) : rc;
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
    return show_rows(ctx, id.id, max, item, list);
}
