/* Search query parsing and matching (see search.h). */
#include "search.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Add every word of s[0..n) to @p set (words are runs of letters and digits). */
static void add_words(emu_word_set *set, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && !isalnum((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (i < n && isalnum((unsigned char)s[i]))
            i++;
        if (i > start && set->n < EMU_SEARCH_MAX_WORDS)
            set->keys[set->n++] = emu_word_lookup(s + start, i - start);
    }
}

static int parse_year(const char *s, size_t n, int *from, int *to)
{
    char buf[16];
    if (n == 0 || n >= sizeof buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = 0;
    int a, b;
    char extra;
    if (sscanf(buf, "%4d-%4d%c", &a, &b, &extra) == 2 && a <= b) {
        *from = a;
        *to = b;
        return 0;
    }
    if (sscanf(buf, "%4d%c", &a, &extra) == 1 && strspn(buf, "0123456789") == n) {
        *from = *to = a;
        return 0;
    }
    return -1;
}

static void copy_value(char *dst, size_t dstsz, const char *s, size_t n, int *impossible)
{
    if (n >= dstsz) {
        *impossible = 1;
        n = dstsz - 1;
    }
    memcpy(dst, s, n);
    dst[n] = 0;
}

/* Apply one field:value term. */
static void apply_filter(emu_search_query *q, const char *f, size_t fn, const char *v, size_t vn)
{
#define IS(name) (fn == sizeof name - 1 && strncasecmp(f, name, fn) == 0)
    if (IS("artist"))
        add_words(&q->artist, v, vn);
    else if (IS("album"))
        add_words(&q->album, v, vn);
    else if (IS("track"))
        add_words(&q->track, v, vn);
    else if (IS("year")) {
        if (parse_year(v, vn, &q->year_from, &q->year_to) < 0)
            q->impossible = 1;
    } else if (IS("genre"))
        copy_value(q->genre, sizeof q->genre, v, vn, &q->impossible);
    else if (IS("isrc"))
        copy_value(q->isrc, sizeof q->isrc, v, vn, &q->impossible);
    else if (IS("upc"))
        copy_value(q->upc, sizeof q->upc, v, vn, &q->impossible);
    else if (IS("tag") && vn == 3 && strncasecmp(v, "new", 3) == 0)
        q->tag_new = 1;
    else if (IS("tag") && vn == 7 && strncasecmp(v, "hipster", 7) == 0)
        q->tag_hipster = 1;
    else
        add_words(&q->free, v, vn); /* "foo:bar" that is no filter: plain words */
#undef IS
}

/* The value at *p: a "quoted run" or up to the next space; advances *p. */
static void take_value(const char **p, const char **v, size_t *vn)
{
    const char *s = *p;
    if (*s == '"') {
        const char *end = strchr(s + 1, '"');
        *v = s + 1;
        *vn = end ? (size_t)(end - s - 1) : strlen(s + 1);
        *p = end ? end + 1 : s + 1 + *vn;
    } else {
        *v = s;
        *vn = strcspn(s, " ");
        *p = s + *vn;
    }
}

int emu_search_parse(const char *q, emu_search_query *out)
{
    memset(out, 0, sizeof *out);
    const char *p = q;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        size_t word = strcspn(p, " \t:\"");
        const char *v;
        size_t vn;
        if (p[word] == ':' && word > 0) {
            const char *f = p;
            p += word + 1;
            take_value(&p, &v, &vn);
            apply_filter(out, f, word, v, vn);
        } else {
            take_value(&p, &v, &vn);
            if (vn == 0 && *p == ':')
                p++; /* a stray ':' */
            add_words(&out->free, v, vn);
        }
    }
    int any = out->free.n || out->artist.n || out->album.n || out->track.n || out->year_from ||
              out->genre[0] || out->isrc[0] || out->upc[0] || out->tag_new || out->tag_hipster;
    return any ? 0 : -1;
}

static int names_have_all(const emu_word_set *set, const emu_name *const names[], size_t n)
{
    for (unsigned i = 0; i < set->n; i++) {
        int found = 0;
        for (size_t k = 0; k < n && !found; k++)
            found = names[k] && emu_name_has_key(names[k], set->keys[i]);
        if (!found)
            return 0;
    }
    return 1;
}

static int artist_has_genre(const emu_artist *a, const char *genre)
{
    for (unsigned g = 0; g < a->ngenres; g++)
        if (strcasecmp(emu_genre_name(a->genres[g]), genre) == 0)
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

int emu_search_match_track(const emu_search_query *q, const emu_view *v, size_t track)
{
    const emu_catalogue *cat = v->ctx->cat;
    const emu_track *t = &cat->tracks[track];
    const emu_album *al = &cat->albums[t->album];
    if (q->impossible || q->upc[0] || q->tag_new || q->tag_hipster ||
        !emu_album_available(v, t->album) || !year_ok(q, v, t->album))
        return 0;
    const emu_name *artists[2] = {&cat->artists[al->artist].name,
                                  t->feat != UINT32_MAX ? &cat->artists[t->feat].name : NULL};
    const emu_name *all[4] = {&t->name, &al->name, artists[0], artists[1]};
    const emu_name *track_name[1] = {&t->name}, *album_name[1] = {&al->name};
    if (!names_have_all(&q->free, all, 4) || !names_have_all(&q->artist, artists, 2) ||
        !names_have_all(&q->album, album_name, 1) || !names_have_all(&q->track, track_name, 1))
        return 0;
    if (q->genre[0] && !artist_has_genre(&cat->artists[al->artist], q->genre))
        return 0;
    if (q->isrc[0]) {
        char isrc[24];
        emu_track_isrc(cat, track, isrc, sizeof isrc);
        if (strcasecmp(isrc, q->isrc) != 0)
            return 0;
    }
    return 1;
}

int emu_search_match_album(const emu_search_query *q, const emu_view *v, size_t album)
{
    const emu_catalogue *cat = v->ctx->cat;
    const emu_album *al = &cat->albums[album];
    if (q->impossible || q->track.n || q->genre[0] || q->isrc[0] ||
        !emu_album_available(v, album) || !year_ok(q, v, album))
        return 0;
    if (q->tag_new && !al->is_new)
        return 0;
    if (q->tag_hipster && al->popularity >= 10) /* the least popular tenth */
        return 0;
    const emu_name *artist[1] = {&cat->artists[al->artist].name}, *name[1] = {&al->name};
    const emu_name *all[2] = {&al->name, artist[0]};
    if (!names_have_all(&q->free, all, 2) || !names_have_all(&q->artist, artist, 1) ||
        !names_have_all(&q->album, name, 1))
        return 0;
    if (q->upc[0]) {
        char upc[24];
        emu_album_upc(cat, album, upc, sizeof upc);
        if (strcmp(upc, q->upc) != 0)
            return 0;
    }
    return 1;
}

int emu_search_match_artist(const emu_search_query *q, const emu_view *v, size_t artist)
{
    const emu_catalogue *cat = v->ctx->cat;
    const emu_artist *a = &cat->artists[artist];
    if (q->impossible || q->album.n || q->track.n || q->isrc[0] || q->upc[0] || q->tag_new ||
        q->tag_hipster)
        return 0;
    const emu_name *name[1] = {&a->name};
    if (!names_have_all(&q->free, name, 1) || !names_have_all(&q->artist, name, 1))
        return 0;
    if (q->genre[0] && !artist_has_genre(a, q->genre))
        return 0;
    if (q->year_from) {
        int any = 0;
        for (size_t i = 0; i < a->nalbums && !any; i++)
            any = year_ok(q, v, a->first_album + i);
        if (!any)
            return 0;
    }
    return 1;
}
