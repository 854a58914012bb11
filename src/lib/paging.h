/*
 * Paging: following `next` links one page at a time (paging.c).
 *
 * The pager hands out one response at a time and frees it on the next step,
 * so a caller can stream a 10,000-item playlist holding a single page; a caller
 * that merges pages keeps each page's document alive itself (json_incref or
 * spotc__model_keep) before asking for the next.
 */
#ifndef SPOTC_PAGING_H
#define SPOTC_PAGING_H

#include <stddef.h>

#include <jansson.h>

#include <spotc.h>

typedef struct spotc__pager {
    spotc_client *client;
    char page_key[32];    /* the paging object's key in a response, "" for the top level */
    size_t max_items;     /* stop after this many items; 0: no limit */
    size_t taken;         /* items handed out so far */
    spotc_response *resp; /* the current page */
    char *next;           /* the link to fetch next, or NULL at the end */
    int pending;          /* resp holds a page not handed out yet */
} spotc__pager;

/* Start with the first page of an operation (sent now). The paging object is
 * under `page_key` ("tracks" for search), or where the operation's items_key
 * says when page_key is NULL ("artists.items": under "artists").
 * @return 0 or a negative code (details on the client); end the pager either way. */
int spotc__pager_start(spotc__pager *p, spotc_client *client, const char *operation_id,
                       const spotc_param *params, size_t nparams, const char *page_key,
                       size_t max_items);

/* Continue from a `next` link of a page already handled elsewhere, counting
 * `taken` items as handed out. @return 0 or SPOTC_ENOMEM. */
int spotc__pager_resume(spotc__pager *p, spotc_client *client, const char *next,
                        const char *page_key, size_t max_items, size_t taken);

/* The next page. *root is the response's JSON object and *page its paging
 * object, both borrowed until the next call or spotc__pager_end(); *take is how
 * many of the page's first items to use (fewer than it has when max_items is
 * reached). Paging ends at the last page, at max_items, at an empty page, or
 * when a page links to itself.
 * @return 1 with a page, 0 at the end, or a negative code (details on the client). */
int spotc__pager_next(spotc__pager *p, json_t **root, const json_t **page, size_t *take);

/* Free what the pager holds. Safe to call twice, and after a failed start. */
void spotc__pager_end(spotc__pager *p);

#endif
