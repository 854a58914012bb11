/*
 * Adaptive concurrency and the client-wide Retry-After pause (pace.h).
 * Additive increase, multiplicative decrease: a 429 means the window is full,
 * so halving empties it quickly, while growing by one probes gently.
 */
#include <errno.h>
#include <time.h>

#include "client_priv.h"
#include "pace.h"

void spotc__pace_init(spotc__pace *p)
{
    *p = (spotc__pace){0};
}

int64_t spotc__pace_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void spotc__pace_limited(spotc_client *client, long wait_ms)
{
    client->pace.limited++;
    int64_t until = spotc__pace_now_ms() + (wait_ms > 0 ? wait_ms : 0);
    if (until > client->pace.paused_until_ms)
        client->pace.paused_until_ms = until;
}

/* The pause left now when the client waits it out, else 0. */
static int64_t waited_pause(const spotc_client *client)
{
    int64_t left = client->pace.paused_until_ms - spotc__pace_now_ms();
    int cap = client->retry.max_rate_limit_wait;
    return left <= 0 || cap < 0 || left > (int64_t)cap * 1000 ? 0 : left;
}

int spotc__pace_pause_waited(const spotc_client *client)
{
    return waited_pause(client) > 0;
}

void spotc__pace_wait(spotc_client *client)
{
    int64_t left = waited_pause(client);
    if (!left)
        return;
    spotc__trace(client, "* paused %lld ms by an earlier Retry-After", (long long)left);
    struct timespec ts = {(time_t)(left / 1000), (long)(left % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

size_t spotc__pace_round(const spotc_client *client, size_t ceiling, size_t start)
{
    size_t level = client->pace.level ? (size_t)client->pace.level : start;
    size_t n = level < ceiling ? level : ceiling;
    return n ? n : 1;
}

unsigned long spotc__pace_mark(const spotc_client *client)
{
    return client->pace.limited;
}

void spotc__pace_settle(spotc_client *client, unsigned long mark, size_t sent)
{
    spotc__pace *p = &client->pace;
    int n = sent < SPOTC__PACE_MAX ? (int)sent : SPOTC__PACE_MAX;
    if (p->limited != mark)
        p->level = n > 1 ? n / 2 : 1;
    else if (n + 1 > p->level)
        p->level = n < SPOTC__PACE_MAX ? n + 1 : SPOTC__PACE_MAX;
}
