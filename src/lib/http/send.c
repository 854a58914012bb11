/*
 * The retry loop: build headers, run the transfer, ask the retry policy,
 * sleep or renew the token, and turn the final outcome into an error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "buf.h"
#include "client_priv.h"
#include "send.h"

typedef struct loop_state {
    int retries;
    int rate_retries;
    long rate_waited_ms;
    int renewed;
} loop_state;

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static struct curl_slist *add(struct curl_slist *l, const char *h, int *oom)
{
    struct curl_slist *n = curl_slist_append(l, h);
    if (!n)
        *oom = 1;
    return n ? n : l;
}

/* Free a header list, wiping it first: it holds the token. */
void spotc__send_headers_free(struct curl_slist *l)
{
    for (struct curl_slist *p = l; p; p = p->next)
        OPENSSL_cleanse(p->data, strlen(p->data));
    curl_slist_free_all(l);
}

/* The headers of one attempt (the token may change between attempts). The
 * Authorization line is built in a buffer that is wiped after the copy. */
int spotc__send_headers(spotc_client *c, const spotc__send_req *r, struct curl_slist **out)
{
    int oom = 0;
    struct curl_slist *l = NULL;
    spotc__buf auth = SPOTC__BUF_INIT;
    if (r->bearer) {
        const char *tok = NULL;
        int rc = spotc__token_get(c, &tok);
        if (rc != 0)
            return rc;
        spotc__buf_printf(&auth, "Authorization: Bearer %s", tok);
    } else if (r->authorization) {
        spotc__buf_printf(&auth, "Authorization: %s", r->authorization);
    }
    if (auth.oom)
        oom = 1;
    else if (auth.len)
        l = add(l, spotc__buf_str(&auth), &oom);
    if (auth.p)
        OPENSSL_cleanse(auth.p, auth.cap);
    spotc__buf_free(&auth);
    l = add(l, "Accept: application/json", &oom);
    if (r->content_type) {
        char ct[128];
        snprintf(ct, sizeof ct, "Content-Type: %s", r->content_type);
        l = add(l, ct, &oom);
    } else {
        l = add(l, "Content-Type:", &oom); /* "Content-Type:" alone removes libcurl's default */
    }
    l = add(l, "Expect:", &oom); /* no 100-continue round trip */
    if (oom) {
        spotc__send_headers_free(l);
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    }
    *out = l;
    return 0;
}

/* A certificate that cannot be verified, said plainly: what to do about it. */
static int tls_error(spotc_client *c, const spotc__http *x)
{
    const char *detail = x->errbuf[0] ? x->errbuf : curl_easy_strerror(x->result);
    if (x->result == CURLE_SSL_CACERT_BADFILE)
        return spotc__error_set(c, SPOTC_ENETWORK, "TLS: the CA bundle cannot be used: %s", detail);
    return spotc__error_set(c, SPOTC_ENETWORK,
                            "TLS: the server's certificate is not trusted (%s); nothing was "
                            "sent. To trust a private CA, give its certificate: --cacert FILE "
                            "or SPOTC_CA_BUNDLE",
                            detail);
}

static int network_error(spotc_client *c, const spotc__http *x, const loop_state *s)
{
    if (x->result == CURLE_PEER_FAILED_VERIFICATION || x->result == CURLE_SSL_CACERT_BADFILE)
        return tls_error(c, x);
    if (x->result == CURLE_OUT_OF_MEMORY || (x->resp && x->resp->oom))
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory receiving the response");
    const char *detail = x->errbuf[0] ? x->errbuf : curl_easy_strerror(x->result);
    int not_replayed = x->sent && !spotc__retry_idempotent(x->method) &&
                       spotc__retry_net_transient((int)x->result);
    if (not_replayed)
        return spotc__error_set(c, SPOTC_ENETWORK,
                                "network error: %s (not retried: the %s may have reached the "
                                "server, and replaying it could apply it twice)",
                                detail, x->method);
    if (s->retries > 0)
        return spotc__error_set(c, SPOTC_ENETWORK, "network error: %s (after %d retries)", detail,
                                s->retries);
    return spotc__error_set(c, SPOTC_ENETWORK, "network error: %s", detail);
}

static int rate_cap_error(spotc_client *c, const spotc__http *x, const spotc__retry_decision *d,
                          const loop_state *s)
{
    spotc__error_body eb;
    spotc__error_body_parse(&eb, x->resp->body.p, x->resp->body.len);
    int cap = c->retry.max_rate_limit_wait;
    long waited = s->rate_waited_ms / 1000;
    char why[160] = "";
    if (eb.reason)
        snprintf(why, sizeof why, " (%.100s)", eb.reason);
    int rc;
    if (d->out_of_tries) /* the cap was not what stopped it: say what did */
        rc = spotc__error_set_http(c, SPOTC_ERATELIMIT, 429, eb.reason, NULL, d->asked_s,
                                   "rate limited: still refused after %d retries and %ld s of "
                                   "waiting (at most %d retries on 429)%s",
                                   s->rate_retries, waited, SPOTC__RATE_MAX_TRIES, why);
    else if (d->asked_s >= 0 && waited == 0)
        rc = spotc__error_set_http(c, SPOTC_ERATELIMIT, 429, eb.reason, NULL, d->asked_s,
                                   "rate limited: Spotify asked to wait %d s, more than the %d s "
                                   "cap%s",
                                   d->asked_s, cap, why);
    else if (d->asked_s >= 0)
        rc = spotc__error_set_http(c, SPOTC_ERATELIMIT, 429, eb.reason, NULL, d->asked_s,
                                   "rate limited: Spotify asked to wait %d s more after %ld s of "
                                   "waiting, more than the %d s cap%s",
                                   d->asked_s, waited, cap, why);
    else
        rc = spotc__error_set_http(c, SPOTC_ERATELIMIT, 429, eb.reason, NULL, -1,
                                   "rate limited: still refused after waiting %ld s (the cap is "
                                   "%d s)%s",
                                   waited, cap, why);
    spotc__error_body_clear(&eb);
    return rc;
}

static int http_error(spotc_client *c, const spotc__send_req *r, const spotc__http *x,
                      const loop_state *s)
{
    const spotc_response *resp = x->resp;
    int rc = spotc__error_from_response(c, resp->status, resp->body.p, resp->body.len, r->accounts);
    if (resp->status != 401 || !r->bearer || rc == SPOTC_ENOMEM)
        return rc;
    const spotc_error *e = &c->err.pub;
    if (s->renewed)
        return spotc__error_set_http(c, SPOTC_EAUTH, 401, e->reason, NULL, -1,
                                     "%s, even with a new token", e->message);
    if (!spotc__token_renewable(c))
        return spotc__error_set_http(c, SPOTC_EAUTH, 401, e->reason, NULL, -1,
                                     "%s: the %s is used as given (SPOTIFY_ACCESS_TOKEN) and "
                                     "cannot be renewed: get a new one, or set SPOTIFY_CLIENT_ID "
                                     "and SPOTIFY_CLIENT_SECRET instead",
                                     e->message, c->token.src.name);
    return rc;
}

static const char *describe(const spotc__http *x, char *buf, size_t size)
{
    if (x->result != CURLE_OK)
        snprintf(buf, size, "%s", curl_easy_strerror(x->result));
    else
        snprintf(buf, size, "HTTP %d", x->resp->status);
    return buf;
}

/* One request of a batch. */
typedef struct slot {
    const spotc__send_req *req;
    spotc__http x;
    struct curl_slist *headers;
    loop_state s;
    int done;
    int rc;
    int renew;              /* waits for the token renewal of this round */
    spotc__error_store err; /* its error, kept aside while the others run */
} slot;

/* Finish a slot with the error now on the client, and keep the error aside. */
static void fail_slot(spotc_client *c, slot *sl, int rc)
{
    /* Errors from a token request already name that request. */
    if (!c->err.pub.method)
        spotc__error_set_request(c, sl->req->method, sl->req->url);
    sl->done = 1;
    sl->rc = rc;
    spotc__error_store_move(&sl->err, &c->err);
}

/* Fail every unfinished slot (or only those waiting for a renewal) with the
 * error now on the client: each gets its own copy. */
static void fail_many(spotc_client *c, slot *slots, size_t n, int rc, int only_renewing)
{
    const slot *first = NULL;
    for (size_t i = 0; i < n; i++) {
        slot *sl = &slots[i];
        if (sl->done || (only_renewing && !sl->renew))
            continue;
        if (first)
            spotc__error_set(c, rc, "%s", first->err.pub.message);
        fail_slot(c, sl, rc);
        first = first ? first : sl;
    }
}

/* Decide a slot's next step after an attempt that did not succeed.
 * @return the delay before its next attempt (0 for none). */
static long next_step(spotc_client *c, slot *sl)
{
    const spotc__send_req *r = sl->req;
    spotc__http *x = &sl->x;
    loop_state *s = &sl->s;
    int status = x->result == CURLE_OK ? x->resp->status : 0;
    spotc__attempt a = {
        .method = r->method,
        .http_status = status,
        .curl_code = (int)x->result,
        .sent = x->sent,
        .retry_after = status ? spotc__response_retry_after(x->resp) : -1,
        .retries = s->retries,
        .rate_retries = s->rate_retries,
        .rate_waited_ms = s->rate_waited_ms,
        .can_renew = r->bearer && spotc__token_renewable(c),
        .renewed = s->renewed,
        .random = spotc__client_random(c),
    };
    if (status == 429 && !r->accounts) {
        if (c->hook.limited)
            c->hook.limited(c, c->hook.ctx, a.retry_after);
        spotc__pace_learn(c); /* what the window held is the budget from now on */
    }
    spotc__retry_decision d = spotc__retry_decide(&c->retry, &a);
    char what[128];
    switch (d.action) {
    case SPOTC__RETRY_WAIT:
        spotc__trace(c, "* %s: retrying in %ld ms", describe(x, what, sizeof what), d.delay_ms);
        if (d.rate_limit) {
            spotc__pace_limited(c, d.delay_ms); /* the whole client pauses (pace.h) */
            s->rate_retries++;
            s->rate_waited_ms += d.delay_ms;
        } else {
            s->retries++;
        }
        return d.delay_ms;
    case SPOTC__RETRY_RENEW:
        s->renewed = 1;
        sl->renew = 1;
        return 0;
    case SPOTC__RETRY_RATE_CAP:
        spotc__pace_limited(c, d.asked_s > 0 ? d.asked_s * 1000L : 0);
        fail_slot(c, sl, rate_cap_error(c, x, &d, s));
        return 0;
    default:
        fail_slot(c, sl, status ? http_error(c, r, x, s) : network_error(c, x, s));
        return 0;
    }
}

/* Send the pending slots' attempts at once. @return 0, or an error that ends the batch. */
static int run_round(spotc_client *c, slot *slots, size_t n, spotc__http **xs)
{
    spotc__pace_wait(c); /* a Retry-After another request got still runs */
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (slots[i].done)
            continue;
        int rc = c->hook.before && !slots[i].req->accounts ? c->hook.before(c, c->hook.ctx) : 0;
        if (rc == 0)
            rc = spotc__send_headers(c, slots[i].req, &slots[i].headers);
        if (rc != 0) {
            fail_slot(c, &slots[i], rc);
            continue;
        }
        if (!slots[i].req->accounts)
            spotc__pace_take(c); /* within the learnt rate budget */
        slots[i].x.headers = slots[i].headers;
        xs[k++] = &slots[i].x;
    }
    int rc = k ? spotc__transport_run(c->transport, xs, k) : 0;
    for (size_t i = 0; i < n; i++) {
        spotc__send_headers_free(slots[i].headers);
        slots[i].headers = NULL;
        slots[i].x.headers = NULL;
    }
    return rc;
}

/* The round's Web API answers other than 429 count in the budget's window, all of
 * them before a 429 of the same round learns from it. */
static void count_admitted(spotc_client *c, const slot *slots, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const slot *sl = &slots[i];
        if (!sl->done && sl->x.resp && sl->x.result == CURLE_OK && sl->x.resp->status != 429 &&
            !sl->req->accounts)
            spotc__pace_admitted(c);
    }
}

/* After a round: settle successes, plan retries, renew the token once for all
 * the 401s of the round. @return the longest wait asked, *why the status that asked it. */
static long settle_round(spotc_client *c, slot *slots, size_t n, int *why)
{
    long wait = 0;
    int renew = 0;
    count_admitted(c, slots, n);
    for (size_t i = 0; i < n; i++) {
        slot *sl = &slots[i];
        if (sl->done || !sl->x.resp)
            continue;
        if (sl->x.result == CURLE_OK && sl->x.resp->status >= 200 && sl->x.resp->status < 300) {
            sl->done = 1;
            continue;
        }
        int status = sl->x.result == CURLE_OK ? sl->x.resp->status : 0;
        long d = next_step(c, sl);
        if (d > wait) {
            wait = d;
            *why = status;
        }
        renew |= sl->renew;
    }
    if (!renew)
        return wait;
    spotc__trace(c, "* HTTP 401: getting a new token, then replaying once");
    int rc = spotc__token_renew(c);
    if (rc != 0)
        fail_many(c, slots, n, rc, 1);
    for (size_t i = 0; i < n; i++)
        slots[i].renew = 0;
    return wait;
}

static int pending(const slot *slots, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!slots[i].done)
            return 1;
    return 0;
}

/* Hand out the results; the client's last error becomes that of the first
 * request that failed. @return its code, or 0. */
static int finish_batch(spotc_client *c, slot *slots, size_t n, spotc_response **outs, int *rcs)
{
    int first = 0;
    spotc__error_clear(c);
    for (size_t i = 0; i < n; i++) {
        slot *sl = &slots[i];
        if (rcs)
            rcs[i] = sl->rc;
        if (outs)
            outs[i] = NULL;
        if (sl->rc == 0 && outs) {
            outs[i] = sl->x.resp;
            sl->x.resp = NULL;
        }
        if (sl->rc != 0 && first == 0) {
            first = sl->rc;
            spotc__error_store_move(&c->err, &sl->err);
        }
        spotc__http_cleanup(&sl->x);
        spotc__error_store_free(&sl->err);
    }
    return first;
}

int spotc__send_batch(spotc_client *c, const spotc__send_req *reqs, size_t n, spotc_response **outs,
                      int *rcs)
{
    slot *slots = calloc(n ? n : 1, sizeof *slots);
    spotc__http **xs = calloc(n ? n : 1, sizeof *xs);
    if (!slots || !xs) {
        free(slots);
        free(xs);
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        slots[i].req = &reqs[i];
        slots[i].x.method = reqs[i].method;
        slots[i].x.url = reqs[i].url;
        slots[i].x.body = reqs[i].body;
        slots[i].x.body_len = reqs[i].body ? reqs[i].body_len : 0;
        spotc__error_store_init(&slots[i].err);
    }
    while (pending(slots, n)) {
        int rc = run_round(c, slots, n, xs);
        if (rc != 0) {
            spotc__error_set(c, rc, "could not start the transfers");
            fail_many(c, slots, n, rc, 0);
            break;
        }
        int why = 0;
        long wait = settle_round(c, slots, n, &why);
        if (wait > 0 && pending(slots, n)) {
            if (c->on_wait)
                c->on_wait(why, wait, c->on_wait_payload);
            sleep_ms(wait);
        }
    }
    int rc = finish_batch(c, slots, n, outs, rcs);
    free(slots);
    free(xs);
    return rc;
}

int spotc__send(spotc_client *c, const spotc__send_req *r, spotc_response **out)
{
    spotc_response *resp = NULL;
    int rc = spotc__send_batch(c, r, 1, &resp, NULL);
    if (out)
        *out = resp;
    else
        spotc_response_free(resp);
    return rc;
}
