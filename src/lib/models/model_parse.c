/*
 * The entry points: a top-level model from bytes or from a parsed document.
 * The model owns its arena and a reference to the document (model.h).
 */
#include "internal.h"
#include "json_load.h"
#include "model.h"

int spotc__json_load(json_t **out, const char *json, size_t len)
{
    *out = NULL;
    if (!json)
        return spotc__error_last_set(SPOTC_EINVALID, "no JSON given");
    if (len > SPOTC__JSON_MAX_BYTES)
        return spotc__error_last_set(SPOTC_EJSON, "the JSON is too large (%zu bytes)", len);
    json_error_t err;
    json_t *root = NULL;
    if (spotc__json_loadb(&root, json, len, 0, &err) == SPOTC_ENOMEM)
        return spotc__error_last_set(SPOTC_ENOMEM, "out of memory parsing JSON");
    if (!root)
        return spotc__error_last_set(SPOTC_EJSON, "not JSON: %s at line %d, column %d", err.text,
                                     err.line, err.column);
    if (!json_is_object(root)) {
        json_decref(root);
        return spotc__error_last_set(SPOTC_EJSON, "the JSON is not an object");
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
        return spotc__error_last_set(SPOTC_EINVALID, "no place for the model given");
    *out = NULL;
    json_t *doc;
    int rc = spotc__json_load(&doc, json, len);
    if (rc < 0)
        return rc; /* the error is recorded */
    rc = spotc__model_from_json(out, desc, doc);
    json_decref(doc);
    if (rc < 0)
        spotc__error_last_set(rc, "%s", spotc_strerror(rc));
    return rc;
}
