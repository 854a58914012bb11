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

/* Join ids[0..n) with commas. @return malloc'd, or NULL. */
static char *join_ids(const char *const *ids, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(ids[i]) + 1;
    char *out = malloc(len), *o = out;
    if (!out)
        return NULL;
    *o = '\0';
    for (size_t i = 0; i < n; i++)
        o += sprintf(o, "%s%s", i ? "," : "", ids[i]);
    return out;
}

/* Development-mode apps are refused the batched operations: ask for each ID on
 * its own instead, as the library's typed calls do; an unknown one is null. */
static int one_by_one(cli_ctx *ctx, const char *operation_id, const char *const *ids, size_t count,
                      json_t *into)
{
    for (size_t i = 0; i < count; i++) {
        spotc_param p = {"id", ids[i]};
        json_t *item = NULL;
        int rc = call_quietly(ctx, operation_id, &p, 1, &item);
        if (rc && rc != SPOTC_ENOTFOUND)
            return cli_fail(ctx, rc);
        if (json_array_append_new(into, item ? item : json_null()) != 0)
            return oom();
    }
    return 0;
}

int cli_collect_batches(cli_ctx *ctx, const char *batch_operation, const char *single_operation,
                        const char *const *ids, size_t count, const char *key, json_t **out)
{
    const spotc_operation *op = spotc_operation_find(batch_operation);
    size_t chunk = op && op->batch_max > 0 ? (size_t)op->batch_max : 20;
    spotc_client *client;
    int rc = cli_client(ctx, &client);
    json_t *all = rc ? NULL : json_array();
    if (rc == 0 && !all)
        rc = oom();
    for (size_t i = 0; i < count && rc == 0; i += chunk) {
        size_t n = count - i < chunk ? count - i : chunk;
        char *joined = join_ids(ids + i, n);
        if (!joined) {
            rc = oom();
            break;
        }
        spotc_param p = {"ids", joined};
        json_t *batch = NULL;
        rc = call_quietly(ctx, batch_operation, &p, 1, &batch);
        free(joined);
        if (rc == SPOTC_EFORBIDDEN && i == 0) {
            rc = one_by_one(ctx, single_operation, ids, count, all);
            break;
        }
        if (rc == 0 && json_array_extend(all, json_object_get(batch, key)) != 0)
            rc = SPOTC_EJSON;
        json_decref(batch);
        if (rc)
            rc = cli_fail(ctx, rc);
    }
    if (rc)
        json_decref(all);
    else
        *out = all;
    return rc;
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
