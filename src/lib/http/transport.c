/*
 * HTTP on libcurl's multi interface. See transport.h.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "retry.h"
#include "trace.h"
#include "transport.h"

/* Easy handles kept for the next transfers: making one is a tenth of a small request's
 * cost, and a reset one keeps its DNS and TLS session caches. */
#define IDLE_MAX 16

struct spotc__transport {
    CURLM *multi; /* owns the connection cache: connections outlive transfers */
    CURL *idle[IDLE_MAX];
    size_t nidle;
    long connect_timeout_ms;
    long timeout_ms;
    char *user_agent;
    char *ca_bundle; /* NULL: the system's CAs */
    spotc_trace_cb trace;
    void *trace_payload;
};

/* One transfer in flight. */
typedef struct xfer {
    spotc__transport *t;
    spotc__http *x;
    CURL *easy;
    int body_traced;
    int done; /* finish() ran */
} xfer;

struct spotc__xfer {
    xfer xf;
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static CURLcode global_rc = CURLE_FAILED_INIT;

/* curl_global_init() is not thread-safe in every libcurl; run it once. It is
 * never undone: other code in the process may use libcurl too. */
static void global_init(void)
{
    global_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

int spotc__transport_new(spotc__transport **out, const spotc__transport_options *opts)
{
    *out = NULL;
    pthread_once(&global_once, global_init);
    if (global_rc != CURLE_OK)
        return SPOTC_ERROR;
    spotc__transport *t = calloc(1, sizeof *t);
    if (!t)
        return SPOTC_ENOMEM;
    t->multi = curl_multi_init();
    t->user_agent = strdup(opts->user_agent);
    t->ca_bundle = opts->ca_bundle ? strdup(opts->ca_bundle) : NULL;
    if (!t->multi || !t->user_agent || (opts->ca_bundle && !t->ca_bundle)) {
        spotc__transport_free(t);
        return SPOTC_ENOMEM;
    }
    t->connect_timeout_ms = opts->connect_timeout_ms;
    t->timeout_ms = opts->timeout_ms;
    t->trace = opts->trace;
    t->trace_payload = opts->trace_payload;
    *out = t;
    return 0;
}

void spotc__transport_free(spotc__transport *t)
{
    if (!t)
        return;
    if (t->multi)
        curl_multi_cleanup(t->multi);
    while (t->nidle)
        curl_easy_cleanup(t->idle[--t->nidle]);
    free(t->user_agent);
    free(t->ca_bundle);
    free(t);
}

void spotc__http_cleanup(spotc__http *x)
{
    spotc_response_free(x->resp);
    x->resp = NULL;
    x->result = CURLE_OK;
    x->errbuf[0] = '\0';
    x->sent = 0;
}

/* ------------------------------------------------------------ callbacks */

static size_t on_body(char *data, size_t size, size_t nmemb, void *userp)
{
    spotc_response *r = userp;
    size_t n = size * nmemb;
    if (r->body.len + n > (size_t)SPOTC__MAX_BODY)
        return 0; /* makes curl fail the transfer with CURLE_WRITE_ERROR */
    if (spotc__buf_add(&r->body, data, n) != 0) {
        r->oom = 1; /* the same CURLE_WRITE_ERROR, to be told apart from the network's */
        return 0;
    }
    return n;
}

static size_t on_header(char *data, size_t size, size_t nitems, void *userp)
{
    spotc_response *r = userp;
    size_t n = size * nitems;
    if (spotc__response_header_line(r, data, n) != 0) {
        r->oom = 1;
        return 0;
    }
    return n;
}

static int on_debug(CURL *easy, curl_infotype type, char *data, size_t size, void *userp)
{
    xfer *xf = userp;
    spotc__transport *t = xf->t;
    switch (type) {
    case CURLINFO_TEXT:
        spotc__trace_block(t->trace, t->trace_payload, "* ", data, size, SPOTC__TRACE_TEXT);
        break;
    case CURLINFO_HEADER_OUT:
        spotc__trace_block(t->trace, t->trace_payload, "> ", data, size, SPOTC__TRACE_HEADER);
        break;
    case CURLINFO_HEADER_IN:
        spotc__trace_block(t->trace, t->trace_payload, "< ", data, size, SPOTC__TRACE_HEADER);
        break;
    case CURLINFO_DATA_OUT:
        /* The body may go out in pieces: trace all of it once, so that
         * redaction never sees a secret cut in two. */
        if (!xf->body_traced && xf->x->body)
            spotc__trace_block(t->trace, t->trace_payload, "> ", xf->x->body, xf->x->body_len,
                               SPOTC__TRACE_BODY);
        xf->body_traced = 1;
        break;
    default:
        break;
    }
    return 0;
}

/* ------------------------------------------------------------ set-up */

static void set_method(CURL *e, const spotc__http *x)
{
    if (strcmp(x->method, "GET") == 0) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
        return;
    }
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, x->method);
    /* Always a body (maybe empty) so that Content-Length is sent: Spotify
     * answers 411 to a PUT or POST without one. */
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(x->body ? x->body_len : 0));
    curl_easy_setopt(e, CURLOPT_POSTFIELDS, x->body ? x->body : "");
    if (strcmp(x->method, "POST") == 0) {
        /* libcurl silently sends a request again on a fresh connection when a
         * reused one closes before any answer. The server may have acted on the
         * first one, so a POST never goes on a reused connection: then it is
         * never replayed behind our back (see retry.h). */
        curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
    }
}

static CURL *make_easy(xfer *xf)
{
    spotc__transport *t = xf->t;
    spotc__http *x = xf->x;
    CURL *e = t->nidle ? t->idle[--t->nidle] : curl_easy_init();
    if (!e)
        return NULL;
    curl_easy_setopt(e, CURLOPT_URL, x->url);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""); /* every encoding libcurl decodes */
    curl_easy_setopt(e, CURLOPT_USERAGENT, t->user_agent);
    /* Verification is libcurl's default; said here so no edit loses it. */
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    if (t->ca_bundle)
        curl_easy_setopt(e, CURLOPT_CAINFO, t->ca_bundle);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, t->connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, t->timeout_ms);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, (struct curl_slist *)x->headers);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, x->resp);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, x->resp);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)SPOTC__MAX_BODY);
    curl_easy_setopt(e, CURLOPT_PRIVATE, xf);
    /* TLS peer and host verification stay at libcurl's default: on. There is
     * deliberately no option to turn them off. */
    set_method(e, x);
    if (t->trace) {
        curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
        curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug);
        curl_easy_setopt(e, CURLOPT_DEBUGDATA, xf);
    }
    return e;
}

/* ------------------------------------------------------------ running */

/* Take an easy handle out of the multi and keep it for a later transfer, reset: no option
 * of this one (its URL, headers, body, callbacks' data) carries over. */
static void put_easy(spotc__transport *t, CURL *e)
{
    curl_multi_remove_handle(t->multi, e);
    if (t->nidle == IDLE_MAX) {
        curl_easy_cleanup(e);
        return;
    }
    curl_easy_reset(e);
    t->idle[t->nidle++] = e;
}

static void finish(xfer *xf, CURLcode result)
{
    spotc__http *x = xf->x;
    long status = 0, req_size = 0;
    x->result = result;
    curl_easy_getinfo(xf->easy, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(xf->easy, CURLINFO_REQUEST_SIZE, &req_size);
    x->resp->status = (int)status;
    x->sent = result == CURLE_OK || (!spotc__retry_net_unsent(result) && req_size > 0);
    xf->done = 1;
    spotc__transport *t = xf->t;
    if (t->trace && x->resp->body.len)
        spotc__trace_block(t->trace, t->trace_payload, "< ", x->resp->body.p, x->resp->body.len,
                           SPOTC__TRACE_BODY);
}

/* Finish the transfers that are done. */
static void collect(spotc__transport *t)
{
    int left;
    CURLMsg *msg;
    while ((msg = curl_multi_info_read(t->multi, &left)) != NULL) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        xfer *xf = NULL;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&xf);
        if (xf)
            finish(xf, msg->data.result);
    }
}

/* Run the transfers until `until` is done, or (NULL) until none is left, which includes
 * the transfers started with spotc__transport_start(). */
static int drive(spotc__transport *t, const xfer *until)
{
    int running = 1;
    while (until ? !until->done : running) {
        CURLMcode mc = curl_multi_perform(t->multi, &running);
        if (mc == CURLM_OK)
            collect(t);
        if (mc == CURLM_OK && until && !until->done && !running)
            return SPOTC_ERROR; /* not in this multi: it would never finish */
        if (mc == CURLM_OK && running && (until ? !until->done : 1))
            mc = curl_multi_poll(t->multi, NULL, 0, 1000, NULL);
        if (mc != CURLM_OK)
            return SPOTC_ERROR;
    }
    return 0;
}

/* The set-up both ways of running share: fresh out fields, a response, an easy handle. */
static int prepare(spotc__transport *t, spotc__http *x, xfer *xf)
{
    spotc__http_cleanup(x);
    x->result = CURLE_FAILED_INIT; /* until the transfer reports */
    x->resp = spotc__response_new();
    xf->t = t;
    xf->x = x;
    if (!x->resp || !(xf->easy = make_easy(xf)))
        return SPOTC_ENOMEM;
    return 0;
}

static void release(spotc__transport *t, xfer *xfs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!xfs[i].easy)
            continue;
        put_easy(t, xfs[i].easy);
    }
    free(xfs);
}

int spotc__transport_run(spotc__transport *t, spotc__http *const *xs, size_t n)
{
    xfer *xfs = calloc(n ? n : 1, sizeof *xfs);
    if (!xfs)
        return SPOTC_ENOMEM;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if ((rc = prepare(t, xs[i], &xfs[i])) == 0 &&
            curl_multi_add_handle(t->multi, xfs[i].easy) != CURLM_OK)
            rc = SPOTC_ERROR;
    }
    if (rc == 0)
        rc = drive(t, NULL);
    release(t, xfs, n);
    return rc;
}

int spotc__transport_start(spotc__transport *t, spotc__http *x, spotc__xfer **out)
{
    *out = NULL;
    spotc__xfer *h = calloc(1, sizeof *h);
    if (!h)
        return SPOTC_ENOMEM;
    int rc = prepare(t, x, &h->xf);
    if (rc == 0 && curl_multi_add_handle(t->multi, h->xf.easy) != CURLM_OK)
        rc = SPOTC_ERROR;
    int running;
    if (rc == 0 && curl_multi_perform(t->multi, &running) == CURLM_OK) {
        collect(t); /* the request goes out now, not when someone next waits */
        *out = h;
        return 0;
    }
    rc = rc ? rc : SPOTC_ERROR;
    if (h->xf.easy) {
        put_easy(t, h->xf.easy);
    }
    free(h);
    return rc;
}

int spotc__transport_wait(spotc__transport *t, spotc__xfer *h)
{
    return drive(t, &h->xf);
}

void spotc__transport_stop(spotc__transport *t, spotc__xfer *h)
{
    if (!h)
        return;
    put_easy(t, h->xf.easy);
    free(h);
}
