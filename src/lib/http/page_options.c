/*
 * Page options across versions, and progress reports of paging (page_follow.h).
 */
#include <string.h>

#include "internal.h"
#include "page_follow.h"

/* Where each version of spotc_page_options ends: a caller built against an
 * older header has a shorter struct, and reading past it is reading garbage. */
static size_t size_of_version(unsigned int version)
{
    switch (version) {
    case 1:
        return offsetof(spotc_page_options, concurrency);
    case 2:
        return offsetof(spotc_page_options, progress);
    default:
        return sizeof(spotc_page_options);
    }
}

int spotc__page_options_copy(spotc_client *client, spotc_page_options *dst,
                             const spotc_page_options *src)
{
    *dst = (spotc_page_options)SPOTC_PAGE_OPTIONS_INIT;
    if (!src)
        return 0;
    if (src->version < 1 || src->version > SPOTC_PAGE_OPTIONS_VERSION)
        return spotc__error_set(client, SPOTC_EINVALID, "unknown spotc_page_options version %u",
                                src->version);
    memcpy(dst, src, size_of_version(src->version));
    return 0;
}

void spotc__pager_progress(const spotc__pager *p, spotc_progress_cb cb, void *payload, int at_end)
{
    if (!cb)
        return;
    size_t total = p->total >= 0 ? (size_t)p->total : p->taken;
    if (p->max_items && total > p->max_items)
        total = p->max_items;
    if (total < p->taken || at_end) /* an offset start, or a total that changed */
        total = p->taken;
    cb(p->taken, total, payload);
}
