/* GET /v1/search (search.c does the matching). */
#include "routes.h"

static void get_search(emu_call *c)
{
    emu_reply_error(c, 501, "Not implemented yet");
}

const emu_route spotc__emu_routes_search[] = {
    {"GET", "/v1/search", get_search, EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(spotc__emu_routes_search);
