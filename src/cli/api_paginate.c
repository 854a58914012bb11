/*
 * spotc api GET PATH --paginate: every page through the library's pager, each item written
 * as soon as its page arrives (nothing but the pages in flight is held).
 */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "stream.h"

#define MAX_PARAMS 32

/* The path parameters of a concrete path, by the operation's template ("/albums/{id}/tracks"
 * and "/albums/X/tracks" give id=X). `buf` is a copy of the path, cut in place.
 * @return how many, or -1 when the path does not follow the template. */
typedef char param_name[64];

static int path_params(const char *template, char *buf, param_name *names, spotc_param *out,
                       size_t max)
{
    size_t n = 0;
    const char *t = template;
    char *p = buf;
    while (*t && *p) {
        if (*t == '{') {
            const char *close = strchr(t, '}');
            size_t seg = strcspn(p, "/");
            if (!close || n == max || seg == 0)
                return -1;
            snprintf(names[n], sizeof(names[n]), "%.*s", (int)(close - t - 1), t + 1);
            out[n] = (spotc_param){names[n], p};
            n++;
            t = close + 1;
            p += seg;
            if (*p == '/' && *t == '/') {
                *p++ = '\0'; /* end the value; the template's '/' is matched here */
                t++;
            }
            continue;
        }
        if (*t++ != *p++)
            return -1;
    }
    return *t || *p ? -1 : (int)n;
}

/* limit and offset go to the pager's options; the rest are the operation's parameters. */
static int split_query(const cli_ctx *ctx, const spotc_param *query, size_t nquery,
                       spotc_page_options *po, spotc_param *params, size_t *n)
{
    for (size_t i = 0; i < nquery; i++) {
        if (strcmp(query[i].key, "limit") == 0) {
            if (cli_parse_int(ctx, "limit", query[i].value, 1, 50, &po->limit))
                return CLI_EXIT_USAGE;
        } else if (strcmp(query[i].key, "offset") == 0) {
            if (cli_parse_int(ctx, "offset", query[i].value, 0, 100000000, &po->offset))
                return CLI_EXIT_USAGE;
        } else if (*n < MAX_PARAMS) {
            params[(*n)++] = query[i];
        }
    }
    return 0;
}

int cli_api_paginate(cli_ctx *ctx, const spotc_operation *op, const char *path,
                     const spotc_param *query, size_t nquery)
{
    if (!op || strcmp(op->method, "GET") != 0 || op->paging == SPOTC_PAGING_NONE)
        return cli_usage_error(ctx, "--paginate needs a paged GET operation; %s is not one",
                               op ? op->id : path);
    if (strchr(path, '?') || strncmp(path, "http", 4) == 0)
        return cli_usage_error(ctx, "with --paginate, give the path below the API base and the"
                                    " parameters as KEY=VALUE");
    spotc_param params[MAX_PARAMS];
    param_name names[MAX_PARAMS];
    char *buf = strdup(path);
    int n = buf ? path_params(op->path, buf, names, params, MAX_PARAMS) : -1;
    size_t count = n > 0 ? (size_t)n : 0;
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    spotc_client *client;
    spotc_pager *pager = NULL;
    cli_list *list = NULL;
    int rc = n < 0 ? cli_usage_error(ctx, "%s does not follow %s", path, op->path)
                   : split_query(ctx, query, nquery, &po, params, &count);
    if (rc == 0 && ctx->format == CLI_FORMAT_CSV && !ctx->fields)
        rc = cli_usage_error(ctx, "--csv needs --fields: the columns to write");
    if (rc == 0 && ctx->format != CLI_FORMAT_JSON && ctx->format != CLI_FORMAT_CSV && !ctx->fields)
        ctx->format = CLI_FORMAT_JSONL; /* whole items, one a line */
    if (rc == 0 && (rc = cli_client(ctx, &client)) == 0) {
        int lrc = spotc_pager_new(&pager, client, op->id, params, count, &po);
        rc = lrc ? cli_fail_op(ctx, lrc, op) : cli_list_begin(ctx, NULL, 0, &list);
    }
    if (rc == 0)
        rc = cli_stream_pages(ctx, pager, list, po.offset);
    rc = cli_list_end(list, rc);
    spotc_pager_free(pager);
    free(buf);
    return rc;
}
