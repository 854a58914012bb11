/**
 * @file routes_media.h
 * @brief Handler helpers shared by the catalogue, shows, audiobooks, browse and audio routes:
 *        one object, several objects by `ids`, and paging objects over any list.
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
 * The count of the `ids` query parameter's entries (required, at most @p max).
 * @return 0, or -1 after answering 400 (missing, too many).
 */
int emu_ids_count(emu_call *c, size_t max, size_t *count);
/**
 * Resolve the @p count entries of `ids` as IDs of type @p t. Unknown IDs become SIZE_MAX
 * (Spotify answers null for them).
 * @param skip_empty pass over empty entries ("a,,b") instead of refusing them as invalid
 *        (the track, album and artist batches do)
 * @param[out] idx the indexes (caller frees); @param[out] n their count
 * @return 0, or -1 after answering 400 (malformed) or 500.
 */
int emu_ids_resolve(emu_call *c, emu_type t, size_t count, int skip_empty, size_t **idx, size_t *n);
/** emu_ids_count() then emu_ids_resolve(), refusing empty entries. */
int emu_ids_param(emu_call *c, emu_type t, size_t max, size_t **idx, size_t *n);

/** Writes item @p i of a list (its position or catalogue index, as the caller says). */
typedef void (*emu_item_fn)(jw *w, const void *arg, size_t i);

/** Answer {"@p key": [object or null, ...]}: null for SIZE_MAX, else @p item of the index. */
void emu_reply_batch(emu_call *c, const char *key, const size_t *idx, size_t n, emu_item_fn item,
                     const void *arg);

/** The path's {id} as an object of type @p t; -1 after answering 400 "invalid id" or 404
 *  @p not_found. */
int emu_path_object(emu_call *c, emu_type t, const char *not_found, size_t *idx);

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

/**
 * Answer a paging object over items [offset, offset + limit) of @p total, each written by
 * @p item; links keep the request's other query parameters. With @p wrap the paging object is
 * the value of that key ({"albums": {...}}).
 */
void emu_reply_page(emu_call *c, const char *wrap, int limit, long offset, long total,
                    emu_item_fn item, const void *arg);
/** emu_reply_page() with links to @p path instead of the request's own path. */
void emu_reply_page_at(emu_call *c, const char *path, const char *wrap, int limit, long offset,
                       long total, emu_item_fn item, const void *arg);

#endif
