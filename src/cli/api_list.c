/* spotc api --list [WORD]: the operation table, as a list in any output format. */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "list.h"

static const cli_list_column columns[] = {
    {"OPERATION", "id", 0},
    {"METHOD", "method", 0},
    {"PATH", "path", 0},
    {"PARAMETERS", "parameters", CLI_LIST_FLEX},
    {"SCOPES", "scopes", CLI_LIST_FLEX},
};

/* "market, limit, ids!" (! marks a required one; path parameters are in the path). */
static json_t *parameters(const spotc_operation *op)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < op->nparams; i++) {
        const spotc_param_def *p = &op->params[i];
        if (p->in == SPOTC_IN_PATH)
            continue;
        char name[80];
        snprintf(name, sizeof(name), "%s%s", p->name, p->required ? "!" : "");
        json_array_append_new(list, json_string(name));
    }
    return list;
}

static json_t *describe(const spotc_operation *op)
{
    return json_pack("{s:s, s:s, s:s, s:o, s:s?, s:b, s:s?, s:s?}", "id", op->id, "method",
                     op->method, "path", op->path, "parameters", parameters(op), "scopes",
                     op->scopes, "deprecated", op->deprecated, "replacement", op->replacement,
                     "summary", op->summary);
}

int cli_api_list(cli_ctx *ctx, const char *filter)
{
    cli_list *list = NULL;
    int rc = cli_list_begin(ctx, columns, sizeof(columns) / sizeof(*columns), &list);
    for (size_t i = 0; rc == 0 && i < spotc_operation_count(); i++) {
        const spotc_operation *op = spotc_operation_get_at(i);
        if (filter && !strstr(op->id, filter) && !strstr(op->path, filter))
            continue;
        json_t *item = describe(op);
        rc = item ? cli_list_item(list, item) : CLI_EXIT_ERROR;
        json_decref(item);
    }
    return cli_list_end(list, rc);
}
