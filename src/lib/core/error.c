/*
 * The error model: fixed texts for the codes, the client's last error, and
 * the parser of Spotify's two error bodies.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "client_priv.h"
#include "url.h"

const char *spotc_strerror(int code)
{
    switch (code) {
    case SPOTC_OK:
        return "success";
    case SPOTC_ERROR:
        return "error";
    case SPOTC_EINVALID:
        return "invalid argument";
    case SPOTC_EAUTH:
        return "authentication failed";
    case SPOTC_EFORBIDDEN:
        return "forbidden";
    case SPOTC_ENOTFOUND:
        return "not found";
    case SPOTC_ERATELIMIT:
        return "rate limited";
    case SPOTC_ENETWORK:
        return "network error";
    case SPOTC_EHTTP:
        return "HTTP error";
    case SPOTC_EJSON:
        return "unexpected response";
    case SPOTC_ENODEVICE:
        return "no active device";
    case SPOTC_ENOMEM:
        return "out of memory";
    case SPOTC_EPREMIUM:
        return "Spotify Premium required";
    case SPOTC_ELOGIN:
        return "login required";
    case SPOTC_ESTATE:
        return "OAuth state mismatch";
    case SPOTC_EDENIED:
        return "authorization denied";
    case SPOTC_EIO:
        return "I/O error";
    case SPOTC_ETIMEOUT:
        return "timed out";
    case SPOTC_EPARTIAL:
        return "partial failure";
    default:
        return "unknown error";
    }
}

/* ------------------------------------------------------------ storage */

static void store_reset(spotc__error_store *e)
{
    free(e->message);
    free(e->reason);
    free(e->oauth_error);
    free(e->method);
    free(e->path);
    memset(e, 0, sizeof *e);
    e->pub.message = "";
    e->pub.retry_after = -1;
}

void spotc__error_store_init(spotc__error_store *e)
{
    memset(e, 0, sizeof *e);
    store_reset(e);
}

void spotc__error_store_free(spotc__error_store *e)
{
    store_reset(e);
}

void spotc__error_store_move(spotc__error_store *dst, spotc__error_store *src)
{
    store_reset(dst);
    *dst = *src;
    memset(src, 0, sizeof *src);
    store_reset(src);
}

/* ------------------------------------------------- the thread's last error */

/* Fixed buffers, so that a thread that ends leaves nothing to free. */
typedef struct last_error {
    spotc_error pub;
    char message[512], reason[64], oauth_error[64], method[8], path[256];
} last_error;

static _Thread_local last_error tls_last = {.pub = {.message = "", .retry_after = -1}};

static const char *keep(char *dst, size_t n, const char *src)
{
    if (!src)
        return NULL;
    snprintf(dst, n, "%s", src);
    return dst;
}

void spotc__error_last_copy(const spotc_error *e)
{
    last_error *t = &tls_last;
    if (e == &t->pub)
        return;
    t->pub = *e;
    t->pub.message = keep(t->message, sizeof t->message, e->message ? e->message : "");
    t->pub.reason = keep(t->reason, sizeof t->reason, e->reason);
    t->pub.oauth_error = keep(t->oauth_error, sizeof t->oauth_error, e->oauth_error);
    t->pub.method = keep(t->method, sizeof t->method, e->method);
    t->pub.path = keep(t->path, sizeof t->path, e->path);
}

int spotc__error_last_set(int code, const char *fmt, ...)
{
    char msg[sizeof tls_last.message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    spotc_error e = {.code = code, .message = msg, .retry_after = -1};
    spotc__error_last_copy(&e);
    return code;
}

const spotc_error *spotc_error_last(void)
{
    return &tls_last.pub;
}

void spotc__error_clear(spotc_client *client)
{
    if (client)
        store_reset(&client->err);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Set the code and message; the message is formatted before the old one is freed
 * so that callers may pass strings borrowed from the previous error. */
static int set_message(spotc_client *client, int code, const char *fmt, va_list ap)
{
    char *msg = NULL;
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n >= 0 && (msg = malloc((size_t)n + 1)) != NULL) {
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        if (client)
            spotc__scrub(client, msg); /* a server may echo a secret in its words */
    }
    if (!client) {
        spotc_error e = {
            .code = code, .message = msg ? msg : spotc_strerror(code), .retry_after = -1};
        spotc__error_last_copy(&e);
        free(msg);
        return code;
    }
    store_reset(&client->err);
    client->err.message = msg;
    client->err.pub.code = code;
    client->err.pub.message = msg ? msg : spotc_strerror(code);
    spotc__error_last_copy(&client->err.pub);
    return code;
}

int spotc__error_set(spotc_client *client, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_message(client, code, fmt, ap);
    va_end(ap);
    return code;
}

int spotc__error_set_http(spotc_client *client, int code, int http_status, const char *reason,
                          const char *oauth_error, int retry_after, const char *fmt, ...)
{
    if (!client) {
        va_list ap;
        va_start(ap, fmt);
        set_message(NULL, code, fmt, ap);
        va_end(ap);
        return code;
    }
    char *r = dup_or_null(reason), *o = dup_or_null(oauth_error);
    va_list ap;
    va_start(ap, fmt);
    set_message(client, code, fmt, ap);
    va_end(ap);
    spotc__error_store *e = &client->err;
    e->pub.http_status = http_status;
    e->pub.reason = e->reason = r;
    e->pub.oauth_error = e->oauth_error = o;
    e->pub.retry_after = retry_after;
    spotc__error_last_copy(&e->pub);
    return code;
}

int spotc__error_append(spotc_client *client, const char *fmt, ...)
{
    if (!client || client->err.pub.code == 0)
        return client ? client->err.pub.code : 0;
    spotc__error_store *e = &client->err;
    char more[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(more, sizeof more, fmt, ap);
    va_end(ap);
    size_t n = strlen(e->pub.message) + strlen(more) + 3;
    char *msg = malloc(n);
    if (msg) { /* out of memory: the message stays as it was */
        snprintf(msg, n, "%s: %s", e->pub.message, more);
        free(e->message);
        e->message = msg;
        e->pub.message = msg;
        spotc__error_last_copy(&e->pub);
    }
    return e->pub.code;
}

void spotc__error_set_request(spotc_client *client, const char *method, const char *url)
{
    if (!client || client->err.pub.code == 0)
        return;
    spotc__error_store *e = &client->err;
    free(e->method);
    free(e->path);
    e->method = dup_or_null(method);
    e->path = url ? spotc__url_path(url) : NULL;
    e->pub.method = e->method;
    e->pub.path = e->path;
    spotc__error_last_copy(&e->pub);
}

/* ------------------------------------------------------------ parsing */

/* A copy of a server's text that is safe to print: control characters become
 * spaces and it is cut at a sane length. */
static char *clean_text(const char *s)
{
    enum { MAX_TEXT = 400 };
    size_t n = strnlen(s, MAX_TEXT);
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        out[i] = (ch < 0x20 || ch == 0x7f) ? ' ' : (char)ch;
    }
    out[n] = '\0';
    return out;
}

static int take_string(char **dst, json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v) || json_string_length(v) == 0)
        return 0;
    *dst = clean_text(json_string_value(v));
    return *dst ? 1 : -1;
}

/* {"status": N, "message": "...", "reason": "..."}: the Web API's error object. */
static int parse_error_object(spotc__error_body *out, json_t *obj)
{
    json_t *st = json_object_get(obj, "status");
    if (json_is_integer(st) && json_integer_value(st) >= 100 && json_integer_value(st) < 600)
        out->status = (int)json_integer_value(st);
    int m = take_string(&out->message, obj, "message");
    int r = take_string(&out->reason, obj, "reason");
    if (m < 0 || r < 0)
        return SPOTC_ENOMEM;
    return (m || out->status) ? 0 : SPOTC_EJSON;
}

int spotc__error_body_parse(spotc__error_body *out, const char *body, size_t len)
{
    memset(out, 0, sizeof *out);
    if (!body || len == 0)
        return SPOTC_EJSON;
    json_t *doc = json_loadb(body, len, JSON_REJECT_DUPLICATES, NULL);
    if (!json_is_object(doc)) {
        json_decref(doc);
        return SPOTC_EJSON;
    }
    json_t *err = json_object_get(doc, "error");
    int rc;
    if (json_is_object(err)) {
        rc = parse_error_object(out, err);
    } else if (json_is_string(err)) {
        /* RFC 6749: {"error": "invalid_client", "error_description": "..."} */
        int o = take_string(&out->oauth_error, doc, "error");
        int d = take_string(&out->message, doc, "error_description");
        rc = (o < 0 || d < 0) ? SPOTC_ENOMEM : (o ? 0 : SPOTC_EJSON);
    } else {
        /* Some endpoints (the spec's /me/library 400) send the bare error object. */
        rc = parse_error_object(out, doc);
    }
    json_decref(doc);
    if (rc != 0)
        spotc__error_body_clear(out);
    return rc;
}

void spotc__error_body_clear(spotc__error_body *e)
{
    if (!e)
        return;
    free(e->message);
    free(e->reason);
    free(e->oauth_error);
    memset(e, 0, sizeof *e);
}

/* ------------------------------------------------------------ mapping */

int spotc__error_code_for_status(int status, const char *reason)
{
    if (status >= 200 && status < 300)
        return 0;
    switch (status) {
    case 401:
        return SPOTC_EAUTH;
    case 403:
        return (reason && strcmp(reason, "PREMIUM_REQUIRED") == 0) ? SPOTC_EPREMIUM
                                                                   : SPOTC_EFORBIDDEN;
    case 404:
        return (reason && strcmp(reason, "NO_ACTIVE_DEVICE") == 0) ? SPOTC_ENODEVICE
                                                                   : SPOTC_ENOTFOUND;
    case 429:
        return SPOTC_ERATELIMIT;
    /* A 400 stays SPOTC_EHTTP: SPOTC_EINVALID promises that nothing was sent,
     * and here Spotify did receive (and refuse) the request. */
    default:
        return SPOTC_EHTTP;
    }
}

const char *spotc__http_status_text(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status >= 500 ? "Server Error" : "HTTP Error";
    }
}

/* Accounts service errors: a refused token request is SPOTC_EAUTH whatever the
 * 4xx; a 5xx is the service failing, not the credentials. */
static int accounts_error(spotc_client *c, int status, const spotc__error_body *eb)
{
    int code = status >= 500 ? SPOTC_EHTTP : status == 429 ? SPOTC_ERATELIMIT : SPOTC_EAUTH;
    const char *what = eb->message ? eb->message : spotc__http_status_text(status);
    if (eb->oauth_error)
        return spotc__error_set_http(c, code, status, eb->reason, eb->oauth_error, -1,
                                     "token request refused: %s (%s, HTTP %d)", what,
                                     eb->oauth_error, status);
    return spotc__error_set_http(c, code, status, eb->reason, NULL, -1,
                                 "token request refused: %s (HTTP %d)", what, status);
}

static int api_error(spotc_client *c, int status, const spotc__error_body *eb)
{
    int code = spotc__error_code_for_status(status, eb->reason);
    const char *what = eb->message ? eb->message : spotc__http_status_text(status);
    if (eb->reason)
        return spotc__error_set_http(c, code, status, eb->reason, eb->oauth_error, -1,
                                     "Spotify: %s (HTTP %d, %s)", what, status, eb->reason);
    return spotc__error_set_http(c, code, status, NULL, eb->oauth_error, -1,
                                 "Spotify: %s (HTTP %d)", what, status);
}

int spotc__error_from_response(spotc_client *c, int status, const char *body, size_t len,
                               int accounts)
{
    spotc__error_body eb;
    if (spotc__error_body_parse(&eb, body, len) == SPOTC_ENOMEM)
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    int rc = accounts ? accounts_error(c, status, &eb) : api_error(c, status, &eb);
    spotc__error_body_clear(&eb);
    return rc;
}
