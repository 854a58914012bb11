/*
 * The public streaming pager (spotc/paging.h) over the paging engine (paging.h):
 * checks the operation and the options, adds limit and offset, and hands out
 * each page's items array.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "page_follow.h"

struct spotc_pager {
    spotc__pager in;
    spotc_progress_cb progress;
    void *progress_payload;
    int ended; /* the end was reported to progress */
};

/* An operation the pager can follow: a GET whose response is one page. */
static int pageable(spotc_client *client, const spotc_operation *op, const char *id)
{
    if (!op)
        return spotc__error_set(client, SPOTC_EINVALID, "unknown operation '%.100s'",
                                id ? id : "(null)");
    if (op->paging == SPOTC_PAGING_NONE || strcmp(op->method, "GET") != 0)
        return spotc__error_set(client, SPOTC_EINVALID, "%s is not a paged operation", op->id);
    if (!op->items_key)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "%s answers with several pages at once: use its typed call "
                                "(spotc_search_run)",
                                op->id);
    return 0;
}

static int check_options(spotc_client *client, const spotc_operation *op,
                         const spotc_page_options *o)
{
    if (o->version < 1 || o->version > SPOTC_PAGE_OPTIONS_VERSION)
        return spotc__error_set(client, SPOTC_EINVALID, "unknown spotc_page_options version %u",
                                o->version);
    int rc = spotc__page_check(client, op, o->limit, o->offset, o->max_items);
    if (rc == 0 && o->offset && op->paging == SPOTC_PAGING_CURSOR)
        rc = spotc__error_set(client, SPOTC_EINVALID,
                              "%s has cursor pages: start with its after or before parameter, "
                              "not an offset",
                              op->id);
    return rc;
}

static int given(const spotc_param *params, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (params[i].key && strcmp(params[i].key, name) == 0)
            return 1;
    return 0;
}

/* The first page's parameters: the caller's, and limit and offset from the
 * options unless the caller gave them (giving both is spotc_operation_call's error). */
typedef struct first_page {
    spotc_param *v;
    size_t n;
    char limit[16], offset[16];
} first_page;

static int first_page_params(first_page *fp, const spotc_operation *op, const spotc_param *params,
                             size_t n, const spotc_page_options *o)
{
    fp->v = calloc(n + 2, sizeof *fp->v);
    if (!fp->v)
        return SPOTC_ENOMEM;
    if (n)
        memcpy(fp->v, params, n * sizeof *params);
    fp->n = n;
    if (o->limit || (spotc_operation_find_param(op, "limit") && !given(params, n, "limit"))) {
        snprintf(fp->limit, sizeof fp->limit, "%d",
                 o->limit ? o->limit : spotc__page_size(op, o->max_items));
        fp->v[fp->n++] = (spotc_param){"limit", fp->limit};
    }
    if (o->offset) {
        snprintf(fp->offset, sizeof fp->offset, "%d", o->offset);
        fp->v[fp->n++] = (spotc_param){"offset", fp->offset};
    }
    return 0;
}

int spotc_pager_new(spotc_pager **out, spotc_client *client, const char *operation_id,
                    const spotc_param *params, size_t nparams, const spotc_page_options *opts)
{
    if (out)
        *out = NULL;
    if (!out || !client)
        return SPOTC_EINVALID;
    spotc__error_clear(client);
    const spotc_operation *op = operation_id ? spotc_operation_find(operation_id) : NULL;
    spotc_page_options o;
    int rc = spotc__page_options_copy(client, &o, opts);
    if (rc == 0)
        rc = pageable(client, op, operation_id);
    if (rc == 0 && nparams && !params)
        rc = spotc__error_set(client, SPOTC_EINVALID, "parameters missing");
    if (rc == 0)
        rc = check_options(client, op, &o);
    int concurrency = rc == 0 ? spotc__pager_concurrency(client, o.concurrency) : rc;
    if (concurrency < 0)
        return concurrency;
    first_page fp = {0};
    spotc_pager *p = calloc(1, sizeof *p);
    if (!p || first_page_params(&fp, op, params, nparams, &o) < 0) {
        free(p);
        free(fp.v);
        return spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
    }
    rc = spotc__pager_start(&p->in, client, op->id, fp.v, fp.n, NULL, (size_t)o.max_items);
    p->in.concurrency = concurrency;
    p->progress = o.progress;
    p->progress_payload = o.progress_payload;
    free(fp.v);
    if (rc < 0) {
        spotc_pager_free(p);
        return rc;
    }
    *out = p;
    return 0;
}

/* Cut a page's items to the first `take` (max_items ends inside it). */
static void keep_first(json_t *items, size_t take)
{
    while (json_array_size(items) > take)
        json_array_remove(items, json_array_size(items) - 1);
}

int spotc__pager_next_page(spotc_pager *pager, int text, json_t **doc, const json_t **page,
                           size_t *take)
{
    *doc = NULL;
    *page = NULL;
    *take = 0;
    if (pager->in.text && !text)
        return spotc__error_set(pager->in.client, SPOTC_EINVALID,
                                "this pager is read as text: use spotc_pager_next_text()");
    pager->in.text = text;
    for (;;) {
        int rc = spotc__pager_next(&pager->in, doc, page, take);
        if (rc == 0 && !pager->ended) {
            pager->ended = 1;
            spotc__pager_progress(&pager->in, pager->progress, pager->progress_payload, 1);
        }
        if (rc <= 0)
            return rc;
        if (!json_is_array(json_object_get(*page, "items")))
            return spotc__error_set(pager->in.client, SPOTC_EJSON,
                                    "Spotify's page has no array of items");
        if (*take == 0)
            continue;
        spotc__pager_progress(&pager->in, pager->progress, pager->progress_payload, 0);
        return 1;
    }
}

int spotc_pager_next(spotc_pager *pager, json_t **items)
{
    if (items)
        *items = NULL;
    if (!pager || !items)
        return SPOTC_EINVALID;
    json_t *doc;
    const json_t *page;
    size_t take;
    int rc = spotc__pager_next_page(pager, 0, &doc, &page, &take);
    if (rc <= 0)
        return rc;
    json_t *arr = json_object_get(page, "items");
    keep_first(arr, take);
    *items = arr;
    return 1;
}

int spotc_pager_next_text(spotc_pager *pager, const spotc_json_text **items, size_t *count)
{
    if (items)
        *items = NULL;
    if (count)
        *count = 0;
    if (!pager || !items || !count)
        return SPOTC_EINVALID;
    json_t *doc;
    const json_t *page;
    size_t take;
    int rc = spotc__pager_next_page(pager, 1, &doc, &page, &take);
    if (rc <= 0)
        return rc;
    const spotc__page_text *t = &pager->in.texts;
    /* The scan and jansson agree on what is JSON (fuzz_json_scan); should they not, the
     * page is refused rather than handed out wrong. */
    if (!t->ok || t->n != json_array_size(json_object_get(page, "items")) || take > t->n)
        return spotc__error_set(pager->in.client, SPOTC_EJSON,
                                "Spotify's page could not be read as text");
    *items = t->items;
    *count = take;
    return 1;
}

long spotc_pager_get_total(const spotc_pager *pager)
{
    return pager ? pager->in.total : -1;
}

void spotc_pager_free(spotc_pager *pager)
{
    if (!pager)
        return;
    spotc__pager_end(&pager->in);
    free(pager);
}
