/*
 * Browse and markets: GET /v1/browse/new-releases, /v1/browse/categories,
 * /v1/browse/categories/{category_id}, /v1/markets. `locale` is accepted and kept in paging
 * links; as Spotify does for a locale it has no translation for, names stay in English.
 */
#include "catalogue_media.h"
#include "routes.h"
#include "routes_media.h"

static void new_release_item(jw *w, const void *arg, size_t i)
{
    const emu_view *v = arg;
    emu_json_album_simple(w, v, v->ctx->cat->media->new_releases[i], NULL);
}

static void get_new_releases(emu_call *c)
{
    emu_view v;
    int limit;
    long offset;
    if (emu_view_init(&v, c) < 0 || emu_paging_params(c, 20, 50, 0, &limit, &offset) < 0)
        return;
    emu_reply_page(c, "albums", limit, offset, (long)c->ctx->cat->media->nnew_releases,
                   new_release_item, &v);
}

static void category_item(jw *w, const void *arg, size_t i)
{
    emu_json_category(w, arg, i);
}

static void get_categories(emu_call *c)
{
    int limit;
    long offset;
    if (emu_paging_params(c, 20, 50, 0, &limit, &offset) < 0)
        return;
    emu_reply_page(c, "categories", limit, offset, (long)emu_category_count(), category_item,
                   c->ctx);
}

static void get_category(emu_call *c)
{
    int i = emu_category_find(emu_param(c, 0));
    if (i < 0) {
        emu_reply_error(c, 404, "non existing id");
        return;
    }
    jw w;
    jw_init(&w, 512);
    emu_json_category(&w, c->ctx, (size_t)i);
    emu_reply_json(c, 200, &w);
}

static void get_markets(emu_call *c)
{
    jw w;
    jw_init(&w, 512);
    jw_obj(&w);
    jw_karr(&w, "markets");
    for (unsigned i = 0; i < EMU_MARKET_COUNT; i++)
        jw_str(&w, emu_market_code(i));
    jw_arr_end(&w);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
}

const emu_route emu_routes_browse[] = {
    {"GET", "/v1/browse/new-releases", get_new_releases, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/browse/categories", get_categories, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/browse/categories/{category_id}", get_category, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/markets", get_markets, EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(emu_routes_browse);
