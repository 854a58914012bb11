/*
 * Audiobooks and chapters: GET /v1/audiobooks/{id}, /v1/audiobooks?ids=,
 * /v1/audiobooks/{id}/chapters, /v1/chapters/{id}, /v1/chapters?ids=. Spotify sells
 * audiobooks in a few markets only (catalogue_media.h); elsewhere they do not exist.
 * The handlers are the media ones (routes_media.h).
 */
#include "routes.h"
#include "routes_media.h"

const emu_route emu_routes_audiobooks[] = {
    {"GET", "/v1/audiobooks/{id}", emu_media_get_one, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/audiobooks", emu_media_get_several, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/audiobooks/{id}/chapters", emu_media_get_children, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/chapters/{id}", emu_media_get_one, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/chapters", emu_media_get_several, EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(emu_routes_audiobooks);
