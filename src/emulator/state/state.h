/**
 * @file state.h
 * @brief What users do: libraries, follows, playlists, top items, history and players.
 *
 * The state is generated from the seed (state_seed.c) next to the immutable catalogue and
 * changes with every write request; POST /_emulator/reset generates it again. Objects are
 * referred to by catalogue index (packed with their type as an emu_ref where a list mixes
 * types), playlists by their index in @c playlists, users by their index in users.h.
 *
 * Thread safety: none inside. Take ctx->state_lock for reading around every read and for
 * writing around every change (player reads write too: they settle the playback clock).
 *
 * Ownership: emu_state_new() returns a state freed with emu_state_free(); pointers into
 * it (playlists, user states) stay valid until the next emu_state_reset() or free.
 */
#ifndef SPOTC_EMU_STATE_H
#define SPOTC_EMU_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "catalogue.h"
#include "grow.h"
#include "map.h"

/* An object of any catalogue type, packed as the catalogue's index does: type << 27 | idx. */
#define EMU_REF(t, i) ((uint32_t)(t) << 27 | (uint32_t)(i))
#define EMU_REF_TYPE(r) ((emu_type)((r) >> 27))
#define EMU_REF_INDEX(r) ((size_t)((r) & ((1u << 27) - 1)))

/** One item of a playlist. @c uid identifies it across snapshots (a stale snapshot_id). */
typedef struct emu_pl_entry {
    uint32_t ref;      /**< track or episode */
    uint32_t uid;      /**< unique within the playlist, never reused */
    uint32_t added_at; /**< seconds since the epoch */
    uint16_t added_by; /**< user index */
} emu_pl_entry;

#define EMU_PL_HISTORY 8  /**< earlier snapshots kept for stale snapshot_ids */
#define EMU_PL_MAX 10000  /**< items a playlist can hold (Spotify's limit) */
#define EMU_PL_SNAPSHOT_LEN 32

/** An earlier version of a playlist's items: (uid << 32 | ref) per item. */
typedef struct emu_pl_snapshot {
    uint32_t version; /**< 0 = empty slot */
    size_t n;
    uint64_t *e;
} emu_pl_snapshot;

typedef struct emu_playlist {
    char id[EMU_ID_LEN + 1];
    uint32_t index; /**< in emu_state.playlists */
    uint16_t owner; /**< user index */
    uint8_t is_public, collaborative;
    uint8_t featured;         /**< editorial: listed by /browse/featured-playlists */
    uint32_t categories;      /**< editorial: bit i = category i lists it */
    char *name, *description; /**< owned; description NULL = none */
    uint32_t version;         /**< the snapshot_id's version, +1 on every change */
    emu_pl_entry *items;
    size_t n, cap;
    uint32_t next_uid;
    emu_pl_snapshot hist[EMU_PL_HISTORY];
    unsigned hist_next;
    uint64_t image;     /**< 0: covers from the items; else the uploaded cover's hash */
    uint32_t followers; /**< every follower but the owner, plus a seeded audience */
} emu_playlist;

/** The five kinds a user saves in their library. */
typedef enum emu_lib_kind {
    EMU_LIB_TRACK,
    EMU_LIB_ALBUM,
    EMU_LIB_SHOW,
    EMU_LIB_EPISODE,
    EMU_LIB_AUDIOBOOK,
    EMU_LIB_COUNT
} emu_lib_kind;

/** "track", "album", "show", "episode", "audiobook". */
const char *emu_lib_kind_name(emu_lib_kind k);
/** The catalogue type of a library kind, or -1 while the catalogue has none. */
int emu_lib_type(emu_lib_kind k);
/** The catalogue type named @p name ("show" ...), or -1. */
int emu_type_by_name(const char *name);

typedef struct emu_saved {
    uint32_t idx;      /**< catalogue index */
    uint32_t added_at; /**< seconds */
} emu_saved;

/** Saved items, most recently added first. */
typedef struct emu_saved_list {
    emu_saved *v;
    size_t n, cap;
} emu_saved_list;

typedef struct emu_followed_pl {
    uint32_t pl;       /**< index in playlists, or a fixture playlist (fixtures_refs.h) */
    uint8_t is_public; /**< shown on the user's profile */
} emu_followed_pl;

/** Where playback comes from. */
typedef enum emu_pctx {
    EMU_PCTX_NONE, /**< a list of URIs: no context */
    EMU_PCTX_ALBUM,
    EMU_PCTX_ARTIST,
    EMU_PCTX_PLAYLIST,
    EMU_PCTX_SHOW
} emu_pctx;

typedef struct emu_play {
    uint32_t ref;
    int64_t played_at_ms;
    uint8_t ctx_kind; /**< emu_pctx */
    uint32_t ctx_idx;
} emu_play;

#define EMU_RECENT_MAX 50
#define EMU_TOP_MAX 50
#define EMU_DEVICES_MAX 4

typedef struct emu_device {
    char id[41]; /**< 40 hex digits */
    const char *name;
    const char *type; /**< Computer, Smartphone, Speaker, ... */
    int volume;       /**< 0-100, or -1 (null) */
    uint8_t is_restricted, is_private_session, supports_volume;
} emu_device;

typedef struct emu_player {
    emu_device devices[EMU_DEVICES_MAX];
    size_t ndevices;
    int active; /**< device index, or -1 */
    int has_item;
    uint8_t ctx_kind; /**< emu_pctx */
    uint32_t ctx_idx; /**< album/artist/show index, or playlist index (fixtures_refs.h) */
    uint32_t *uris;   /**< EMU_PCTX_NONE and fixture contexts: the refs played (owned) */
    size_t nuris;
    size_t pos;     /**< position of the item in the context */
    uint32_t item;  /**< ref */
    int from_queue; /**< the item came from the queue, not the context */
    int is_playing;
    int64_t progress_ms; /**< at since_ms */
    int64_t since_ms;
    int64_t timestamp_ms; /**< last change of state */
    int shuffle;
    int repeat; /**< 0 off, 1 context, 2 track */
    uint32_t *queue;
    size_t nqueue, capqueue;
} emu_player;

typedef struct emu_user_state {
    emu_saved_list saved[EMU_LIB_COUNT];
    uint32_t *artists; /**< followed, sorted by ID (the `after` cursor) */
    size_t nartists, capartists;
    uint64_t users;       /**< followed users: bit i = user i */
    uint32_t *fx_users;   /**< followed fixture users (fixtures_refs.h numbering) */
    size_t nfx_users, capfx_users;
    emu_followed_pl *pls; /**< owned and followed playlists, most recent first */
    size_t npls, cappls;
    uint32_t top_artists[3][EMU_TOP_MAX], top_tracks[3][EMU_TOP_MAX];
    size_t ntop;
    emu_play recent[EMU_RECENT_MAX]; /**< most recent first */
    size_t nrecent;
    emu_player player;
} emu_user_state;

typedef struct emu_state {
    const emu_catalogue *cat;
    emu_user_state *users; /**< emu_users_count() */
    emu_playlist **playlists;
    size_t nplaylists, cap;
    emu_map *by_id;    /**< playlist id -> emu_playlist* (not owned by the map) */
    uint64_t created;  /**< playlists created so far (their IDs) */
    uint32_t big;      /**< the 10,000-item playlist */
    uint32_t sample;   /**< demo's sample playlist */
    int64_t seeded_ms; /**< emulator time when generated (player clock) */
} emu_state;

/** Generate the state for @p cat's seed. NULL when out of memory. */
emu_state *emu_state_new(const emu_catalogue *cat, int64_t now_ms);
void emu_state_free(emu_state *s);
/** Back to the seed (in place). 0, or -1 out of memory (the old state is kept). */
int emu_state_reset(emu_state *s, int64_t now_ms);

/** A user's state (0 <= user < emu_users_count()). */
emu_user_state *emu_state_user(emu_state *s, int user);
/** The playlist with ID @p id, or a new empty one with that ID at the next index (restoring
 *  a saved state, state_file.h). NULL out of memory. */
emu_playlist *emu_state_playlist_restore(emu_state *s, const char *id);
/** The playlist with ID @p id, or NULL. */
emu_playlist *emu_state_playlist(const emu_state *s, const char *id);
/**
 * Create a playlist owned by @p owner, who follows it at once.
 * @return the playlist, or NULL out of memory.
 */
emu_playlist *emu_state_playlist_new(emu_state *s, int owner, const char *name,
                                     const char *description, int is_public, int collaborative);

/* Saved lists. */
/** Position of @p idx, or -1. */
long emu_saved_find(const emu_saved_list *l, uint32_t idx);
/** Save (kept in added_at order, newest first); a saved item keeps its date. 0 or -1. */
int emu_saved_add(emu_saved_list *l, uint32_t idx, uint32_t added_at);
void emu_saved_remove(emu_saved_list *l, uint32_t idx);

/* Follows. */
int emu_follows_artist(const emu_state *s, const emu_user_state *u, uint32_t artist);
int emu_follow_artist(emu_state *s, emu_user_state *u, uint32_t artist);
void emu_unfollow_artist(emu_state *s, emu_user_state *u, uint32_t artist);
/** Follow (@p on) or unfollow an artist; 0, or -1 out of memory. */
int emu_set_follow_artist(emu_state *s, emu_user_state *u, uint32_t artist, int on);
int emu_follows_user(const emu_user_state *u, uint32_t user);
/** Follow (@p on) or unfollow user @p user (an emu_user_follow_find() index: a fixture
 *  user's too). 0, or -1 out of memory. */
int emu_set_follow_user(emu_user_state *u, uint32_t user, int on);
/** Position in u->pls, or -1. */
long emu_follows_playlist(const emu_user_state *u, uint32_t pl);
int emu_follow_playlist(emu_state *s, int user, uint32_t pl, int is_public);
void emu_unfollow_playlist(emu_state *s, int user, uint32_t pl);

/* Snapshots. */
/** The snapshot_id of @p version of @p pl (EMU_PL_SNAPSHOT_LEN + 1 bytes). */
void emu_pl_snapshot_id(const emu_playlist *pl, uint32_t version, char *out);
/**
 * The items of the snapshot named by @p snapshot_id.
 * @return 0 and the version's items (the current ones: *cur = 1); -1 when the ID is not
 *         one of this playlist's snapshots still known.
 */
int emu_pl_snapshot_find(const emu_playlist *pl, const char *snapshot_id,
                         const emu_pl_snapshot **out, int *cur);

/* Item changes (state_playlist.c); each makes a new snapshot. */
typedef enum emu_pl_error {
    EMU_PL_OK = 0,
    EMU_PL_ENOMEM = -1,
    EMU_PL_ERANGE = -2,    /**< a position outside the playlist */
    EMU_PL_EMISMATCH = -3, /**< a removal names an item not at that position */
    EMU_PL_EFULL = -4      /**< EMU_PL_MAX reached */
} emu_pl_error;

/** Insert @p n refs at @p pos (SIZE_MAX: append). */
emu_pl_error emu_pl_insert(emu_playlist *pl, const uint32_t *refs, size_t n, size_t pos,
                           uint16_t by, uint32_t at);
/** Replace every item with @p refs. */
emu_pl_error emu_pl_replace(emu_playlist *pl, const uint32_t *refs, size_t n, uint16_t by,
                            uint32_t at);
/** A change of the details only: a new snapshot with the same items. */
emu_pl_error emu_pl_touch(emu_playlist *pl);
/** Move items [start, start+len) before @p before, positions read in @p base (NULL: now). */
emu_pl_error emu_pl_reorder(emu_playlist *pl, size_t start, size_t len, size_t before,
                            const emu_pl_snapshot *base);

/** One removal: every occurrence of @p ref, or only those at @p pos[0..npos). */
typedef struct emu_pl_removal {
    uint32_t ref;
    const size_t *pos;
    size_t npos;
} emu_pl_removal;
/** Remove items, positions read in @p base (NULL: now). Nothing changes on an error. */
emu_pl_error emu_pl_remove(emu_playlist *pl, const emu_pl_removal *r, size_t n,
                           const emu_pl_snapshot *base);

/* Playback (state_player.c). */
/** Number of items of the player's context (or URI list). */
size_t emu_player_ctx_len(const emu_state *s, const emu_player *p);
/** The item at @p pos of the player's context (pos < emu_player_ctx_len()). */
uint32_t emu_player_ctx_item(const emu_state *s, const emu_player *p, size_t pos);
/** Duration of a track or episode. */
uint32_t emu_ref_duration(const emu_catalogue *cat, uint32_t ref);
/** Bring the player to @p now_ms: finished items are recorded and the next ones start. */
void emu_player_settle(emu_state *s, emu_user_state *u, int64_t now_ms);
/** Record the current item as played when it played long enough (before a change). */
void emu_player_note_played(emu_user_state *u, int64_t now_ms);
/** Skip to the next item: the queue first, then the context. -1 when nothing plays. */
int emu_player_next(emu_state *s, emu_user_state *u, int64_t now_ms);
/** Back to the previous item, or the start of this one after 3 seconds. -1 when nothing
 *  plays. */
int emu_player_previous(emu_state *s, emu_user_state *u, int64_t now_ms);
/**
 * Play @p ctx's context (ctx_kind, ctx_idx, and uris/nuris, which are taken) from item
 * @p pos at @p position_ms. -1 when @p pos is outside the context (nothing changed, uris
 * not taken).
 */
int emu_player_start(emu_state *s, emu_user_state *u, const emu_player *ctx, size_t pos,
                     int64_t position_ms, int64_t now_ms);

#endif
