/*
 * Artists, full or simplified (models.h).
 */
#include "models_json.h"

/* Keys only a full artist object has. */
static const char *const full_artist_keys[] = {"images", "genres", "popularity", "followers", NULL};

int spotc__artist_fill(spotc__arena *a, spotc_artist *out, const json_t *obj)
{
    spotc__identity_fill(obj, &out->id, &out->name, &out->uri, &out->href, &out->spotify_url);
    out->is_full = spotc__json_has_any(obj, full_artist_keys);
    out->popularity = spotc__json_int(obj, "popularity");
    out->followers = spotc__json_int(spotc__json_object(obj, "followers"), "total");
    int rc =
        spotc__json_strings(a, spotc__json_array(obj, "genres"), &out->genres, &out->genre_count);
    if (rc == 0)
        rc = spotc__images_fill(a, spotc__json_array(obj, "images"), &out->images,
                                &out->image_count);
    return rc;
}

static int artist_elem(spotc__arena *a, void *elem, const json_t *obj)
{
    return spotc__artist_fill(a, elem, obj);
}

int spotc__artists_fill(spotc__arena *a, const json_t *array, spotc_artist **out, size_t *count)
{
    int rc;
    *out = spotc__objects_fill(a, array, sizeof **out, artist_elem, count, &rc);
    return rc;
}

static int fill_root(spotc__arena *a, void *model, const json_t *doc)
{
    return spotc__artist_fill(a, model, doc);
}

SPOTC__MODEL_FUNCTIONS(artist, fill_root)
