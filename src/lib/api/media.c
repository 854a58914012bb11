/*
 * Typed calls for shows, episodes, audiobooks and chapters (media.h), on the
 * typed-call helpers (typed_call.h) and the batch engine.
 */
#include "internal.h"
#include "model.h"
#include "typed_call.h"

SPOTC__KIND(show);
SPOTC__KIND(episode);
SPOTC__KIND(audiobook);
SPOTC__KIND(chapter);
SPOTC__LIST_KIND(show_list);
SPOTC__LIST_KIND(episode_list);
SPOTC__LIST_KIND(audiobook_list);
SPOTC__LIST_KIND(chapter_list);

/* One item by ID, with the market every one of these reads takes. */
#define MEDIA_GET(fn, model, op, type)                                                             \
    int fn(spotc_##model **out, spotc_client *client, const char *id, const char *market)          \
    {                                                                                              \
        static const spotc__item_call what = {op, type, true, &model##_kind};                      \
        return spotc__typed_one((void **)out, client, &what, id, market, NULL);                    \
    }

/* The pages of an item's children. */
#define MEDIA_CHILDREN(fn, model, op, type)                                                        \
    int fn(spotc_##model##_list **out, spotc_client *client, const char *id, const char *market,   \
           const spotc_page_options *opts)                                                         \
    {                                                                                              \
        static const spotc__item_call what = {op, type, true, &model##_list_kind};                 \
        spotc__params p = {0};                                                                     \
        spotc__params_add_market(&p, client, market);                                              \
        return spotc__typed_children((void **)out, client, &what, "id", id, &p, opts);             \
    }

MEDIA_GET(spotc_show_get, show, "get-a-show", SPOTC_TYPE_SHOW)
MEDIA_GET(spotc_episode_get, episode, "get-an-episode", SPOTC_TYPE_EPISODE)
MEDIA_GET(spotc_audiobook_get, audiobook, "get-an-audiobook", SPOTC_TYPE_AUDIOBOOK)
MEDIA_GET(spotc_chapter_get, chapter, "get-a-chapter", SPOTC_TYPE_CHAPTER)

SPOTC__SEVERAL_FN(spotc_show_get_several, show, "get-multiple-shows", SPOTC_TYPE_SHOW, "shows")
SPOTC__SEVERAL_FN(spotc_episode_get_several, episode, "get-multiple-episodes", SPOTC_TYPE_EPISODE,
                  "episodes")
SPOTC__SEVERAL_FN(spotc_audiobook_get_several, audiobook, "get-multiple-audiobooks",
                  SPOTC_TYPE_AUDIOBOOK, "audiobooks")
SPOTC__SEVERAL_FN(spotc_chapter_get_several, chapter, "get-several-chapters", SPOTC_TYPE_CHAPTER,
                  "chapters")

MEDIA_CHILDREN(spotc_show_list_episodes, episode, "get-a-shows-episodes", SPOTC_TYPE_SHOW)
MEDIA_CHILDREN(spotc_audiobook_list_chapters, chapter, "get-audiobook-chapters",
               SPOTC_TYPE_AUDIOBOOK)
