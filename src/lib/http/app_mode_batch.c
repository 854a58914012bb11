/*
 * spotc_operation_call() of an ID-list operation in its development form (app_mode.h):
 * the list goes through the batch engine (single reads, /me/library in chunks
 * of its own maximum), and the answer is made to look like the operation's own:
 * {"tracks": [...]} for a several-item read, the booleans of a check, an empty
 * 200 for a write. So `spotc api get-several-tracks ids=...` works for a
 * development-mode app too.
 */
#include <stdlib.h>
#include <string.h>

#include "app_mode.h"
#include "batch_engine.h"
#include "client_priv.h"
#include "response.h"

/* Split "a,b,c" into its elements (pointing into a copy the caller frees). */
static const char **split(char *copy, size_t *n)
{
    size_t cap = 1;
    for (const char *s = copy; *s; s++)
        cap += *s == ',';
    const char **v = calloc(cap, sizeof *v);
    *n = 0;
    for (char *s = copy, *save = NULL, *tok; v && (tok = strtok_r(s, ",", &save)); s = NULL)
        v[(*n)++] = tok;
    return v;
}

/* The answer as the asked operation gives it. */
static int synthetic(spotc_response **out, spotc_client *client, const spotc_operation *op,
                     const spotc__batch_result *r)
{
    spotc_response *resp = spotc__response_new();
    json_t *doc = NULL;
    if (r->items && op->items_key)
        doc = json_pack("{s:O}", op->items_key, r->items);
    else if (r->items)
        doc = json_incref(r->items);
    char *body = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    json_decref(doc);
    int ok = resp && (body || !r->items) && spotc__buf_puts(&resp->body, body ? body : "") == 0;
    free(body);
    if (!ok) {
        spotc_response_free(resp);
        return spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
    }
    resp->status = 200;
    if (out)
        *out = resp;
    else
        spotc_response_free(resp);
    return 0;
}

int spotc__app_mode_call_batch(spotc_response **out, spotc_client *client,
                               const spotc_operation *op, const spotc_param *params, size_t nparams)
{
    spotc_param rest[16];
    size_t nrest = 0;
    const char *list = NULL;
    for (size_t i = 0; i < nparams && params; i++) {
        if (params[i].key && strcmp(params[i].key, op->batch_param) == 0)
            list = params[i].value;
        else if (nrest < sizeof rest / sizeof rest[0])
            rest[nrest++] = params[i];
    }
    if (!list) /* let the operation refuse it as usual */
        return spotc__error_set(client, SPOTC_EINVALID, "%s: missing required parameter '%s'",
                                op->id, op->batch_param);
    char *copy = strdup(list);
    size_t n = 0;
    const char **items = copy ? split(copy, &n) : NULL;
    if (!items) {
        free(copy);
        return spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
    }
    spotc__batch_spec spec = {
        .operation_id = op->id, .items = items, .count = n, .params = rest, .nparams = nrest};
    spotc__batch_result r;
    int rc = spotc__batch_call(&r, client, &spec);
    if (rc == 0)
        rc = synthetic(out, client, op, &r);
    spotc__batch_result_clear(&r);
    free(items);
    free(copy);
    return rc;
}
