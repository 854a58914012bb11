/* libFuzzer harness: the Redis URL parser takes what users type (--redis,
 * SPOTC_REDIS_URL), so any bytes must be safe; a parse either fills a sane,
 * terminated struct or leaves it wiped and says why. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "redis_layer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int zeroed(const spotc__redis_url *u)
{
    static const spotc__redis_url zero;
    return memcmp(u, &zero, sizeof zero) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    spotc__redis_url u;
    char eb[256] = "";
    int rc = spotc__redis_url_parse(&u, (const char *)data, size, eb, sizeof eb);
    if (rc != 0) {
        if (!zeroed(&u) || !eb[0])
            abort(); /* a failure leaves nothing behind and says why */
        return 0;
    }
    if (u.unix_socket ? u.path[0] != '/' : (!u.host[0] || u.port < 1 || u.port > 65535))
        abort();
    if (u.db < 0 || u.db > 65535)
        abort();
    if (memchr(u.host, '\0', sizeof u.host) == NULL ||
        memchr(u.path, '\0', sizeof u.path) == NULL ||
        memchr(u.password, '\0', sizeof u.password) == NULL)
        abort(); /* every field is terminated */
    spotc__redis_url_clear(&u);
    return 0;
}
