/* JSON writers for artists, albums and tracks (see objects.h). */
#include "objects.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "fixtures.h"
#include "router.h"
#include "users.h"

int emu_view_init(emu_view *v, emu_call *c)
{
    v->ctx = c->ctx;
    v->now_ms = c->now_ms;
    v->market = -1;
    /* market=from_token (and media availability) use the token user's country. */
    const emu_user *u = emu_user_lookup(c->token.user);
    v->user_market = u ? emu_market_index(u->country) : -1;
    const char *m = emu_query(c, "market");
    if (!m)
        return 0;
    if (strcmp(m, "from_token") == 0) {
        v->market = v->user_market;
        return 0;
    }
    if (emu_market_param(c->ctx->fixtures, m, &v->market) < 0) {
        emu_reply_error(c, 400, "Invalid market code");
        return -1;
    }
    return 0;
}

static const emu_catalogue *cat_of(const emu_view *v)
{
    return v->ctx->cat;
}

/* A string made of a prefix, an object id and a suffix. */
static void id_string(jw *w, const char *prefix, const char *id, const char *suffix)
{
    jw_str_begin(w);
    jw_str_append(w, prefix, strlen(prefix));
    jw_str_append(w, id, EMU_ID_LEN);
    jw_str_append(w, suffix, strlen(suffix));
    jw_str_end(w);
}

void emu_json_ref(jw *w, const emu_view *v, emu_type t, size_t idx)
{
    const char *id = emu_catalogue_id(cat_of(v), t, idx);
    const char *type = emu_type_name(t);
    char prefix[320];
    jw_kobj(w, "external_urls");
    snprintf(prefix, sizeof prefix, "https://open.spotify.com/%s/", type);
    jw_key(w, "spotify");
    id_string(w, prefix, id, "");
    jw_obj_end(w);
    snprintf(prefix, sizeof prefix, "%s/v1/%ss/", v->ctx->base, type);
    jw_key(w, "href");
    id_string(w, prefix, id, "");
    jw_key(w, "id");
    jw_strn(w, id, EMU_ID_LEN);
    jw_kstr(w, "type", type);
    snprintf(prefix, sizeof prefix, "spotify:%s:", type);
    jw_key(w, "uri");
    id_string(w, prefix, id, "");
}

void emu_json_images(jw *w, const emu_view *v, emu_type t, size_t idx)
{
    static const int album_sizes[] = {640, 300, 64}, artist_sizes[] = {640, 320, 160};
    const int *sizes = t == EMU_T_ARTIST ? artist_sizes : album_sizes;
    char url[128];
    jw_karr(w, "images");
    for (int i = 0; i < 3; i++) {
        emu_image_url(cat_of(v), t, idx, sizes[i], url, sizeof url);
        jw_obj(w);
        jw_kstr(w, "url", url);
        jw_kint(w, "height", sizes[i]);
        jw_kint(w, "width", sizes[i]);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

void emu_json_name(jw *w, const emu_name *n)
{
    jw_key(w, "name");
    emu_name_json(w, n);
}

void emu_json_artist_simple(jw *w, const emu_view *v, size_t artist)
{
    jw_obj(w);
    emu_json_ref(w, v, EMU_T_ARTIST, artist);
    emu_json_name(w, &cat_of(v)->artists[artist].name);
    jw_obj_end(w);
}

void emu_json_artist(jw *w, const emu_view *v, size_t artist)
{
    const emu_artist *a = &cat_of(v)->artists[artist];
    jw_obj(w);
    emu_json_ref(w, v, EMU_T_ARTIST, artist);
    emu_json_name(w, &a->name);
    jw_kobj(w, "followers");
    jw_knull(w, "href");
    jw_kint(w, "total", a->followers);
    jw_obj_end(w);
    jw_karr(w, "genres");
    for (unsigned g = 0; g < a->ngenres; g++)
        jw_str(w, emu_genre_name(a->genres[g]));
    jw_arr_end(w);
    emu_json_images(w, v, EMU_T_ARTIST, artist);
    jw_kint(w, "popularity", a->popularity);
    jw_obj_end(w);
}

void emu_album_date(const emu_view *v, size_t album, int *year, int *month, int *day)
{
    const emu_album *al = &cat_of(v)->albums[album];
    if (!al->is_new) {
        *year = al->year;
        *month = al->month;
        *day = al->day;
        return;
    }
    /* "New" albums came out within the last two weeks of emulator time. */
    time_t t = (time_t)(v->now_ms / 1000) - (time_t)(album % 14) * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    *year = tm.tm_year + 1900;
    *month = tm.tm_mon + 1;
    *day = tm.tm_mday;
}

int emu_album_available(const emu_view *v, size_t album)
{
    return v->market < 0 || (cat_of(v)->albums[album].markets >> v->market) & 1;
}

void emu_json_markets(jw *w, uint64_t mask)
{
    /* One piece, not a string each: the codes need no escaping, and an album's list
     * in each of a page's 50 items was a fifth of the emulator's time per page. */
    char list[EMU_MARKET_COUNT * 5 + 2]; /* [ ,"XX" ... ] */
    size_t n = 0;
    list[n++] = '[';
    for (unsigned i = 0; i < EMU_MARKET_COUNT; i++) {
        if (!((mask >> i) & 1))
            continue;
        if (n > 1)
            list[n++] = ',';
        list[n++] = '"';
        memcpy(list + n, emu_market_code(i), 2);
        n += 2;
        list[n++] = '"';
    }
    list[n++] = ']';
    jw_key(w, "available_markets");
    jw_raw(w, list, n);
}

static void release_fields(jw *w, const emu_view *v, size_t album)
{
    const emu_album *al = &cat_of(v)->albums[album];
    int y, m, d;
    emu_album_date(v, album, &y, &m, &d);
    static const char *const prec[] = {"day", "month", "year"};
    unsigned p = al->is_new ? EMU_DAY : al->precision;
    if (p == EMU_DAY)
        jw_kstrf(w, "release_date", "%04d-%02d-%02d", y, m, d);
    else if (p == EMU_MONTH)
        jw_kstrf(w, "release_date", "%04d-%02d", y, m);
    else
        jw_kstrf(w, "release_date", "%04d", y);
    jw_kstr(w, "release_date_precision", prec[p]);
}

static void restriction(jw *w)
{
    jw_kobj(w, "restrictions");
    jw_kstr(w, "reason", "market");
    jw_obj_end(w);
}

void emu_json_is_playable(jw *w, int playable)
{
    jw_kbool(w, "is_playable", playable);
    if (!playable)
        restriction(w);
}

void emu_json_copyrights(jw *w, int year, const char *owner)
{
    jw_karr(w, "copyrights");
    jw_obj(w);
    jw_kstrf(w, "text", "\xc2\xa9 %d %s", year, owner);
    jw_kstr(w, "type", "C");
    jw_obj_end(w);
    jw_obj(w);
    jw_kstrf(w, "text", "\xe2\x84\x97 %d %s", year, owner);
    jw_kstr(w, "type", "P");
    jw_obj_end(w);
    jw_arr_end(w);
}

size_t emu_json_first_page_begin(jw *w, const emu_view *v, emu_type t, size_t idx, emu_type child,
                                 size_t total)
{
    char what[16], path[96], extra[16] = "";
    snprintf(what, sizeof what, "%ss", emu_type_name(child));
    snprintf(path, sizeof path, "/v1/%ss/%.22s/%s", emu_type_name(t),
             emu_catalogue_id(cat_of(v), t, idx), what);
    if (v->market >= 0)
        snprintf(extra, sizeof extra, "market=%s", emu_market_code((unsigned)v->market));
    const int limit = 50;
    jw_kobj(w, what);
    emu_paging_links(w, v->ctx, path, extra, 0, limit, (long)total);
    jw_karr(w, "items");
    return total < (size_t)limit ? total : (size_t)limit;
}

void emu_json_first_page_end(jw *w)
{
    jw_arr_end(w);
    jw_obj_end(w);
}

/* The fields every album form shares (AlbumBase + artists). */
static void album_base(jw *w, const emu_view *v, size_t album)
{
    const emu_album *al = &cat_of(v)->albums[album];
    jw_kstr(w, "album_type", emu_album_type_name((emu_album_type)al->type));
    jw_kint(w, "total_tracks", al->ntracks);
    /* Always, even with a market: unlike a track's, an album's available_markets is
     * required by Spotify's OpenAPI document (AlbumBase), and clients validate it. */
    emu_json_markets(w, al->markets);
    emu_json_ref(w, v, EMU_T_ALBUM, album);
    emu_json_images(w, v, EMU_T_ALBUM, album);
    emu_json_name(w, &al->name);
    release_fields(w, v, album);
    if (!emu_album_available(v, album))
        restriction(w);
    jw_karr(w, "artists");
    emu_json_artist_simple(w, v, al->artist);
    jw_arr_end(w);
}

void emu_json_album_simple(jw *w, const emu_view *v, size_t album, const char *group)
{
    jw_obj(w);
    album_base(w, v, album);
    if (group)
        jw_kstr(w, "album_group", group);
    jw_obj_end(w);
}

void emu_json_album(jw *w, const emu_view *v, size_t album)
{
    const emu_album *al = &cat_of(v)->albums[album];
    int y, m, d;
    emu_album_date(v, album, &y, &m, &d);
    jw_obj(w);
    album_base(w, v, album);
    size_t n = emu_json_first_page_begin(w, v, EMU_T_ALBUM, album, EMU_T_TRACK, al->ntracks);
    for (size_t i = 0; i < n; i++)
        emu_json_track_simple(w, v, al->first_track + i);
    emu_json_first_page_end(w);
    const char *label = emu_label_name(al->label);
    emu_json_copyrights(w, y, label);
    char upc[24];
    emu_album_upc(cat_of(v), album, upc, sizeof upc);
    jw_kobj(w, "external_ids");
    jw_kstr(w, "upc", upc);
    jw_obj_end(w);
    jw_karr(w, "genres"); /* Spotify documents this array as always empty */
    jw_arr_end(w);
    jw_kstr(w, "label", label);
    jw_kint(w, "popularity", al->popularity);
    jw_obj_end(w);
}

/* The fields SimplifiedTrackObject and TrackObject share. */
static void track_base(jw *w, const emu_view *v, size_t track)
{
    const emu_catalogue *cat = cat_of(v);
    const emu_track *t = &cat->tracks[track];
    const emu_album *al = &cat->albums[t->album];
    jw_karr(w, "artists");
    emu_json_artist_simple(w, v, al->artist);
    if (t->feat != UINT32_MAX)
        emu_json_artist_simple(w, v, t->feat);
    jw_arr_end(w);
    if (v->market < 0)
        emu_json_markets(w, al->markets);
    jw_kint(w, "disc_number", t->disc);
    jw_kint(w, "duration_ms", t->duration_ms);
    jw_kbool(w, "explicit", t->explicit_);
    emu_json_ref(w, v, EMU_T_TRACK, track);
    if (v->market >= 0)
        emu_json_is_playable(w, emu_album_available(v, t->album));
    emu_json_name(w, &t->name);
    jw_knull(w, "preview_url");
    jw_kint(w, "track_number", t->number);
    jw_kbool(w, "is_local", 0);
}

void emu_json_track_simple(jw *w, const emu_view *v, size_t track)
{
    jw_obj(w);
    track_base(w, v, track);
    jw_obj_end(w);
}

void emu_json_track(jw *w, const emu_view *v, size_t track)
{
    const emu_track *t = &cat_of(v)->tracks[track];
    jw_obj(w);
    track_base(w, v, track);
    jw_key(w, "album");
    emu_json_album_simple(w, v, t->album, NULL);
    char isrc[24];
    emu_track_isrc(cat_of(v), track, isrc, sizeof isrc);
    jw_kobj(w, "external_ids");
    jw_kstr(w, "isrc", isrc);
    jw_obj_end(w);
    jw_kint(w, "popularity", t->popularity);
    jw_obj_end(w);
}
