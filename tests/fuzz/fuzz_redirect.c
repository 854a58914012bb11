/* libFuzzer harness: the login redirect parser and checker take bytes from the
 * network (the listener) or a paste, so any input must be safe. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    spotc_redirect r;
    char err[256];
    if (spotc_redirect_parse(&r, (const char *)data, size) == 0) {
        if (!r.path)
            abort(); /* a parsed redirect always has a path */
        int rc = spotc_redirect_check(&r, "fuzz-state", err, sizeof err);
        if (rc == 0 && (!r.code || !*r.code || strcmp(r.state, "fuzz-state") != 0))
            abort(); /* accepted without a code or with another state */
        for (const char *p = err; rc != 0 && *p; p++)
            if ((unsigned char)*p < 0x20 || *p == 0x7f)
                abort(); /* control characters from the input reached a message */
        spotc_redirect_clear(&r);
    } else if (r.path || r.code || r.state || r.error || r.error_description) {
        abort(); /* a failure leaves nothing behind */
    }
    return 0;
}
