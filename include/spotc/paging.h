/**
 * @file spotc/paging.h
 * @brief Streaming any paged operation of the table, one page at a time.
 *
 * A pager sends an operation (see spotc/operations.h) and hands out its items
 * a page at a time, holding only the pages in flight: a 10,000-track playlist
 * is never in memory at once. Offset pages (limit/offset) can be fetched
 * several at once; cursor pages (`after` for /me/following, `before` for
 * /me/player/recently-played) are fetched one after the other, since each
 * page's cursor comes from the page before.
 *
 * Ownership: the pager is the caller's (spotc_pager_free()). It borrows the
 * client, which must outlive it (and, as always, stay on one thread). The
 * parameters are borrowed for spotc_pager_new() only. An items array is
 * borrowed until the next spotc_pager_next() or spotc_pager_free(); take a
 * reference (json_incref) to keep it longer.
 */
#ifndef SPOTC_PAGING_H
#define SPOTC_PAGING_H

#include "client.h"
#include "models.h"

SPOTC_BEGIN_DECL

/** A stream of the pages of one paged operation. Opaque. */
typedef struct spotc_pager spotc_pager;

/** Pages fetched at once after the first, when the options say 0. Four hide
 *  most of the round trips (four times fewer waits) while staying well inside
 *  Spotify's rolling rate-limit window; more gain little and risk 429s. */
#define SPOTC_PAGER_CONCURRENCY_DEFAULT 4
/** The most pages fetched at once. */
#define SPOTC_PAGER_CONCURRENCY_MAX 16

/**
 * Options of paged reads, for the pager and the typed list functions alike.
 * Fill with SPOTC_PAGE_OPTIONS_INIT or spotc_page_options_init().
 */
typedef struct spotc_page_options {
    unsigned int version; /**< SPOTC_PAGE_OPTIONS_VERSION */
    int limit;            /**< page size; 0 = the largest every app may ask for (the operation's
                               maximum, development mode's where smaller), no more than max_items;
                               a typed list function without `all` then asks for the endpoint's
                               default */
    int offset;           /**< first item (offset paging only) */
    int all;              /**< typed list functions: 1 = follow the pages to the end (or
                               max_items) and return them as one list. The pager always pages. */
    int max_items;        /**< stop after this many items; 0 = to the end */
    int concurrency;      /**< offset pages fetched at once after the first (which gives the total);
                               0 = SPOTC_PAGER_CONCURRENCY_DEFAULT, 1 = one at a time. The
                               pager's requests stay in flight between its calls (another
                               call on the client meanwhile waits for them too) */
    spotc_progress_cb progress; /**< optional: called after each page the pager hands out and
                                     each page a typed list function merges (opts->all), with the
                                     items so far and the total expected (the pages' `total`,
                                     capped by max_items; the items so far when none is known) */
    void *progress_payload;     /**< handed to progress */
} spotc_page_options;

/** Version 2 added `concurrency`, version 3 `progress` and `progress_payload`;
 *  older versions are still accepted (and never read past their end). */
#define SPOTC_PAGE_OPTIONS_VERSION 3
#define SPOTC_PAGE_OPTIONS_INIT                                                                    \
    {                                                                                              \
        .version = SPOTC_PAGE_OPTIONS_VERSION                                                      \
    }

/**
 * Fill opts with the values of SPOTC_PAGE_OPTIONS_INIT (for bindings, which
 * cannot use the macro).
 * @param version SPOTC_PAGE_OPTIONS_VERSION.
 * @return 0, or SPOTC_EINVALID for NULL or an unknown version.
 */
SPOTC_EXTERN int spotc_page_options_init(spotc_page_options *opts, unsigned int version);

/**
 * Start paging an operation: the first page is requested now.
 * @param[out] out the pager (the caller's; spotc_pager_free()), NULL on failure.
 * @param operation_id a paged GET of the table, e.g. "get-playlists-items".
 * @param params its parameters as for spotc_operation_call(), without limit and offset
 *               (those come from the options; giving both is SPOTC_EINVALID).
 * @param opts NULL for the defaults.
 * @return 0; SPOTC_EINVALID for an operation that is not paged (or whose
 *         response holds several pages, as search does: use spotc_search_run()),
 *         bad options or parameters, nothing sent; else the first page's error
 *         (details on the client).
 */
SPOTC_EXTERN int spotc_pager_new(spotc_pager **out, spotc_client *client, const char *operation_id,
                                 const spotc_param *params, size_t nparams,
                                 const spotc_page_options *opts);

/**
 * The next page's items, in order. Empty pages are skipped; a page cut by
 * max_items holds only the items up to it.
 * @param[out] items the page's array of items (borrowed, see above); NULL at
 *             the end or on error.
 * @return 1 with a page, 0 at the end (and on every call after it), or a
 *         negative code with details on the client; a page that could not be
 *         fetched is named in the message ("the page at offset 150: ..."),
 *         after every page before it was handed out once; calling again asks
 *         for that page again.
 */
SPOTC_EXTERN int spotc_pager_next(spotc_pager *pager, struct json_t **items);

/** A JSON value as text: `len` bytes at `p` (not NUL-terminated). */
typedef struct spotc_json_text {
    const char *p;
    size_t len;
} spotc_json_text;

/**
 * The next page's items as their JSON text, for a caller that hands them on as they
 * are (an export) rather than reads them. The page is checked as strictly as
 * spotc_pager_next() checks it (a page it refuses is refused, with the same error), but
 * the items are not parsed: for pages of full track objects that is several times less
 * work.
 * Each item's text is compact (no whitespace between its tokens), its strings as
 * the server wrote them; a null item is "null".
 * A pager is read with this function or with the others, not both: once it was
 * called, spotc_pager_next() and the typed functions refuse (SPOTC_EINVALID).
 * @param[out] items the page's items (borrowed until the next call on the pager or
 *             spotc_pager_free()); NULL at the end or on error.
 * @param[out] count how many.
 * @return as spotc_pager_next().
 */
SPOTC_EXTERN int spotc_pager_next_text(spotc_pager *pager, const spotc_json_text **items,
                                       size_t *count);

/*
 * Typed iteration: the next page's items as a typed list, one function per list
 * type, spotc_pager_next_<model>_list(&list, pager), e.g.
 *
 *     spotc_playlist_item_list *page;
 *     while ((rc = spotc_pager_next_playlist_item_list(&page, pager)) == 1) {
 *         for (size_t i = 0; i < page->count; i++) ... page->items[i] ...;
 *         spotc_playlist_item_list_free(page);
 *     }
 *
 * The list type must be the one of the operation's items (playlist items for
 * get-playlists-items, saved tracks for get-users-saved-tracks ...); other
 * fields read as absent. Each list is the caller's (its _free()) and stays
 * valid after the pager moves on or is freed; page.total is the page's total.
 * @return 1 with a list, 0 at the end (*out NULL), or a negative code as
 *         spotc_pager_next() (also SPOTC_ENOMEM).
 */
#define SPOTC_PAGER_LIST_TYPES(X)                                                                  \
    X(track) X(album) X(artist) X(saved_track) X(saved_album) X(show) X(episode) X(audiobook)     \
    X(chapter) X(saved_show) X(saved_episode) X(saved_audiobook) X(playlist) X(playlist_item)     \
    X(device) X(play_history) X(category) X(audio_features) X(image) X(user)
#define SPOTC__PAGER_NEXT_DECLARE(name)                                                            \
    SPOTC_EXTERN int spotc_pager_next_##name##_list(spotc_##name##_list **out, spotc_pager *pager);
SPOTC_PAGER_LIST_TYPES(SPOTC__PAGER_NEXT_DECLARE)

/** @return the `total` of the last page received (the first one right after
 *  spotc_pager_new()), or -1 when the pages give none. */
SPOTC_EXTERN long spotc_pager_get_total(const spotc_pager *pager);

/** Free the pager and the pages it holds. NULL is a no-op. */
SPOTC_EXTERN void spotc_pager_free(spotc_pager *pager);

SPOTC_END_DECL

#endif
