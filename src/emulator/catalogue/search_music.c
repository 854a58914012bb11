/* Search matchers for tracks, albums and artists (see search.h). */
#include "search.h"

#include <string.h>
#include <strings.h>

#include "fold.h"

int emu_search_genre_is(const emu_search_query *q, const char *genre)
{
    char folded[sizeof q->genre];
    emu_fold(genre, strlen(genre), folded, sizeof folded);
    return strcmp(folded, q->genre) == 0;
}

static int artist_has_genre(const emu_artist *a, const emu_search_query *q)
{
    for (unsigned g = 0; g < a->ngenres; g++)
        if (a->genres[g] == q->genre_idx)
            return 1;
    return 0;
}

static int year_ok(const emu_search_query *q, const emu_view *v, size_t album)
{
    if (!q->year_from)
        return 1;
    int y, m, d;
    emu_album_date(v, album, &y, &m, &d);
    return y >= q->year_from && y <= q->year_to;
}

/* What a track search knows of an album, kept between the calls for its tracks (they come
 * in catalogue order, an album's together): a scan of 100,000 tracks then reads each album
 * and artist once, not once per track. */
typedef struct album_memo {
    uint64_t serial; /**< the query's (search.h) */
    const emu_view *v;
    size_t album;
    int ok;         /**< available, in the years, of the genre */
    unsigned terms; /**< free terms found in the album's and its artist's names */
} album_memo;

static const album_memo *album_facts(const emu_search_query *q, const emu_view *v, size_t album)
{
    static _Thread_local album_memo memo;
    if (memo.serial == q->serial && memo.v == v && memo.album == album)
        return &memo;
    const emu_catalogue *cat = v->ctx->cat;
    const emu_album *al = &cat->albums[album];
    const emu_name *names[2] = {&al->name, &cat->artists[al->artist].name};
    memo = (album_memo){q->serial, v, album, 0, 0};
    memo.ok = emu_album_available(v, album) && year_ok(q, v, album) &&
              (!q->genre[0] || artist_has_genre(&cat->artists[al->artist], q));
    memo.terms = emu_search_terms_in(q, names, 2);
    return &memo;
}

int emu_search_match_track(const emu_search_query *q, const emu_view *v, size_t track)
{
    const emu_catalogue *cat = v->ctx->cat;
    const emu_track *t = &cat->tracks[track];
    const emu_album *al = &cat->albums[t->album];
    if (q->impossible || q->upc[0] || q->tag_new || q->tag_hipster)
        return 0;
    const album_memo *m = album_facts(q, v, t->album);
    const emu_name *own[2] = {&t->name,
                              t->feat != UINT32_MAX ? &cat->artists[t->feat].name : NULL};
    unsigned every = (1u << q->free.n) - 1;
    if (!m->ok || ((m->terms | emu_search_terms_in(q, own, 2)) & every) != every)
        return 0;
    emu_sname name, album, artist, feat;
    emu_sname_of_name(&name, &t->name);
    emu_sname_of_name(&album, &al->name);
    emu_sname_of_name(&artist, &cat->artists[al->artist].name);
    if (t->feat != UINT32_MAX)
        emu_sname_of_name(&feat, &cat->artists[t->feat].name);
    const emu_sname *all[4] = {&name, &artist, t->feat != UINT32_MAX ? &feat : NULL, &album};
    if (!emu_search_in(&q->track, &name) || !emu_search_in(&q->album, &album) ||
        !emu_search_score(&q->artist, all + 1, 2))
        return 0;
    if (q->isrc[0]) {
        char isrc[24];
        emu_track_isrc(cat, track, isrc, sizeof isrc);
        if (strcasecmp(isrc, q->isrc) != 0)
            return 0;
    }
    return emu_search_score(&q->free, all, 4);
}

int emu_search_match_album(const emu_search_query *q, const emu_view *v, size_t album)
{
    const emu_catalogue *cat = v->ctx->cat;
    const emu_album *al = &cat->albums[album];
    if (q->impossible || q->track.n || q->genre[0] || q->isrc[0] ||
        !emu_album_available(v, album) || !year_ok(q, v, album))
        return 0;
    if ((q->tag_new && !al->is_new) || (q->tag_hipster && al->popularity > cat->hipster_pop))
        return 0;
    emu_sname name, artist;
    emu_sname_of_name(&name, &al->name);
    emu_sname_of_name(&artist, &cat->artists[al->artist].name);
    if (!emu_search_in(&q->artist, &artist) || !emu_search_in(&q->album, &name))
        return 0;
    if (q->upc[0]) {
        char upc[24];
        emu_album_upc(cat, album, upc, sizeof upc);
        if (strcmp(upc, q->upc) != 0)
            return 0;
    }
    const emu_sname *all[2] = {&name, &artist};
    return emu_search_score(&q->free, all, 2);
}

int emu_search_match_artist(const emu_search_query *q, const emu_view *v, size_t artist)
{
    const emu_catalogue *cat = v->ctx->cat;
    const emu_artist *a = &cat->artists[artist];
    if (q->impossible || q->album.n || q->track.n || q->isrc[0] || q->upc[0] || q->tag_new ||
        q->tag_hipster)
        return 0;
    if (q->genre[0] && !artist_has_genre(a, q))
        return 0;
    emu_sname name;
    emu_sname_of_name(&name, &a->name);
    if (!emu_search_in(&q->artist, &name))
        return 0;
    if (q->year_from) {
        int any = 0;
        for (size_t i = 0; i < a->nalbums && !any; i++)
            any = year_ok(q, v, a->first_album + i);
        if (!any)
            return 0;
    }
    const emu_sname *all[1] = {&name};
    return emu_search_score(&q->free, all, 1);
}
