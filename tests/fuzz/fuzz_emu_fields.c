/* libFuzzer harness: the emulator's `fields` filter (a query parameter from the network)
 * parses any selection safely, and whatever it keeps of a JSON text is still JSON.
 * Input: the selection, a newline, then the JSON text to filter. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char sample[] =
    "{\"name\":\"x\",\"items\":{\"total\":2,\"items\":[{\"added_by\":{\"id\":\"demo\"},"
    "\"item\":{\"name\":\"a\",\"album\":{\"name\":\"b\",\"images\":[]}}},{\"item\":null}]}}";

static void check(const emu_fields *f, const char *json, size_t len, int must_parse)
{
    size_t outlen = 0;
    char *out = emu_fields_apply(f, json, len, &outlen);
    if (must_parse && !out)
        abort(); /* valid JSON always filters */
    if (out) {
        json_error_t je;
        json_t *j = json_loadb(out, outlen, JSON_DECODE_ANY, &je);
        if (!j && json_loadb(json, len, JSON_DECODE_ANY, &je))
            abort(); /* valid JSON in, broken JSON out */
        json_decref(j);
        free(out);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *nl = memchr(data, '\n', size);
    size_t speclen = nl ? (size_t)(nl - (const char *)data) : size;
    char *spec = strndup((const char *)data, speclen);
    if (!spec)
        return 0;
    emu_fields *f = NULL;
    if (emu_fields_parse(spec, &f) == 0) {
        check(f, sample, sizeof sample - 1, 1);
        if (nl)
            check(f, nl + 1, size - speclen - 1, 0);
        emu_fields_free(f);
    } else if (f) {
        abort(); /* a failed parse returns nothing */
    }
    free(spec);
    return 0;
}
