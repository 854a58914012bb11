#include "retry.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

int spotc__retry_idempotent(const char *method)
{
    return method && (strcmp(method, "GET") == 0 || strcmp(method, "PUT") == 0 ||
                      strcmp(method, "DELETE") == 0 || strcmp(method, "HEAD") == 0);
}

int spotc__retry_net_unsent(int curl_code)
{
    switch (curl_code) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
        return 1;
    default:
        return 0;
    }
}

int spotc__retry_net_transient(int curl_code)
{
    switch (curl_code) {
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_BAD_CONTENT_ENCODING:
        return 1;
    default:
        return 0;
    }
}

long spotc__retry_backoff_ms(long base_ms, long cap_ms, int n, uint32_t random)
{
    long d = base_ms;
    for (int i = 0; i < n && d < cap_ms; i++)
        d *= 2;
    if (d > cap_ms)
        d = cap_ms;
    long half = d / 2;
    return half + (long)(random % (uint32_t)(half + 1));
}

static spotc__retry_decision stop(void)
{
    spotc__retry_decision d = {SPOTC__RETRY_STOP, 0, 0, -1, 0};
    return d;
}

static spotc__retry_decision rate_limited(const spotc__retry_policy *p, const spotc__attempt *a)
{
    spotc__retry_decision d = {SPOTC__RETRY_RATE_CAP, 0, 1, a->retry_after, 0};
    if (a->rate_retries >= SPOTC__RATE_MAX_TRIES) {
        d.out_of_tries = 1;
        return d;
    }
    long delay = a->retry_after >= 0
                     ? (long)a->retry_after * 1000
                     : spotc__retry_backoff_ms(SPOTC__RATE_BASE_MS, SPOTC__RETRY_CAP_MS,
                                               a->rate_retries, a->random);
    if (a->rate_waited_ms + delay > (long)p->max_rate_limit_wait * 1000)
        return d;
    d.action = SPOTC__RETRY_WAIT;
    d.delay_ms = delay;
    return d;
}

static spotc__retry_decision backoff(const spotc__retry_policy *p, const spotc__attempt *a)
{
    if (a->retries >= p->max_retries)
        return stop();
    spotc__retry_decision d = {SPOTC__RETRY_WAIT, 0, 0, -1, 0};
    d.delay_ms =
        spotc__retry_backoff_ms(SPOTC__RETRY_BASE_MS, SPOTC__RETRY_CAP_MS, a->retries, a->random);
    return d;
}

spotc__retry_decision spotc__retry_decide(const spotc__retry_policy *p, const spotc__attempt *a)
{
    if (a->http_status == 0) {
        if (!spotc__retry_net_transient(a->curl_code))
            return stop();
        if (a->sent && !spotc__retry_idempotent(a->method))
            return stop();
        return backoff(p, a);
    }
    if (a->http_status == 429)
        return rate_limited(p, a);
    if (a->http_status == 401) {
        spotc__retry_decision d = stop();
        if (a->can_renew && !a->renewed)
            d.action = SPOTC__RETRY_RENEW;
        return d;
    }
    /* 501 and 505 say the server will never do it: no point asking again. */
    if (a->http_status >= 500 && a->http_status <= 599 && a->http_status != 501 &&
        a->http_status != 505 && spotc__retry_idempotent(a->method))
        return backoff(p, a);
    return stop();
}

int spotc__retry_after_parse(const char *value, time_t now)
{
    if (!value)
        return -1;
    while (*value == ' ' || *value == '\t')
        value++;
    if (isdigit((unsigned char)*value)) {
        long long s = 0;
        const char *p = value;
        for (; isdigit((unsigned char)*p); p++) {
            s = s * 10 + (*p - '0');
            if (s > INT_MAX / 1000)
                s = INT_MAX / 1000; /* absurd waits stay absurd, without overflow */
        }
        while (*p == ' ' || *p == '\t')
            p++;
        return *p ? -1 : (int)s;
    }
    time_t when = curl_getdate(value, NULL);
    if (when == (time_t)-1)
        return -1;
    if (now == 0)
        now = time(NULL);
    if (when <= now)
        return 0;
    long long d = (long long)(when - now);
    return d > INT_MAX / 1000 ? INT_MAX / 1000 : (int)d;
}
