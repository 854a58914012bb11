/**
 * @file objects_user.h
 * @brief JSON for users: PrivateUserObject (GET /me), PublicUserObject, and the short forms
 *        playlists embed (PlaylistOwnerObject, PlaylistUserObject).
 *
 * Follower counts include the users of the state who follow the user, so the caller holds
 * ctx->state_lock (for reading at least). Writers append one object value to an open jw.
 */
#ifndef SPOTC_EMU_OBJECTS_USER_H
#define SPOTC_EMU_OBJECTS_USER_H

#include "objects.h"

/**
 * GET /me. As Spotify documents, `country`, `product` and `explicit_content` need the
 * user-read-private scope and `email` user-read-email; without them those keys are left out.
 */
void emu_json_user_private(jw *w, const emu_view *v, int user, int with_private, int with_email);
void emu_json_user_public(jw *w, const emu_view *v, int user);
/** PlaylistOwnerObject: the reference fields and display_name. */
void emu_json_user_owner(jw *w, const emu_view *v, int user);
/** PlaylistUserObject (added_by): external_urls, href, id, type, uri. */
void emu_json_user_ref(jw *w, const emu_view *v, int user);

#endif
