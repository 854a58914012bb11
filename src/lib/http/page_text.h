/*
 * Pages read as text (internal; spotc_pager_next_text). A page is checked as jansson would
 * check it (json_scan.h) but only its paging object's small members (next, total, limit,
 * offset ...) are parsed; each item stays text, and the page's document holds an empty
 * object (or the parsed value, when it is not an object) in its place, so that the paging
 * engine (page_follow.c) reads and checks the page as ever.
 */
#ifndef SPOTC_LIB_PAGE_TEXT_H
#define SPOTC_LIB_PAGE_TEXT_H

#include <stddef.h>

#include <spotc.h>

/* The items of the current page as text. */
typedef struct spotc__page_text {
    spotc_json_text *items; /* point into the response's body */
    size_t n, cap;
    int ok; /* items describe the current response */
} spotc__page_text;

/* Find the items of r's page (under page_key, "" for the top level) in its body, making
 * each compact in place. When r was not parsed yet, its document (r->json) becomes the
 * page with stand-ins for the items. A body that cannot be scanned is left to the ordinary
 * parse, which says what is wrong with it (t->ok stays 0).
 * @return 0 or SPOTC_ENOMEM. */
int spotc__page_text_scan(spotc_response *r, const char *page_key, spotc__page_text *t);

void spotc__page_text_free(spotc__page_text *t);

#endif
