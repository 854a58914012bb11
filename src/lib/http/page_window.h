/*
 * The pager's window (internal): the pages fetched ahead, each request sent as soon as
 * there is room for it and its answer taken when its turn comes, so that the caller
 * works on one page while the next ones are on their way (page_follow.c).
 *
 * Only the plain cases run here: a 2xx is the page, and a 4xx that the retry policy would
 * not retry is its error. An attempt the policy would retry (a 429, a 5xx, a 401, a
 * network error) is dropped, and the pager fetches that page again the ordinary way, with
 * the whole retry policy (send.c), when its turn comes.
 */
#ifndef SPOTC_LIB_PAGE_WINDOW_H
#define SPOTC_LIB_PAGE_WINDOW_H

#include <stddef.h>

#include <spotc.h>

struct spotc__win_entry;

typedef struct spotc__page_window {
    struct spotc__win_entry *e; /* a ring of cap entries */
    size_t cap, head, n;
} spotc__page_window;

/* Send a GET of url (taken, freed by the window) with the client's token, at the end of
 * the window. A request that cannot be sent now stays in the window unsent: its turn
 * fetches it the ordinary way. @return 0 or SPOTC_ENOMEM (url freed). */
int spotc__ahead_add(spotc_client *client, spotc__page_window *w, char *url, size_t cap);

/* The answer for url when it heads the window: waits for it, and takes it out.
 * A window whose head is another link is emptied (the links went elsewhere).
 * A 429 pauses the client as its Retry-After asks (pace.h).
 * @param[out] out the 2xx response (the caller's), or NULL.
 * @return 1 with *out; 0: fetch url the ordinary way; or the code of a final answer (its
 *         error on the client; url stays at the head, to be fetched when asked again). */
int spotc__ahead_take(spotc_client *client, spotc__page_window *w, const char *url,
                      spotc_response **out);

/* Stop every transfer and free the window; it can be used again. */
void spotc__ahead_clear(spotc_client *client, spotc__page_window *w);

#endif
