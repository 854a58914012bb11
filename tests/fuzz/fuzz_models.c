/* libFuzzer harness: the model parsers read response bodies from the network.
 * Every parser must survive any bytes, and what it returns must be walkable. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touch every string and array so ASan sees any dangling or short pointer. */
static size_t sink;

static void touch(const char *s)
{
    if (s)
        sink += strlen(s);
}

static void walk_strings(const char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        touch(v[i]);
}

static void walk_images(const spotc_image *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        touch(v[i].url), sink += (size_t)(v[i].width + v[i].height);
}

static void walk_artist(const spotc_artist *a)
{
    touch(a->id), touch(a->name), touch(a->uri), touch(a->href), touch(a->spotify_url);
    walk_strings(a->genres, a->genre_count);
    walk_images(a->images, a->image_count);
}

static void walk_page(const spotc_page_info *p)
{
    touch(p->href), touch(p->next), touch(p->previous);
    touch(p->cursor_after), touch(p->cursor_before);
}

static void walk_track_list(const spotc_track_list *l);

static void walk_album(const spotc_album *a)
{
    touch(a->id), touch(a->name), touch(a->album_type), touch(a->label);
    touch(a->release_date), touch(a->album_group);
    for (size_t i = 0; i < a->artist_count; i++)
        walk_artist(&a->artists[i]);
    walk_images(a->images, a->image_count);
    walk_strings(a->genres, a->genre_count);
    walk_strings(a->available_markets, a->market_count);
    if (a->tracks)
        walk_track_list(a->tracks);
}

static void walk_track(const spotc_track *t)
{
    touch(t->id), touch(t->name), touch(t->uri), touch(t->isrc), touch(t->preview_url);
    for (size_t i = 0; i < t->artist_count; i++)
        walk_artist(&t->artists[i]);
    walk_strings(t->available_markets, t->market_count);
    if (t->album) {
        if (t->album->tracks)
            abort(); /* a track's album never nests tracks again */
        walk_album(t->album);
    }
}

static void walk_track_list(const spotc_track_list *l)
{
    walk_page(&l->page);
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i])
            walk_track(l->items[i]);
}

static void walk_album_list(const spotc_album_list *l)
{
    walk_page(&l->page);
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i])
            walk_album(l->items[i]);
}

static void walk_artist_list(const spotc_artist_list *l)
{
    walk_page(&l->page);
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i])
            walk_artist(l->items[i]);
}

/* A failed parse leaves nothing behind, and only says "not JSON". */
#define CHECK(rc, out)                                                                             \
    do {                                                                                           \
        if ((rc) != 0 && ((rc) != SPOTC_EJSON || (out) != NULL))                                   \
            abort();                                                                               \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    spotc_track *t = NULL;
    spotc_album *al = NULL;
    spotc_artist *ar = NULL;
    spotc_track_list *tl = NULL;
    spotc_album_list *all = NULL;
    spotc_artist_list *arl = NULL;
    spotc_search_result *sr = NULL;
    int rc = spotc_track_parse(&t, json, size);
    CHECK(rc, t);
    if (t)
        walk_track(t);
    CHECK(rc = spotc_album_parse(&al, json, size), al);
    if (al)
        walk_album(al);
    CHECK(rc = spotc_artist_parse(&ar, json, size), ar);
    if (ar)
        walk_artist(ar);
    CHECK(rc = spotc_track_list_parse(&tl, json, size), tl);
    if (tl)
        walk_track_list(tl);
    CHECK(rc = spotc_album_list_parse(&all, json, size), all);
    if (all)
        walk_album_list(all);
    CHECK(rc = spotc_artist_list_parse(&arl, json, size), arl);
    if (arl)
        walk_artist_list(arl);
    CHECK(rc = spotc_search_result_parse(&sr, json, size), sr);
    if (sr) {
        if (sr->tracks)
            walk_track_list(sr->tracks);
        if (sr->albums)
            walk_album_list(sr->albums);
        if (sr->artists)
            walk_artist_list(sr->artists);
    }
    spotc_track_free(t);
    spotc_album_free(al);
    spotc_artist_free(ar);
    spotc_track_list_free(tl);
    spotc_album_list_free(all);
    spotc_artist_list_free(arl);
    spotc_search_result_free(sr);
    return 0;
}
