/*
 * Walk a model by its descriptor, touching every string, number, array and
 * nested model: the fuzz harness and the unit tests run it over whatever a
 * parser returns, so a dangling or short pointer shows under ASan/valgrind.
 * Also the list of every top-level model, for the same harnesses.
 */
#include <math.h>
#include <string.h>

#include "model.h"

const spotc__model_desc *const spotc__models[] = {
    &spotc__artist_desc,           &spotc__album_desc,
    &spotc__track_desc,            &spotc__track_list_desc,
    &spotc__album_list_desc,       &spotc__artist_list_desc,
    &spotc__saved_track_list_desc, &spotc__saved_album_list_desc,
    &spotc__search_result_desc,    &spotc__user_desc,
    &spotc__show_desc,             &spotc__episode_desc,
    &spotc__audiobook_desc,        &spotc__chapter_desc,
    &spotc__show_list_desc,        &spotc__episode_list_desc,
    &spotc__audiobook_list_desc,   &spotc__chapter_list_desc,
    &spotc__saved_show_list_desc,  &spotc__saved_episode_list_desc,
    &spotc__saved_audiobook_list_desc, &spotc__playlist_desc,
    &spotc__playlist_list_desc,    &spotc__playlist_item_list_desc,
    &spotc__device_list_desc,      &spotc__playback_state_desc,
    &spotc__currently_playing_desc, &spotc__queue_desc,
    &spotc__play_history_list_desc, &spotc__category_desc,
    &spotc__category_list_desc,    &spotc__audio_features_desc,
    &spotc__audio_features_list_desc, &spotc__audio_analysis_desc,
    &spotc__recommendations_desc,  &spotc__image_list_desc,
    &spotc__markets_desc,          &spotc__genres_desc,
};
const size_t spotc__model_count = SPOTC__COUNT(spotc__models);

static const unsigned char *load_ptr(const unsigned char *m, size_t offset)
{
    const unsigned char *p;
    memcpy(&p, m + offset, sizeof p);
    return p;
}

static size_t count_at(const unsigned char *m, const spotc__field *f)
{
    return *(const size_t *)(const void *)(m + f->count_offset);
}

static size_t walk_list(const spotc__model_desc *d, const unsigned char *list)
{
    size_t sum = spotc__model_walk(&spotc__page_info_desc, list + offsetof(spotc__list, page));
    size_t n = *(const size_t *)(const void *)(list + offsetof(spotc__list, count));
    const unsigned char *items = load_ptr(list, offsetof(spotc__list, items));
    for (size_t i = 0; i < n; i++)
        sum += spotc__model_walk(d->item, load_ptr(items, i * sizeof(void *)));
    return sum + n;
}

static size_t walk_field(const spotc__field *f, const unsigned char *m)
{
    const unsigned char *p = load_ptr(m, f->offset);
    size_t sum = 0, n = f->count_offset ? count_at(m, f) : 0;
    switch (f->kind) {
    case SPOTC__K_STRING:
        return p ? strlen((const char *)p) : 0;
    case SPOTC__K_INT:
    case SPOTC__K_TRISTATE:
        return (size_t) * (const int *)(const void *)(m + f->offset);
    case SPOTC__K_LONG:
        return (size_t) * (const long *)(const void *)(m + f->offset);
    case SPOTC__K_DOUBLE:
        return isnan(*(const double *)(const void *)(m + f->offset)) ? 1 : 2;
    case SPOTC__K_BOOL:
    case SPOTC__K_PRESENT:
        return *(const bool *)(const void *)(m + f->offset);
    case SPOTC__K_JSON:
        return p ? json_typeof((const json_t *)(const void *)p) : 0;
    case SPOTC__K_EMBED:
        return spotc__model_walk(f->model, m + f->offset);
    case SPOTC__K_OBJECT:
    case SPOTC__K_LIST:
        return spotc__model_walk(f->model, p);
    case SPOTC__K_OBJECTS:
        for (size_t i = 0; i < n; i++)
            sum += spotc__model_walk(f->model, p + i * f->model->size);
        return sum;
    case SPOTC__K_PTRS:
        for (size_t i = 0; i < n; i++)
            sum += spotc__model_walk(f->model, load_ptr(p, i * sizeof(void *)));
        return sum;
    case SPOTC__K_STRINGS:
        for (size_t i = 0; i < n; i++)
            sum += strlen((const char *)load_ptr(p, i * sizeof(void *)));
        return sum;
    case SPOTC__K_NUMBERS:
        for (size_t i = 0; i < n; i++)
            sum += ((const double *)(const void *)p)[i] > 0; /* NAN-safe, no cast */
        return sum;
    }
    return 0;
}

size_t spotc__model_walk(const spotc__model_desc *d, const void *model)
{
    const unsigned char *m = model;
    if (!m)
        return 0;
    if (d->item)
        return walk_list(d, m);
    size_t sum = d->base ? spotc__model_walk(d->base, m) : 0;
    for (size_t i = 0; i < d->nfields; i++)
        sum += walk_field(&d->fields[i], m);
    return sum;
}
