/**
 * @file routes_user.h
 * @brief Helpers shared by the routes of user state (/me, playlists, library, follow,
 *        player): the token's user, scopes, the state lock, JSON bodies, ID and URI lists.
 *
 * Every helper that can fail answers the request itself (Spotify's status and message) and
 * returns -1 or NULL, so handlers just return.
 */
#ifndef SPOTC_EMU_ROUTES_USER_H
#define SPOTC_EMU_ROUTES_USER_H

#include <jansson.h>
#include <stddef.h>

#include "router.h"
#include "state.h"

/** The token's user (index in users.h), or -1 after answering 401 (app token, unknown user). */
int emu_me(emu_call *c);
/** The token's user, or -1 for an app token or an unknown user (nothing answered). */
int emu_token_user(const emu_call *c);
/** 0, or -1 after answering 403 "Insufficient client scope". */
int emu_require_scope(emu_call *c, const char *scope);

/** Take ctx->state_lock for reading or writing and return the state; emu_unlock() after. */
emu_state *emu_lock_read(emu_call *c);
emu_state *emu_lock_write(emu_call *c);
void emu_unlock(emu_call *c);

/**
 * The body as a JSON object (caller json_decref()s). An empty body is {} unless
 * @p required. NULL after answering 400 "Error parsing JSON." (or "Missing body").
 */
json_t *emu_json_body(emu_call *c, int required);
/**
 * The body of a save, remove or follow: a JSON object, or a bare JSON array of IDs as
 * widely used clients send it (returned as {"ids": [...]}, which Spotify reads the same
 * way). An empty body is {}. NULL after answering 400.
 */
json_t *emu_ids_body(emu_call *c);
/** emu_me() into *me, then emu_json_body(); NULL after answering either's error. */
json_t *emu_me_body(emu_call *c, int required, int *me);

/** A list of strings (owned). */
typedef struct emu_strlist {
    char **v;
    size_t n;
} emu_strlist;
void emu_strlist_free(emu_strlist *l);

/**
 * A list parameter: the query's comma-separated @p name (spaces trimmed) or, when absent, the
 * body's JSON array @p name (query first, as Spotify: "IDs in the body are ignored").
 * @param required answer 400 "Missing required parameter: NAME" when neither is there
 * @param max answer 400 @p too_many when the list is longer
 * @return 0 (an absent optional list is empty), or -1 after answering.
 */
int emu_list_param(emu_call *c, json_t *body, const char *name, int required, size_t max,
                   const char *too_many, emu_strlist *out);

/**
 * Parse "spotify:TYPE:ID" (the types of the catalogue, plus user and playlist).
 * @param[out] type an emu_type, or EMU_URI_USER / EMU_URI_PLAYLIST
 * @param[out] id the ID part (users: up to EMU_USER_MAX - 1 characters)
 * @return 0; -1 when malformed or of an unknown type.
 */
#define EMU_URI_USER (EMU_T_COUNT + 1)
#define EMU_URI_PLAYLIST (EMU_T_COUNT + 2)
int emu_uri_split(const char *uri, int *type, char *id, size_t idsz);

/**
 * Resolve the ID of an object a user saves, follows, adds or plays: a fixture's first, then
 * the catalogue's (fixtures_refs.h numbers fixtures after the catalogue's objects, so the
 * index may lie past cat->count[t]: write it with the fixture-aware writers).
 * @return 0 and *idx; -1 malformed; -2 no such object.
 */
int emu_find(const emu_call *c, emu_type t, const char *id, size_t *idx);

/**
 * An integer query parameter within [min, max].
 * @return 1 and *out; 0 when absent (and not @p required); -1 after answering 400.
 */
int emu_query_long(emu_call *c, const char *name, long min, long max, int required, long *out);

/** Answer 200 with a JSON array of booleans. */
void emu_reply_bools(emu_call *c, const int *v, size_t n);
/** Answer @p status with {"snapshot_id": ...} for @p pl. */
void emu_reply_snapshot(emu_call *c, int status, const emu_playlist *pl);

/* Shared by the playlist routes (routes_playlists.c). */

/** The path's playlist ({playlist_id}); NULL after answering 400/404 (403 for a fixture
 *  playlist: read-only). */
emu_playlist *emu_path_playlist(emu_call *c, emu_state *s);
/** The path's playlist as a follow refers to it: a fixture playlist's EMU_FX_PL | place
 *  (fixtures_refs.h) or the state's index. 0 and *idx, or -1 after answering 400/404. */
int emu_path_playlist_index(emu_call *c, emu_state *s, uint32_t *idx);
/** Non-zero when @p user may change the items: the owner, or a follower of a collaborative
 *  playlist. */
int emu_pl_collaborator(const emu_state *s, const emu_playlist *pl, int user);
/** The scope a change of @p pl needs (public: playlist-modify-public, else -private);
 *  0, or -1 after answering 403. */
int emu_pl_modify_scope(emu_call *c, const emu_playlist *pl);
/** Answer 200 with @p w (taken) through the request's `fields` filter; -1 after an error. */
int emu_reply_fields(emu_call *c, jw *w);

struct emu_search_query;
/**
 * Write search's "playlists" paging object (public playlists whose name or description
 * holds every free word of @p q). Takes the state lock itself. 0, or -1 out of memory.
 */
int emu_search_playlists(emu_call *c, jw *w, const struct emu_search_query *q,
                                const char *extra, long offset, int limit);

#endif
