/* Lists fed from pages and arrays (stream.h). */
#include <string.h>

#include "progress.h"
#include "stream.h"

#define MAX_PARAMS 8

int cli_stream_pages(cli_ctx *ctx, spotc_pager *pager, cli_list *list, long offset)
{
    size_t pages = 0, first_page = 0;
    json_t *items = NULL;
    int rc;
    cli_progress_begin("items");
    while ((rc = spotc_pager_next(pager, &items)) == 1) {
        pages++;
        first_page = first_page ? first_page : json_array_size(items);
        for (size_t i = 0; i < json_array_size(items) && rc == 1; i++)
            if (cli_list_item(list, json_array_get(items, i)) != 0)
                rc = CLI_EXIT_ERROR;
        long total = spotc_pager_get_total(pager) - offset;
        long total_pages =
            total > 0 && first_page ? (long)((total + (long)first_page - 1) / (long)first_page) : -1;
        cli_progress_update(pages, total_pages, cli_list_count(list));
        if (rc != 1)
            break;
    }
    cli_progress_end();
    return rc < 0 ? cli_fail(ctx, rc) : rc == 1 ? 0 : rc;
}

int cli_list_operation(cli_ctx *ctx, const char *operation_id, const spotc_param *params,
                       size_t nparams, const cli_list_column *columns, size_t ncolumns, int max)
{
    spotc_param all[MAX_PARAMS + 1];
    spotc_client *client;
    int rc = nparams > MAX_PARAMS ? CLI_EXIT_ERROR : cli_client(ctx, &client);
    if (rc)
        return rc;
    memcpy(all, params, nparams * sizeof(*params));
    const spotc_operation *op = spotc_operation_find(operation_id);
    if (ctx->market && op && spotc_operation_find_param(op, "market"))
        all[nparams++] = (spotc_param){"market", ctx->market};
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.max_items = max;
    spotc_pager *pager = NULL;
    cli_list *list = NULL;
    rc = spotc_pager_new(&pager, client, operation_id, all, nparams, &po);
    rc = rc ? cli_fail_op(ctx, rc, op) : cli_list_begin(ctx, columns, ncolumns, &list);
    if (rc == 0)
        rc = cli_stream_pages(ctx, pager, list, 0);
    rc = cli_list_end(list, rc);
    spotc_pager_free(pager);
    return rc;
}

int cli_list_array(cli_ctx *ctx, const json_t *array, const cli_list_column *columns,
                   size_t ncolumns)
{
    cli_list *list = NULL;
    int rc = cli_list_begin(ctx, columns, ncolumns, &list);
    for (size_t i = 0; rc == 0 && i < json_array_size(array); i++)
        rc = cli_list_item(list, json_array_get(array, i));
    return cli_list_end(list, rc);
}

int cli_list_strings(cli_ctx *ctx, const char *header, const char *key, const char *const *strings,
                     size_t count, int max)
{
    const cli_list_column columns[] = {{header, key, 0}};
    cli_list *list = NULL;
    int rc = cli_list_begin(ctx, columns, 1, &list);
    for (size_t i = 0; rc == 0 && i < count && (max == 0 || i < (size_t)max); i++) {
        json_t *row = json_pack("{s:s}", key, strings[i]);
        rc = row ? cli_list_item(list, row) : CLI_EXIT_ERROR;
        json_decref(row);
    }
    return cli_list_end(list, rc);
}
