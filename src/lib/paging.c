/*
 * Following `next` links (paging.h).
 *
 * Links are used as given: they are absolute URLs below the API base, which
 * spotc_request() accepts and checks (the token never goes to another host).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "paging.h"

static void set_page_key(spotc__pager *p, const char *page_key, const char *operation_id)
{
    p->page_key[0] = '\0';
    if (!page_key) {
        /* "artists.items" -> "artists"; "items" -> top level */
        const spotc_operation *op = spotc_operation_find(operation_id);
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

int spotc__pager_start(spotc__pager *p, spotc_client *client, const char *operation_id,
                       const spotc_param *params, size_t nparams, const char *page_key,
                       size_t max_items)
{
    memset(p, 0, sizeof *p);
    p->client = client;
    p->max_items = max_items;
    set_page_key(p, page_key, operation_id);
    int rc = spotc_call(&p->resp, client, operation_id, params, nparams, NULL);
    p->pending = rc == 0;
    return rc;
}

int spotc__pager_resume(spotc__pager *p, spotc_client *client, const char *next,
                        const char *page_key, size_t max_items, size_t taken)
{
    memset(p, 0, sizeof *p);
    p->client = client;
    p->max_items = max_items;
    p->taken = taken;
    set_page_key(p, page_key ? page_key : "", NULL);
    if (next && !(p->next = strdup(next)))
        return spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
    return 0;
}

/* Fetch the page p->next points to. @return 1, 0 when there is none, or a code. */
static int fetch(spotc__pager *p)
{
    spotc_response_free(p->resp);
    p->resp = NULL;
    if (!p->next || (p->max_items && p->taken >= p->max_items))
        return 0;
    int rc = spotc_request(&p->resp, p->client, "GET", p->next, NULL, 0, NULL);
    return rc < 0 ? rc : 1;
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
        return spotc__error_set(p->client, SPOTC_ENOMEM, "out of memory");
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
    int rc = spotc__response_json_required(p->client, p->resp, &doc);
    if (rc < 0)
        return rc;
    const json_t *pg = p->page_key[0] ? json_object_get(doc, p->page_key) : doc;
    if (!json_is_object(pg))
        return spotc__error_set(p->client, SPOTC_EJSON,
                                "Spotify's response has no page of items%s%s",
                                p->page_key[0] ? " under " : "", p->page_key);
    size_t n = json_array_size(json_object_get(pg, "items"));
    size_t use = n;
    if (p->max_items && use > p->max_items - p->taken)
        use = p->max_items - p->taken;
    p->taken += use;
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
}
