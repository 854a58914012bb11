/*
 * Audiobooks and chapters: GET /v1/audiobooks/{id}, /v1/audiobooks?ids=,
 * /v1/audiobooks/{id}/chapters, /v1/chapters/{id}, /v1/chapters?ids=. Spotify sells
 * audiobooks in a few markets only (catalogue_media.h); elsewhere they do not exist.
 */
#include "routes.h"
#include "routes_media.h"

static void get_audiobook(emu_call *c)
{
    emu_media_reply_one(c, EMU_T_AUDIOBOOK, emu_json_audiobook);
}

static void get_audiobooks(emu_call *c)
{
    emu_media_reply_several(c, EMU_T_AUDIOBOOK, 50, emu_json_audiobook);
}

static void book_chapters(const emu_catalogue *cat, size_t book, size_t *first, size_t *n)
{
    *first = cat->media->audiobooks[book].first_chapter;
    *n = cat->media->audiobooks[book].nchapters;
}

static void get_audiobook_chapters(emu_call *c)
{
    emu_media_reply_children(c, EMU_T_AUDIOBOOK, book_chapters, emu_json_chapter_simple);
}

static void get_chapter(emu_call *c)
{
    emu_media_reply_one(c, EMU_T_CHAPTER, emu_json_chapter);
}

static void get_chapters(emu_call *c)
{
    emu_media_reply_several(c, EMU_T_CHAPTER, 50, emu_json_chapter);
}

const emu_route spotc__emu_routes_audiobooks[] = {
    {"GET", "/v1/audiobooks/{id}", get_audiobook, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/audiobooks", get_audiobooks, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/audiobooks/{id}/chapters", get_audiobook_chapters, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/chapters/{id}", get_chapter, EMU_ROUTE_WEBAPI, NULL},
    {"GET", "/v1/chapters", get_chapters, EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(spotc__emu_routes_audiobooks);
