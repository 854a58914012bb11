/* The pager's window of pages in flight (page_window.h). */
#include <stdlib.h>
#include <string.h>

#include "client_priv.h"
#include "page_window.h"
#include "send.h"
#include "transport.h"

typedef struct spotc__win_entry {
    char *url;
    spotc__http x;
    struct curl_slist *headers;
    spotc__xfer *h; /* NULL: not sent */
    int heard;      /* its 429 was heard already, with the head's (hear_window) */
} win_entry;

static void entry_free(spotc_client *c, win_entry *e)
{
    spotc__transport_stop(c->transport, e->h);
    spotc__http_cleanup(&e->x);
    spotc__send_headers_free(e->headers);
    free(e->url);
    memset(e, 0, sizeof *e);
}

/* Send e's request now, when the rate budget (hook) and the token allow. */
static void entry_start(spotc_client *c, win_entry *e)
{
    spotc__send_req req = {.method = "GET", .url = e->url, .bearer = 1};
    e->x.method = "GET";
    e->x.url = e->url;
    if (c->hook.before && c->hook.before(c, c->hook.ctx) != 0)
        return;
    if (spotc__send_headers(c, &req, &e->headers) != 0)
        return;
    e->x.headers = e->headers;
    if (spotc__transport_start(c->transport, &e->x, &e->h) != 0)
        e->h = NULL;
    else
        spotc__pace_sent(c);
}

int spotc__ahead_add(spotc_client *c, spotc__page_window *w, char *url, size_t cap)
{
    if (!w->e) {
        if (!(w->e = calloc(cap ? cap : 1, sizeof *w->e))) {
            free(url);
            return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
        }
        w->cap = cap ? cap : 1;
    }
    if (w->n == w->cap) { /* never: the pager adds no more than cap */
        free(url);
        return 0;
    }
    win_entry *e = &w->e[(w->head + w->n++) % w->cap];
    e->url = url;
    entry_start(c, e);
    return 0;
}

/* A 429 is heard as the retry policy would (the client pauses, the budget learns). */
static void heard_429(spotc_client *c, const spotc_response *r)
{
    int after = spotc__response_retry_after(r);
    if (c->hook.limited)
        c->hook.limited(c, c->hook.ctx, after);
    spotc__pace_learn(c);
    spotc__pace_limited(c, after > 0 ? after * 1000L : 0);
}

/* At a 429 the server's window is full, and the pages in flight behind the head are
 * likely answered 429 too. Their answers are read now, as they arrive, and heard: read
 * only after the pause, each 429's Retry-After would count from then and pause the client
 * once more (an export at 150 requests a 30 s window took 61 s instead of 31), and the
 * budget would be lowered by a window that no longer holds the requests. Not when the
 * pause is beyond the client's cap: the caller fails fast then. */
static void hear_window(spotc_client *c, spotc__page_window *w)
{
    if (!spotc__pace_pause_waited(c))
        return;
    for (size_t i = 1; i < w->n; i++) {
        win_entry *e = &w->e[(w->head + i) % w->cap];
        if (!e->h || e->heard || spotc__transport_wait(c->transport, e->h) != 0 ||
            e->x.result != CURLE_OK || e->x.resp->status != 429)
            continue;
        heard_429(c, e->x.resp);
        e->heard = 1;
    }
}

/* Take the head out of the window. */
static void pop(spotc_client *c, spotc__page_window *w)
{
    entry_free(c, &w->e[w->head]);
    w->head = (w->head + 1) % w->cap;
    w->n--;
}

/* A final answer (a 4xx the retry policy would not retry) is the page's error, said now;
 * the page stays at the head, unsent, so that asking again fetches it the ordinary way
 * and the pages after it are still in flight. @return the error's code. */
static int final_answer(spotc_client *c, win_entry *e)
{
    const spotc_response *r = e->x.resp;
    int rc = spotc__error_from_response(c, r->status, r->body.p, r->body.len, 0);
    spotc__error_set_request(c, "GET", e->url);
    spotc__transport_stop(c->transport, e->h);
    e->h = NULL;
    spotc__http_cleanup(&e->x);
    spotc__send_headers_free(e->headers);
    e->headers = NULL;
    return rc;
}

int spotc__ahead_take(spotc_client *c, spotc__page_window *w, const char *url, spotc_response **out)
{
    *out = NULL;
    if (w->n == 0)
        return 0;
    win_entry *e = &w->e[w->head];
    if (strcmp(e->url, url) != 0) {
        spotc__ahead_clear(c, w);
        return 0;
    }
    int status = 0;
    if (e->h && spotc__transport_wait(c->transport, e->h) == 0 && e->x.result == CURLE_OK)
        status = e->x.resp->status;
    if (status && status != 429)
        spotc__pace_admitted(c);
    if (status >= 200 && status < 300) {
        *out = e->x.resp;
        e->x.resp = NULL;
    } else if (status == 429) {
        if (!e->heard) {
            heard_429(c, e->x.resp);
            hear_window(c, w);
        }
    } else if (status >= 400 && status < 500 && status != 401) {
        return final_answer(c, e);
    }
    pop(c, w);
    return *out ? 1 : 0;
}

void spotc__ahead_clear(spotc_client *c, spotc__page_window *w)
{
    for (size_t i = 0; i < w->n; i++)
        entry_free(c, &w->e[(w->head + i) % w->cap]);
    free(w->e);
    memset(w, 0, sizeof *w);
}
