/*
 * The helpers every typed call is built on (typed_call.h).
 *
 * Responses become models that keep the response's JSON document; results of
 * several pages keep one document per page, so nothing is copied.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ids_priv.h"
#include "page_follow.h"
#include "typed_call.h"

void spotc__params_add(spotc__params *p, const char *key, const char *value)
{
    if (!value)
        return;
    if (p->n == SPOTC__PARAMS_MAX) {
        p->overflow = true;
        return;
    }
    p->v[p->n].key = key;
    p->v[p->n++].value = value;
}

void spotc__params_add_int(spotc__params *p, const char *key, long value)
{
    if (p->nnumbers == SPOTC__PARAMS_NUMBERS) {
        p->overflow = true;
        return;
    }
    char *s = p->numbers[p->nnumbers++];
    snprintf(s, sizeof p->numbers[0], "%ld", value);
    spotc__params_add(p, key, s);
}

void spotc__params_add_market(spotc__params *p, spotc_client *client, const char *market)
{
    spotc__params_add(p, "market", market ? market : spotc__client_market(client));
}

int spotc__params_check(spotc_client *client, const spotc__params *p)
{
    return p->overflow ? spotc__error_set(client, SPOTC_EINVALID, "too many parameters") : 0;
}

int spotc__typed_nomem(spotc_client *client)
{
    return spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
}

int spotc__typed_response_object(spotc_client *client, spotc_response *resp, json_t **doc)
{
    int rc = spotc__response_json_required(client, resp, doc);
    if (rc == 0 && !json_is_object(*doc))
        rc = spotc__error_set(client, SPOTC_EJSON, "Spotify sent JSON that is not an object");
    return rc;
}

int spotc__typed_call(void **out, spotc_client *client, const char *op, const spotc__params *p,
                      const char *body, const spotc__result_kind *kind)
{
    static const spotc__params none;
    if (!p)
        p = &none;
    int rc = spotc__params_check(client, p);
    if (rc < 0)
        return rc;
    spotc_response *resp = NULL;
    json_t *doc;
    rc = spotc_operation_call(kind ? &resp : NULL, client, op, p->v, p->n, body);
    if (rc == 0 && kind) {
        rc = spotc__typed_response_object(client, resp, &doc);
        if (rc == 0 && kind->from_json(out, doc) < 0)
            rc = spotc__typed_nomem(client);
    }
    spotc_response_free(resp);
    return rc;
}

int spotc__typed_one(void **out, spotc_client *client, const spotc__item_call *what,
                     const char *input, const char *market, spotc__params *p)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc__params local = {0};
    if (!p)
        p = &local;
    spotc_id id;
    int rc = spotc__id_require(client, &id, input, what->type);
    if (rc < 0)
        return rc;
    spotc__params_add(p, "id", id.id);
    if (what->market)
        spotc__params_add_market(p, client, market);
    return spotc__typed_call(out, client, what->op, p, NULL, what->kind);
}

/* limit and offset from the options. Following all pages without a limit asks
 * for the largest page every app may ask for (spotc__page_size). The options
 * are a copy (spotc__page_options_copy), every field readable. */
static int page_params(spotc_client *client, const char *op_id, const spotc_page_options *opts,
                       spotc__params *p)
{
    if (!opts)
        return 0;
    const spotc_operation *op = spotc_operation_find(op_id);
    int rc = spotc__page_check(client, op, opts->limit, opts->offset, opts->max_items);
    if (rc == 0)
        rc = spotc__pager_concurrency(client, opts->concurrency);
    if (rc < 0)
        return rc;
    int limit = opts->limit;
    if (!limit && opts->all)
        limit = spotc__page_size(op, opts->max_items);
    if (limit)
        spotc__params_add_int(p, "limit", limit);
    if (opts->offset)
        spotc__params_add_int(p, "offset", opts->offset);
    return 0;
}

/* Pages fetched at once when following them all (checked by page_params). */
static int concurrency_of(const spotc_page_options *o)
{
    return o->concurrency ? o->concurrency : SPOTC_PAGER_CONCURRENCY_DEFAULT;
}

/* Append every page the pager yields to `list`, whose documents `root` keeps,
 * telling o->progress after each one. */
static int drain(spotc__pager *pg, void *root, void *list, const spotc__result_kind *kind,
                 bool first, const spotc_page_options *o)
{
    spotc__arena *a = spotc__model_arena(root);
    for (;;) {
        json_t *doc;
        const json_t *page;
        size_t take;
        int rc = spotc__pager_next(pg, &doc, &page, &take);
        if (rc <= 0) {
            if (rc == 0)
                spotc__pager_progress(pg, o->progress, o->progress_payload, 1);
            return rc;
        }
        if (take == 0 && !first)
            continue;
        spotc__list_opts lo = {.max = take, .first = first};
        if (spotc__model_keep(root, doc) < 0 || kind->add(a, list, page, &lo) < 0)
            return spotc__typed_nomem(pg->client);
        first = false;
        spotc__pager_progress(pg, o->progress, o->progress_payload, 0);
    }
}

int spotc__typed_paged(void **out, spotc_client *client, const char *op, spotc__params *p,
                       const spotc_page_options *opts, const spotc__result_kind *kind)
{
    spotc_page_options o;
    int rc = spotc__page_options_copy(client, &o, opts);
    if (rc < 0)
        return rc;
    if (opts)
        opts = &o;
    rc = page_params(client, op, opts, p);
    if (rc == 0)
        rc = spotc__params_check(client, p);
    if (rc < 0)
        return rc;
    if (!opts || !opts->all)
        return spotc__typed_call(out, client, op, p, NULL, kind);
    void *list = kind->create();
    if (!list)
        return spotc__typed_nomem(client);
    spotc__pager pg;
    rc = spotc__pager_start(&pg, client, op, p->v, p->n, NULL, (size_t)opts->max_items);
    pg.concurrency = concurrency_of(opts);
    if (rc == 0)
        rc = drain(&pg, list, list, kind, true, opts);
    spotc__pager_end(&pg);
    if (rc < 0) {
        spotc__model_free(list);
        return rc;
    }
    spotc__error_clear(client);
    *out = list;
    return 0;
}

int spotc__typed_children(void **out, spotc_client *client, const spotc__item_call *what,
                          const char *id_key, const char *input, spotc__params *p,
                          const spotc_page_options *opts)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    *out = NULL;
    spotc_id id;
    int rc = spotc__id_require(client, &id, input, what->type);
    if (rc < 0)
        return rc;
    spotc__params_add(p, id_key, id.id);
    return spotc__typed_paged(out, client, what->op, p, opts, what->kind);
}

int spotc__typed_more(spotc_client *client, void *root, void *list, const char *key,
                      const spotc_page_info *page, size_t count, size_t cap,
                      const spotc__result_kind *kind, const spotc_page_options *opts)
{
    if (!list || !page->next)
        return 0;
    spotc_page_options o;
    int rc = spotc__page_options_copy(client, &o, opts);
    if (rc < 0)
        return rc;
    spotc__pager pg;
    rc = spotc__pager_resume(&pg, client, page->next, key, cap, count);
    pg.concurrency = concurrency_of(&o);
    if (rc == 0)
        rc = drain(&pg, root, list, kind, false, &o);
    spotc__pager_end(&pg);
    return rc;
}
