/**
 * @file spotc/models.h
 * @brief Typed models of every object of the Web API, their parsers and frees.
 *
 * Models are plain structs: read their fields directly. Each starts with
 * `json`, the object's raw JSON (borrowed: it lives as long as the model), so
 * whatever a struct does not type is still one json_object_get() away.
 *
 * Parsers are pure: spotc_<model>_parse(&out, bytes, len) turns a response
 * body into a model. A parsed model owns its JSON document and every nested
 * struct, array and string (they point into the document or into memory the
 * top-level object owns): one spotc_<model>_free() releases all of it, and
 * spotc_<model>_free(NULL) is a no-op. Nested models are never freed alone.
 * Parsers return 0, SPOTC_EINVALID (NULL out or bytes), SPOTC_EJSON (not JSON,
 * or its top level is not an object) or SPOTC_ENOMEM; *out is NULL on error.
 *
 * Tolerance, one rule for every field: a value that is missing, null or of
 * the wrong type reads as absent: NULL for strings, objects and raw JSON, -1
 * for integers and tri-state booleans (int: 1 true, 0 false, -1 absent), NAN
 * for doubles (a negative value is meaningful in audio features), false for
 * booleans, an empty array (NULL, count 0), and an embedded struct (external
 * ids, restrictions, resume point...) whose own fields are all absent (its
 * json NULL). Unknown fields are ignored. Arrays skip entries of the wrong
 * type, except lists' items and arrays of pointers, which keep NULL where
 * Spotify sent null (a batch read's unknown ID, a playlist's removed track).
 *
 * Simplified and full objects share a struct: the simplified one leaves the
 * full-only fields absent, and is_full says which one was sent.
 *
 * Lists: every spotc_<model>_list is SPOTC_LIST_OF(spotc_<model>): page info
 * (offset or cursor paging), count and items. A list parser takes a paging
 * object ({"items": [...], "next": ...}), a batch ({"tracks": [...]}) or a
 * paging object under the model's key ({"artists": {"items": ...}}).
 */
#ifndef SPOTC_MODELS_H
#define SPOTC_MODELS_H

#include "models/objects.h"
#include "models/music.h"
#include "models/users.h"
#include "models/spoken.h"
#include "models/playlists.h"
#include "models/playback.h"
#include "models/discovery.h"
#include "models/search_result.h"







#endif
