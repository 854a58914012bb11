/**
 * @file spotc/media.h
 * @brief Typed calls for spoken content: shows, episodes, audiobooks, chapters.
 *
 * IDs may be Spotify URIs, open.spotify.com links or bare IDs; a malformed one
 * (or one of another type) is SPOTC_EINVALID before any request is sent.
 * `market` may be NULL (then the client's market, if any, is used). Results
 * are the caller's, released with their spotc_<model>_free(); parameters and
 * options are borrowed for the call only. Errors leave *out NULL and the
 * details on the client.
 *
 * The several-item reads take any number of IDs (spotc/batch.h): results in
 * input order, NULL items for unknown IDs. Spotify removed them for
 * development-mode apps; the app's mode (spotc_client_options.mode) then
 * reads the items one by one, so they keep working, but the single reads
 * are the ones to use.
 */
#ifndef SPOTC_MEDIA_H
#define SPOTC_MEDIA_H

#include "batch.h"
#include "client.h"
#include "models.h"
#include "paging.h"

SPOTC_BEGIN_DECL

/** GET /shows/{id}. @param[out] out the show (spotc_show_free), with its first page of episodes. */
SPOTC_EXTERN int spotc_show_get(spotc_show **out, spotc_client *client, const char *id,
                                const char *market);

/** GET /shows?ids= for any number of shows. @param[out] out in input order (spotc_show_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED("use spotc_show_get") int spotc_show_get_several(
    spotc_show_list **out, spotc_client *client, const char *const *ids, size_t count,
    const char *market, const spotc_batch_options *opts);

/** GET /shows/{id}/episodes: one page, or every page with opts->all.
 *  @param[out] out the episodes (spotc_episode_list_free). */
SPOTC_EXTERN int spotc_show_list_episodes(spotc_episode_list **out, spotc_client *client,
                                          const char *id, const char *market,
                                          const spotc_page_options *opts);

/** GET /episodes/{id}. @param[out] out the episode (spotc_episode_free). */
SPOTC_EXTERN int spotc_episode_get(spotc_episode **out, spotc_client *client, const char *id,
                                   const char *market);

/** GET /episodes?ids= for any number of episodes (spotc_episode_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED("use spotc_episode_get") int spotc_episode_get_several(
    spotc_episode_list **out, spotc_client *client, const char *const *ids, size_t count,
    const char *market, const spotc_batch_options *opts);

/** GET /audiobooks/{id}. @param[out] out the audiobook (spotc_audiobook_free). */
SPOTC_EXTERN int spotc_audiobook_get(spotc_audiobook **out, spotc_client *client, const char *id,
                                     const char *market);

/** GET /audiobooks?ids= for any number of audiobooks (spotc_audiobook_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED("use spotc_audiobook_get") int spotc_audiobook_get_several(
    spotc_audiobook_list **out, spotc_client *client, const char *const *ids, size_t count,
    const char *market, const spotc_batch_options *opts);

/** GET /audiobooks/{id}/chapters: one page, or every page with opts->all
 *  (spotc_chapter_list_free). */
SPOTC_EXTERN int spotc_audiobook_list_chapters(spotc_chapter_list **out, spotc_client *client,
                                               const char *id, const char *market,
                                               const spotc_page_options *opts);

/** GET /chapters/{id}. @param[out] out the chapter (spotc_chapter_free). */
SPOTC_EXTERN int spotc_chapter_get(spotc_chapter **out, spotc_client *client, const char *id,
                                   const char *market);

/** GET /chapters?ids= for any number of chapters (spotc_chapter_list_free). */
SPOTC_EXTERN SPOTC_DEPRECATED("use spotc_chapter_get") int spotc_chapter_get_several(
    spotc_chapter_list **out, spotc_client *client, const char *const *ids, size_t count,
    const char *market, const spotc_batch_options *opts);

SPOTC_END_DECL

#endif
