/*
 * The HTTP transport (internal): libcurl's multi interface.
 *
 * One spotc__transport (a CURLM) lives in each client. It keeps the connection
 * cache, so keep-alive connections (and HTTP/2 connections, negotiated by ALPN
 * on https) are reused from one request to the next. Each transfer gets an
 * easy handle of its own for its run; finished ones are reset and kept for the
 * next transfers.
 *
 * spotc__transport_run() takes N exchanges and returns when all are done: the
 * public calls pass one, a batch or a concurrent pager can pass many. The
 * transport knows nothing of tokens, retries or Spotify: it moves bytes and
 * reports what happened, and the retry loop (request.c) decides.
 */
#ifndef SPOTC_TRANSPORT_H
#define SPOTC_TRANSPORT_H

#include <curl/curl.h>

#include "internal.h"
#include "response.h"

typedef struct spotc__transport spotc__transport;

typedef struct spotc__transport_options {
    long connect_timeout_ms; /* > 0 */
    long timeout_ms;         /* > 0, the whole transfer */
    const char *user_agent;  /* copied */
    const char *ca_bundle;   /* copied; NULL: the system's CAs */
    spotc_trace_cb trace;    /* optional; lines are redacted before it sees them */
    void *trace_payload;
} spotc__transport_options;

/* One request and what became of it. */
typedef struct spotc__http {
    /* in, borrowed for the run */
    const char *method; /* GET, POST, PUT, DELETE */
    const char *url;
    const struct curl_slist *headers;
    const char *body; /* NULL for none */
    size_t body_len;

    /* out */
    CURLcode result;              /* CURLE_OK when a response was received */
    char errbuf[CURL_ERROR_SIZE]; /* curl's detail for result, "" when none */
    int sent;                     /* 0: the request surely never left this machine */
    spotc_response *resp;         /* status, headers, body; owned until taken */
} spotc__http;

/* Largest response body accepted; anything bigger fails the transfer. */
#define SPOTC__MAX_BODY (64L * 1024 * 1024)

/* @return 0, SPOTC_ENOMEM, SPOTC_ERROR (libcurl could not be set up). */
int spotc__transport_new(spotc__transport **out, const spotc__transport_options *opts);
void spotc__transport_free(spotc__transport *t);

/*
 * Run the exchanges concurrently and wait for all of them. Each one's outcome
 * is in its out fields (result, resp); earlier out fields are reset first.
 * @return 0 when all ran (whatever their outcome), SPOTC_ENOMEM or SPOTC_ERROR
 *         when the transfers could not be started.
 */
int spotc__transport_run(spotc__transport *t, spotc__http *const *xs, size_t n);

/*
 * One exchange run in the background, for a window of requests in flight (the pager's
 * pages fetched ahead): started now, then waited for when its answer is wanted. Until it
 * is stopped, it also runs during every spotc__transport_run() (which then waits for it
 * too), so x must stay where it is until spotc__transport_stop().
 */
typedef struct spotc__xfer spotc__xfer;

/* Start x (its request goes out before this returns). @param[out] out the handle, the
 * caller's until spotc__transport_stop(). @return 0, SPOTC_ENOMEM or SPOTC_ERROR. */
int spotc__transport_start(spotc__transport *t, spotc__http *x, spotc__xfer **out);

/* Run the transfers until h's is done (its outcome then in its x). @return 0 or SPOTC_ERROR. */
int spotc__transport_wait(spotc__transport *t, spotc__xfer *h);

/* End h's transfer (done or not) and free h. NULL is a no-op. */
void spotc__transport_stop(spotc__transport *t, spotc__xfer *h);

/* Free an exchange's out fields (not its in fields). */
void spotc__http_cleanup(spotc__http *x);

#endif
