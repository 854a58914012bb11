/*
 * GET /v1/search: q, type (a list), market, limit, offset. Results are ordered by relevance
 * (search.h), then popularity, then catalogue order, so pages are stable. Every object is
 * matched (a scan of the large catalogue's 100,000 tracks takes a few milliseconds, as
 * words are integers), but only the first offset + limit (at most 1000) are sorted.
 */
#include <stdlib.h>
#include <string.h>

#include "fixtures_search.h"
#include "routes.h"
#include "routes_user.h"
#include "search.h"

typedef int (*matcher)(const emu_search_query *q, const emu_view *v, size_t idx);
typedef void (*writer)(jw *w, const emu_view *v, size_t idx);

static void write_album(jw *w, const emu_view *v, size_t idx)
{
    emu_json_album_simple(w, v, idx, NULL);
}

static const struct search_type {
    const char *name;   /* the type= keyword */
    const char *plural; /* the result key */
    int type;           /* emu_type, or -1 for playlists (user state) */
    matcher match;
    writer write;
} search_types[] = {
    {"album", "albums", EMU_T_ALBUM, emu_search_match_album, write_album},
    {"artist", "artists", EMU_T_ARTIST, emu_search_match_artist, emu_json_artist},
    {"playlist", "playlists", -1, NULL, NULL},
    {"track", "tracks", EMU_T_TRACK, emu_search_match_track, emu_json_track},
    {"show", "shows", EMU_T_SHOW, emu_search_match_show, emu_search_write_show},
    {"episode", "episodes", EMU_T_EPISODE, emu_search_match_episode, emu_search_write_episode},
    {"audiobook", "audiobooks", EMU_T_AUDIOBOOK, emu_search_match_audiobook,
     emu_search_write_audiobook},
};
#define NTYPES (sizeof search_types / sizeof *search_types)

/* The popularity search ranks by (albums, artists and tracks each have one). */
static unsigned popularity(const emu_catalogue *cat, int type, size_t i)
{
    switch (type) {
    case EMU_T_ALBUM:
        return cat->albums[i].popularity;
    case EMU_T_ARTIST:
        return cat->artists[i].popularity;
    case EMU_T_TRACK:
        return cat->tracks[i].popularity;
    default:
        return emu_search_media_popularity(cat, (emu_type)type, i);
    }
}

/* Sort key: relevance descending, popularity descending, then index; packed into one
 * integer so qsort needs no context. */
static uint64_t rank_key(int score, unsigned popularity, size_t i)
{
    unsigned s = score > 255 ? 255 : (unsigned)score, p = popularity > 255 ? 255 : popularity;
    return (uint64_t)(255 - s) << 48 | (uint64_t)(255 - p) << 40 | (uint64_t)i;
}

static int cmp_rank(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Move the @p k smallest of a[0..n) to the front, in any order (Hoare's FIND, after
 * Wirth); 0 < k <= n. */
static void select_first(uint64_t *a, size_t n, size_t k)
{
    long l = 0, r = (long)n - 1, kk = (long)k - 1;
    while (l < r) {
        uint64_t x = a[kk];
        long i = l, j = r;
        do {
            while (a[i] < x)
                i++;
            while (x < a[j])
                j--;
            if (i <= j) {
                uint64_t t = a[i];
                a[i++] = a[j];
                a[j--] = t;
            }
        } while (i <= j);
        if (j < kk)
            l = i;
        if (kk < i)
            r = j;
    }
}

static int push_hit(uint64_t **hits, size_t *k, size_t *cap, uint64_t key)
{
    if (*k == *cap) {
        uint64_t *bigger = realloc(*hits, (*cap *= 2) * sizeof **hits);
        if (!bigger)
            return -1;
        *hits = bigger;
    }
    (*hits)[(*k)++] = key;
    return 0;
}

/* All matches of one type; the first @p want of them ranked. Caller frees *out. -1 when out
 * of memory. */
static int find_all(const struct search_type *st, const emu_search_query *q, const emu_view *v,
                    size_t want, uint64_t **out, size_t *n)
{
    const emu_catalogue *cat = v->ctx->cat;
    size_t count = cat->count[st->type], cap = 64, k = 0;
    uint64_t *hits = malloc(cap * sizeof *hits);
    if (!hits)
        return -1;
    for (size_t i = 0; i < count; i++) {
        int score = st->match(q, v, i);
        if (score > 0 &&
            push_hit(&hits, &k, &cap, rank_key(score, popularity(cat, st->type, i), i)) < 0) {
            free(hits);
            return -1;
        }
    }
    /* The user's own objects, numbered after the catalogue's. */
    const emu_fixtures *fx = v->ctx->fixtures;
    emu_fx_kind fk = emu_fx_kind_of((emu_type)st->type);
    for (size_t j = 0; fx && fk != EMU_FX_KINDS && j < fx->n[fk]; j++) {
        const emu_fx *e = &fx->items[fk][j];
        int score = emu_fx_search_match(q, v, fk, e);
        unsigned pop = e->popularity > 0 ? (unsigned)e->popularity : 0;
        if (score > 0 && push_hit(&hits, &k, &cap, rank_key(score, pop, count + j)) < 0) {
            free(hits);
            return -1;
        }
    }
    if (want > 0 && want < k)
        select_first(hits, k, want);
    qsort(hits, want < k ? want : k, sizeof *hits, cmp_rank);
    *out = hits;
    *n = k;
    return 0;
}

/* A result: a catalogue object, or a fixture (numbered after the catalogue's) in the form
 * search answers with: full tracks and artists, simplified albums, shows, episodes and
 * audiobooks. */
static void write_hit(jw *w, const struct search_type *st, const emu_view *v, size_t idx)
{
    size_t count = v->ctx->cat->count[st->type];
    if (idx < count) {
        st->write(w, v, idx);
        return;
    }
    emu_fx_kind k = emu_fx_kind_of((emu_type)st->type);
    emu_fx_form form = k == EMU_FX_TRACK || k == EMU_FX_ARTIST ? EMU_FX_FULL : EMU_FX_SIMPLE;
    emu_fx_write(w, v->ctx->fixtures->items[k][idx - count].obj, k, form, v->ctx->base, NULL);
}

static int write_type(emu_call *c, jw *w, const struct search_type *st, const emu_search_query *q,
                      const emu_view *v, const char *extra, long offset, int limit)
{
    uint64_t *hits = NULL;
    size_t n = 0;
    if (st->type < 0) /* playlists are user state (routes_playlists.c) */
        return emu_search_playlists(c, w, q, extra, offset, limit);
    if (find_all(st, q, v, (size_t)offset + (size_t)limit, &hits, &n) < 0)
        return -1;
    jw_kobj(w, st->plural);
    emu_paging_links(w, c->ctx, "/v1/search", extra, offset, limit, (long)n);
    jw_karr(w, "items");
    for (size_t i = (size_t)offset; i < n && i < (size_t)offset + (size_t)limit; i++)
        write_hit(w, st, v, (size_t)(hits[i] & 0xffffffffffu));
    jw_arr_end(w);
    jw_obj_end(w);
    free(hits);
    return 0;
}

/* The type= list as a bit set over search_types[]; 0 after answering 400. */
static unsigned parse_types(emu_call *c)
{
    const char *t = emu_query(c, "type");
    if (!t || !*t) {
        emu_reply_error(c, 400, "Missing parameter type");
        return 0;
    }
    unsigned set = 0;
    while (*t) {
        size_t n = strcspn(t, ",");
        size_t k = 0;
        while (k < NTYPES &&
               !(strlen(search_types[k].name) == n && strncmp(search_types[k].name, t, n) == 0))
            k++;
        if (k == NTYPES) {
            emu_reply_error(c, 400, "Bad search type field");
            return 0;
        }
        set |= 1u << k;
        t += n + (t[n] == ',');
    }
    return set;
}

static void get_search(emu_call *c)
{
    const char *qs = emu_query(c, "q");
    emu_search_query q;
    if (!qs || emu_search_parse(qs, &q) < 0) {
        emu_reply_error(c, 400, "No search query");
        return;
    }
    unsigned set = parse_types(c);
    int dev = emu_dev_mode(c);
    int limit;
    long offset;
    emu_view v;
    if (!set || emu_paging_params(c, dev ? 5 : 20, dev ? 10 : 50, 1000, &limit, &offset) < 0 ||
        emu_view_init(&v, c) < 0)
        return;
    char *extra = emu_query_without_paging(c);
    jw w;
    jw_init(&w, 4096 + 3000 * (size_t)limit);
    jw_obj(&w);
    int failed = 0;
    for (size_t k = 0; k < NTYPES && !failed; k++)
        if (set & (1u << k))
            failed = write_type(c, &w, &search_types[k], &q, &v, extra, offset, limit) < 0;
    jw_obj_end(&w);
    free(extra);
    if (failed) {
        jw_free(&w);
        emu_reply_error(c, 500, "Server error");
        return;
    }
    emu_reply_json(c, 200, &w);
}

const emu_route emu_routes_search[] = {
    {"GET", "/v1/search", get_search, EMU_ROUTE_WEBAPI, NULL},
};
EMU_ROUTE_COUNT(emu_routes_search);
