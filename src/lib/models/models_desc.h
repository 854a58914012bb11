/*
 * Every model's descriptor and typed internal entry points (model.h says how
 * they are made). spotc__NAME_from_json() builds spotc_NAME from a parsed
 * document it takes a reference to; lists also have spotc__NAME_list_new()
 * and spotc__NAME_list_add() (see spotc__list_add).
 */
#ifndef SPOTC_LIB_MODELS_DESC_H
#define SPOTC_LIB_MODELS_DESC_H

#define SPOTC__DECLARE_MODEL(name)                                                                 \
    extern const spotc__model_desc spotc__##name##_desc;                                           \
    int spotc__##name##_from_json(spotc_##name **out, json_t *doc)
#define SPOTC__DECLARE_LIST(name)                                                                  \
    SPOTC__DECLARE_MODEL(name##_list);                                                             \
    spotc_##name##_list *spotc__##name##_list_new(void);                                           \
    int spotc__##name##_list_add(spotc__arena *a, spotc_##name##_list *list, const json_t *root,   \
                                 const spotc__list_opts *opts)

/* objects.h: embedded or nested only */
extern const spotc__model_desc spotc__image_desc;
SPOTC__DECLARE_LIST(image);
extern const spotc__model_desc spotc__copyright_desc;
extern const spotc__model_desc spotc__restrictions_desc;
extern const spotc__model_desc spotc__external_ids_desc;

/* music.h */
SPOTC__DECLARE_MODEL(artist);
SPOTC__DECLARE_MODEL(album);
SPOTC__DECLARE_MODEL(track);
extern const spotc__model_desc spotc__simplified_album_desc;
extern const spotc__model_desc spotc__simplified_track_desc;
extern const spotc__model_desc spotc__simplified_track_list_desc;
extern const spotc__model_desc spotc__linked_track_desc;
extern const spotc__model_desc spotc__saved_track_desc;
extern const spotc__model_desc spotc__saved_album_desc;
SPOTC__DECLARE_LIST(track);
SPOTC__DECLARE_LIST(album);
SPOTC__DECLARE_LIST(artist);
SPOTC__DECLARE_LIST(saved_track);
SPOTC__DECLARE_LIST(saved_album);

/* users.h */
SPOTC__DECLARE_MODEL(user);
extern const spotc__model_desc spotc__user_list_desc;
extern const spotc__model_desc spotc__explicit_content_desc;

/* spoken.h */
extern const spotc__model_desc spotc__resume_point_desc;
extern const spotc__model_desc spotc__author_desc;
extern const spotc__model_desc spotc__narrator_desc;
extern const spotc__model_desc spotc__simplified_show_desc;
extern const spotc__model_desc spotc__simplified_episode_desc;
extern const spotc__model_desc spotc__simplified_audiobook_desc;
extern const spotc__model_desc spotc__simplified_chapter_desc;
extern const spotc__model_desc spotc__simplified_episode_list_desc;
extern const spotc__model_desc spotc__simplified_chapter_list_desc;
extern const spotc__model_desc spotc__saved_show_desc;
extern const spotc__model_desc spotc__saved_episode_desc;
extern const spotc__model_desc spotc__saved_audiobook_desc;
SPOTC__DECLARE_MODEL(show);
SPOTC__DECLARE_MODEL(episode);
SPOTC__DECLARE_MODEL(audiobook);
SPOTC__DECLARE_MODEL(chapter);
SPOTC__DECLARE_LIST(show);
SPOTC__DECLARE_LIST(episode);
SPOTC__DECLARE_LIST(audiobook);
SPOTC__DECLARE_LIST(chapter);
SPOTC__DECLARE_LIST(saved_show);
SPOTC__DECLARE_LIST(saved_episode);
SPOTC__DECLARE_LIST(saved_audiobook);

/* playlists.h */
extern const spotc__model_desc spotc__playlist_item_desc;
extern const spotc__model_desc spotc__simplified_playlist_desc;
SPOTC__DECLARE_MODEL(playlist);
SPOTC__DECLARE_LIST(playlist);
SPOTC__DECLARE_LIST(playlist_item);

/* playback.h */
extern const spotc__model_desc spotc__device_desc;
extern const spotc__model_desc spotc__context_desc;
extern const spotc__model_desc spotc__actions_desc;
extern const spotc__model_desc spotc__playable_desc;
extern const spotc__model_desc spotc__play_history_desc;
SPOTC__DECLARE_LIST(device);
SPOTC__DECLARE_MODEL(playback_state);
SPOTC__DECLARE_MODEL(currently_playing);
SPOTC__DECLARE_MODEL(queue);
SPOTC__DECLARE_LIST(play_history);

/* discovery.h */
extern const spotc__model_desc spotc__time_interval_desc;
extern const spotc__model_desc spotc__audio_section_desc;
extern const spotc__model_desc spotc__audio_segment_desc;
extern const spotc__model_desc spotc__audio_analysis_meta_desc;
extern const spotc__model_desc spotc__audio_analysis_track_desc;
extern const spotc__model_desc spotc__recommendation_seed_desc;
SPOTC__DECLARE_MODEL(category);
SPOTC__DECLARE_LIST(category);
SPOTC__DECLARE_MODEL(audio_features);
SPOTC__DECLARE_LIST(audio_features);
SPOTC__DECLARE_MODEL(audio_analysis);
SPOTC__DECLARE_MODEL(recommendations);
SPOTC__DECLARE_MODEL(markets);
SPOTC__DECLARE_MODEL(genres);

/* search_result.h */
SPOTC__DECLARE_MODEL(search_result);

#endif
