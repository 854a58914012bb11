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

/* A page fetched ahead, with the link it was fetched from. */
struct spotc__fetched {
    spotc_response *resp;
    char *url;
};

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

/* The paging object of the current response, and its total. @return 0 or SPOTC_EJSON. */
static int page_of(spotc__pager *p, json_t **doc, const json_t **page)
{
    int rc = spotc__response_json_required(p->client, p->resp, doc);
    if (rc < 0)
        return rc;
    *page = p->page_key[0] ? json_object_get(*doc, p->page_key) : *doc;
    if (!json_is_object(*page))
        return spotc__error_set(p->client, SPOTC_EJSON,
                                "Spotify's response has no page of items%s%s",
                                p->page_key[0] ? " under " : "", p->page_key);
    json_t *total = json_object_get(*page, "total");
    p->total = json_is_integer(total) ? (long)json_integer_value(total) : -1;
    return 0;
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

/* Forget the pages fetched ahead and the error of one of them. */
static void drop_ahead(spotc__pager *p)
{
    for (size_t i = p->qhead; i < p->nqueue; i++) {
        spotc_response_free(p->queue[i].resp);
        free(p->queue[i].url);
    }
    free(p->queue);
    p->queue = NULL;
    p->nqueue = p->qhead = 0;
    if (p->failed) {
        spotc__error_store_free(p->failed);
        free(p->failed);
        p->failed = NULL;
    }
}

/* Make the next page fetched ahead the current one, when it is the page the
 * last one links to. @return 1, or 0 when there is none to use. */
static int take_ahead(spotc__pager *p)
{
    if (p->qhead == p->nqueue)
        return 0;
    struct spotc__fetched *f = &p->queue[p->qhead];
    if (strcmp(f->url, p->next) != 0) {
        /* The links do not go where the offsets went (pages shorter than their
         * limit?): follow them one at a time from here, as they say. */
        drop_ahead(p);
        p->concurrency = 1;
        return 0;
    }
    p->resp = f->resp;
    free(f->url);
    f->resp = NULL;
    f->url = NULL;
    p->qhead++;
    if (p->qhead == p->nqueue) {
        free(p->queue);
        p->queue = NULL;
        p->nqueue = p->qhead = 0;
    }
    return 1;
}

/* Hand out the error of a page fetched ahead. The pager stays before that
 * page, so a later call asks for it again. */
static int failed_ahead(spotc__pager *p)
{
    spotc__error_store_move(&p->client->err, p->failed);
    free(p->failed);
    p->failed = NULL;
    return p->client->err.pub.code;
}

/* How many pages to fetch at once from p->next (0 or 1: one at a time), and
 * the offset step between them. Only offset pages qualify: a cursor page's
 * link comes from the page before it, so cursor pages cannot be asked for
 * ahead. The total (from the last page) bounds them, so no request goes past
 * the end or past max_items. A link that spotc_request_send() would refuse is left
 * to it, which says why. */
static size_t batch_size(const spotc__pager *p, long *first, long *step)
{
    if (p->concurrency <= 1 || p->cursor || p->total < 0 || !spotc__url_chars_ok(p->next) ||
        !spotc__url_below(p->next, spotc__client_api_base(p->client)))
        return 0;
    *first = link_param(p->next, "offset", NULL, NULL);
    *step = link_param(p->next, "limit", NULL, NULL);
    if (*first < 0 || *step <= 0)
        return 0;
    long want = p->total - *first;
    if (p->max_items && (long)(p->max_items - p->taken) < want)
        want = (long)(p->max_items - p->taken);
    /* Rounded up without want + step - 1, which a server's total and limit
     * near LONG_MAX would overflow. */
    long pages = want > 0 ? want / *step + (want % *step != 0) : 0;
    return pages < p->concurrency ? (size_t)pages : (size_t)p->concurrency;
}

/* Queue the answers of a batch in order, up to the first that failed, whose
 * error is kept for when its turn comes. @return 0, or the error of the first
 * page (nothing queued). */
static int queue_batch(spotc__pager *p, spotc_response **outs, const int *rcs, size_t n)
{
    size_t ok = 0;
    while (ok < n && rcs[ok] == 0)
        ok++;
    int rc = 0;
    if (ok < n)
        rc = page_failed(p, rcs[ok], p->queue[ok].url);
    if (rc < 0 && ok > 0) {
        p->failed = malloc(sizeof *p->failed);
        if (p->failed) {
            spotc__error_store_init(p->failed);
            spotc__error_store_move(p->failed, &p->client->err);
            rc = 0;
        } else {
            rc = out_of_memory(p->client);
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (i < ok && rc == 0) {
            p->queue[i].resp = outs[i];
            continue;
        }
        spotc_response_free(outs[i]);
        free(p->queue[i].url);
        p->queue[i].url = NULL;
    }
    p->nqueue = rc == 0 ? ok : 0;
    return rc;
}

/* Fetch n offset pages at once (one round of spotc__send_batch). */
static int fetch_batch(spotc__pager *p, size_t n, long first, long step)
{
    spotc__send_req *reqs = calloc(n, sizeof *reqs);
    spotc_response **outs = calloc(n, sizeof *outs);
    int *rcs = calloc(n, sizeof *rcs);
    p->queue = calloc(n, sizeof *p->queue);
    int rc = reqs && outs && rcs && p->queue ? 0 : out_of_memory(p->client);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        if (!(p->queue[i].url = link_at(p->next, first + (long)i * step)))
            rc = out_of_memory(p->client);
        reqs[i] = (spotc__send_req){.method = "GET", .url = p->queue[i].url, .bearer = 1};
    }
    if (rc == 0) {
        spotc__send_batch(p->client, reqs, n, outs, rcs);
        rc = queue_batch(p, outs, rcs, n);
    } else if (p->queue) {
        for (size_t i = 0; i < n; i++)
            free(p->queue[i].url);
    }
    if (rc < 0) {
        free(p->queue);
        p->queue = NULL;
    }
    free(reqs);
    free(outs);
    free(rcs);
    return rc;
}

/* Make the page p->next points to the current one. @return 1, 0 when there is
 * none, or a code. */
static int fetch(spotc__pager *p)
{
    spotc_response_free(p->resp);
    p->resp = NULL;
    if (!p->next || (p->max_items && p->taken >= p->max_items)) {
        drop_ahead(p);
        return 0;
    }
    if (take_ahead(p))
        return 1;
    if (p->failed)
        return failed_ahead(p);
    long first, step;
    size_t n = batch_size(p, &first, &step);
    if (n >= 2) {
        int rc = fetch_batch(p, n, first, step);
        if (rc < 0)
            return rc;
        if (take_ahead(p))
            return 1;
    }
    int rc = spotc_request_send(&p->resp, p->client, "GET", p->next, NULL, 0, NULL);
    return rc < 0 ? page_failed(p, rc, p->next) : 1;
}

/* Remember the page's `next` link, unless paging should stop here. */
static int follow(spotc__pager *p, const json_t *page, size_t nitems)
{
    const char *next = json_string_value(json_object_get(page, "next"));
    char *fetched = p->next;
    p->next = NULL;
    int stop = !next || !*next || nitems == 0 || (fetched && strcmp(fetched, next) == 0) ||
               (p->max_items && p->taken >= p->max_items);
    free(fetched);
    if (!stop && !(p->next = strdup(next)))
        return out_of_memory(p->client);
    return 0;
}

int spotc__pager_next(spotc__pager *p, json_t **root, const json_t **page, size_t *take)
{
    *root = NULL;
    *page = NULL;
    *take = 0;
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
}
