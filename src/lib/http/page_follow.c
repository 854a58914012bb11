/*
 * Following `next` links, one page at a time or several at once (page_follow.h).
 *
 * Links are used as given: they are absolute URLs below the API base, which
 * spotc_request_send() accepts and checks (the token never goes to another host).
 * Pages fetched ahead are links of the same shape with another offset, sent
 * only when the link is below the API base.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "client_priv.h"
#include "page_follow.h"
#include "send.h"
#include "url.h"

static int out_of_memory(spotc_client *client)
{
    return spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
}

static void set_page_key(spotc__pager *p, const char *page_key, const spotc_operation *op)
{
    p->page_key[0] = '\0';
    if (!page_key) {
        /* "artists.items" -> "artists"; "items" -> top level */
        const char *key = op ? op->items_key : NULL;
        const char *dot = key ? strchr(key, '.') : NULL;
        if (dot && (size_t)(dot - key) < sizeof p->page_key) {
            memcpy(p->page_key, key, (size_t)(dot - key));
            p->page_key[dot - key] = '\0';
        }
        return;
    }
    size_t n = strlen(page_key);
    if (n < sizeof p->page_key)
        memcpy(p->page_key, page_key, n + 1);
}

static void init(spotc__pager *p, spotc_client *client, size_t max_items)
{
    memset(p, 0, sizeof *p);
    p->client = client;
    p->max_items = max_items;
    p->total = -1;
}

/* A paging object of the wrong shape is an error, not an empty list: items an
 * array of objects (or nulls), next a string or null, total and limit
 * non-negative integers when present. @return 0 or SPOTC_EJSON. */
static int page_typed(spotc__pager *p, const json_t *page)
{
    const json_t *items = json_object_get(page, "items");
    const json_t *next = json_object_get(page, "next");
    const char *bad = NULL;
    if (!json_is_array(items))
        bad = "items is not an array";
    for (size_t i = 0; !bad && i < json_array_size(items); i++) {
        const json_t *item = json_array_get(items, i);
        if (!json_is_object(item) && !json_is_null(item))
            bad = "an item is not an object";
    }
    if (!bad && next && !json_is_string(next) && !json_is_null(next))
        bad = "next is not a link";
    static const char *const counts[] = {"total", "limit", "offset"};
    for (size_t i = 0; !bad && i < sizeof counts / sizeof *counts; i++) {
        const json_t *n = json_object_get(page, counts[i]);
        if (n && !json_is_null(n) && (!json_is_integer(n) || json_integer_value(n) < 0))
            bad = counts[i];
    }
    if (!bad)
        return 0;
    return spotc__error_set(p->client, SPOTC_EJSON, "Spotify's page of items is malformed: %s%s",
                            bad, strchr(bad, ' ') ? "" : " is not a count");
}

/* The paging object of the current response, and its total. @return 0 or SPOTC_EJSON. */
static int page_of(spotc__pager *p, json_t **doc, const json_t **page)
{
    int rc = p->text ? spotc__page_text_scan(p->resp, p->page_key, &p->texts) : 0;
    if (rc < 0)
        return spotc__error_set(p->client, rc, "out of memory reading a page");
    rc = spotc__response_json_required(p->client, p->resp, doc);
    if (rc < 0)
        return rc;
    *page = p->page_key[0] ? json_object_get(*doc, p->page_key) : *doc;
    if (!json_is_object(*page))
        return spotc__error_set(p->client, SPOTC_EJSON,
                                "Spotify's response has no page of items%s%s",
                                p->page_key[0] ? " under " : "", p->page_key);
    json_t *total = json_object_get(*page, "total");
    p->total = json_is_integer(total) ? (long)json_integer_value(total) : -1;
    return page_typed(p, *page);
}

int spotc__pager_start(spotc__pager *p, spotc_client *client, const char *operation_id,
                       const spotc_param *params, size_t nparams, const char *page_key,
                       size_t max_items)
{
    const spotc_operation *op = spotc_operation_find(operation_id);
    init(p, client, max_items);
    p->cursor = op && op->paging == SPOTC_PAGING_CURSOR;
    set_page_key(p, page_key, op);
    int rc = spotc_operation_call(&p->resp, client, operation_id, params, nparams, NULL);
    p->pending = rc == 0;
    json_t *doc;
    const json_t *page;
    return rc == 0 ? page_of(p, &doc, &page) : rc;
}

int spotc__pager_resume(spotc__pager *p, spotc_client *client, const char *next,
                        const char *page_key, size_t max_items, size_t taken)
{
    init(p, client, max_items);
    p->taken = taken;
    set_page_key(p, page_key ? page_key : "", NULL);
    if (next && !(p->next = strdup(next)))
        return out_of_memory(client);
    return 0;
}

int spotc__pager_concurrency(spotc_client *client, int requested)
{
    if (requested < 0 || requested > SPOTC_PAGER_CONCURRENCY_MAX)
        return spotc__error_set(client, SPOTC_EINVALID, "concurrency %d is not between 0 and %d",
                                requested, SPOTC_PAGER_CONCURRENCY_MAX);
    return requested ? requested : SPOTC_PAGER_CONCURRENCY_DEFAULT;
}

int spotc__page_check(spotc_client *client, const spotc_operation *op, int limit, int offset,
                      int max_items)
{
    if (limit < 0 || limit > op->limit_max)
        return spotc__error_set(client, SPOTC_EINVALID, "%s: limit %d is not between 1 and %d",
                                op->id, limit, op->limit_max);
    if (offset < 0 || max_items < 0)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "%s: offset and max_items must not be negative", op->id);
    return 0;
}

int spotc__page_size(const spotc_operation *op, int max_items)
{
    int limit = op->dev_limit_max ? op->dev_limit_max : op->limit_max;
    return max_items && max_items < limit ? max_items : limit;
}

/* ------------------------------------------------------------ links */

/* A non-negative number in a link's query (`name=N`), or -1 when there is none.
 * *at and *len (when at) say where its digits are. */
static long link_param(const char *url, const char *name, const char **at, size_t *len)
{
    size_t n = strlen(name);
    for (const char *s = strchr(url, '?'); s; s = strchr(s + 1, '&')) {
        const char *digits = s + 2 + n;
        if (strncmp(s + 1, name, n) != 0 || s[1 + n] != '=' || !isdigit((unsigned char)*digits))
            continue;
        char *end;
        errno = 0;
        long x = strtol(digits, &end, 10);
        if (errno || (*end && *end != '&' && *end != '#'))
            return -1;
        if (at) {
            *at = digits;
            *len = (size_t)(end - digits);
        }
        return x;
    }
    return -1;
}

/* The link with another offset (the caller frees), or NULL when out of memory. */
static char *link_at(const char *url, long offset)
{
    const char *at;
    size_t len;
    if (link_param(url, "offset", &at, &len) < 0)
        return NULL;
    spotc__buf b = SPOTC__BUF_INIT;
    spotc__buf_add(&b, url, (size_t)(at - url));
    spotc__buf_printf(&b, "%ld", offset);
    spotc__buf_puts(&b, at + len);
    return spotc__buf_take(&b);
}

/* Say which page failed in the client's error, keeping its HTTP details. */
static int page_failed(spotc__pager *p, int rc, const char *url)
{
    if (rc == SPOTC_ENOMEM)
        return rc;
    const spotc_error *e = spotc_client_last_error(p->client);
    int sent = e->method != NULL;
    char where[64];
    long offset = link_param(url, "offset", NULL, NULL);
    if (offset >= 0)
        snprintf(where, sizeof where, "the page at offset %ld", offset);
    else
        snprintf(where, sizeof where, "page %zu", p->pages + 1);
    spotc__error_set_http(p->client, rc, e->http_status, e->reason, e->oauth_error, e->retry_after,
                          "%s: %s", where, e->message);
    if (sent)
        spotc__error_set_request(p->client, "GET", url);
    return rc;
}

/* ------------------------------------------------------------ fetching */

/* Forget the pages fetched ahead. */
static void drop_ahead(spotc__pager *p)
{
    spotc__ahead_clear(p->client, &p->ahead);
}

/* The offsets to fetch ahead from p->next: [*first, *end) by *step. @return 0 when pages
 * are fetched one at a time: no concurrency, cursor pages (each link comes from the page
 * before it), no total to bound them, or a link spotc_request_send() would refuse (left to
 * it, which says why). The total (from the last page) and max_items bound them, so no
 * request goes past the end. */
static int ahead_range(const spotc__pager *p, long *first, long *end, long *step)
{
    if (p->concurrency <= 1 || p->cursor || p->total < 0 || !spotc__url_chars_ok(p->next) ||
        !spotc__url_below(p->next, spotc__client_api_base(p->client)))
        return 0;
    *first = link_param(p->next, "offset", NULL, NULL);
    *step = link_param(p->next, "limit", NULL, NULL);
    if (*first < 0 || *step <= 0)
        return 0;
    *end = p->total;
    if (p->max_items && (long)(p->max_items - p->taken) < *end - *first)
        *end = *first + (long)(p->max_items - p->taken);
    return 1;
}

/* Keep the window full: as many pages in flight as the pace allows (pace.h). None is
 * added while a Retry-After pauses the client. An empty window starts at p->next, or after
 * it when `past` (its page is being taken care of). @return 0 or SPOTC_ENOMEM. */
static int fill_ahead(spotc__pager *p, int past)
{
    long first, end, step;
    if (!ahead_range(p, &first, &end, &step))
        return 0; /* a window already in flight is still used, or emptied by its take */
    if (p->ahead.n == 0 && end - first <= step)
        return 0; /* this page is the last: nothing to fetch ahead */
    if (p->ahead.n == 0)
        p->ahead_offset = past ? first + step : first;
    size_t level = spotc__pace_round(p->client, (size_t)p->concurrency, (size_t)p->concurrency);
    if (p->client->pace.paused_until_ms > spotc__pace_now_ms())
        return 0;
    while (p->ahead.n < level && p->ahead_offset < end && spotc__pace_budget_open(p->client)) {
        char *url = link_at(p->next, p->ahead_offset);
        if (!url || spotc__ahead_add(p->client, &p->ahead, url, (size_t)p->concurrency) < 0)
            return out_of_memory(p->client);
        p->ahead_offset += step;
    }
    return 0;
}

/* After a page from the window: once a window's worth of pages came, the pace grows,
 * or halves when a 429 came meanwhile. */
static void settle(spotc__pager *p)
{
    size_t level = spotc__pace_round(p->client, (size_t)p->concurrency, (size_t)p->concurrency);
    if (++p->calm < level)
        return;
    spotc__pace_settle(p->client, p->pace_mark, level);
    p->pace_mark = spotc__pace_mark(p->client);
    p->calm = 0;
}

/* Make the page p->next points to the current one: from the window when it is there and
 * came in whole, else sent now with the whole retry policy. @return 1, 0 when there is
 * none, or a code. */
static int fetch(spotc__pager *p)
{
    spotc_response_free(p->resp);
    p->resp = NULL;
    if (!p->next || (p->max_items && p->taken >= p->max_items)) {
        drop_ahead(p);
        return 0;
    }
    if (p->ahead.n == 0)
        p->pace_mark = spotc__pace_mark(p->client);
    int rc = fill_ahead(p, 0);
    if (rc == 0 && (rc = spotc__ahead_take(p->client, &p->ahead, p->next, &p->resp)) < 0)
        return page_failed(p, rc, p->next);
    if (rc >= 0)
        rc = fill_ahead(p, 1); /* the next requests go out before the caller works on this page */
    if (rc < 0)
        return rc;
    if (p->resp) {
        settle(p);
        return 1;
    }
    rc = spotc_request_send(&p->resp, p->client, "GET", p->next, NULL, 0, NULL);
    return rc < 0 ? page_failed(p, rc, p->next) : 1;
}

/* The most pages a page's total and limit allow (rounded up, and one more for
 * items added while paging), or -1 when it gives no such bound. */
static long pages_allowed(const spotc__pager *p, const json_t *page)
{
    json_t *limit = json_object_get(page, "limit");
    json_int_t l = json_is_integer(limit) ? json_integer_value(limit) : 0;
    if (p->total < 0 || l <= 0)
        return -1;
    long whole = p->total / (long)l + (p->total % (long)l != 0);
    return whole < SPOTC__PAGES_MAX ? whole + 1 : SPOTC__PAGES_MAX;
}

/* Refuse to follow `next` when the server's links would never end. */
static int check_link(spotc__pager *p, const json_t *page, const char *next)
{
    long allowed = pages_allowed(p, page);
    if (allowed >= 0 && p->pages >= (size_t)allowed)
        return spotc__error_set(p->client, SPOTC_EJSON,
                                "paging stopped after %zu pages: the server's next links go on "
                                "past its total of %ld items",
                                p->pages, p->total);
    if (p->pages >= SPOTC__PAGES_MAX)
        return spotc__error_set(p->client, SPOTC_EJSON,
                                "paging stopped after %zu pages: the server's next links never "
                                "end (at most %d pages are followed)",
                                p->pages, SPOTC__PAGES_MAX);
    int added = spotc__link_seen_add(&p->seen, next);
    if (added < 0)
        return out_of_memory(p->client);
    if (added == 0)
        return spotc__error_set(p->client, SPOTC_EJSON,
                                "paging stopped after %zu pages: the server's next links go "
                                "round in a circle (a page links back to %.200s)",
                                p->pages, next);
    return 0;
}

/* Remember the page's `next` link, unless paging should stop here. */
static int follow(spotc__pager *p, const json_t *page, size_t nitems)
{
    const char *next = json_string_value(json_object_get(page, "next"));
    char *fetched = p->next;
    p->next = NULL;
    int stop = !next || !*next || nitems == 0 || (fetched && strcmp(fetched, next) == 0) ||
               (p->max_items && p->taken >= p->max_items);
    if (fetched && spotc__link_seen_add(&p->seen, fetched) < 0)
        stop = -1;
    free(fetched);
    if (stop < 0)
        return out_of_memory(p->client);
    if (stop)
        return 0;
    int rc = check_link(p, page, next);
    if (rc < 0) {
        drop_ahead(p);
        return rc;
    }
    if (!(p->next = strdup(next)))
        return out_of_memory(p->client);
    return 0;
}

int spotc__pager_next(spotc__pager *p, json_t **root, const json_t **page, size_t *take)
{
    *root = NULL;
    *page = NULL;
    *take = 0;
    int first = p->pending;
    if (!p->pending) {
        int rc = fetch(p);
        if (rc <= 0)
            return rc;
    }
    p->pending = 0;
    json_t *doc;
    const json_t *pg;
    int rc = page_of(p, &doc, &pg);
    if (rc < 0) {
        /* The pages fetched after it wait until it is fetched again. */
        drop_ahead(p);
        return p->next ? page_failed(p, rc, p->next) : rc;
    }
    size_t n = json_array_size(json_object_get(pg, "items"));
    size_t use = n;
    if (p->max_items && use > p->max_items - p->taken)
        use = p->max_items - p->taken;
    p->taken += use;
    p->pages++;
    if ((rc = follow(p, pg, n)) < 0)
        return rc;
    /* The first page (fetched at the start) sends the window out as it is handed out, as
     * every later page does in fetch(): the caller's work on it overlaps the next waits. */
    if (first && p->next && p->ahead.n == 0) {
        p->pace_mark = spotc__pace_mark(p->client);
        if ((rc = fill_ahead(p, 0)) < 0)
            return rc;
    }
    *root = doc;
    *page = pg;
    *take = use;
    return 1;
}

void spotc__pager_end(spotc__pager *p)
{
    spotc_response_free(p->resp);
    p->resp = NULL;
    free(p->next);
    p->next = NULL;
    p->pending = 0;
    drop_ahead(p);
    spotc__link_seen_clear(&p->seen);
    spotc__page_text_free(&p->texts);
}
