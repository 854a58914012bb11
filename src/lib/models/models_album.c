/*
 * Albums, full or simplified (models.h).
 */
#include "models_json.h"

/* Keys only a full album object has. */
static const char *const full_album_keys[] = {"tracks",     "label",        "copyrights",
                                              "popularity", "external_ids", NULL};

/* A full album's first page of tracks, in the album's arena. */
static int album_tracks_fill(spotc__arena *a, spotc_album *out, const json_t *page)
{
    spotc_track_list *list = spotc__arena_calloc(a, 1, sizeof *list);
    if (!list)
        return SPOTC_ENOMEM;
    spotc__list_opts opts = {.first = true, .nested = true};
    int rc = spotc__track_list_add(a, list, page, &opts);
    if (rc < 0)
        return rc;
    out->tracks = list;
    return 0;
}

int spotc__album_fill(spotc__arena *a, spotc_album *out, const json_t *obj, bool nested)
{
    spotc__identity_fill(obj, &out->id, &out->name, &out->uri, &out->href, &out->spotify_url);
    out->album_type = spotc__json_string(obj, "album_type");
    out->album_group = spotc__json_string(obj, "album_group");
    out->release_date = spotc__json_string(obj, "release_date");
    out->release_date_precision = spotc__json_string(obj, "release_date_precision");
    out->label = spotc__json_string(obj, "label");
    out->is_full = spotc__json_has_any(obj, full_album_keys);
    out->total_tracks = spotc__json_int(obj, "total_tracks");
    out->popularity = spotc__json_int(obj, "popularity");
    int rc = spotc__artists_fill(a, spotc__json_array(obj, "artists"), &out->artists,
                                 &out->artist_count);
    if (rc == 0)
        rc = spotc__images_fill(a, spotc__json_array(obj, "images"), &out->images,
                                &out->image_count);
    if (rc == 0)
        rc = spotc__json_strings(a, spotc__json_array(obj, "genres"), &out->genres,
                                 &out->genre_count);
    if (rc == 0)
        rc = spotc__json_strings(a, spotc__json_array(obj, "available_markets"),
                                 &out->available_markets, &out->market_count);
    const json_t *tracks = spotc__json_object(obj, "tracks");
    if (rc == 0 && tracks && !nested)
        rc = album_tracks_fill(a, out, tracks);
    return rc;
}

static int fill_root(spotc__arena *a, void *model, const json_t *doc)
{
    return spotc__album_fill(a, model, doc, false);
}

SPOTC__MODEL_FUNCTIONS(album, fill_root)
