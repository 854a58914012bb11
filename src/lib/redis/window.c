/*
 * The local rate budget: a sliding window log of this process's requests, the
 * fallback when Redis is away. A pure structure: the caller passes the time.
 */
#include <stdlib.h>

#include "redis_layer.h"

int spotc__window_init(spotc__window *w, int limit, int64_t window_ms)
{
    *w = (spotc__window){.limit = limit > 0 ? limit : 1, .window_ms = window_ms};
    w->stamps = calloc((size_t)w->limit, sizeof *w->stamps);
    return w->stamps ? 0 : SPOTC_ENOMEM;
}

void spotc__window_free(spotc__window *w)
{
    free(w->stamps);
    w->stamps = NULL;
}

static void expire(spotc__window *w, int64_t now)
{
    while (w->len && w->stamps[w->head] <= now - w->window_ms) {
        w->head = (w->head + 1) % w->limit;
        w->len--;
    }
}

void spotc__window_note(spotc__window *w, int64_t now)
{
    expire(w, now);
    if (w->len == w->limit) { /* full: the shared budget knows better; drop the oldest */
        w->head = (w->head + 1) % w->limit;
        w->len--;
    }
    w->stamps[(w->head + w->len) % w->limit] = now;
    w->len++;
}

int64_t spotc__window_take(spotc__window *w, int64_t now)
{
    if (w->pause_until > now)
        return w->pause_until - now;
    expire(w, now);
    if (w->len >= w->limit) {
        int64_t wait = w->stamps[w->head] + w->window_ms - now;
        return wait > 0 ? wait : 1;
    }
    spotc__window_note(w, now);
    return 0;
}

void spotc__window_pause(spotc__window *w, int64_t now, int64_t ms)
{
    if (now + ms > w->pause_until)
        w->pause_until = now + ms;
}
