/* JSON writers for playlists (see objects_playlist.h). */
#include "objects_playlist.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fixtures_search.h"
#include "objects_user.h"
#include "router.h"

int emu_pl_view_init(emu_pl_view *pv, emu_call *c)
{
    if (emu_media_view_init(&pv->mv, c) < 0)
        return -1;
    pv->legacy = !emu_dev_mode(c);
    pv->with_items = 1;
    return 0;
}

static void time_value(jw *w, int64_t seconds, int ms)
{
    time_t t = (time_t)seconds;
    struct tm tm;
    gmtime_r(&t, &tm);
    char frac[8] = "";
    if (ms >= 0)
        snprintf(frac, sizeof frac, ".%03d", ms);
    jw_strf(w, "%04d-%02d-%02dT%02d:%02d:%02d%sZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
            tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
}

void emu_json_time(jw *w, int64_t seconds)
{
    time_value(w, seconds, -1);
}

void emu_json_time_ms(jw *w, int64_t ms)
{
    time_value(w, ms / 1000, (int)(ms % 1000));
}

void emu_json_playable(jw *w, const emu_media_view *mv, uint32_t ref)
{
    emu_fx_kind k;
    const json_t *fx = emu_fx_of_ref(mv->v.ctx->cat, ref, &k);
    if (fx) {
        emu_fx_write(w, fx, k, EMU_FX_FULL, mv->v.ctx->base, NULL);
        return;
    }
    if (EMU_REF_TYPE(ref) == EMU_T_EPISODE)
        emu_json_media(w, mv, EMU_T_EPISODE, EMU_REF_INDEX(ref), 1);
    else
        emu_json_track(w, &mv->v, EMU_REF_INDEX(ref));
}

static uint64_t hash_refs(const emu_playlist *pl, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ pl->items[i].ref) * 0x100000001b3ULL;
    return h;
}

static void image(jw *w, const char *url, int size)
{
    jw_obj(w);
    jw_kstr(w, "url", url);
    if (size) {
        jw_kint(w, "height", size);
        jw_kint(w, "width", size);
    } else { /* Spotify does not know an uploaded cover's size */
        jw_knull(w, "height");
        jw_knull(w, "width");
    }
    jw_obj_end(w);
}

/* A playlist with one to three items shows the cover of its first item. */
static void first_cover(jw *w, const emu_view *v, uint32_t ref)
{
    const emu_catalogue *cat = v->ctx->cat;
    emu_type t = EMU_T_ALBUM;
    emu_fx_kind k;
    const json_t *fx = emu_fx_of_ref(cat, ref, &k);
    if (fx) { /* a fixture's: its album's or its own first image, as given */
        const json_t *of = k == EMU_FX_TRACK ? json_object_get(fx, "album") : fx;
        const json_t *im = json_array_get(json_object_get(of, "images"), 0);
        if (json_is_object(im))
            emu_fx_write_value(w, im, v->ctx->base);
        return;
    }
    if (EMU_REF_INDEX(ref) >= cat->count[EMU_REF_TYPE(ref)])
        return; /* neither the catalogue's nor a fixture's */
    size_t idx = EMU_REF_TYPE(ref) == EMU_T_TRACK ? cat->tracks[EMU_REF_INDEX(ref)].album : 0;
    if (EMU_REF_TYPE(ref) == EMU_T_EPISODE) {
        t = EMU_T_SHOW;
        idx = cat->media->episodes[EMU_REF_INDEX(ref)].show;
    } else if (EMU_REF_TYPE(ref) != EMU_T_TRACK) {
        return;
    }
    char url[160];
    emu_image_url(cat, t, idx, 640, url, sizeof url);
    image(w, url, 640);
}

void emu_json_playlist_images(jw *w, const emu_view *v, const emu_playlist *pl)
{
    char url[160];
    jw_arr(w);
    if (pl->image) {
        snprintf(url, sizeof url,
                 "https://image-cdn-ak.spotifycdn.com/image/ab67706c0000da84%016llx",
                 (unsigned long long)pl->image);
        image(w, url, 0);
    } else if (pl->n >= 4) {
        static const int sizes[] = {640, 300, 60};
        for (int i = 0; i < 3; i++) {
            snprintf(url, sizeof url, "https://mosaic.scdn.co/%d/ab67616d0000b273%016llx", sizes[i],
                     (unsigned long long)hash_refs(pl, 4));
            image(w, url, sizes[i]);
        }
    } else if (pl->n > 0) {
        first_cover(w, v, pl->items[0].ref);
    }
    jw_arr_end(w);
}

/* The fields both playlist forms share, up to the items. */
static void head(jw *w, const emu_pl_view *pv, const emu_playlist *pl)
{
    const emu_view *v = &pv->mv.v;
    char snap[EMU_PL_SNAPSHOT_LEN + 1];
    jw_kbool(w, "collaborative", pl->collaborative);
    jw_kstr(w, "description", pl->description ? pl->description : "");
    jw_kobj(w, "external_urls");
    jw_kstrf(w, "spotify", "https://open.spotify.com/playlist/%s", pl->id);
    jw_obj_end(w);
    jw_kstrf(w, "href", "%s/v1/playlists/%s", v->ctx->base, pl->id);
    jw_kstr(w, "id", pl->id);
    jw_key(w, "images");
    emu_json_playlist_images(w, v, pl);
    jw_kstr(w, "name", pl->name);
    jw_key(w, "owner");
    emu_json_user_owner(w, v, pl->owner);
    jw_kbool(w, "public", pl->is_public);
    emu_pl_snapshot_id(pl, pl->version, snap);
    jw_kstr(w, "snapshot_id", snap);
}

static void tail(jw *w, const emu_playlist *pl)
{
    jw_kstr(w, "type", "playlist");
    jw_kstrf(w, "uri", "spotify:playlist:%s", pl->id);
}

static void items_ref(jw *w, const emu_pl_view *pv, const emu_playlist *pl, const char *key)
{
    jw_kobj(w, key);
    jw_kstrf(w, "href", "%s/v1/playlists/%s/%s", pv->mv.v.ctx->base, pl->id, key);
    jw_kint(w, "total", (long long)pl->n);
    jw_obj_end(w);
}

void emu_json_playlist_simple(jw *w, const emu_pl_view *pv, const emu_playlist *pl)
{
    jw_obj(w);
    head(w, pv, pl);
    items_ref(w, pv, pl, "items");
    if (pv->legacy)
        items_ref(w, pv, pl, "tracks");
    tail(w, pl);
    jw_obj_end(w);
}

/* One PlaylistTrackObject, its track or episode under @p key ("item", or "track" on the
 * deprecated /tracks pages). */
static void playlist_track(jw *w, const emu_pl_view *pv, const emu_playlist *pl, size_t i,
                           const char *key)
{
    const emu_pl_entry *e = &pl->items[i];
    jw_obj(w);
    jw_key(w, "added_at");
    emu_json_time(w, e->added_at);
    jw_key(w, "added_by");
    emu_json_user_ref(w, &pv->mv.v, e->added_by);
    jw_kbool(w, "is_local", 0);
    jw_key(w, key);
    emu_json_playable(w, &pv->mv, e->ref);
    jw_obj_end(w);
}

/* The key of a page's tracks and episodes: "track" on the deprecated /tracks path. */
static const char *item_key(const char *path)
{
    size_t n = strlen(path);
    return n >= 7 && strcmp(path + n - 7, "/tracks") == 0 ? "track" : "item";
}

void emu_json_playlist_page(jw *w, const emu_pl_view *pv, const emu_playlist *pl, const char *path,
                            const char *extra, long offset, int limit)
{
    const char *key = item_key(path);
    jw_obj(w);
    emu_paging_links(w, pv->mv.v.ctx, path, extra, offset, limit, (long)pl->n);
    jw_karr(w, "items");
    for (long i = offset; i < (long)pl->n && i < offset + limit; i++)
        playlist_track(w, pv, pl, (size_t)i, key);
    jw_arr_end(w);
    jw_obj_end(w);
}

void emu_json_playlist(jw *w, const emu_pl_view *pv, const emu_playlist *pl)
{
    char path[64], extra[16] = "";
    if (pv->mv.v.market >= 0)
        snprintf(extra, sizeof extra, "market=%s", emu_market_code((unsigned)pv->mv.v.market));
    jw_obj(w);
    head(w, pv, pl);
    jw_kobj(w, "followers");
    jw_knull(w, "href");
    jw_kint(w, "total", pl->followers);
    jw_obj_end(w);
    if (pv->with_items) {
        snprintf(path, sizeof path, "/v1/playlists/%s/items", pl->id);
        jw_key(w, "items");
        emu_json_playlist_page(w, pv, pl, path, extra, 0, 100);
    }
    if (pv->with_items && pv->legacy) {
        snprintf(path, sizeof path, "/v1/playlists/%s/tracks", pl->id);
        jw_key(w, "tracks");
        emu_json_playlist_page(w, pv, pl, path, extra, 0, 100);
    }
    tail(w, pl);
    jw_obj_end(w);
}
