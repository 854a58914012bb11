/*
 * The typed iterators of spotc/paging.h: each page of the public pager as a
 * top-level typed list (spotc__list_from_page), one function per list type,
 * all made by one macro.
 */
#include "internal.h"
#include "model.h"
#include "page_follow.h"

/* The next page with items as a list of `list_desc`. */
static int next_list(void **out, spotc_pager *pager, const spotc__model_desc *list_desc)
{
    if (out)
        *out = NULL;
    if (!out || !pager)
        return SPOTC_EINVALID;
    json_t *doc;
    const json_t *page;
    size_t take;
    int rc = spotc__pager_next_page(pager, 0, &doc, &page, &take);
    if (rc <= 0)
        return rc;
    rc = spotc__list_from_page(out, list_desc, doc, page, take);
    return rc < 0 ? rc : 1;
}

#define DEFINE_NEXT(name)                                                                          \
    int spotc_pager_next_##name##_list(spotc_##name##_list **out, spotc_pager *pager)              \
    {                                                                                              \
        void *list = NULL;                                                                         \
        int rc = next_list(&list, pager, &spotc__##name##_list_desc);                              \
        if (out)                                                                                   \
            *out = list;                                                                           \
        return rc;                                                                                 \
    }
SPOTC_PAGER_LIST_TYPES(DEFINE_NEXT)
