/*
 * Playback: what plays next, how time moves it forward, and the listening history.
 *
 * The player keeps (progress_ms at since_ms) and computes the position from the emulator
 * clock, so advancing the clock plays tracks to their end: emu_player_settle() moves on to
 * the following items (the queue first, then the context) and records finished tracks in
 * the recently played list. Choices the emulator makes where Spotify's behaviour depends on
 * client settings: at the end of a context without repeat, playback stops on the context's
 * first item (no autoplay); with shuffle on, "next" picks another position of the context
 * from a deterministic sequence.
 */
#include <stdlib.h>
#include <string.h>

#include "catalogue_media.h"
#include "fixtures_refs.h"
#include "rng.h"
#include "state.h"

#define PLAYED_MS 30000 /* Spotify counts a play after 30 seconds */

/* A fixture context (fixtures_refs.h) plays the refs taken from it at the start, like a list
 * of URIs: fixtures do not change while the emulator runs. */
static int from_uris(const emu_state *s, const emu_player *p)
{
    return p->ctx_kind == EMU_PCTX_NONE || emu_fx_context(s->cat, p->ctx_kind, p->ctx_idx);
}

size_t emu_player_ctx_len(const emu_state *s, const emu_player *p)
{
    const emu_catalogue *cat = s->cat;
    if (from_uris(s, p))
        return p->nuris;
    switch (p->ctx_kind) {
    case EMU_PCTX_ALBUM:
        return cat->albums[p->ctx_idx].ntracks;
    case EMU_PCTX_ARTIST: {
        const emu_artist *a = &cat->artists[p->ctx_idx];
        size_t n = 0;
        for (size_t i = 0; i < a->nalbums; i++)
            n += cat->albums[a->first_album + i].ntracks;
        return n;
    }
    case EMU_PCTX_PLAYLIST:
        return s->playlists[p->ctx_idx]->n;
    case EMU_PCTX_SHOW:
        return cat->media->shows[p->ctx_idx].nepisodes;
    default:
        return 0;
    }
}

uint32_t emu_player_ctx_item(const emu_state *s, const emu_player *p, size_t pos)
{
    const emu_catalogue *cat = s->cat;
    if (from_uris(s, p))
        return p->uris[pos];
    switch (p->ctx_kind) {
    case EMU_PCTX_ALBUM:
        return EMU_REF(EMU_T_TRACK, cat->albums[p->ctx_idx].first_track + pos);
    case EMU_PCTX_ARTIST: {
        const emu_artist *a = &cat->artists[p->ctx_idx];
        for (size_t i = 0; i < a->nalbums; i++) {
            const emu_album *al = &cat->albums[a->first_album + i];
            if (pos < al->ntracks)
                return EMU_REF(EMU_T_TRACK, al->first_track + pos);
            pos -= al->ntracks;
        }
        return 0;
    }
    case EMU_PCTX_PLAYLIST:
        return s->playlists[p->ctx_idx]->items[pos].ref;
    case EMU_PCTX_SHOW:
        return EMU_REF(EMU_T_EPISODE, cat->media->shows[p->ctx_idx].first_episode + pos);
    default:
        return 0;
    }
}

uint32_t emu_ref_duration(const emu_catalogue *cat, uint32_t ref)
{
    emu_fx_kind k;
    const json_t *fx = emu_fx_of_ref(cat, ref, &k);
    if (fx) /* a fixture's own duration */
        return (uint32_t)json_integer_value(json_object_get(fx, "duration_ms"));
    if (EMU_REF_TYPE(ref) == EMU_T_EPISODE)
        return cat->media->episodes[EMU_REF_INDEX(ref)].duration_ms;
    return cat->tracks[EMU_REF_INDEX(ref)].duration_ms;
}

static void record(emu_user_state *u, uint32_t ref, int64_t at_ms)
{
    if (EMU_REF_TYPE(ref) != EMU_T_TRACK)
        return; /* Spotify's history lists tracks only */
    const emu_player *p = &u->player;
    size_t n = u->nrecent < EMU_RECENT_MAX ? u->nrecent : EMU_RECENT_MAX - 1;
    memmove(&u->recent[1], &u->recent[0], n * sizeof *u->recent);
    u->recent[0] = (emu_play){ref, at_ms, p->ctx_kind, p->ctx_idx};
    u->nrecent = n + 1;
}

void emu_player_note_played(emu_user_state *u, int64_t now_ms)
{
    if (u->player.has_item && u->player.progress_ms >= PLAYED_MS)
        record(u, u->player.item, now_ms);
}

static void set_item(emu_state *s, emu_player *p, size_t pos)
{
    p->pos = pos;
    p->item = emu_player_ctx_item(s, p, pos);
    p->from_queue = 0;
}

/* The position "next" moves to; with shuffle any other position. */
static size_t next_pos(const emu_player *p, size_t len)
{
    if (!p->shuffle || len < 2)
        return p->pos + 1;
    emu_rng r = {(uint64_t)p->timestamp_ms ^ p->pos};
    return (p->pos + 1 + emu_rng_below(&r, len - 1)) % len;
}

int emu_player_next(emu_state *s, emu_user_state *u, int64_t now_ms)
{
    emu_player *p = &u->player;
    if (!p->has_item)
        return -1;
    p->progress_ms = 0;
    p->since_ms = p->timestamp_ms = now_ms;
    if (p->nqueue) {
        p->item = p->queue[0];
        memmove(&p->queue[0], &p->queue[1], (p->nqueue - 1) * sizeof *p->queue);
        p->nqueue--;
        p->from_queue = 1;
        return 0;
    }
    size_t len = emu_player_ctx_len(s, p), pos = next_pos(p, len);
    if (len == 0) {
        p->is_playing = 0;
        return 0;
    }
    if (pos >= len) {
        pos = 0;
        if (p->repeat != 1)
            p->is_playing = 0; /* the end of the context */
    }
    set_item(s, p, pos);
    return 0;
}

int emu_player_previous(emu_state *s, emu_user_state *u, int64_t now_ms)
{
    emu_player *p = &u->player;
    if (!p->has_item)
        return -1;
    size_t len = emu_player_ctx_len(s, p);
    int restart = p->progress_ms > 3000 || len == 0;
    p->progress_ms = 0;
    p->since_ms = p->timestamp_ms = now_ms;
    if (restart)
        return 0;
    if (p->from_queue && p->pos < len)
        set_item(s, p, p->pos); /* back from a queued item to the context */
    else if (p->pos > 0 && p->pos <= len)
        set_item(s, p, p->pos - 1);
    else if (p->repeat == 1)
        set_item(s, p, len - 1);
    return 0;
}

void emu_player_settle(emu_state *s, emu_user_state *u, int64_t now_ms)
{
    emu_player *p = &u->player;
    if (!p->has_item || !p->is_playing || now_ms <= p->since_ms) {
        p->since_ms = now_ms > p->since_ms ? now_ms : p->since_ms;
        return;
    }
    int64_t at = p->since_ms, total = p->progress_ms + (now_ms - p->since_ms);
    int guard = 0;
    /* A big jump of the clock plays at most this many items, then stops. */
    for (; p->is_playing && guard < 10000; guard++) {
        int64_t dur = (int64_t)emu_ref_duration(s->cat, p->item);
        if (total < dur)
            break;
        at += dur - p->progress_ms;
        total -= dur;
        record(u, p->item, at);
        if (p->repeat == 2)
            p->progress_ms = 0;
        else
            emu_player_next(s, u, at);
    }
    if (guard == 10000)
        p->is_playing = 0;
    p->progress_ms = p->is_playing ? total : 0;
    p->since_ms = now_ms;
}

int emu_player_start(emu_state *s, emu_user_state *u, const emu_player *ctx, size_t pos,
                     int64_t position_ms, int64_t now_ms)
{
    emu_player *p = &u->player;
    if (pos >= emu_player_ctx_len(s, ctx))
        return -1;
    emu_player_note_played(u, now_ms);
    if (p->uris != ctx->uris)
        free(p->uris);
    p->ctx_kind = ctx->ctx_kind;
    p->ctx_idx = ctx->ctx_idx;
    p->uris = ctx->uris;
    p->nuris = ctx->nuris;
    set_item(s, p, pos);
    p->has_item = 1;
    p->is_playing = 1;
    p->progress_ms = 0;
    p->since_ms = p->timestamp_ms = now_ms;
    /* A position past the item's end starts the next one, as Spotify documents. */
    if (position_ms >= (int64_t)emu_ref_duration(s->cat, p->item))
        emu_player_next(s, u, now_ms);
    else
        p->progress_ms = position_ms;
    return 0;
}
