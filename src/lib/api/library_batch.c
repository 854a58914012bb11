/*
 * Library and follow batches through the batch engine (library_batch.h).
 */
#include <stdlib.h>

#include "batch_engine.h"
#include "internal.h"
#include "library_batch.h"
#include "typed_call.h"

int spotc_library_options_init(spotc_library_options *opts, unsigned int version)
{
    if (!opts || version != SPOTC_LIBRARY_OPTIONS_VERSION)
        return SPOTC_EINVALID;
    *opts = (spotc_library_options)SPOTC_LIBRARY_OPTIONS_INIT;
    return 0;
}

/* The engine's answers (an array of `count` booleans) as a plain array. */
static int to_bools(bool **out, spotc_client *client, const json_t *items, size_t count)
{
    bool *v = malloc(count ? count : 1);
    if (!v)
        return spotc__typed_nomem(client);
    for (size_t i = 0; i < count; i++)
        v[i] = json_is_true(json_array_get(items, i));
    *out = v;
    return 0;
}

int spotc__library_batch(bool **answers, spotc_client *client, const spotc__library_call *call,
                         const char *const *items, size_t count,
                         const spotc_library_options *opts)
{
    if (answers)
        *answers = NULL;
    if (!client)
        return SPOTC_EINVALID;
    if (count && !items)
        return spotc__error_set(client, SPOTC_EINVALID, "%s: no items given", call->op);
    if (opts && opts->version != SPOTC_LIBRARY_OPTIONS_VERSION)
        return spotc__error_set(client, SPOTC_EINVALID, "unknown spotc_library_options version %u",
                                opts->version);
    const spotc_param type[] = {{"type", call->follow_type}};
    spotc__batch_spec spec = {.operation_id = call->op,
                              .items = items,
                              .count = count,
                              .type = call->type,
                              .params = type,
                              .nparams = call->follow_type ? 1 : 0,
                              .keep_going = opts ? opts->keep_going : 0,
                              .progress = opts ? opts->progress : NULL,
                              .progress_payload = opts ? opts->progress_payload : NULL};
    spotc__batch_result r;
    int rc = spotc__batch_call(&r, client, &spec);
    if (rc == 0 && answers && count)
        rc = to_bools(answers, client, r.items, count);
    spotc__batch_result_clear(&r);
    return rc;
}
