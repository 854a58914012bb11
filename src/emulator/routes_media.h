/**
 * @file routes_media.h
 * @brief Handler helpers shared by the shows, audiobooks, browse and audio routes: one
 *        object, several objects by `ids`, and paging objects over any list.
 *
 * Each helper answers the request itself, errors included (400 for a bad ID, limit or
 * market, 404 "non existing id" for an object that does not exist in the view's market).
 */
#ifndef SPOTC_EMU_ROUTES_MEDIA_H
#define SPOTC_EMU_ROUTES_MEDIA_H

#include <stddef.h>

#include "objects_media.h"
#include "router.h"

/**
 * Parse `ids` (required, at most @p max) as IDs of type @p t. Unknown IDs become SIZE_MAX
 * (Spotify answers null for them).
 * @param[out] idx the indexes (caller frees); @param[out] n their count
 * @return 0, or -1 after answering 400 (missing, too many, malformed) or 500.
 */
int emu_ids_param(emu_call *c, emu_type t, size_t max, size_t **idx, size_t *n);

/*
 * Route handlers for shows, episodes, audiobooks and chapters. Each serves the type its
 * route's pattern names ("/v1/shows/..." -> shows), so a route table lists them as they are.
 */
/** GET /v1/{type}s/{id}: the full object. */
void emu_media_get_one(emu_call *c);
/** GET /v1/{type}s?ids= (at most 50): {"<type>s": [object or null, ...]}. */
void emu_media_get_several(emu_call *c);
/** GET /v1/{type}s/{id}/{children}: a page of a show's episodes or an audiobook's chapters
 *  (simplified). */
void emu_media_get_children(emu_call *c);

/** Writes item @p i of a list (its position, not a catalogue index). */
typedef void (*emu_item_fn)(jw *w, const void *arg, size_t i);
/**
 * Answer a paging object over items [offset, offset + limit) of @p total, each written by
 * @p item; links keep the request's other query parameters. With @p wrap the paging object is
 * the value of that key ({"albums": {...}}).
 */
void emu_reply_page(emu_call *c, const char *wrap, int limit, long offset, long total,
                    emu_item_fn item, const void *arg);

#endif
