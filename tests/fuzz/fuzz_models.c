/* libFuzzer harness: every model's parser reads response bodies from the network.
 * Each must survive any bytes, and what it returns must be walkable: the walk
 * (spotc__model_walk) touches every string, array and nested model by the same
 * descriptor tables, so ASan sees any dangling or short pointer. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t sink;

/* The bytes are parsed once (the parser is jansson's, fuzzed by fuzz_responses) and every
 * model is filled from that one document: parsing per model made this harness ~40x slower
 * without reaching more of the models' code. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    json_t *doc = NULL;
    if (spotc__json_load(&doc, json, size) != 0) {
        if (doc)
            abort(); /* a failed load leaves nothing behind */
        return 0;
    }
    for (size_t i = 0; i < spotc__model_count; i++) {
        void *model = NULL;
        int rc = spotc__model_from_json(&model, spotc__models[i], doc);
        /* Only running out of memory may fail on an object; nothing is left behind. */
        if (rc != 0 && (rc != SPOTC_ENOMEM || model))
            abort();
        if (rc == 0 && !model)
            abort();
        sink += spotc__model_walk(spotc__models[i], model);
        spotc__model_free(model);
    }
    json_decref(doc);
    /* The public wrappers are the same machinery; one through them keeps them honest. */
    spotc_track *t = NULL;
    if (spotc_track_parse(&t, json, size) == 0 && t->album && t->album->tracks)
        abort(); /* a track's album never nests tracks again */
    spotc_track_free(t);
    return 0;
}
