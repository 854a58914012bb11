/*
 * The learnt rate budget (pace.h): a sliding-window log of this client's sends,
 * sized by what the server's window held at the first 429.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "client_priv.h"
#include "pace.h"

static void expire(spotc__stamps *s, int64_t now, int64_t window_ms)
{
    while (s->len && s->t[s->head] <= now - window_ms) {
        s->head = (s->head + 1) % s->cap;
        s->len--;
    }
}

/* Double the ring (up to the maximum), keeping the order. @return 0, or -1 when it cannot. */
static int grow(spotc__stamps *s)
{
    size_t cap = s->cap ? s->cap * 2 : 64;
    if (s->cap >= SPOTC__PACE_LOG_MAX)
        return -1;
    if (cap > SPOTC__PACE_LOG_MAX)
        cap = SPOTC__PACE_LOG_MAX;
    int64_t *t = malloc(cap * sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < s->len; i++)
        t[i] = s->t[(s->head + i) % s->cap];
    free(s->t);
    *s = (spotc__stamps){.t = t, .head = 0, .len = s->len, .cap = cap};
    return 0;
}

void spotc__stamps_add(spotc__stamps *s, int64_t now, int64_t window_ms)
{
    expire(s, now, window_ms);
    if (s->len == s->cap && grow(s) != 0) {
        if (!s->cap)
            return;                       /* out of memory: the budget just counts less */
        s->head = (s->head + 1) % s->cap; /* full: the oldest goes */
        s->len--;
    }
    s->t[(s->head + s->len) % s->cap] = now;
    s->len++;
}

size_t spotc__stamps_count(spotc__stamps *s, int64_t now, int64_t window_ms)
{
    expire(s, now, window_ms);
    return s->len;
}

void spotc__pace_learn_at(spotc__pace *p, int64_t now)
{
    size_t n = spotc__stamps_count(&p->admitted, now, SPOTC__PACE_WINDOW_MS);
    if (n < SPOTC__PACE_BUDGET_MIN)
        n = SPOTC__PACE_BUDGET_MIN;
    p->learnt_ms = now;
    if (!p->budget)
        p->budget = n;
    else if (n < p->budget) { /* another client spends it too, or a send arrived late */
        size_t floor = p->budget - (p->budget >= 8 ? p->budget / 8 : 1); /* lower gently */
        p->budget = n > floor ? n : floor;
    }
}

int64_t spotc__pace_budget_wait_at(spotc__pace *p, int64_t now)
{
    const int64_t span = SPOTC__PACE_WINDOW_MS + SPOTC__PACE_MARGIN_MS;
    if (p->budget && now - p->learnt_ms > SPOTC__PACE_BUDGET_TTL_MS)
        p->budget = 0; /* no 429 for long: the limit may have moved; the next 429 tells */
    if (!p->budget)
        return 0; /* nothing learnt: never waits */
    size_t n = spotc__stamps_count(&p->sent, now, span);
    if (n < p->budget)
        return 0;
    /* n - budget + 1 of the oldest must leave the span before one more fits. */
    const spotc__stamps *s = &p->sent;
    int64_t wait = s->t[(s->head + (n - p->budget)) % s->cap] + span - now;
    return wait > 0 ? wait : 1;
}

void spotc__pace_free(spotc__pace *p)
{
    free(p->sent.t);
    free(p->admitted.t);
    p->sent = (spotc__stamps){0};
    p->admitted = (spotc__stamps){0};
}

void spotc__pace_sent_at(spotc__pace *p, int64_t now)
{
    spotc__stamps_add(&p->sent, now, SPOTC__PACE_WINDOW_MS + SPOTC__PACE_MARGIN_MS);
}

void spotc__pace_admitted_at(spotc__pace *p, int64_t now)
{
    spotc__stamps_add(&p->admitted, now, SPOTC__PACE_WINDOW_MS);
}

void spotc__pace_sent(spotc_client *client)
{
    spotc__pace_sent_at(&client->pace, spotc__pace_now_ms());
}

void spotc__pace_admitted(spotc_client *client)
{
    spotc__pace_admitted_at(&client->pace, spotc__pace_now_ms());
}

void spotc__pace_learn(spotc_client *client)
{
    size_t before = client->pace.budget;
    spotc__pace_learn_at(&client->pace, spotc__pace_now_ms());
    if (client->pace.budget != before)
        spotc__trace(client, "* rate budget: %zu requests a %d s window", client->pace.budget,
                     SPOTC__PACE_WINDOW_MS / 1000);
}

/* The wait the budget asks now, or 0 when it is beyond the client's cap. */
static int64_t budget_wait(spotc_client *client)
{
    int64_t wait = spotc__pace_budget_wait_at(&client->pace, spotc__pace_now_ms());
    int cap = client->retry.max_rate_limit_wait;
    return cap < 0 || wait > (int64_t)cap * 1000 ? 0 : wait;
}

void spotc__pace_take(spotc_client *client)
{
    int64_t wait = budget_wait(client);
    if (wait > 0) {
        spotc__trace(client, "* waiting %lld ms for the rate budget", (long long)wait);
        struct timespec ts = {(time_t)(wait / 1000), (long)(wait % 1000) * 1000000L};
        while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
            ;
    }
    spotc__pace_sent(client);
}

int spotc__pace_budget_open(spotc_client *client)
{
    return budget_wait(client) == 0;
}
