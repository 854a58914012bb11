/* User state: lifecycle, lookups, saved lists, follows and snapshot IDs (see state.h). */
#include "state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures_refs.h"
#include "rng.h"
#include "users.h"

/* Generation lives in state_seed.c. */
int emu_state_seed(emu_state *s, int64_t now_ms);

static const char *const lib_names[EMU_LIB_COUNT] = {"track", "album", "show", "episode",
                                                     "audiobook"};

const char *emu_lib_kind_name(emu_lib_kind k)
{
    return (unsigned)k < EMU_LIB_COUNT ? lib_names[k] : "";
}

int emu_type_by_name(const char *name)
{
    for (int t = 0; t < EMU_T_COUNT; t++)
        if (strcmp(emu_type_name((emu_type)t), name) == 0)
            return t;
    return -1;
}

int emu_lib_type(emu_lib_kind k)
{
    return emu_type_by_name(emu_lib_kind_name(k));
}

static void playlist_free(emu_playlist *pl)
{
    if (!pl)
        return;
    free(pl->name);
    free(pl->description);
    free(pl->items);
    for (int i = 0; i < EMU_PL_HISTORY; i++)
        free(pl->hist[i].e);
    free(pl);
}

static void clear(emu_state *s)
{
    for (size_t i = 0; s->users && i < emu_users_count(); i++) {
        emu_user_state *u = &s->users[i];
        for (int k = 0; k < EMU_LIB_COUNT; k++)
            free(u->saved[k].v);
        free(u->artists);
        free(u->fx_users);
        free(u->pls);
        free(u->player.uris);
        free(u->player.queue);
    }
    free(s->users);
    for (size_t i = 0; i < s->nplaylists; i++)
        playlist_free(s->playlists[i]);
    free(s->playlists);
    emu_map_free(s->by_id);
    s->users = NULL;
    s->playlists = NULL;
    s->by_id = NULL;
    s->nplaylists = s->cap = 0;
    s->created = 0;
}

/* Fill @p s from the seed; on failure @p s holds whatever must be cleared. */
static int build(emu_state *s, const emu_catalogue *cat, int64_t now_ms)
{
    memset(s, 0, sizeof *s);
    s->cat = cat;
    s->users = calloc(emu_users_count(), sizeof *s->users);
    s->by_id = emu_map_new(NULL);
    if (!s->users || !s->by_id)
        return -1;
    return emu_state_seed(s, now_ms);
}

emu_state *emu_state_new(const emu_catalogue *cat, int64_t now_ms)
{
    emu_state *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    if (build(s, cat, now_ms) < 0) {
        clear(s);
        free(s);
        return NULL;
    }
    return s;
}

void emu_state_free(emu_state *s)
{
    if (!s)
        return;
    clear(s);
    free(s);
}

int emu_state_reset(emu_state *s, int64_t now_ms)
{
    emu_state fresh;
    if (build(&fresh, s->cat, now_ms) < 0) {
        clear(&fresh);
        return -1;
    }
    clear(s);
    *s = fresh;
    return 0;
}

emu_user_state *emu_state_user(emu_state *s, int user)
{
    return user >= 0 && (size_t)user < emu_users_count() ? &s->users[user] : NULL;
}

emu_playlist *emu_state_playlist(const emu_state *s, const char *id)
{
    return emu_map_get(s->by_id, id);
}

/* Playlist IDs come from the seed and a counter, so a reset gives the same IDs again. */
static void new_id(emu_state *s, char *out)
{
    static const char b62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    do {
        emu_rng r = emu_rng_for(s->cat->seed, 0x91a7115700ULL, s->created++);
        for (int i = 0; i < EMU_ID_LEN; i++)
            out[i] = b62[emu_rng_below(&r, 62)];
        out[EMU_ID_LEN] = 0;
    } while (emu_map_get(s->by_id, out));
}

/* A new empty playlist with ID @p id at the next index; NULL out of memory. */
static emu_playlist *append_playlist(emu_state *s, const char *id)
{
    if (emu_grow((void **)&s->playlists, &s->cap, s->nplaylists + 1, sizeof *s->playlists) < 0)
        return NULL;
    emu_playlist *pl = calloc(1, sizeof *pl);
    if (!pl || !(pl->name = strdup(""))) {
        free(pl);
        return NULL;
    }
    memcpy(pl->id, id, EMU_ID_LEN);
    pl->id[EMU_ID_LEN] = 0;
    pl->index = (uint32_t)s->nplaylists;
    pl->version = 1;
    pl->next_uid = 1;
    if (emu_map_put(s->by_id, pl->id, pl) < 0) {
        playlist_free(pl);
        return NULL;
    }
    s->playlists[s->nplaylists++] = pl;
    return pl;
}

emu_playlist *emu_state_playlist_restore(emu_state *s, const char *id)
{
    emu_playlist *pl = emu_map_get(s->by_id, id);
    return pl ? pl : append_playlist(s, id);
}

emu_playlist *emu_state_playlist_new(emu_state *s, int owner, const char *name,
                                     const char *description, int is_public, int collaborative)
{
    char id[EMU_ID_LEN + 1];
    new_id(s, id);
    char *n = strdup(name ? name : ""), *d = description ? strdup(description) : NULL;
    emu_playlist *pl = n && (d || !description) ? append_playlist(s, id) : NULL;
    if (!pl) {
        free(n);
        free(d);
        return NULL;
    }
    free(pl->name);
    pl->name = n;
    pl->description = d;
    pl->owner = (uint16_t)owner;
    pl->is_public = (uint8_t) !!is_public;
    pl->collaborative = (uint8_t) !!collaborative;
    if (emu_follow_playlist(s, owner, pl->index, is_public) < 0)
        return NULL; /* the playlist stays, unfollowed; the caller answers 500 */
    return pl;
}

long emu_saved_find(const emu_saved_list *l, uint32_t idx)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].idx == idx)
            return (long)i;
    return -1;
}

int emu_saved_add(emu_saved_list *l, uint32_t idx, uint32_t added_at)
{
    if (emu_saved_find(l, idx) >= 0)
        return 0;
    if (emu_grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v) < 0)
        return -1;
    size_t pos = 0;
    while (pos < l->n && l->v[pos].added_at > added_at)
        pos++;
    memmove(&l->v[pos + 1], &l->v[pos], (l->n - pos) * sizeof *l->v);
    l->v[pos] = (emu_saved){idx, added_at};
    l->n++;
    return 0;
}

void emu_saved_remove(emu_saved_list *l, uint32_t idx)
{
    long pos = emu_saved_find(l, idx);
    if (pos < 0)
        return;
    memmove(&l->v[pos], &l->v[pos + 1], (l->n - (size_t)pos - 1) * sizeof *l->v);
    l->n--;
}

/* Followed artists are kept in ID order: the `after` cursor is an artist ID (fixture
 * artists among them, fixtures_refs.h). */
static int cmp_artist_id(const emu_state *s, uint32_t a, uint32_t b)
{
    return memcmp(emu_object_id(s->cat, EMU_T_ARTIST, a), emu_object_id(s->cat, EMU_T_ARTIST, b),
                  EMU_ID_LEN);
}

/* Position of @p artist, or where it would go (*found = 0). */
static size_t artist_pos(const emu_state *s, const emu_user_state *u, uint32_t artist, int *found)
{
    size_t lo = 0, hi = u->nartists;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_artist_id(s, u->artists[mid], artist);
        if (c == 0) {
            *found = 1;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = 0;
    return lo;
}

int emu_follows_artist(const emu_state *s, const emu_user_state *u, uint32_t artist)
{
    int found;
    artist_pos(s, u, artist, &found);
    return found;
}

int emu_follow_artist(emu_state *s, emu_user_state *u, uint32_t artist)
{
    int found;
    size_t pos = artist_pos(s, u, artist, &found);
    if (found)
        return 0;
    if (emu_grow((void **)&u->artists, &u->capartists, u->nartists + 1, sizeof *u->artists) < 0)
        return -1;
    memmove(&u->artists[pos + 1], &u->artists[pos], (u->nartists - pos) * sizeof *u->artists);
    u->artists[pos] = artist;
    u->nartists++;
    return 0;
}

void emu_unfollow_artist(emu_state *s, emu_user_state *u, uint32_t artist)
{
    int found;
    size_t pos = artist_pos(s, u, artist, &found);
    if (!found)
        return;
    memmove(&u->artists[pos], &u->artists[pos + 1], (u->nartists - pos - 1) * sizeof *u->artists);
    u->nartists--;
}

int emu_set_follow_artist(emu_state *s, emu_user_state *u, uint32_t artist, int on)
{
    if (on)
        return emu_follow_artist(s, u, artist);
    emu_unfollow_artist(s, u, artist);
    return 0;
}

/* Position of fixture user @p user in u->fx_users, or -1. A user follows few of them. */
static long fx_user_pos(const emu_user_state *u, uint32_t user)
{
    for (size_t i = 0; i < u->nfx_users; i++)
        if (u->fx_users[i] == user)
            return (long)i;
    return -1;
}

int emu_follows_user(const emu_user_state *u, uint32_t user)
{
    if (user < emu_users_count())
        return (int)((u->users >> user) & 1);
    return fx_user_pos(u, user) >= 0;
}

int emu_set_follow_user(emu_user_state *u, uint32_t user, int on)
{
    if (user < emu_users_count()) {
        u->users = on ? u->users | 1ULL << user : u->users & ~(1ULL << user);
        return 0;
    }
    long pos = fx_user_pos(u, user);
    if ((pos >= 0) == !!on)
        return 0;
    if (!on) {
        u->fx_users[pos] = u->fx_users[--u->nfx_users];
        return 0;
    }
    if (emu_grow((void **)&u->fx_users, &u->capfx_users, u->nfx_users + 1, sizeof *u->fx_users) < 0)
        return -1;
    u->fx_users[u->nfx_users++] = user;
    return 0;
}

long emu_follows_playlist(const emu_user_state *u, uint32_t pl)
{
    for (size_t i = 0; i < u->npls; i++)
        if (u->pls[i].pl == pl)
            return (long)i;
    return -1;
}

int emu_follow_playlist(emu_state *s, int user, uint32_t pl, int is_public)
{
    emu_user_state *u = &s->users[user];
    long at = emu_follows_playlist(u, pl);
    if (at >= 0) {
        u->pls[at].is_public = (uint8_t) !!is_public;
        return 0;
    }
    if (emu_grow((void **)&u->pls, &u->cappls, u->npls + 1, sizeof *u->pls) < 0)
        return -1;
    memmove(&u->pls[1], &u->pls[0], u->npls * sizeof *u->pls);
    u->pls[0] = (emu_followed_pl){pl, (uint8_t) !!is_public};
    u->npls++;
    if (!(pl & EMU_FX_PL) && s->playlists[pl]->owner != user)
        s->playlists[pl]->followers++; /* a fixture playlist's count is the file's */
    return 0;
}

void emu_unfollow_playlist(emu_state *s, int user, uint32_t pl)
{
    emu_user_state *u = &s->users[user];
    long at = emu_follows_playlist(u, pl);
    if (at < 0)
        return;
    memmove(&u->pls[at], &u->pls[at + 1], (u->npls - (size_t)at - 1) * sizeof *u->pls);
    u->npls--;
    if (!(pl & EMU_FX_PL) && s->playlists[pl]->owner != user && s->playlists[pl]->followers > 0)
        s->playlists[pl]->followers--;
}

/* Opaque like Spotify's: base64 of the version and a hash of (playlist, version). */
void emu_pl_snapshot_id(const emu_playlist *pl, uint32_t version, char *out)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    unsigned char bytes[24];
    emu_rng r = {emu_hash_bytes(EMU_FNV_BASIS, pl->id, EMU_ID_LEN) ^ version};
    bytes[0] = (unsigned char)(version >> 24);
    bytes[1] = (unsigned char)(version >> 16);
    bytes[2] = (unsigned char)(version >> 8);
    bytes[3] = (unsigned char)version;
    for (int i = 4; i < 24; i += 4) {
        uint64_t v = emu_rng_next(&r);
        memcpy(bytes + i, &v, 4);
    }
    for (int i = 0, o = 0; i < 24; i += 3) {
        uint32_t v = (uint32_t)bytes[i] << 16 | (uint32_t)bytes[i + 1] << 8 | bytes[i + 2];
        out[o++] = b64[v >> 18];
        out[o++] = b64[(v >> 12) & 63];
        out[o++] = b64[(v >> 6) & 63];
        out[o++] = b64[v & 63];
    }
    out[EMU_PL_SNAPSHOT_LEN] = 0;
}

int emu_pl_snapshot_find(const emu_playlist *pl, const char *snapshot_id,
                         const emu_pl_snapshot **out, int *cur)
{
    char s[EMU_PL_SNAPSHOT_LEN + 1];
    if (!snapshot_id || strlen(snapshot_id) != EMU_PL_SNAPSHOT_LEN)
        return -1;
    emu_pl_snapshot_id(pl, pl->version, s);
    if (strcmp(s, snapshot_id) == 0) {
        *out = NULL;
        *cur = 1;
        return 0;
    }
    for (int i = 0; i < EMU_PL_HISTORY; i++) {
        const emu_pl_snapshot *h = &pl->hist[i];
        if (!h->version)
            continue;
        emu_pl_snapshot_id(pl, h->version, s);
        if (strcmp(s, snapshot_id) == 0) {
            *out = h;
            *cur = 0;
            return 0;
        }
    }
    return -1;
}
