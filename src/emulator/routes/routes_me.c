/*
 * Profiles and taste: GET /v1/me, GET /v1/users/{id}, GET /v1/me/top/{artists,tracks}.
 * GET /me needs no scope, as on Spotify; user-read-private adds country, product and
 * explicit_content, user-read-email adds email.
 */
#include <string.h>

#include "objects_user.h"
#include "routes.h"
#include "routes_media.h"
#include "routes_user.h"
#include "users.h"

static void get_me(emu_call *c)
{
    int me = emu_me(c);
    emu_view v;
    if (me < 0 || emu_view_init(&v, c) < 0)
        return;
    jw w;
    jw_init(&w, 1024);
    emu_lock_read(c);
    emu_json_user_private(&w, &v, me, emu_call_has_scope(c, "user-read-private"),
                          emu_call_has_scope(c, "user-read-email"));
    emu_unlock(c);
    emu_reply_json(c, 200, &w);
}

static void get_user(emu_call *c)
{
    int u = emu_user_find(emu_param(c, 0));
    emu_view v;
    if (u < 0) {
        emu_reply_error(c, 404, "No such user");
        return;
    }
    if (emu_view_init(&v, c) < 0)
        return;
    jw w;
    jw_init(&w, 1024);
    emu_lock_read(c);
    emu_json_user_public(&w, &v, u);
    emu_unlock(c);
    emu_reply_json(c, 200, &w);
}

typedef struct top_page {
    emu_view v;
    const uint32_t *items;
    int tracks;
} top_page;

static void top_item(jw *w, const void *arg, size_t i)
{
    const top_page *t = arg;
    if (t->tracks)
        emu_json_track(w, &t->v, t->items[i]);
    else
        emu_json_artist(w, &t->v, t->items[i]);
}

/* short_term, medium_term (the default) or long_term as 0..2; -1 after answering 400. */
static int time_range(emu_call *c)
{
    static const char *const ranges[] = {"short_term", "medium_term", "long_term"};
    const char *r = emu_query(c, "time_range");
    if (!r)
        return 1;
    for (int i = 0; i < 3; i++)
        if (strcmp(r, ranges[i]) == 0)
            return i;
    emu_reply_error(c, 400, "Invalid time range");
    return -1;
}

static void top(emu_call *c, int tracks)
{
    int me = emu_me(c), limit, range;
    long offset;
    top_page t = {.tracks = tracks};
    if (me < 0 || (range = time_range(c)) < 0 ||
        emu_paging_params(c, 20, 50, 0, &limit, &offset) < 0 || emu_view_init(&t.v, c) < 0)
        return;
    emu_state *s = emu_lock_read(c);
    const emu_user_state *u = &s->users[me];
    t.items = tracks ? u->top_tracks[range] : u->top_artists[range];
    emu_reply_page(c, NULL, limit, offset, (long)u->ntop, top_item, &t);
    emu_unlock(c);
}

static void get_top_artists(emu_call *c)
{
    top(c, 0);
}

static void get_top_tracks(emu_call *c)
{
    top(c, 1);
}

#define U (EMU_ROUTE_WEBAPI | EMU_ROUTE_USER)
const emu_route emu_routes_me[] = {
    {"GET", "/v1/me", get_me, U, NULL},
    {"GET", "/v1/users/{user_id}", get_user, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/me/top/artists", get_top_artists, U, "user-top-read"},
    {"GET", "/v1/me/top/tracks", get_top_tracks, U, "user-top-read"},
};
EMU_ROUTE_COUNT(emu_routes_me);
