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

/** GET /v1/{type}s/{id} of a show, episode, audiobook or chapter. */
void emu_media_reply_one(emu_call *c, emu_type t, emu_media_writer write);
/** GET /v1/{type}s?ids=: {"<type>s": [object or null, ...]}, at most @p max IDs. */
void emu_media_reply_several(emu_call *c, emu_type t, size_t max, emu_media_writer write);
/**
 * GET /v1/{type}s/{id}/{children}: a page over the consecutive objects [first, first + n) the
 * parent @p t (resolved from the path) owns; @p children reads them from the parent.
 */
typedef void (*emu_children_fn)(const emu_catalogue *cat, size_t parent, size_t *first, size_t *n);
void emu_media_reply_children(emu_call *c, emu_type t, emu_children_fn children,
                              emu_media_writer write);

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
