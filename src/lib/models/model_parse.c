/*
 * The entry points: a top-level model from bytes or from a parsed document.
 * The model owns its arena and a reference to the document (model.h).
 */
#include "model.h"

int spotc__json_load(json_t **out, const char *json, size_t len)
{
    *out = NULL;
    if (!json)
        return SPOTC_EINVALID;
    if (len > SPOTC__JSON_MAX_BYTES)
        return SPOTC_EJSON;
    json_error_t err;
    json_t *root = json_loadb(json, len, 0, &err);
    if (!root)
        return SPOTC_EJSON;
    if (!json_is_object(root)) {
        json_decref(root);
        return SPOTC_EJSON;
    }
    *out = root;
    return 0;
}

int spotc__model_from_json(void **out, const spotc__model_desc *desc, json_t *doc)
{
    if (!out || !desc)
        return SPOTC_EINVALID;
    *out = NULL;
    if (!json_is_object(doc))
        return SPOTC_EJSON;
    void *model = spotc__model_new(desc->size, doc);
    if (!model)
        return SPOTC_ENOMEM;
    int rc = spotc__model_fill(spotc__model_arena(model), desc, model, doc);
    if (rc < 0) {
        spotc__model_free(model);
        return rc;
    }
    *out = model;
    return 0;
}

int spotc__model_parse(void **out, const spotc__model_desc *desc, const char *json, size_t len)
{
    if (!out)
        return SPOTC_EINVALID;
    *out = NULL;
    json_t *doc;
    int rc = spotc__json_load(&doc, json, len);
    if (rc == 0)
        rc = spotc__model_from_json(out, desc, doc);
    json_decref(doc);
    return rc;
}
