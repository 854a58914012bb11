/*
 * The pure parts of batching (batch_engine.h): where chunks start, what a chunk's
 * list parameter holds, and how answers land in input order. No client, no
 * network, so unit tests feed them directly.
 */
#include <stdlib.h>
#include <string.h>

#include "batch_engine.h"
#include "buf.h"

int spotc__batch_chunk(spotc__chunk *out, size_t from, size_t total, size_t max, size_t k,
                       long position)
{
    if (max == 0 || from >= total || k >= spotc__batch_chunks(total - from, max))
        return 0;
    out->first = from + k * max;
    out->count = total - out->first < max ? total - out->first : max;
    out->position = position >= 0 ? position + (long)out->first : -1;
    return 1;
}

/* [{"uri":"..."}, ...]: what playlist removals take. URIs need no escaping
 * (they were parsed and rebuilt from base62 IDs), but jansson is used anyway. */
static char *join_objects(const char *const *wire, const spotc__chunk *chunk)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < chunk->count; i++) {
        json_t *o = json_pack("{s:s}", "uri", wire[chunk->first + i]);
        if (!o || json_array_append_new(a, o) != 0) {
            json_decref(a);
            a = NULL;
        }
    }
    char *s = a ? json_dumps(a, JSON_COMPACT) : NULL;
    json_decref(a);
    return s;
}

char *spotc__batch_join(const char *const *wire, const spotc__chunk *chunk, int objects)
{
    if (objects)
        return join_objects(wire, chunk);
    spotc__buf b = SPOTC__BUF_INIT;
    for (size_t i = 0; i < chunk->count; i++) {
        if (i)
            spotc__buf_putc(&b, ',');
        spotc__buf_puts(&b, wire[chunk->first + i]);
    }
    return spotc__buf_take(&b);
}

int spotc__batch_merge(json_t *into, size_t first, size_t n, json_t *got)
{
    if (!json_is_array(got) || json_array_size(got) != n || json_array_size(into) < first + n)
        return SPOTC_EJSON;
    for (size_t i = 0; i < n; i++)
        if (json_array_set(into, first + i, json_array_get(got, i)) != 0)
            return SPOTC_ENOMEM;
    return 0;
}
