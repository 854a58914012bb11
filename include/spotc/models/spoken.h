/**
 * @file spotc/models/spoken.h
 * @brief Shows, episodes, audiobooks and chapters (simplified and full), their
 *        resume points, authors and narrators, and saved-item wrappers.
 *        Rules and ownership: spotc/models.h.
 */
#ifndef SPOTC_MODELS_SPOKEN_H
#define SPOTC_MODELS_SPOKEN_H

#include "objects.h"

SPOTC_BEGIN_DECL

/** Where the user stopped (user-read-playback-position); embedded. */
typedef struct spotc_resume_point {
    struct json_t *json;
    bool fully_played;
    int resume_position_ms; /**< -1 when absent */
} spotc_resume_point;

typedef struct spotc_author {
    struct json_t *json;
    const char *name;
} spotc_author;

typedef struct spotc_narrator {
    struct json_t *json;
    const char *name;
} spotc_narrator;

struct spotc_episode;
struct spotc_chapter;
typedef struct spotc_episode_list SPOTC_LIST_OF(struct spotc_episode) spotc_episode_list;
typedef struct spotc_chapter_list SPOTC_LIST_OF(struct spotc_chapter) spotc_chapter_list;

/** A simplified or full show. A full show carries the first page of its episodes. */
typedef struct spotc_show {
    struct json_t *json;
    const char *id;
    const char *name;
    const char *uri;
    const char *href;
    const char *spotify_url;
    const char *type; /**< "show" */
    const char *description;
    const char *html_description;
    const char *publisher;
    const char *media_type;
    bool is_full;
    bool is_explicit;
    bool is_externally_hosted;
    int total_episodes;
    size_t image_count;
    spotc_image *images;
    size_t language_count;
    const char **languages;
    size_t market_count;
    const char **available_markets;
    size_t copyright_count;
    spotc_copyright *copyrights;
    spotc_episode_list *episodes; /**< full show: the first page (simplified episodes), else NULL */
} spotc_show;

/** A simplified or full episode. A full episode has its (simplified) show. */
typedef struct spotc_episode {
    struct json_t *json;
    const char *id;
    const char *name;
    const char *uri;
    const char *href;
    const char *spotify_url;
    const char *type; /**< "episode" */
    const char *description;
    const char *html_description;
    const char *audio_preview_url;
    const char *language; /**< deprecated by Spotify: see languages */
    const char *release_date;
    const char *release_date_precision;
    bool is_explicit;
    bool is_externally_hosted;
    int is_playable; /**< 1, 0, or -1 when absent */
    int duration_ms;
    size_t image_count;
    spotc_image *images;
    size_t language_count;
    const char **languages;
    spotc_resume_point resume_point;
    spotc_restrictions restrictions;
    spotc_show *show; /**< full episode only, else NULL */
} spotc_episode;

/** A simplified or full audiobook. A full audiobook carries the first page of its chapters. */
typedef struct spotc_audiobook {
    struct json_t *json;
    const char *id;
    const char *name;
    const char *uri;
    const char *href;
    const char *spotify_url;
    const char *type; /**< "audiobook" */
    const char *description;
    const char *html_description;
    const char *edition;
    const char *publisher;
    const char *media_type;
    bool is_full;
    bool is_explicit;
    int total_chapters;
    size_t author_count;
    spotc_author *authors;
    size_t narrator_count;
    spotc_narrator *narrators;
    size_t image_count;
    spotc_image *images;
    size_t language_count;
    const char **languages;
    size_t market_count;
    const char **available_markets;
    size_t copyright_count;
    spotc_copyright *copyrights;
    spotc_chapter_list *chapters; /**< full audiobook: the first page (simplified), else NULL */
} spotc_audiobook;

/** A simplified or full chapter. A full chapter has its (simplified) audiobook. */
typedef struct spotc_chapter {
    struct json_t *json;
    const char *id;
    const char *name;
    const char *uri;
    const char *href;
    const char *spotify_url;
    const char *type;
    const char *description;
    const char *html_description;
    const char *audio_preview_url;
    const char *release_date;
    const char *release_date_precision;
    bool is_explicit;
    int is_playable; /**< 1, 0, or -1 when absent */
    int chapter_number;
    int duration_ms;
    size_t image_count;
    spotc_image *images;
    size_t language_count;
    const char **languages;
    size_t market_count;
    const char **available_markets;
    spotc_resume_point resume_point;
    spotc_restrictions restrictions;
    spotc_audiobook *audiobook; /**< full chapter only, else NULL */
} spotc_chapter;

typedef struct spotc_saved_show {
    struct json_t *json;
    const char *added_at;
    spotc_show *show;
} spotc_saved_show;

typedef struct spotc_saved_episode {
    struct json_t *json;
    const char *added_at;
    spotc_episode *episode;
} spotc_saved_episode;

typedef struct spotc_saved_audiobook {
    struct json_t *json;
    const char *added_at;
    spotc_audiobook *audiobook;
} spotc_saved_audiobook;

typedef struct spotc_show_list SPOTC_LIST_OF(spotc_show) spotc_show_list;
typedef struct spotc_audiobook_list SPOTC_LIST_OF(spotc_audiobook) spotc_audiobook_list;
typedef struct spotc_saved_show_list SPOTC_LIST_OF(spotc_saved_show) spotc_saved_show_list;
typedef struct spotc_saved_episode_list SPOTC_LIST_OF(spotc_saved_episode) spotc_saved_episode_list;
typedef struct spotc_saved_audiobook_list
    SPOTC_LIST_OF(spotc_saved_audiobook) spotc_saved_audiobook_list;

/* Parsers: objects, and lists (page, batch {"shows": [...]}, or page under the key). */
SPOTC_EXTERN int spotc_show_parse(spotc_show **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_episode_parse(spotc_episode **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_audiobook_parse(spotc_audiobook **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_chapter_parse(spotc_chapter **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_show_list_parse(spotc_show_list **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_episode_list_parse(spotc_episode_list **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_audiobook_list_parse(spotc_audiobook_list **out, const char *json,
                                            size_t len);
SPOTC_EXTERN int spotc_chapter_list_parse(spotc_chapter_list **out, const char *json, size_t len);
SPOTC_EXTERN int spotc_saved_show_list_parse(spotc_saved_show_list **out, const char *json,
                                             size_t len);
SPOTC_EXTERN int spotc_saved_episode_list_parse(spotc_saved_episode_list **out, const char *json,
                                                size_t len);
SPOTC_EXTERN int spotc_saved_audiobook_list_parse(spotc_saved_audiobook_list **out,
                                                  const char *json, size_t len);

/* Frees: NULL is a no-op. */
SPOTC_EXTERN void spotc_show_free(spotc_show *show);
SPOTC_EXTERN void spotc_episode_free(spotc_episode *episode);
SPOTC_EXTERN void spotc_audiobook_free(spotc_audiobook *audiobook);
SPOTC_EXTERN void spotc_chapter_free(spotc_chapter *chapter);
SPOTC_EXTERN void spotc_show_list_free(spotc_show_list *list);
SPOTC_EXTERN void spotc_episode_list_free(spotc_episode_list *list);
SPOTC_EXTERN void spotc_audiobook_list_free(spotc_audiobook_list *list);
SPOTC_EXTERN void spotc_chapter_list_free(spotc_chapter_list *list);
SPOTC_EXTERN void spotc_saved_show_list_free(spotc_saved_show_list *list);
SPOTC_EXTERN void spotc_saved_episode_list_free(spotc_saved_episode_list *list);
SPOTC_EXTERN void spotc_saved_audiobook_list_free(spotc_saved_audiobook_list *list);

SPOTC_END_DECL

#endif
