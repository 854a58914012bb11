/* Request counters (see stats.h). */
#include "stats.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jw.h"
#include "map.h"

#define MAX_STATUSES 24

typedef struct route_counts {
    int status[MAX_STATUSES];
    unsigned long count[MAX_STATUSES];
    unsigned n;
} route_counts;

struct emu_stats {
    emu_locked_map routes; /* "METHOD /pattern" -> route_counts; its lock guards all counts */
    unsigned long grants[EMU_GRANT_COUNT];
    unsigned long rate_limited, total;
};

emu_stats *emu_stats_new(void)
{
    emu_stats *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (emu_locked_map_init(&s->routes, free) < 0) {
        free(s);
        return NULL;
    }
    return s;
}

void emu_stats_free(emu_stats *s)
{
    if (!s)
        return;
    emu_locked_map_destroy(&s->routes);
    free(s);
}

static void bump(route_counts *rc, int status)
{
    for (unsigned i = 0; i < rc->n; i++)
        if (rc->status[i] == status) {
            rc->count[i]++;
            return;
        }
    if (rc->n < MAX_STATUSES) {
        rc->status[rc->n] = status;
        rc->count[rc->n++] = 1;
    }
}

void emu_stats_count(emu_stats *s, const char *method, const char *route, int status)
{
    char key[256];
    /* Unmatched raw paths could be anything; cap them so a scan cannot grow the map. */
    snprintf(key, sizeof key, "%.16s %.200s", method, route);
    pthread_mutex_lock(&s->routes.lock);
    s->total++;
    if (status == 429)
        s->rate_limited++;
    route_counts *rc = emu_map_get(s->routes.map, key);
    if (!rc && emu_map_len(s->routes.map) < 4096) {
        rc = calloc(1, sizeof *rc);
        if (rc && emu_map_put(s->routes.map, key, rc) < 0) {
            free(rc);
            rc = NULL;
        }
    }
    if (rc)
        bump(rc, status);
    pthread_mutex_unlock(&s->routes.lock);
}

void emu_stats_grant(emu_stats *s, emu_grant g)
{
    pthread_mutex_lock(&s->routes.lock);
    s->grants[g]++;
    pthread_mutex_unlock(&s->routes.lock);
}

static int write_route(const char *key, void *value, void *arg)
{
    jw *w = arg;
    const route_counts *rc = value;
    jw_kobj(w, key);
    for (unsigned i = 0; i < rc->n; i++) {
        char st[16];
        snprintf(st, sizeof st, "%d", rc->status[i]);
        jw_kint(w, rc->status[i] ? st : "reset", (long long)rc->count[i]);
    }
    jw_obj_end(w);
    return 0;
}

char *emu_stats_json(emu_stats *s, size_t *len)
{
    jw w;
    jw_init(&w, 1024);
    pthread_mutex_lock(&s->routes.lock);
    jw_obj(&w);
    jw_kobj(&w, "requests");
    emu_map_each(s->routes.map, write_route, &w);
    jw_obj_end(&w);
    jw_kobj(&w, "grants");
    jw_kint(&w, "client_credentials", (long long)s->grants[EMU_GRANT_CLIENT_CREDENTIALS]);
    jw_kint(&w, "authorization_code", (long long)s->grants[EMU_GRANT_AUTHORIZATION_CODE]);
    jw_kint(&w, "refresh_token", (long long)s->grants[EMU_GRANT_REFRESH_TOKEN]);
    jw_obj_end(&w);
    jw_kint(&w, "rate_limited", (long long)s->rate_limited);
    jw_kint(&w, "total", (long long)s->total);
    jw_obj_end(&w);
    pthread_mutex_unlock(&s->routes.lock);
    return jw_finish(&w, len);
}

void emu_stats_reset(emu_stats *s)
{
    pthread_mutex_lock(&s->routes.lock);
    emu_map_clear(s->routes.map);
    memset(s->grants, 0, sizeof s->grants);
    s->rate_limited = s->total = 0;
    pthread_mutex_unlock(&s->routes.lock);
}
