/* libFuzzer harness: the JSON checker behind spotc_pager_next_text (json_scan.c) must
 * accept exactly what jansson accepts, or an export would hand on text that the parsed
 * reading refuses (or refuse a page it reads); compacting must keep the value; and a
 * page's items found as text must be, in order, the items jansson parses. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json_scan.h"
#include "page_text.h"
#include "response.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_page(const char *bytes, size_t size, const json_t *doc)
{
    spotc_response *r = spotc__response_new();
    if (!r || spotc__buf_add(&r->body, bytes, size) != 0) {
        spotc_response_free(r);
        return;
    }
    spotc__page_text t = {0};
    if (spotc__page_text_scan(r, "", &t) == 0 && t.ok) {
        const json_t *items = json_object_get(doc, "items");
        if (!json_is_array(items) || json_array_size(items) != t.n)
            abort(); /* the items found are not the page's */
        for (size_t i = 0; i < t.n; i++) {
            json_t *v = json_loadb(t.items[i].p, t.items[i].len, JSON_DECODE_ANY, NULL);
            if (v && !json_equal(v, json_array_get(items, i)))
                abort(); /* an item's text is another value */
            json_decref(v);
        }
    }
    spotc__page_text_free(&t);
    spotc_response_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    json_t *doc = json_loadb(bytes, size, JSON_DECODE_ANY, NULL);
    int ok = spotc__json_check(bytes, size) == 0;
    /* jansson 2.14 lets through a NUL byte right after a number or a literal (its stream
     * takes an unread NUL for "nothing buffered"); the scan refuses it, as RFC 8259 does.
     * Any other difference is a bug. */
    if (ok != (doc != NULL) && !(doc && memchr(bytes, 0, size)))
        abort(); /* the scan and jansson disagree */
    if (doc) {
        char *copy = malloc(size ? size : 1);
        if (copy) {
            memcpy(copy, bytes, size);
            size_t len = spotc__json_compact(copy, size);
            json_t *again = json_loadb(copy, len, JSON_DECODE_ANY, NULL);
            if (!again || !json_equal(doc, again))
                abort(); /* compacting changed the value */
            json_decref(again);
            free(copy);
        }
        if (json_is_object(doc) && json_is_array(json_object_get(doc, "items")))
            check_page(bytes, size, doc);
    }
    json_decref(doc);
    return 0;
}
