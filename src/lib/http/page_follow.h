/*
 * Following pages: the engine under spotc_pager (pager.c) and the typed `all` reads
 * (catalog.c).
 *
 * The pager hands out one response at a time and frees it on the next step,
 * so a caller can stream a 10,000-item playlist holding only the pages in
 * flight (one, or `concurrency` when pages are fetched at once); a caller that
 * merges pages keeps each page's document alive itself (json_incref or
 * spotc__model_keep) before asking for the next.
 *
 * Pages are what `next` links give, followed as Spotify writes them (so a
 * cursor page goes on with its `after` or `before`). With concurrency, offset
 * pages are fetched ahead by rewriting the offset of the `next` link, in a
 * window that stays full (page_window.h): when a page is handed out, the
 * request for the one `concurrency` pages later goes out, so the caller's work
 * on a page overlaps the waits for the next ones. Each page is handed out only
 * when it is the page the one before it links to, so the items are exactly
 * those of following the links one by one.
 */
#ifndef SPOTC_LIB_PAGE_FOLLOW_H
#define SPOTC_LIB_PAGE_FOLLOW_H

#include <stddef.h>

#include <jansson.h>

#include <spotc.h>

#include "link_seen.h"
#include "page_text.h"
#include "page_window.h"

/* No paging goes past this many pages, whatever a server's links say: with
 * 50 items a page, half a million items. A server whose links always move on ends
 * with an error here rather than filling memory. */
#define SPOTC__PAGES_MAX 10000

typedef struct spotc__pager {
    spotc_client *client;
    char page_key[32];        /* the paging object's key in a response, "" for the top level */
    size_t max_items;         /* stop after this many items; 0: no limit */
    size_t taken;             /* items handed out so far */
    size_t pages;             /* pages handed out so far */
    long total;               /* the last page's `total`, -1 when it had none */
    spotc_response *resp;     /* the current page */
    char *next;               /* the link to fetch next, or NULL at the end */
    int pending;              /* resp holds a page not handed out yet */
    int cursor;               /* cursor pages: each link comes from the page before */
    int concurrency;          /* offset pages fetched at once; <= 1: one at a time. Set it
                                 after start or resume (both leave it 0). */
    spotc__page_window ahead; /* pages fetched ahead, in order, from `next` on */
    long ahead_offset;        /* the offset the window asks for next */
    size_t calm;              /* pages taken from the window since the pace last settled */
    unsigned long pace_mark;  /* the client's 429 count when it last settled */
    spotc__link_seen seen;    /* every link followed, to catch links in a circle */
    int text;                 /* pages are read as text (page_text.h): set before a page */
    spotc__page_text texts;   /* the current page's items, when text */
} spotc__pager;

/* Start with the first page of an operation (sent now). The paging object is
 * under `page_key` ("tracks" for search), or where the operation's items_key
 * says when page_key is NULL ("artists.items": under "artists").
 * @return 0 or a negative code (details on the client); end the pager either way. */
int spotc__pager_start(spotc__pager *p, spotc_client *client, const char *operation_id,
                       const spotc_param *params, size_t nparams, const char *page_key,
                       size_t max_items);

/* Continue from a `next` link of an offset page already handled elsewhere,
 * counting `taken` items as handed out. @return 0 or SPOTC_ENOMEM. */
int spotc__pager_resume(spotc__pager *p, spotc_client *client, const char *next,
                        const char *page_key, size_t max_items, size_t taken);

/* The next page. *root is the response's JSON object and *page its paging
 * object, both borrowed until the next call or spotc__pager_end(); *take is how
 * many of the page's first items to use (fewer than it has when max_items is
 * reached). Paging ends at the last page, at max_items, at an empty page, or
 * when a page links to itself. A server's links are not trusted to end:
 * a link followed before (a circle), more pages than the page's total and
 * limit allow, or more than SPOTC__PAGES_MAX pages fail with SPOTC_EJSON.
 * A page that cannot be fetched is named in the error ("the page at offset
 * 150: ...").
 * @return 1 with a page, 0 at the end, or a negative code (details on the client). */
int spotc__pager_next(spotc__pager *p, json_t **root, const json_t **page, size_t *take);

/* Copy the caller's page options into *dst (defaults first), reading no field
 * past the end of the caller's version. @return 0, or SPOTC_EINVALID (on the
 * client) for an unknown version. NULL src: the defaults. */
int spotc__page_options_copy(spotc_client *client, spotc_page_options *dst,
                             const spotc_page_options *src);

/* Tell `cb` (may be NULL) how far the pager got: the items handed out, of the
 * total expected (see spotc_page_options.progress); at_end: done == total. */
void spotc__pager_progress(const spotc__pager *p, spotc_progress_cb cb, void *payload, int at_end);

/* The public pager's next page that has items (empty ones skipped), with
 * progress reported: *doc the response (borrowed until the next call), *page
 * its paging object, *take the items of it to hand out. `text`: the caller reads the
 * items as text (page_text.h); a pager once read as text is never read otherwise.
 * @return 1, 0 at the end, or an error (SPOTC_EINVALID for the wrong reading). */
int spotc__pager_next_page(spotc_pager *pager, int text, json_t **doc, const json_t **page,
                           size_t *take);

/* Free what the pager holds. Safe to call twice, and after a failed start. */
void spotc__pager_end(spotc__pager *p);

/* Check page options against an operation of the table: a limit (0: none
 * given) up to its maximum, no negative offset or max_items.
 * @return 0 or SPOTC_EINVALID (recorded on the client). */
int spotc__page_check(spotc_client *client, const spotc_operation *op, int limit, int offset,
                      int max_items);

/* The page size for following every page when no limit is given: the largest
 * every app may ask for (development mode's maximum where smaller), and no
 * more than max_items (0: no limit). */
int spotc__page_size(const spotc_operation *op, int max_items);

/* The concurrency an option asks for: 0 is SPOTC_PAGER_CONCURRENCY_DEFAULT.
 * @return it, or SPOTC_EINVALID (recorded on the client) when out of range. */
int spotc__pager_concurrency(spotc_client *client, int requested);

#endif
