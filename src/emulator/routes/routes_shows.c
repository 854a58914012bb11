/*
 * Shows and episodes: GET /v1/shows/{id}, /v1/shows?ids=, /v1/shows/{id}/episodes,
 * /v1/episodes/{id}, /v1/episodes?ids=. The handlers are the media ones (routes_media.h).
 *
 * The spec lists user-read-playback-position for most of these, but Spotify serves them to
 * app tokens too: the scope only adds each episode's resume_point (objects_media.h), so the
 * routes require none.
 */
#include "routes.h"
#include "routes_media.h"

const emu_route emu_routes_shows[] = {
    {"GET", "/v1/shows/{id}", emu_media_get_one, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/shows", emu_media_get_several, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/shows/{id}/episodes", emu_media_get_children, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/episodes/{id}", emu_media_get_one, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/episodes", emu_media_get_several, EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(emu_routes_shows);
