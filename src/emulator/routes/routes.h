/**
 * @file routes.h
 * @brief The route tables of each area, gathered by router.c (see router.h to add one).
 */
#ifndef SPOTC_EMU_ROUTES_H
#define SPOTC_EMU_ROUTES_H

#include <stddef.h>

#include "router.h"

/** Declare an area's table: `const emu_route NAME[]` and `const size_t NAME_count`. */
#define EMU_ROUTE_TABLE(name)                                                                      \
    extern const emu_route name[];                                                                 \
    extern const size_t name##_count

/** Define the count next to a table. */
#define EMU_ROUTE_COUNT(name) const size_t name##_count = sizeof name / sizeof name[0]

EMU_ROUTE_TABLE(emu_routes_accounts);
EMU_ROUTE_TABLE(emu_routes_authorize);
EMU_ROUTE_TABLE(emu_routes_control);
EMU_ROUTE_TABLE(emu_routes_export);
EMU_ROUTE_TABLE(emu_routes_catalogue);
EMU_ROUTE_TABLE(emu_routes_search);
EMU_ROUTE_TABLE(emu_routes_shows);
EMU_ROUTE_TABLE(emu_routes_audiobooks);
EMU_ROUTE_TABLE(emu_routes_browse);
EMU_ROUTE_TABLE(emu_routes_audio);
EMU_ROUTE_TABLE(emu_routes_playlists);
EMU_ROUTE_TABLE(emu_routes_playlist_items);
EMU_ROUTE_TABLE(emu_routes_me);
EMU_ROUTE_TABLE(emu_routes_library);
EMU_ROUTE_TABLE(emu_routes_follow);
EMU_ROUTE_TABLE(emu_routes_player);

#endif
