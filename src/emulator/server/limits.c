/* Rolling-window rate limit and daily quota (see limits.h). */
#include "limits.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct window {
    int64_t *stamps; /* ring of the admitted requests' times, oldest at head */
    size_t head, len;
} window;

struct emu_limits {
    pthread_mutex_t lock;
    unsigned rate, quota;
    window *apps;
    size_t napps;
    int64_t quota_day;
    unsigned long quota_used;
};

emu_limits *emu_limits_new(size_t napps, unsigned rate, unsigned quota)
{
    emu_limits *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->rate = rate;
    l->quota = quota;
    l->napps = napps;
    l->apps = calloc(napps ? napps : 1, sizeof *l->apps);
    if (!l->apps || pthread_mutex_init(&l->lock, NULL) != 0) {
        free(l->apps);
        free(l);
        return NULL;
    }
    for (size_t i = 0; rate && i < napps; i++) {
        l->apps[i].stamps = malloc(rate * sizeof(int64_t));
        if (!l->apps[i].stamps) {
            emu_limits_free(l);
            return NULL;
        }
    }
    return l;
}

void emu_limits_free(emu_limits *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->napps; i++)
        free(l->apps[i].stamps);
    free(l->apps);
    pthread_mutex_destroy(&l->lock);
    free(l);
}

static unsigned ceil_seconds(int64_t ms)
{
    int64_t s = (ms + 999) / 1000;
    return s < 1 ? 1u : (unsigned)s;
}

static int admit_rate(emu_limits *l, window *w, int64_t now, unsigned *retry_after)
{
    while (w->len && w->stamps[w->head] <= now - EMU_RATE_WINDOW_MS) {
        w->head = (w->head + 1) % l->rate;
        w->len--;
    }
    if (w->len >= l->rate) {
        *retry_after = ceil_seconds(w->stamps[w->head] + EMU_RATE_WINDOW_MS - now);
        return 1;
    }
    w->stamps[(w->head + w->len) % l->rate] = now;
    w->len++;
    return 0;
}

int emu_limits_admit(emu_limits *l, size_t app, int64_t now_ms, unsigned *retry_after)
{
    int rc = 0;
    *retry_after = 0;
    if (!l->rate && !l->quota)
        return 0;
    pthread_mutex_lock(&l->lock);
    int64_t day = now_ms / 86400000;
    if (l->quota && day != l->quota_day) {
        l->quota_day = day;
        l->quota_used = 0;
    }
    if (l->quota && l->quota_used >= l->quota) {
        *retry_after = ceil_seconds((day + 1) * 86400000 - now_ms);
        rc = 2;
    } else if (l->rate && app < l->napps && admit_rate(l, &l->apps[app], now_ms, retry_after)) {
        rc = 1;
    } else if (l->quota) {
        l->quota_used++;
    }
    pthread_mutex_unlock(&l->lock);
    return rc;
}

void emu_limits_reset(emu_limits *l)
{
    pthread_mutex_lock(&l->lock);
    for (size_t i = 0; i < l->napps; i++)
        l->apps[i].head = l->apps[i].len = 0;
    l->quota_used = 0;
    pthread_mutex_unlock(&l->lock);
}
