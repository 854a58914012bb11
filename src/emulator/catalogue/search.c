/* Search query parsing (see search.h). */
#include "search.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalogue_media.h"
#include "fold.h"

/* Add one folded word (no spaces) as a term. */
static void add_term(emu_word_set *set, const char *w, size_t n, int whole, int follows)
{
    if (set->n >= EMU_SEARCH_MAX_WORDS || n == 0)
        return;
    emu_search_term *t = &set->t[set->n++];
    if (n >= sizeof t->text) {
        n = sizeof t->text - 1; /* longer than any name word we hold: its prefix stands in */
        whole = 0;
    }
    memcpy(t->text, w, n);
    t->text[n] = 0;
    t->len = (uint8_t)n;
    t->whole = (uint8_t)whole;
    t->follows = (uint8_t)follows;
    int lo, hi;
    t->exact = (int16_t)emu_word_prefix_range(t->text, n, &lo, &hi);
    t->lo = (int16_t)lo;
    t->hi = (int16_t)hi;
}

/* Add the words of s[0..n); a phrase's words are whole and each follows the one before. */
static void add_words(emu_word_set *set, const char *s, size_t n, int phrase)
{
    char folded[256];
    emu_fold(s, n, folded, sizeof folded);
    int first = 1;
    for (const char *p = folded; *p;) {
        size_t len = strcspn(p, " ");
        add_term(set, p, len, phrase, phrase && !first);
        first = 0;
        p += len + (p[len] == ' ');
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
    if (sscanf(buf, "%4d-%4d%c", &a, &b, &extra) == 2 && a <= b && a > 0) {
        *from = a;
        *to = b;
        return 0;
    }
    if (sscanf(buf, "%4d%c", &a, &extra) == 1 && strspn(buf, "0123456789") == n && a > 0) {
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

/* Apply one field:value term; @p quoted when the value was a "quoted run". */
static void apply_filter(emu_search_query *q, const char *f, size_t fn, const char *v, size_t vn,
                         int quoted)
{
#define IS(name) (fn == sizeof name - 1 && strncasecmp(f, name, fn) == 0)
    if (IS("artist"))
        add_words(&q->artist, v, vn, quoted);
    else if (IS("album"))
        add_words(&q->album, v, vn, quoted);
    else if (IS("track"))
        add_words(&q->track, v, vn, quoted);
    else if (IS("year")) {
        if (parse_year(v, vn, &q->year_from, &q->year_to) < 0)
            q->impossible = 1;
    } else if (IS("genre")) {
        if (emu_fold(v, vn, q->genre, sizeof q->genre) == 0 && vn > 0)
            q->impossible = 1;
    } else if (IS("isrc"))
        copy_value(q->isrc, sizeof q->isrc, v, vn, &q->impossible);
    else if (IS("upc"))
        copy_value(q->upc, sizeof q->upc, v, vn, &q->impossible);
    else if (IS("tag") && vn == 3 && strncasecmp(v, "new", 3) == 0)
        q->tag_new = 1;
    else if (IS("tag") && vn == 7 && strncasecmp(v, "hipster", 7) == 0)
        q->tag_hipster = 1;
    else if (IS("tag"))
        q->impossible = 1;
    else {
        add_words(&q->free, f, fn, 0); /* "foo:bar" that is no filter: plain words */
        add_words(&q->free, v, vn, quoted);
    }
#undef IS
}

/* The value at *p: a "quoted run" or up to the next space; advances *p. */
static int take_value(const char **p, const char **v, size_t *vn)
{
    const char *s = *p;
    if (*s == '"') {
        const char *end = strchr(s + 1, '"');
        *v = s + 1;
        *vn = end ? (size_t)(end - s - 1) : strlen(s + 1);
        *p = end ? end + 1 : s + 1 + *vn;
        return 1;
    }
    *v = s;
    *vn = strcspn(s, " \t");
    *p = s + *vn;
    return 0;
}

/* Which free terms each vocabulary word matches (see free_mask). */
static void build_free_mask(emu_search_query *q)
{
    for (unsigned c = 0; c < EMU_W_CLASS_COUNT; c++)
        for (size_t i = 0; i < emu_words_count((emu_word_class)c); i++) {
            uint16_t id = emu_word_id((emu_word_class)c, i);
            int key = emu_word_key(id);
            uint16_t m = 0;
            for (unsigned k = 0; k < q->free.n && key >= 0; k++) {
                const emu_search_term *t = &q->free.t[k];
                if (key == t->exact || (!t->whole && key >= t->lo && key < t->hi))
                    m |= (uint16_t)(1u << k);
            }
            q->free_mask[id] = m;
        }
}

int emu_search_parse(const char *q, emu_search_query *out)
{
    static atomic_ullong serials;
    memset(out, 0, sizeof *out);
    out->serial = atomic_fetch_add(&serials, 1) + 1;
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
            int quoted = take_value(&p, &v, &vn);
            apply_filter(out, f, word, v, vn, quoted);
        } else {
            int quoted = take_value(&p, &v, &vn);
            add_words(&out->free, v, vn, quoted);
        }
    }
    build_free_mask(out);
    out->genre_idx = -1;
    for (size_t g = 0; out->genre[0] && g < emu_genre_count(); g++)
        if (emu_search_genre_is(out, emu_genre_name((unsigned)g)))
            out->genre_idx = (int)g;
    int any = out->free.n || out->artist.n || out->album.n || out->track.n || out->year_from ||
              out->genre[0] || out->isrc[0] || out->upc[0] || out->tag_new || out->tag_hipster ||
              out->impossible;
    return any ? 0 : -1;
}
