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

/* search_result.h */
SPOTC__DECLARE_MODEL(search_result);

#endif
