/* libFuzzer harness: every request header parser of the emulator (server/headers.c) on any
 * bytes. The input is one header value (a NUL ends it, as in a C string from the server);
 * each parser must hold its own promises: Basic fills its buffers with NUL-terminated
 * strings that fit, Bearer's token points into the value, the media-type test is a yes/no. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "headers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_basic(const char *v)
{
    /* Small buffers as well as roomy ones, so both length refusals are reached. */
    static const size_t sizes[][2] = {{1, 1}, {4, 8}, {256, 512}};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        char id[256], secret[512];
        memset(id, 'x', sizeof id);
        memset(secret, 'x', sizeof secret);
        int rc = emu_header_basic(v, id, sizes[i][0], secret, sizes[i][1]);
        if (rc != 0 && rc != -1)
            abort();
        if (strnlen(id, sizes[i][0]) >= sizes[i][0] ||
            strnlen(secret, sizes[i][1]) >= sizes[i][1])
            abort(); /* not terminated inside its buffer */
        if (rc < 0 && (id[0] || secret[0]))
            abort();
        if (sizes[i][0] < sizeof id && id[sizes[i][0]] != 'x')
            abort(); /* wrote past the size it was given */
    }
}

static void check_bearer(const char *v)
{
    const char *tok = v;
    emu_bearer_result r = emu_header_bearer(v, &tok);
    if (r == EMU_BEARER_OK) {
        if (!tok || tok < v || tok >= v + strlen(v) || !*tok)
            abort();
    } else if (tok || (r != EMU_BEARER_NONE && r != EMU_BEARER_BAD_SCHEME)) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *v = malloc(size + 1);
    if (!v)
        return 0;
    memcpy(v, data, size);
    v[size] = 0;
    check_basic(v);
    check_bearer(v);
    int a = emu_header_media_type_is(v, "application/x-www-form-urlencoded");
    int b = emu_header_media_type_is(v, "image/jpeg");
    if (a && b)
        abort(); /* one value, two media types */
    free(v);
    return 0;
}
