/*
 * Shows and episodes: GET /v1/shows/{id}, /v1/shows?ids=, /v1/shows/{id}/episodes,
 * /v1/episodes/{id}, /v1/episodes?ids=.
 *
 * The spec lists user-read-playback-position for most of these, but Spotify serves them to
 * app tokens too: the scope only adds each episode's resume_point (objects_media.h), so the
 * routes require none.
 */
#include "routes.h"
#include "routes_media.h"

static void get_show(emu_call *c)
{
    emu_media_reply_one(c, EMU_T_SHOW, emu_json_show);
}

static void get_shows(emu_call *c)
{
    emu_media_reply_several(c, EMU_T_SHOW, 50, emu_json_show_simple);
}

static void show_episodes(const emu_catalogue *cat, size_t show, size_t *first, size_t *n)
{
    *first = cat->media->shows[show].first_episode;
    *n = cat->media->shows[show].nepisodes;
}

static void get_show_episodes(emu_call *c)
{
    emu_media_reply_children(c, EMU_T_SHOW, show_episodes, emu_json_episode_simple);
}

static void get_episode(emu_call *c)
{
    emu_media_reply_one(c, EMU_T_EPISODE, emu_json_episode);
}

static void get_episodes(emu_call *c)
{
    emu_media_reply_several(c, EMU_T_EPISODE, 50, emu_json_episode);
}

const emu_route spotc__emu_routes_shows[] = {
    {"GET", "/v1/shows/{id}", get_show, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/shows", get_shows, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/shows/{id}/episodes", get_show_episodes, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/episodes/{id}", get_episode, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/episodes", get_episodes, EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(spotc__emu_routes_shows);
