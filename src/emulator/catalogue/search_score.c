/* Term matching and relevance scores (see search.h). */
#include "search.h"

#include <string.h>

/* Relevance of one matched word: in the item's own name, or in a related name. */
enum { OWN_WHOLE = 4, OWN_PREFIX = 3, REL_WHOLE = 2, REL_PREFIX = 1, EXACT_NAME = 8 };

void emu_sname_of_name(emu_sname *out, const emu_name *name)
{
    out->n = 0;
    for (unsigned i = 0; i < name->n && i < EMU_SNAME_WORDS; i++) {
        out->w[out->n].s = NULL;
        out->w[out->n].len = 0;
        out->w[out->n++].key = (int16_t)emu_word_key(name->w[i]);
    }
}

void emu_sname_of_text(emu_sname *out, const char *folded)
{
    out->n = 0;
    for (const char *p = folded; *p && out->n < EMU_SNAME_WORDS;) {
        size_t len = strcspn(p, " ");
        if (len) {
            emu_sword *w = &out->w[out->n++];
            w->s = p;
            w->len = (uint16_t)(len > UINT16_MAX ? UINT16_MAX : len);
            w->key = -1;
        }
        p += len + (p[len] == ' ');
    }
}

/* 2: the word is the term; 1: the term is a prefix of it (unless whole only); 0: no. */
static int word_kind(const emu_search_term *t, const emu_sword *w)
{
    if (w->key >= 0) {
        if (w->key == t->exact)
            return 2;
        return !t->whole && w->key >= t->lo && w->key < t->hi;
    }
    if (w->len < t->len || memcmp(w->s, t->text, t->len) != 0)
        return 0;
    return w->len == t->len ? 2 : !t->whole;
}

unsigned emu_search_terms_in(const emu_search_query *q, const emu_name *const names[], size_t n)
{
    unsigned seen = 0;
    for (size_t k = 0; k < n; k++)
        for (unsigned j = 0; names[k] && j < names[k]->n; j++)
            seen |= names[k]->w[j] < EMU_WORD_IDS ? q->free_mask[names[k]->w[j]] : 0;
    return seen;
}

int emu_search_may_match(const emu_search_query *q, const emu_name *const names[], size_t n)
{
    unsigned all = (1u << q->free.n) - 1;
    return (emu_search_terms_in(q, names, n) & all) == all;
}

/* Terms [g, end) of a phrase group at word @p at of @p name: how many matched whole, or -1
 * when one does not match there. */
static int group_at(const emu_word_set *set, unsigned g, unsigned end, const emu_sname *name,
                    unsigned at, int *whole)
{
    int kinds = 0;
    *whole = 1;
    for (unsigned j = g; j < end; j++) {
        if (at + (j - g) >= name->n)
            return -1;
        int k = word_kind(&set->t[j], &name->w[at + (j - g)]);
        if (!k)
            return -1;
        kinds += k;
        *whole &= k == 2;
    }
    return kinds;
}

/* The best score of group [g, end) in one name, 0 when it is not there. */
static int group_in(const emu_word_set *set, unsigned g, unsigned end, const emu_sname *name,
                    int own, int *whole)
{
    int best = 0;
    *whole = 0;
    for (unsigned at = 0; at < name->n; at++) {
        int w, k = group_at(set, g, end, name, at, &w);
        if (k < 0)
            continue;
        int score = 0;
        for (unsigned j = g; j < end; j++)
            score += own ? (w ? OWN_WHOLE : OWN_PREFIX) : (w ? REL_WHOLE : REL_PREFIX);
        if (score > best) {
            best = score;
            *whole = w;
        }
    }
    return best;
}

/* End of the phrase group that starts at term @p g. */
static unsigned group_end(const emu_word_set *set, unsigned g)
{
    unsigned end = g + 1;
    while (end < set->n && set->t[end].follows)
        end++;
    return end;
}

int emu_search_score(const emu_word_set *set, const emu_sname *const fields[], size_t nfields)
{
    if (set->n == 0)
        return 1;
    int total = 0, all_own_whole = 1;
    for (unsigned g = 0; g < set->n;) {
        unsigned end = group_end(set, g);
        int best = 0, best_own_whole = 0;
        for (size_t f = 0; f < nfields; f++) {
            int whole;
            int s = fields[f] ? group_in(set, g, end, fields[f], f == 0, &whole) : 0;
            if (s > best) {
                best = s;
                best_own_whole = f == 0 && whole;
            }
        }
        if (!best)
            return 0;
        total += best;
        all_own_whole &= best_own_whole;
        g = end;
    }
    /* The query is the item's name, word for word. */
    if (all_own_whole && nfields && fields[0] && fields[0]->n == set->n)
        total += EXACT_NAME;
    return total;
}

int emu_search_in(const emu_word_set *set, const emu_sname *name)
{
    const emu_sname *fields[1] = {name};
    return emu_search_score(set, fields, 1) > 0;
}
