/*
 * --json output is Spotify's own JSON, fetched through the operation table
 * rather than re-serialised from the models, so that no field is lost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fetch.h"
#include "output.h"

#define MAX_PARAMS 8

static int oom(void)
{
    cli_errorf("out of memory");
    return CLI_EXIT_ERROR;
}

/* Take the JSON of a response (a new reference) and free the response.
 * @return 0 or SPOTC_EJSON. */
static int take_json(spotc_response *resp, json_t **out)
{
    json_t *json = spotc_response_get_json(resp);
    *out = json ? json_incref(json) : NULL;
    spotc_response_free(resp);
    return *out ? 0 : SPOTC_EJSON;
}

/* cli_call_json() without the report: @return 0 or a SPOTC_E* code. */
static int call_quietly(cli_ctx *ctx, const char *operation_id, const spotc_param *params,
                        size_t nparams, json_t **out)
{
    spotc_param all[MAX_PARAMS + 1];
    if (nparams > MAX_PARAMS)
        return SPOTC_EINVALID;
    memcpy(all, params, nparams * sizeof(*params));
    const spotc_operation *op = spotc_operation_find(operation_id);
    if (ctx->market && op && spotc_operation_find_param(op, "market"))
        all[nparams++] = (spotc_param){"market", ctx->market};
    spotc_response *resp = NULL;
    int rc = spotc_operation_call(&resp, ctx->client, operation_id, all, nparams, NULL);
    return rc ? rc : take_json(resp, out);
}

int cli_call_json(cli_ctx *ctx, const char *operation_id, const spotc_param *params, size_t nparams,
                  json_t **out)
{
    spotc_client *client;
    int rc = cli_client(ctx, &client);
    if (rc == 0 && (rc = call_quietly(ctx, operation_id, params, nparams, out)) != 0)
        rc = cli_fail(ctx, rc);
    return rc;
}

/* Append the items of a page to `into`, up to `max` in all (0: no limit).
 * @return 1 when there is more to fetch: a `next` link, and room for it;
 *         -1 when the page has no items. */
static int take_items(json_t *into, const json_t *page, int max)
{
    const json_t *items = json_object_get(page, "items");
    if (!json_is_array(items))
        return -1;
    for (size_t i = 0; i < json_array_size(items); i++) {
        if (max > 0 && json_array_size(into) >= (size_t)max)
            return 0;
        json_array_append(into, json_array_get(items, i));
    }
    return json_is_string(json_object_get(page, "next")) &&
           (max == 0 || json_array_size(into) < (size_t)max);
}

static int page_size(const char *operation_id, int max)
{
    const spotc_operation *op = spotc_operation_find(operation_id);
    /* The development-mode maximum is accepted in both modes. */
    int size = op && op->dev_limit_max > 0 ? op->dev_limit_max
               : op && op->limit_max > 0   ? op->limit_max
                                           : 20;
    return max > 0 && max < size ? max : size;
}

int cli_collect_pages(cli_ctx *ctx, const char *operation_id, const spotc_param *params,
                      size_t nparams, int offset, int max, json_t **out)
{
    char limit[16], start[16];
    snprintf(limit, sizeof(limit), "%d", page_size(operation_id, max));
    snprintf(start, sizeof(start), "%d", offset);
    spotc_param all[MAX_PARAMS];
    if (nparams + 2 > MAX_PARAMS)
        return oom();
    memcpy(all, params, nparams * sizeof(*params));
    all[nparams++] = (spotc_param){"limit", limit};
    all[nparams++] = (spotc_param){"offset", start};
    json_t *page = NULL;
    int rc = cli_call_json(ctx, operation_id, all, nparams, &page);
    if (rc)
        return rc;
    json_t *items = json_array();
    int more;
    while (items && (more = take_items(items, page, max)) != 0) {
        if (more < 0) {
            cli_errorf("the response is not a page of items");
            rc = CLI_EXIT_BAD_RESPONSE;
            break;
        }
        const char *next = json_string_value(json_object_get(page, "next"));
        spotc_response *resp = NULL;
        rc = spotc_request_send(&resp, ctx->client, "GET", next, NULL, 0, NULL);
        json_decref(page);
        page = NULL;
        if (rc) {
            rc = cli_fail(ctx, rc);
            break;
        }
        if ((rc = take_json(resp, &page)) != 0) {
            rc = cli_fail(ctx, rc);
            break;
        }
    }
    json_decref(page);
    if (!items)
        return oom();
    if (rc)
        json_decref(items);
    else
        *out = items;
    return rc;
}

int cli_collect_tracks(cli_ctx *ctx, const char *const *ids, size_t count, json_t **out)
{
    spotc_client *client;
    int rc = cli_client(ctx, &client);
    if (rc)
        return rc;
    /* The library's batch engine: chunks of 50 (single reads for a development-mode
     * app) sent several at once at its adaptive pace, in input order. */
    spotc_batch_options opts = SPOTC_BATCH_OPTIONS_INIT;
    spotc_track_list *list = NULL;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    /* Deprecated by Spotify for development-mode apps, which the library serves with
     * single reads instead. */
    rc = spotc_track_get_several(&list, client, ids, count, ctx->market, &opts);
#pragma GCC diagnostic pop
    json_t *tracks = rc ? NULL : json_object_get(list->json, "tracks");
    if (rc == 0 && !json_is_array(tracks))
        rc = SPOTC_EJSON;
    if (rc == 0)
        *out = json_incref(tracks);
    spotc_track_list_free(list);
    return rc ? cli_fail(ctx, rc) : 0;
}

int cli_show_json(cli_ctx *ctx, const char *operation_id, const char *id, const char *key)
{
    spotc_param p = {"id", id};
    json_t *json = NULL;
    int rc = cli_call_json(ctx, operation_id, &p, 1, &json);
    if (rc == 0) {
        const json_t *shown = key ? json_object_get(json, key) : json;
        if (shown) {
            rc = cli_print_json(ctx, shown);
        } else {
            cli_errorf("the response has no '%s'", key);
            rc = CLI_EXIT_BAD_RESPONSE;
        }
    }
    json_decref(json);
    return rc;
}

int cli_show_pages_json(cli_ctx *ctx, const char *operation_id, const char *id, int max)
{
    spotc_param p = {"id", id};
    json_t *items = NULL;
    int rc = cli_collect_pages(ctx, operation_id, &p, 1, 0, max, &items);
    if (rc == 0)
        rc = cli_print_json(ctx, items);
    json_decref(items);
    return rc;
}
