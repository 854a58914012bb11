/*
 * Fuzz the parsers of what the accounts service and the Web API send back besides
 * models: error bodies (both formats), the status/reason -> code mapping, token
 * responses, and the Retry-After header. The input's first byte picks the status.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "accounts.h"
#include "internal.h"
#include "retry.h"

static const int statuses[] = {400, 401, 403, 404, 405, 429, 500, 502, 503, 504, 200, 418};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int status = statuses[data[0] % (sizeof statuses / sizeof statuses[0])];
    const char *body = (const char *)data + 1;
    size_t len = size - 1;

    spotc__error_body eb;
    if (spotc__error_body_parse(&eb, body, len) == 0) {
        (void)spotc__error_code_for_status(status, eb.reason);
        spotc__error_body_clear(&eb);
    }

    spotc_client *client = NULL;
    if (spotc_client_new(&client, NULL) == 0) {
        (void)spotc__error_from_response(client, status, body, len, data[0] & 0x80);
        (void)spotc_client_last_error(client)->message;
        json_t *doc = json_loadb(body, len, 0, NULL);
        if (doc) {
            char *token = NULL;
            int64_t expires_at = 0;
            spotc__accounts_parse_token(client, doc, &token, &expires_at);
            free(token);
            json_decref(doc);
        }
        spotc_client_free(client);
    }

    char header[64];
    size_t n = len < sizeof header - 1 ? len : sizeof header - 1;
    memcpy(header, body, n);
    header[n] = 0;
    (void)spotc__retry_after_parse(header, 1700000000);
    return 0;
}
