/* libFuzzer harness: ID parsing takes whatever a user pastes, so any input must
 * be safe, and what it accepts must be a clean ID. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int clean_message(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0 || size > 4096)
        return 0;
    /* The first byte picks the expected type; the rest is the text. */
    spotc_item_type expected = (spotc_item_type)(data[0] % (SPOTC_TYPE_USER + 2));
    char *input = malloc(size);
    if (!input)
        return 0;
    memcpy(input, data + 1, size - 1);
    input[size - 1] = '\0';
    spotc_id id;
    char err[200];
    int rc = spotc_id_parse(&id, input, expected, err, sizeof err);
    if (rc == 0) {
        size_t len = strlen(id.id);
        if (len == 0 || len > SPOTC_ID_MAX || !clean_message(id.id))
            abort(); /* an accepted ID is printable and bounded */
        if (expected != SPOTC_TYPE_ANY && (unsigned)expected <= SPOTC_TYPE_USER &&
            id.type != expected)
            abort(); /* another type slipped through */
        char uri[SPOTC_ID_MAX + 32];
        if (id.type != SPOTC_TYPE_ANY) {
            spotc_id again;
            if (spotc_id_format_uri(uri, sizeof uri, &id) != 0 ||
                spotc_id_parse(&again, uri, id.type, NULL, 0) != 0 || strcmp(again.id, id.id) != 0)
                abort(); /* the URI of an accepted ID reads back the same */
        }
    } else if (rc != SPOTC_EINVALID || !err[0] || !clean_message(err) || id.id[0]) {
        abort(); /* refusals explain themselves without echoing control bytes */
    }
    free(input);
    return 0;
}
