/*
 * The control API's view of what users made: GET /_emulator/export (the fixtures and the
 * playlists, in the --fixtures format, so a state can be loaded back) and GET
 * /_emulator/state (what the --state writer has done).
 */
#include <stdio.h>

#include "fixtures.h"
#include "objects_playlist.h"
#include "routes.h"
#include "routes_user.h"
#include "state_saver.h"

static void get_state(emu_call *c)
{
    emu_state_saver_stats st;
    emu_state_saver_get_stats(c->ctx->saver, &st);
    jw w;
    jw_init(&w, 256);
    jw_obj(&w);
    jw_kbool(&w, "enabled", c->ctx->saver != NULL);
    jw_kint(&w, "writes", (long long)st.writes);
    jw_kint(&w, "failures", (long long)st.failures);
    jw_kint(&w, "pending_changes", (long long)st.pending);
    jw_kint(&w, "last_copy_us", (long long)st.last_copy_us);
    jw_kint(&w, "last_write_us", (long long)st.last_write_us);
    jw_kint(&w, "last_bytes", (long long)st.last_bytes);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

/* The fixture objects of one kind, as loaded (links as written). */
static void export_kind(jw *w, const emu_fixtures *fx, emu_fx_kind k)
{
    for (size_t i = 0; fx && i < fx->n[k]; i++)
        emu_fx_write_value(w, fx->items[k][i].obj, NULL);
}

/* Playlists users created or changed since the seed, as GET /v1/playlists/{id} has them. */
static void export_playlists(jw *w, emu_call *c)
{
    emu_pl_view pv;
    if (emu_pl_view_init(&pv, c) < 0)
        return;
    pv.with_items = 1;
    const emu_state *s = emu_lock_read(c);
    for (size_t i = 0; i < s->nplaylists; i++) {
        const emu_playlist *pl = s->playlists[i];
        if (pl->version <= 1 && pl->n > 0)
            continue; /* as seeded: the seed makes it again */
        emu_json_playlist(w, &pv, pl); /* the full object, with its first 100 items */
    }
    emu_unlock(c);
}

static void get_export(emu_call *c)
{
    const emu_fixtures *fx = c->ctx->fixtures;
    jw w;
    jw_init(&w, 65536);
    jw_obj(&w);
    for (int k = 0; k < EMU_FX_KINDS; k++) {
        jw_karr(&w, emu_fx_kind_key((emu_fx_kind)k));
        export_kind(&w, fx, (emu_fx_kind)k);
        if (k == EMU_FX_PLAYLIST)
            export_playlists(&w, c);
        jw_arr_end(&w);
    }
    if (fx && fx->markets) {
        jw_key(&w, "markets");
        emu_fx_write_value(&w, fx->markets, NULL);
    }
    if (fx && fx->genre_seeds) {
        jw_key(&w, "genre_seeds");
        emu_fx_write_value(&w, fx->genre_seeds, NULL);
    }
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

const emu_route emu_routes_export[] = {
    {"GET", "/_emulator/export", get_export, EMU_ROUTE_CONTROL, NULL},
    {"GET", "/_emulator/state", get_state, EMU_ROUTE_CONTROL, NULL},
};
EMU_ROUTE_COUNT(emu_routes_export);
