/*
 * The seeded user state: libraries, follows, playlists (editorial ones by `spotify`, a
 * 10,000-item one for benchmarks), top items, listening history and players. Everything
 * is drawn from streams of the catalogue's seed, so the same seed gives the same state;
 * dates are fixed (before SEED_EPOCH), only the players' clocks start at startup time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue_media.h"
#include "rng.h"
#include "state.h"
#include "users.h"
#include "words.h"

#define SEED_EPOCH 1764000000u /* 2025-11-24: every seeded date is before it */
#define DAY 86400u

enum { SALT_LIB = 0x5e7d1000, SALT_PL, SALT_TOP, SALT_RECENT, SALT_DEVICE, SALT_NAME };

typedef struct seeder {
    emu_state *s;
    emu_rng r;
} seeder;

static uint32_t pick(seeder *g, emu_type t)
{
    size_t n = g->s->cat->count[t];
    return (uint32_t)emu_rng_below(&g->r, n ? n : 1);
}

/* A playlist name from the catalogue's vocabulary, so that search finds it. */
static void gen_name(seeder *g, char *out, size_t outsz)
{
    emu_name n = {0};
    emu_name_push(&n, emu_word_id(EMU_W_ADJ, emu_rng_next(&g->r)));
    emu_name_push(&n, emu_word_id(EMU_W_NOUN, emu_rng_next(&g->r)));
    if (emu_rng_below(&g->r, 3) == 0)
        emu_name_push(&n, emu_word_id(EMU_W_NOUN, emu_rng_next(&g->r)));
    emu_name_format(&n, out, outsz);
}

static int fill_tracks(seeder *g, emu_playlist *pl, size_t n, int other_adder)
{
    size_t ntracks = g->s->cat->count[EMU_T_TRACK];
    uint32_t *refs = calloc(n ? n : 1, sizeof *refs);
    if (!refs)
        return -1;
    for (size_t i = 0; i < n; i++)
        refs[i] = EMU_REF(EMU_T_TRACK, emu_rng_below(&g->r, ntracks));
    emu_pl_error rc = emu_pl_insert(pl, refs, n, SIZE_MAX, pl->owner, 0);
    free(refs);
    if (rc != EMU_PL_OK)
        return -1;
    for (size_t i = 0; i < n; i++) {
        emu_pl_entry *e = &pl->items[i];
        if (other_adder >= 0 && i % 3 == 1)
            e->added_by = (uint16_t)other_adder;
        e->added_at = SEED_EPOCH - 400 * DAY + (uint32_t)(i * 600) % (390 * DAY);
    }
    /* A seeded playlist starts at its first snapshot, without a history. */
    pl->version = 1;
    for (int i = 0; i < EMU_PL_HISTORY; i++)
        pl->hist[i].version = 0;
    return 0;
}

static emu_playlist *playlist(seeder *g, int owner, const char *name, const char *desc,
                              int is_public, int collab, size_t ntracks)
{
    char buf[96];
    if (!name) {
        gen_name(g, buf, sizeof buf);
        name = buf;
    }
    emu_playlist *pl = emu_state_playlist_new(g->s, owner, name, desc, is_public, collab);
    if (!pl || fill_tracks(g, pl, ntracks, -1) < 0)
        return NULL;
    pl->followers = (uint32_t)emu_rng_below(&g->r, 5000);
    return pl;
}

static int save_some(seeder *g, int user, emu_lib_kind k, size_t n)
{
    int t = emu_lib_type(k), market = emu_market_index(emu_user_at((size_t)user)->country);
    emu_user_state *u = &g->s->users[user];
    if (t < 0 || g->s->cat->count[t] == 0)
        return 0; /* the catalogue has no such objects */
    for (size_t i = 0; i < n; i++) {
        uint32_t at = SEED_EPOCH - (uint32_t)emu_rng_below(&g->r, 700 * DAY), idx;
        int tries = 0;
        do
            idx = pick(g, (emu_type)t);
        while (!emu_media_in_market(g->s->cat, (emu_type)t, idx, market) && ++tries < 50);
        if (tries < 50 && emu_saved_add(&u->saved[k], idx, at) < 0)
            return -1;
    }
    return 0;
}

static int library(seeder *g, int user, size_t scale)
{
    emu_user_state *u = &g->s->users[user];
    static const size_t per[EMU_LIB_COUNT] = {40, 10, 3, 7, 2};
    for (int k = 0; k < EMU_LIB_COUNT; k++)
        if (save_some(g, user, (emu_lib_kind)k, per[k] * scale) < 0)
            return -1;
    for (size_t i = 0; i < 8 * scale; i++)
        if (emu_follow_artist(g->s, u, pick(g, EMU_T_ARTIST)) < 0)
            return -1;
    return 0;
}

/* Distinct picks for a top list (the catalogue has far more than EMU_TOP_MAX of each). */
static void top_list(seeder *g, emu_type t, uint32_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t v;
        int dup;
        do {
            v = pick(g, t);
            dup = 0;
            for (size_t k = 0; k < i; k++)
                dup |= out[k] == v;
        } while (dup && g->s->cat->count[t] > n);
        out[i] = v;
    }
}

static void tops_and_history(seeder *g, int user, size_t nrecent)
{
    emu_user_state *u = &g->s->users[user];
    u->ntop = EMU_TOP_MAX;
    for (int range = 0; range < 3; range++) {
        top_list(g, EMU_T_ARTIST, u->top_artists[range], EMU_TOP_MAX);
        top_list(g, EMU_T_TRACK, u->top_tracks[range], EMU_TOP_MAX);
    }
    int64_t t = (int64_t)SEED_EPOCH * 1000;
    for (size_t i = 0; i < nrecent && i < EMU_RECENT_MAX; i++) {
        emu_play *p = &u->recent[u->nrecent++];
        p->ref = EMU_REF(EMU_T_TRACK, pick(g, EMU_T_TRACK));
        p->played_at_ms = t;
        t -= 120000 + (int64_t)emu_rng_below(&g->r, 240000);
        if (i % 4 == 3) {
            p->ctx_kind = EMU_PCTX_NONE;
        } else if (i % 4 == 2 && u->npls) {
            p->ctx_kind = EMU_PCTX_PLAYLIST;
            p->ctx_idx = u->pls[emu_rng_below(&g->r, u->npls)].pl;
        } else {
            p->ctx_kind = EMU_PCTX_ALBUM;
            p->ctx_idx = g->s->cat->tracks[EMU_REF_INDEX(p->ref)].album;
        }
    }
}

static void device(seeder *g, emu_player *p, const char *name, const char *type, int volume,
                   int restricted)
{
    emu_device *d = &p->devices[p->ndevices++];
    for (int i = 0; i < 40; i += 16) {
        char hex[17];
        snprintf(hex, sizeof hex, "%016llx", (unsigned long long)emu_rng_next(&g->r));
        memcpy(d->id + i, hex, i + 16 <= 40 ? 16 : 8);
    }
    d->id[40] = 0;
    d->name = name;
    d->type = type;
    d->volume = volume;
    d->is_restricted = (uint8_t)restricted;
    d->supports_volume = (uint8_t)(volume >= 0);
}

static int demo_player(seeder *g, int64_t now_ms)
{
    emu_player *p = &g->s->users[EMU_USER_DEMO].player;
    device(g, p, "Demo Laptop", "Computer", 64, 0);
    device(g, p, "Demo Phone", "Smartphone", 80, 0);
    device(g, p, "Kitchen Speaker", "Speaker", 35, 0);
    device(g, p, "Car Stereo", "Automobile", -1, 1);
    const emu_catalogue *cat = g->s->cat;
    p->active = 0;
    p->has_item = 1;
    p->ctx_kind = EMU_PCTX_ALBUM;
    p->ctx_idx = cat->artists[0].first_album;
    p->pos = 1 < cat->albums[p->ctx_idx].ntracks ? 1 : 0;
    p->item = EMU_REF(EMU_T_TRACK, cat->albums[p->ctx_idx].first_track + p->pos);
    p->progress_ms = 42000;
    p->since_ms = p->timestamp_ms = now_ms;
    for (int i = 0; i < 2; i++) {
        if (emu_grow((void **)&p->queue, &p->capqueue, p->nqueue + 1, sizeof *p->queue) < 0)
            return -1;
        p->queue[p->nqueue++] = EMU_REF(EMU_T_TRACK, pick(g, EMU_T_TRACK));
    }
    return 0;
}

static int demo(seeder *g)
{
    emu_state *s = g->s;
    emu_playlist *pl = playlist(g, EMU_USER_DEMO, NULL, "Tracks to start with", 1, 0, 30);
    if (!pl)
        return -1;
    s->sample = pl->index;
    if (!playlist(g, EMU_USER_DEMO, NULL, "Only for me", 0, 0, 40))
        return -1;
    pl = emu_state_playlist_new(s, EMU_USER_DEMO, "Shared with friends", "Everyone adds a few", 0,
                                1);
    int mara = emu_user_find("mara");
    if (!pl || fill_tracks(g, pl, 15, mara) < 0 || emu_follow_playlist(s, mara, pl->index, 0) < 0)
        return -1;
    pl = playlist(g, EMU_USER_DEMO, "Ten Thousand", "10,000 tracks for benchmarks", 1, 0, 10000);
    if (!pl)
        return -1;
    s->big = pl->index;
    if (!playlist(g, EMU_USER_DEMO, NULL, NULL, 0, 0, 0))
        return -1;
    return library(g, EMU_USER_DEMO, 3);
}

/* Editorial playlists: owned by `spotify`, some featured, each in a few categories. */
static int editorial(seeder *g)
{
    int spotify = emu_user_find("spotify");
    for (int i = 0; i < 24; i++) {
        emu_playlist *pl = playlist(g, spotify, NULL, "Fresh picks, updated every Friday", 1, 0,
                                    20 + emu_rng_below(&g->r, 60));
        if (!pl)
            return -1;
        pl->featured = i < 10;
        pl->categories = 1u << (i % 16) | 1u << emu_rng_below(&g->r, 32);
        pl->followers = 100000 + (uint32_t)emu_rng_below(&g->r, 5000000);
    }
    return 0;
}

/* Others' playlists, and who follows what. */
static int others(seeder *g)
{
    for (size_t u = 0; u < emu_users_count(); u++) {
        const emu_user *usr = emu_user_at(u);
        if ((int)u == EMU_USER_DEMO || !usr->can_login)
            continue;
        size_t n = u == EMU_USER_FREE ? 1 : 3;
        for (size_t i = 0; i < n; i++)
            if (!playlist(g, (int)u, NULL, NULL, 1, 0, 10 + emu_rng_below(&g->r, 50)))
                return -1;
        if (!playlist(g, (int)u, NULL, NULL, 0, 0, 8))
            return -1;
        if (library(g, (int)u, u == EMU_USER_FREE ? 1 : 2) < 0)
            return -1;
    }
    return 0;
}

static int follows(seeder *g)
{
    emu_state *s = g->s;
    emu_user_state *demo = &s->users[EMU_USER_DEMO];
    const char *const followed[] = {"mara", "otto", "spotify"};
    for (size_t i = 0; i < 3; i++)
        emu_set_follow_user(demo, (uint32_t)emu_user_find(followed[i]), 1);
    /* demo follows two of each other user's public playlists and three editorial ones */
    for (size_t i = 0; i < s->nplaylists; i++) {
        emu_playlist *pl = s->playlists[i];
        if (pl->owner == EMU_USER_DEMO || !pl->is_public)
            continue;
        int editorial_pl = !emu_user_at(pl->owner)->can_login;
        if ((editorial_pl && i % 8 == 0) || (!editorial_pl && i % 2 == 0))
            if (emu_follow_playlist(s, EMU_USER_DEMO, pl->index, 1) < 0)
                return -1;
        if (editorial_pl && i % 5 == 0 && emu_follow_playlist(s, EMU_USER_FREE, pl->index, 1) < 0)
            return -1;
    }
    return 0;
}

static void other_players(seeder *g, int64_t now_ms)
{
    static const char *const phones[] = {"Phone", "Web Player", "Tablet"};
    static const char *const kinds[] = {"Smartphone", "Computer", "Tablet"};
    for (size_t u = 0; u < emu_users_count(); u++) {
        emu_player *p = &g->s->users[u].player;
        p->active = -1;
        p->since_ms = p->timestamp_ms = now_ms;
        const emu_user *usr = emu_user_at(u);
        if ((int)u == EMU_USER_DEMO || (int)u == EMU_USER_FREE || !usr->can_login)
            continue;
        device(g, p, phones[u % 3], kinds[u % 3], 50, 0);
    }
}

int emu_state_seed(emu_state *s, int64_t now_ms);

int emu_state_seed(emu_state *s, int64_t now_ms)
{
    seeder g = {s, emu_rng_for(s->cat->seed, SALT_PL, 0)};
    s->seeded_ms = now_ms;
    other_players(&g, now_ms);
    if (demo(&g) < 0 || others(&g) < 0 || editorial(&g) < 0 || follows(&g) < 0 ||
        demo_player(&g, now_ms) < 0)
        return -1;
    for (size_t u = 0; u < emu_users_count(); u++)
        tops_and_history(&g, (int)u, (int)u == EMU_USER_DEMO ? 50 : 12);
    return 0;
}
