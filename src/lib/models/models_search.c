/*
 * Search results (models.h): typed pages for tracks, albums and artists; the
 * other types stay JSON, borrowed from the kept document.
 */
#include "models_json.h"

/* A zeroed list in the arena when the response has a page under `key`. The page
 * object itself is handed to the list, so a stray top-level "items" is ignored. */
static void *search_page(spotc__arena *a, const json_t *doc, const char *key, size_t size,
                         const json_t **page, int *rc)
{
    *page = spotc__json_object(doc, key);
    if (!*page || *rc < 0)
        return NULL;
    void *list = spotc__arena_calloc(a, 1, size);
    if (!list)
        *rc = SPOTC_ENOMEM;
    return list;
}

static int fill_search(spotc__arena *a, void *model, const json_t *doc)
{
    spotc_search_result *r = model;
    const spotc__list_opts opts = {.first = true};
    const json_t *page;
    int rc = 0;
    if ((r->tracks = search_page(a, doc, "tracks", sizeof *r->tracks, &page, &rc)))
        rc = spotc__track_list_add(a, r->tracks, page, &opts);
    if ((r->albums = search_page(a, doc, "albums", sizeof *r->albums, &page, &rc)))
        rc = spotc__album_list_add(a, r->albums, page, &opts);
    if ((r->artists = search_page(a, doc, "artists", sizeof *r->artists, &page, &rc)))
        rc = spotc__artist_list_add(a, r->artists, page, &opts);
    r->playlists = spotc__json_object(doc, "playlists");
    r->shows = spotc__json_object(doc, "shows");
    r->episodes = spotc__json_object(doc, "episodes");
    r->audiobooks = spotc__json_object(doc, "audiobooks");
    return rc < 0 ? rc : 0;
}

SPOTC__MODEL_FUNCTIONS(search_result, fill_search)
