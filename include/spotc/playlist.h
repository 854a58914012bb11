/**
 * @file spotc/playlist.h
 * @brief Playlist calls that need more than spotc_operation_call(): the cover image upload.
 *
 * Every other playlist operation is in the table (spotc_operation_call() with
 * "get-playlist", "add-items-to-playlist" ...).
 */
#ifndef SPOTC_PLAYLIST_H
#define SPOTC_PLAYLIST_H

#include "client.h"

SPOTC_BEGIN_DECL

/** Spotify's limit on the base64 text of a cover image (256 KB). */
#define SPOTC_COVER_MAX_BASE64 (256 * 1024)

/**
 * PUT /playlists/{playlist_id}/images: replace a playlist's cover.
 * Needs the ugc-image-upload scope and playlist-modify-public or -private.
 * The image is sent base64-encoded with Content-Type image/jpeg, as Spotify asks.
 * @param playlist_id an ID, URI or open.spotify.com link.
 * @param jpeg the JPEG bytes (borrowed); anything that is not a JPEG, or whose base64
 *        form exceeds SPOTC_COVER_MAX_BASE64, is SPOTC_EINVALID before anything is sent.
 * @return 0 when Spotify accepted it (202), else a negative code (details on the client).
 *         The upload is a PUT: a 5xx or network failure is retried.
 */
SPOTC_EXTERN int spotc_playlist_upload_cover(spotc_client *client, const char *playlist_id,
                                             const unsigned char *jpeg, size_t len);

SPOTC_END_DECL

#endif
