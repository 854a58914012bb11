/*
 * Playlist item changes: insert, replace, reorder, remove (state.h). Every change keeps
 * the version it replaces in a small history, so a request naming an older snapshot_id
 * is applied to the items of that snapshot, as Spotify documents for removals ("even if
 * more recent changes have been made to the playlist"). Items are matched across versions
 * by their uid.
 */
#include <stdlib.h>
#include <string.h>

#include "state.h"

static uint64_t packed(const emu_pl_entry *e)
{
    return (uint64_t)e->uid << 32 | e->ref;
}

/* Keep the current items as an earlier snapshot before they change. */
static int push_history(emu_playlist *pl)
{
    emu_pl_snapshot *h = &pl->hist[pl->hist_next];
    uint64_t *e = realloc(h->e, (pl->n ? pl->n : 1) * sizeof *e);
    if (!e)
        return -1;
    for (size_t i = 0; i < pl->n; i++)
        e[i] = packed(&pl->items[i]);
    h->e = e;
    h->n = pl->n;
    h->version = pl->version;
    pl->hist_next = (pl->hist_next + 1) % EMU_PL_HISTORY;
    return 0;
}

/* Make room for @p n items and record the snapshot being replaced. */
static emu_pl_error prepare(emu_playlist *pl, size_t n)
{
    if (n > EMU_PL_MAX)
        return EMU_PL_EFULL;
    if (emu_grow((void **)&pl->items, &pl->cap, n ? n : 1, sizeof *pl->items) < 0 ||
        push_history(pl) < 0)
        return EMU_PL_ENOMEM;
    return EMU_PL_OK;
}

static void fill(emu_playlist *pl, emu_pl_entry *dst, const uint32_t *refs, size_t n, uint16_t by,
                 uint32_t at)
{
    for (size_t i = 0; i < n; i++)
        dst[i] = (emu_pl_entry){refs[i], pl->next_uid++, at, by};
}

emu_pl_error emu_pl_insert(emu_playlist *pl, const uint32_t *refs, size_t n, size_t pos,
                           uint16_t by, uint32_t at)
{
    if (pos == SIZE_MAX)
        pos = pl->n;
    if (pos > pl->n)
        return EMU_PL_ERANGE;
    emu_pl_error rc = prepare(pl, pl->n + n);
    if (rc)
        return rc;
    memmove(&pl->items[pos + n], &pl->items[pos], (pl->n - pos) * sizeof *pl->items);
    fill(pl, &pl->items[pos], refs, n, by, at);
    pl->n += n;
    pl->version++;
    return EMU_PL_OK;
}

emu_pl_error emu_pl_replace(emu_playlist *pl, const uint32_t *refs, size_t n, uint16_t by,
                            uint32_t at)
{
    emu_pl_error rc = prepare(pl, n);
    if (rc)
        return rc;
    fill(pl, pl->items, refs, n, by, at);
    pl->n = n;
    pl->version++;
    return EMU_PL_OK;
}

emu_pl_error emu_pl_touch(emu_playlist *pl)
{
    if (push_history(pl) < 0)
        return EMU_PL_ENOMEM;
    pl->version++;
    return EMU_PL_OK;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int has_uid(const uint32_t *sorted, size_t n, uint32_t uid)
{
    return n && bsearch(&uid, sorted, n, sizeof uid, cmp_u32) != NULL;
}

/* The items as (uid, ref) pairs: those of @p base, or a copy of the current ones. */
static const uint64_t *view_of(const emu_playlist *pl, const emu_pl_snapshot *base, size_t *n,
                               uint64_t **owned)
{
    *owned = NULL;
    if (base) {
        *n = base->n;
        return base->e;
    }
    uint64_t *v = malloc((pl->n ? pl->n : 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < pl->n; i++)
        v[i] = packed(&pl->items[i]);
    *n = pl->n;
    *owned = v;
    return v;
}

static int cmp_entry_uid(const void *a, const void *b)
{
    return cmp_u32(&((const emu_pl_entry *)a)->uid, &((const emu_pl_entry *)b)->uid);
}

/* Append the taken items (sorted by uid) to @p out in the snapshot's @p order. */
static size_t emit_moved(emu_pl_entry *out, size_t k, const emu_pl_entry *taken, size_t nt,
                         const uint32_t *order, size_t norder)
{
    for (size_t m = 0; m < norder; m++) {
        emu_pl_entry key = {.uid = order[m]};
        const emu_pl_entry *e = nt ? bsearch(&key, taken, nt, sizeof key, cmp_entry_uid) : NULL;
        if (e)
            out[k++] = *e;
    }
    return k;
}

/*
 * Move the items whose uids are in @p moved (sorted) before the first remaining item whose
 * uid is @p anchors[0..nanchors) in that order of preference (the end when none remains).
 */
static emu_pl_error move_uids(emu_playlist *pl, const uint32_t *moved, size_t nmoved,
                              const uint32_t *order, const uint32_t *anchors, size_t nanchors)
{
    emu_pl_entry *out = malloc((pl->n ? pl->n : 1) * sizeof *out);
    emu_pl_entry *taken = malloc((nmoved ? nmoved : 1) * sizeof *taken);
    uint32_t *rest = malloc((pl->n ? pl->n : 1) * sizeof *rest);
    emu_pl_error rc = EMU_PL_ENOMEM;
    if (!out || !taken || !rest || push_history(pl) < 0)
        goto done;
    size_t k = 0, nt = 0, nrest = 0;
    for (size_t i = 0; i < pl->n; i++)
        if (has_uid(moved, nmoved, pl->items[i].uid))
            taken[nt++] = pl->items[i];
        else
            rest[nrest++] = pl->items[i].uid;
    qsort(rest, nrest, sizeof *rest, cmp_u32);
    qsort(taken, nt, sizeof *taken, cmp_entry_uid);
    uint32_t anchor = 0;
    for (size_t a = 0; a < nanchors && !anchor; a++)
        if (has_uid(rest, nrest, anchors[a]))
            anchor = anchors[a];
    /* The moved items keep the order they had in the snapshot the request named. */
    for (size_t i = 0; i < pl->n; i++) {
        const emu_pl_entry *e = &pl->items[i];
        if (e->uid == anchor)
            k = emit_moved(out, k, taken, nt, order, nmoved);
        if (!has_uid(moved, nmoved, e->uid))
            out[k++] = *e;
    }
    if (!anchor)
        k = emit_moved(out, k, taken, nt, order, nmoved);
    memcpy(pl->items, out, k * sizeof *out);
    pl->n = k;
    pl->version++;
    rc = EMU_PL_OK;
done:
    free(out);
    free(taken);
    free(rest);
    return rc;
}

emu_pl_error emu_pl_reorder(emu_playlist *pl, size_t start, size_t len, size_t before,
                            const emu_pl_snapshot *base)
{
    uint64_t *owned;
    size_t n;
    const uint64_t *v = view_of(pl, base, &n, &owned);
    if (!v)
        return EMU_PL_ENOMEM;
    emu_pl_error rc = EMU_PL_ERANGE;
    uint32_t *order = NULL, *sorted = NULL, *anchors = NULL;
    if (len == 0 || start >= n || len > n - start || before > n)
        goto done;
    rc = EMU_PL_ENOMEM;
    order = malloc(len * sizeof *order);
    sorted = malloc(len * sizeof *sorted);
    anchors = malloc((n - before + 1) * sizeof *anchors);
    if (!order || !sorted || !anchors)
        goto done;
    for (size_t i = 0; i < len; i++)
        order[i] = sorted[i] = (uint32_t)(v[start + i] >> 32);
    qsort(sorted, len, sizeof *sorted, cmp_u32);
    size_t na = 0;
    for (size_t i = before; i < n; i++)
        if (!has_uid(sorted, len, (uint32_t)(v[i] >> 32)))
            anchors[na++] = (uint32_t)(v[i] >> 32);
    rc = move_uids(pl, sorted, len, order, anchors, na);
done:
    free(owned);
    free(order);
    free(sorted);
    free(anchors);
    return rc;
}

/* The uids a removal names in the view; EMU_PL_EMISMATCH when a position does not hold it. */
static emu_pl_error removal_uids(const uint64_t *v, size_t n, const emu_pl_removal *r,
                                 uint32_t **uids, size_t *nuids, size_t *cap)
{
    for (size_t p = 0; p < r->npos; p++) {
        if (r->pos[p] >= n)
            return EMU_PL_ERANGE;
        if ((uint32_t)v[r->pos[p]] != r->ref)
            return EMU_PL_EMISMATCH;
        if (emu_grow((void **)uids, cap, *nuids + 1, sizeof **uids) < 0)
            return EMU_PL_ENOMEM;
        (*uids)[(*nuids)++] = (uint32_t)(v[r->pos[p]] >> 32);
    }
    for (size_t i = 0; !r->npos && i < n; i++) {
        if ((uint32_t)v[i] != r->ref)
            continue;
        if (emu_grow((void **)uids, cap, *nuids + 1, sizeof **uids) < 0)
            return EMU_PL_ENOMEM;
        (*uids)[(*nuids)++] = (uint32_t)(v[i] >> 32);
    }
    return EMU_PL_OK;
}

emu_pl_error emu_pl_remove(emu_playlist *pl, const emu_pl_removal *r, size_t n,
                           const emu_pl_snapshot *base)
{
    uint64_t *owned;
    size_t nv, nuids = 0, cap = 0;
    const uint64_t *v = view_of(pl, base, &nv, &owned);
    if (!v)
        return EMU_PL_ENOMEM;
    uint32_t *uids = NULL;
    emu_pl_error rc = EMU_PL_OK;
    for (size_t i = 0; i < n && rc == EMU_PL_OK; i++)
        rc = removal_uids(v, nv, &r[i], &uids, &nuids, &cap);
    if (rc == EMU_PL_OK && push_history(pl) < 0)
        rc = EMU_PL_ENOMEM;
    if (rc == EMU_PL_OK) {
        if (nuids)
            qsort(uids, nuids, sizeof *uids, cmp_u32);
        size_t k = 0;
        for (size_t i = 0; i < pl->n; i++)
            if (!has_uid(uids, nuids, pl->items[i].uid))
                pl->items[k++] = pl->items[i];
        pl->n = k;
        pl->version++;
    }
    free(owned);
    free(uids);
    return rc;
}
