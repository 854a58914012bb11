/*
 * Tracks, full or simplified (models.h).
 */
#include "models_json.h"

/* Keys only a full track object has. */
static const char *const full_track_keys[] = {"album", "popularity", "external_ids", NULL};

/* A full track's (simplified) album, in the track's arena. */
static int track_album_fill(spotc__arena *a, spotc_track *out, const json_t *obj)
{
    spotc_album *album = spotc__arena_calloc(a, 1, sizeof *album);
    if (!album)
        return SPOTC_ENOMEM;
    out->album = album;
    return spotc__album_fill(a, album, obj, true);
}

int spotc__track_fill(spotc__arena *a, spotc_track *out, const json_t *obj, bool nested)
{
    spotc__identity_fill(obj, &out->id, &out->name, &out->uri, &out->href, &out->spotify_url);
    out->preview_url = spotc__json_string(obj, "preview_url");
    out->isrc = json_string_value(spotc__json_path(obj, "external_ids.isrc"));
    out->is_full = spotc__json_has_any(obj, full_track_keys);
    out->is_local = spotc__json_bool(obj, "is_local");
    out->is_explicit = spotc__json_bool(obj, "explicit");
    out->is_playable = spotc__json_tristate(obj, "is_playable");
    out->duration_ms = spotc__json_int(obj, "duration_ms");
    out->track_number = spotc__json_int(obj, "track_number");
    out->disc_number = spotc__json_int(obj, "disc_number");
    out->popularity = spotc__json_int(obj, "popularity");
    int rc = spotc__artists_fill(a, spotc__json_array(obj, "artists"), &out->artists,
                                 &out->artist_count);
    if (rc == 0)
        rc = spotc__json_strings(a, spotc__json_array(obj, "available_markets"),
                                 &out->available_markets, &out->market_count);
    const json_t *album = spotc__json_object(obj, "album");
    if (rc == 0 && album && !nested)
        rc = track_album_fill(a, out, album);
    return rc;
}

static int fill_root(spotc__arena *a, void *model, const json_t *doc)
{
    return spotc__track_fill(a, model, doc, false);
}

SPOTC__MODEL_FUNCTIONS(track, fill_root)
