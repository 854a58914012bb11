/*
 * Several-item reads as typed lists, on the batch engine (batch_engine.h).
 */
#include "batch_engine.h"
#include "internal.h"
#include "typed_call.h"

/* The engine's merged items, wrapped as a batch response ({"shows": [...]}) and parsed. */
static int to_list(void **out, spotc_client *client, const spotc__several_call *what, json_t *items)
{
    json_t *doc = json_pack("{s:O}", what->key, items);
    int rc = doc && what->kind->from_json(out, doc) == 0 ? 0 : spotc__typed_nomem(client);
    json_decref(doc); /* the list keeps its own reference */
    return rc;
}

int spotc__typed_several(void **out, spotc_client *client, const spotc__several_call *what,
                         const char *const *ids, size_t count, const char *market,
                         const spotc_batch_options *opts)
{
    if (!out || !client || (count && !ids))
        return SPOTC_EINVALID;
    *out = NULL;
    if (opts && opts->version != SPOTC_BATCH_OPTIONS_VERSION)
        return spotc__error_set(client, SPOTC_EINVALID, "unknown spotc_batch_options version %u",
                                opts->version);
    const spotc_param m[] = {{"market", market}};
    spotc__batch_spec spec = {.operation_id = what->op,
                              .items = ids,
                              .count = count,
                              .type = what->type,
                              .params = m,
                              .nparams = market ? 1 : 0};
    if (opts) {
        spec.keep_going = opts->keep_going;
        spec.concurrency = opts->concurrency;
        spec.progress = opts->progress;
        spec.progress_payload = opts->progress_payload;
    }
    spotc__batch_result r;
    int rc = spotc__batch_call(&r, client, &spec);
    if (rc == 0 && !r.items)
        r.items = json_array(); /* nothing asked: an empty list (cleared below) */
    if (rc == 0)
        rc = r.items ? to_list(out, client, what, r.items) : spotc__typed_nomem(client);
    spotc__batch_result_clear(&r);
    return rc;
}
