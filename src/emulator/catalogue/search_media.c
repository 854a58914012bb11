/* Search over shows, episodes and audiobooks (declared in search.h). Spotify's field
 * filters (artist:, album:, year:, tag:, ...) are for music, so a query with one finds none
 * of these; free words match a show's name and host, an episode's name and its show's name,
 * an audiobook's name, authors and narrator. As for every read of podcasts and audiobooks,
 * nothing is found without a market (objects_media.h). */
#include "catalogue_media.h"
#include "objects_media.h"
#include "search.h"

int emu_search_has_music_filter(const emu_search_query *q)
{
    return q->impossible || q->artist.n || q->album.n || q->track.n || q->year_from ||
           q->genre[0] || q->isrc[0] || q->upc[0] || q->tag_new || q->tag_hipster;
}

/* The relevance of @p q's free words over @p names (names[0] the item's own). */
static int free_words(const emu_search_query *q, const emu_name *const names[], size_t n)
{
    emu_sname s[4];
    const emu_sname *fields[4];
    for (size_t k = 0; k < n && k < 4; k++) {
        emu_sname_of_name(&s[k], names[k]);
        fields[k] = &s[k];
    }
    return emu_search_score(&q->free, fields, n < 4 ? n : 4);
}

static int findable(const emu_search_query *q, const emu_view *v, emu_type t, size_t idx)
{
    emu_media_view mv;
    emu_media_view_of(&mv, v);
    return !emu_search_has_music_filter(q) && emu_media_available(&mv, t, idx);
}

int emu_search_match_show(const emu_search_query *q, const emu_view *v, size_t show)
{
    const emu_show *s = &v->ctx->cat->media->shows[show];
    const emu_name *names[] = {&s->name, &s->host};
    return findable(q, v, EMU_T_SHOW, show) ? free_words(q, names, 2) : 0;
}

int emu_search_match_episode(const emu_search_query *q, const emu_view *v, size_t episode)
{
    const emu_media *m = v->ctx->cat->media;
    const emu_episode *e = &m->episodes[episode];
    const emu_name *names[] = {&e->name, &m->shows[e->show].name};
    return findable(q, v, EMU_T_EPISODE, episode) ? free_words(q, names, 2) : 0;
}

int emu_search_match_audiobook(const emu_search_query *q, const emu_view *v, size_t book)
{
    const emu_audiobook *b = &v->ctx->cat->media->audiobooks[book];
    const emu_name *names[] = {&b->name, &b->authors[0], &b->authors[b->nauthors - 1],
                               &b->narrator};
    return findable(q, v, EMU_T_AUDIOBOOK, book) ? free_words(q, names, 4) : 0;
}

unsigned emu_search_media_popularity(const emu_catalogue *cat, emu_type t, size_t idx)
{
    const emu_media *m = cat->media;
    switch (t) {
    case EMU_T_SHOW:
        return m->shows[idx].popularity;
    case EMU_T_EPISODE:
        return m->shows[m->episodes[idx].show].popularity;
    case EMU_T_AUDIOBOOK:
        return m->audiobooks[idx].popularity;
    default:
        return 0;
    }
}

/* Search results are simplified objects, without resume points. */
static void write_simple(jw *w, const emu_view *v, emu_type t, size_t idx)
{
    emu_media_view mv;
    emu_media_view_of(&mv, v);
    emu_json_media(w, &mv, t, idx, 0);
}

void emu_search_write_show(jw *w, const emu_view *v, size_t show)
{
    write_simple(w, v, EMU_T_SHOW, show);
}

void emu_search_write_episode(jw *w, const emu_view *v, size_t episode)
{
    write_simple(w, v, EMU_T_EPISODE, episode);
}

void emu_search_write_audiobook(jw *w, const emu_view *v, size_t book)
{
    write_simple(w, v, EMU_T_AUDIOBOOK, book);
}
