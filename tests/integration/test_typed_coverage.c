/*
 * Typed coverage: every operation of the Web API called through its typed function
 * (the one docs/operations.md names for it, never spotc_operation_call()) against a
 * spotc-emulator, and the typed result checked: the IDs asked for come back, lists
 * hold items, writes show up in the reads that follow them.
 *
 * Twice: with the emulator in extended-quota mode, where every call must succeed,
 * and in development mode, where the 48 operations Spotify removed for such apps must
 * fail cleanly (SPOTC_EFORBIDDEN, HTTP 403, a message, *out left NULL) and the others
 * still succeed. The client sends every operation as named (SPOTC_APP_MODE_EXTENDED),
 * so that the refusals are seen rather than routed around; a third run with a
 * development-mode client (SPOTC_APP_MODE_DEVELOPMENT) shows which removed operations
 * the library serves through their replacements and which still fail cleanly.
 *
 * docs/operations.md is read back (SPOTC_SOURCE_DIR): every operation id it lists must
 * have a step here that calls the function it names, so a new operation without a
 * typed test fails this test with its id. Mismatches are collected and listed
 * together. With SPOTC_SPEC_PROXY set, the harness puts the validating proxy in front
 * of the emulator (docs/spec-proxy.md).
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */

#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app_mode.h"

/* Deprecated functions are the point of this test. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define ALL_SCOPES                                                                                 \
    "ugc-image-upload user-read-playback-state user-modify-playback-state "                        \
    "user-read-currently-playing playlist-read-private playlist-read-collaborative "               \
    "playlist-modify-private playlist-modify-public user-follow-modify user-follow-read "          \
    "user-read-playback-position user-top-read user-read-recently-played user-library-modify "     \
    "user-library-read user-read-email user-read-private"

/* The emulator's well-known objects (GET /_emulator/sample) and what the steps learn. */
typedef struct ids {
    char track[64], album[64], artist[64], playlist[64], show[64], episode[64];
    char audiobook[64], chapter[64], user[64], query[64];
    char track2[64];   /* a second track of the sample album */
    char device[128];  /* the demo user's first device */
    char category[64]; /* from get-categories (a fallback where it is refused) */
    char genre[64];    /* from get-recommendation-genres (likewise) */
    char other[64];    /* a playlist of another user that demo follows */
    char own[64];      /* the playlist this run created */
    char uri[4][96];   /* spotify:track:, :album:, :episode: URIs of the sample, track2's */
} ids;

typedef struct cov {
    emu e;
    spotc_client *client;
    char *token;
    int dev_emulator; /* the emulator refuses the removed operations */
    int dev_client;   /* the client sends their replacements */
    ids s;
    const char *op; /* the operation being called, for notes */
    FILE *log;      /* mismatches, one a line, into notes */
    char *notes;
    size_t notes_len, nnotes;
} cov;

typedef int (*step_fn)(cov *c);

/* One operation: its id, the typed function docs/operations.md names, the step calling it. */
typedef struct step {
    const char *op;
    const char *fn;
    step_fn run;
} step;

/* ------------------------------------------------------------ notes */

static void note(cov *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(c->log, fmt, ap);
    va_end(ap);
    fputc('\n', c->log);
    c->nnotes++;
}

/* A check of a typed result; `what` is the condition's text. */
static void expect_that(cov *c, int ok, const char *what)
{
    if (!ok)
        note(c, "%s: expected %s", c->op, what);
}
#define EXPECT(cond) expect_that(c, (cond) != 0, #cond)

static int same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Every list type has the layout of SPOTC_LIST_OF: count, then items. */
#define HAS_ITEMS(l) ((l) && (l)->count > 0 && (l)->items[0])

/* The small page every paged read asks for (search's development limit is 10). */
static spotc_page_options small_page(void)
{
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.limit = 5;
    return po;
}

/* A several-item read of one ID: the list holds it, and only it. */
#define SEVERAL_STEP(fn, list_type, asked, ...)                                                    \
    static int call_##fn(cov *c)                                                                   \
    {                                                                                              \
        const char *const want[] = {asked};                                                        \
        list_type *l = NULL;                                                                       \
        int rc = fn(&l, c->client, want, 1, __VA_ARGS__);                                          \
        if (rc == 0)                                                                               \
            EXPECT(l->count == 1 && l->items[0] && same(l->items[0]->id, asked));                  \
        EXPECT(rc == 0 || !l);                                                                     \
        list_type##_free(l);                                                                       \
        return rc;                                                                                 \
    }
SEVERAL_STEP(spotc_album_get_several, spotc_album_list, c->s.album, NULL, NULL)
SEVERAL_STEP(spotc_artist_get_several, spotc_artist_list, c->s.artist, NULL)
SEVERAL_STEP(spotc_show_get_several, spotc_show_list, c->s.show, "US", NULL)
SEVERAL_STEP(spotc_episode_get_several, spotc_episode_list, c->s.episode, "US", NULL)
SEVERAL_STEP(spotc_audiobook_get_several, spotc_audiobook_list, c->s.audiobook, "US", NULL)
SEVERAL_STEP(spotc_chapter_get_several, spotc_chapter_list, c->s.chapter, "US", NULL)

/* ------------------------------------------------------------ catalogue */

static int call_spotc_album_get(cov *c)
{
    spotc_album *a = NULL;
    int rc = spotc_album_get(&a, c->client, c->s.album, NULL);
    if (rc == 0) {
        EXPECT(same(a->id, c->s.album) && a->name && a->is_full);
        EXPECT(HAS_ITEMS(a->tracks) && a->artist_count > 0);
    }
    EXPECT(rc == 0 || !a);
    spotc_album_free(a);
    return rc;
}

static int call_spotc_album_list_tracks(cov *c)
{
    spotc_page_options po = small_page();
    spotc_track_list *l = NULL;
    int rc = spotc_album_list_tracks(&l, c->client, c->s.album, NULL, &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->page.total >= (int)l->count);
    spotc_track_list_free(l);
    return rc;
}

static int call_spotc_artist_get(cov *c)
{
    spotc_artist *a = NULL;
    int rc = spotc_artist_get(&a, c->client, c->s.artist);
    if (rc == 0)
        EXPECT(same(a->id, c->s.artist) && a->name && same(a->type, "artist"));
    spotc_artist_free(a);
    return rc;
}

static int call_spotc_artist_list_albums(cov *c)
{
    spotc_page_options po = small_page();
    spotc_album_list *l = NULL;
    int rc = spotc_artist_list_albums(&l, c->client, c->s.artist, "album,single", NULL, &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->items[0]->name);
    spotc_album_list_free(l);
    return rc;
}

static int call_spotc_artist_get_top_tracks(cov *c)
{
    spotc_track_list *l = NULL;
    int rc = spotc_artist_get_top_tracks(&l, c->client, c->s.artist, "US");
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->items[0]->artist_count > 0);
    EXPECT(rc == 0 || !l);
    spotc_track_list_free(l);
    return rc;
}

static int call_spotc_artist_get_related(cov *c)
{
    spotc_artist_list *l = NULL;
    int rc = spotc_artist_get_related(&l, c->client, c->s.artist);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && !same(l->items[0]->id, c->s.artist));
    EXPECT(rc == 0 || !l);
    spotc_artist_list_free(l);
    return rc;
}

static int call_spotc_track_get(cov *c)
{
    spotc_track *t = NULL;
    int rc = spotc_track_get(&t, c->client, c->s.track, NULL);
    if (rc == 0)
        EXPECT(same(t->id, c->s.track) && t->name && t->album && same(t->album->id, c->s.album));
    spotc_track_free(t);
    return rc;
}

static int call_spotc_track_get_several(cov *c)
{
    const char *const want[] = {c->s.track, c->s.track2};
    spotc_track_list *l = NULL;
    int rc = spotc_track_get_several(&l, c->client, want, 2, NULL, NULL);
    if (rc == 0)
        EXPECT(l->count == 2 && l->items[0] && l->items[1] && same(l->items[0]->id, c->s.track) &&
               same(l->items[1]->id, c->s.track2));
    EXPECT(rc == 0 || !l);
    spotc_track_list_free(l);
    return rc;
}

static int call_spotc_search_run(cov *c)
{
    spotc_page_options po = small_page();
    spotc_search_result *r = NULL;
    int rc = spotc_search_run(&r, c->client, c->s.query,
                              "album,artist,playlist,track,show,episode,audiobook", NULL, &po);
    if (rc == 0) {
        EXPECT(HAS_ITEMS(r->tracks) && r->tracks->items[0]->id && r->tracks->count <= 5 &&
               r->tracks->page.total >= (int)r->tracks->count);
        EXPECT(r->albums && r->artists && r->playlist_list && r->show_list);
        EXPECT(r->episode_list && r->audiobook_list);
    }
    spotc_search_result_free(r);
    return rc;
}

/* ------------------------------------------------------------ spoken content */

static int call_spotc_show_get(cov *c)
{
    spotc_show *s = NULL;
    int rc = spotc_show_get(&s, c->client, c->s.show, "US");
    if (rc == 0)
        EXPECT(same(s->id, c->s.show) && s->name && HAS_ITEMS(s->episodes));
    spotc_show_free(s);
    return rc;
}

static int call_spotc_show_list_episodes(cov *c)
{
    spotc_page_options po = small_page();
    spotc_episode_list *l = NULL;
    int rc = spotc_show_list_episodes(&l, c->client, c->s.show, "US", &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->items[0]->duration_ms > 0);
    spotc_episode_list_free(l);
    return rc;
}

static int call_spotc_episode_get(cov *c)
{
    spotc_episode *e = NULL;
    int rc = spotc_episode_get(&e, c->client, c->s.episode, "US");
    if (rc == 0)
        EXPECT(same(e->id, c->s.episode) && e->name && e->show && same(e->show->id, c->s.show));
    spotc_episode_free(e);
    return rc;
}

static int call_spotc_audiobook_get(cov *c)
{
    spotc_audiobook *a = NULL;
    int rc = spotc_audiobook_get(&a, c->client, c->s.audiobook, "US");
    if (rc == 0)
        EXPECT(same(a->id, c->s.audiobook) && a->author_count > 0 && HAS_ITEMS(a->chapters));
    spotc_audiobook_free(a);
    return rc;
}

static int call_spotc_audiobook_list_chapters(cov *c)
{
    spotc_page_options po = small_page();
    spotc_chapter_list *l = NULL;
    int rc = spotc_audiobook_list_chapters(&l, c->client, c->s.audiobook, "US", &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->items[0]->chapter_number >= 0);
    spotc_chapter_list_free(l);
    return rc;
}

static int call_spotc_chapter_get(cov *c)
{
    spotc_chapter *ch = NULL;
    int rc = spotc_chapter_get(&ch, c->client, c->s.chapter, "US");
    if (rc == 0)
        EXPECT(same(ch->id, c->s.chapter) && ch->audiobook &&
               same(ch->audiobook->id, c->s.audiobook));
    spotc_chapter_free(ch);
    return rc;
}

/* ------------------------------------------------------------ browse, features, recommendations */

static int call_spotc_audio_features_get_several(cov *c)
{
    const char *const want[] = {c->s.track, c->s.track2};
    spotc_audio_features_list *l = NULL;
    int rc = spotc_audio_features_get_several(&l, c->client, want, 2, NULL);
    if (rc == 0)
        EXPECT(l->count == 2 && l->items[0] && same(l->items[0]->id, c->s.track) && l->items[1] &&
               same(l->items[1]->id, c->s.track2));
    EXPECT(rc == 0 || !l);
    spotc_audio_features_list_free(l);
    return rc;
}

static int call_spotc_audio_features_get(cov *c)
{
    spotc_audio_features *f = NULL;
    int rc = spotc_audio_features_get(&f, c->client, c->s.track);
    if (rc == 0)
        EXPECT(same(f->id, c->s.track) && f->tempo > 0 && f->duration_ms > 0);
    EXPECT(rc == 0 || !f);
    spotc_audio_features_free(f);
    return rc;
}

static int call_spotc_audio_analysis_get(cov *c)
{
    spotc_audio_analysis *a = NULL;
    int rc = spotc_audio_analysis_get(&a, c->client, c->s.track);
    if (rc == 0)
        EXPECT(a->track.duration > 0 && a->section_count > 0 && a->segment_count > 0);
    EXPECT(rc == 0 || !a);
    spotc_audio_analysis_free(a);
    return rc;
}

static int call_spotc_recommendations_list_genres(cov *c)
{
    spotc_genres *g = NULL;
    int rc = spotc_recommendations_list_genres(&g, c->client);
    if (rc == 0) {
        EXPECT(g->count > 0 && g->genres[0]);
        if (g->count > 0)
            snprintf(c->s.genre, sizeof c->s.genre, "%s", g->genres[0]);
    }
    EXPECT(rc == 0 || !g);
    spotc_genres_free(g);
    return rc;
}

static int call_spotc_recommendations_get(cov *c)
{
    const char *const genres[] = {c->s.genre};
    const char *const tracks[] = {c->s.track};
    spotc_recommendations_options o = SPOTC_RECOMMENDATIONS_OPTIONS_INIT;
    o.limit = 5;
    o.seed_genres = genres;
    o.seed_genre_count = 1;
    o.seed_tracks = tracks;
    o.seed_track_count = 1;
    spotc_recommendations *r = NULL;
    int rc = spotc_recommendations_get(&r, c->client, &o);
    if (rc == 0)
        EXPECT(r->seed_count == 2 && r->track_count > 0 && r->track_count <= 5 && r->tracks[0]);
    EXPECT(rc == 0 || !r);
    spotc_recommendations_free(r);
    return rc;
}

static int call_spotc_market_list(cov *c)
{
    spotc_markets *m = NULL;
    int rc = spotc_market_list(&m, c->client);
    if (rc == 0) {
        int has_us = 0;
        for (size_t i = 0; i < m->count; i++)
            has_us |= same(m->markets[i], "US");
        EXPECT(has_us);
    }
    EXPECT(rc == 0 || !m);
    spotc_markets_free(m);
    return rc;
}

static int call_spotc_browse_list_new_releases(cov *c)
{
    spotc_page_options po = small_page();
    spotc_album_list *l = NULL;
    int rc = spotc_browse_list_new_releases(&l, c->client, &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->items[0]->release_date);
    EXPECT(rc == 0 || !l);
    spotc_album_list_free(l);
    return rc;
}

static int call_spotc_browse_list_featured_playlists(cov *c)
{
    spotc_page_options po = small_page();
    spotc_playlist_list *l = NULL;
    int rc = spotc_browse_list_featured_playlists(&l, c->client, NULL, &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->items[0]->owner);
    EXPECT(rc == 0 || !l);
    spotc_playlist_list_free(l);
    return rc;
}

static int call_spotc_browse_list_categories(cov *c)
{
    spotc_page_options po = small_page();
    spotc_category_list *l = NULL;
    int rc = spotc_browse_list_categories(&l, c->client, NULL, &po);
    if (rc == 0) {
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->items[0]->name);
        if (HAS_ITEMS(l) && l->items[0]->id)
            snprintf(c->s.category, sizeof c->s.category, "%s", l->items[0]->id);
    }
    EXPECT(rc == 0 || !l);
    spotc_category_list_free(l);
    return rc;
}

static int call_spotc_browse_get_category(cov *c)
{
    spotc_category *cat = NULL;
    int rc = spotc_browse_get_category(&cat, c->client, c->s.category, NULL);
    if (rc == 0)
        EXPECT(same(cat->id, c->s.category) && cat->name);
    EXPECT(rc == 0 || !cat);
    spotc_category_free(cat);
    return rc;
}

static int call_spotc_browse_list_category_playlists(cov *c)
{
    spotc_page_options po = small_page();
    spotc_playlist_list *l = NULL;
    int rc = spotc_browse_list_category_playlists(&l, c->client, c->s.category, &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id);
    EXPECT(rc == 0 || !l);
    spotc_playlist_list_free(l);
    return rc;
}

/* ------------------------------------------------------------ users */

static int call_spotc_user_get_current(cov *c)
{
    spotc_user *u = NULL;
    int rc = spotc_user_get_current(&u, c->client);
    if (rc == 0)
        EXPECT(same(u->id, c->s.user) && u->email && same(u->product, "premium"));
    spotc_user_free(u);
    return rc;
}

static int call_spotc_user_get(cov *c)
{
    spotc_user *u = NULL;
    int rc = spotc_user_get(&u, c->client, c->s.user);
    if (rc == 0)
        EXPECT(same(u->id, c->s.user) && !u->email); /* a public profile */
    EXPECT(rc == 0 || !u);
    spotc_user_free(u);
    return rc;
}

static int call_spotc_playlist_list_user(cov *c)
{
    spotc_page_options po = small_page();
    spotc_playlist_list *l = NULL;
    int rc = spotc_playlist_list_user(&l, c->client, c->s.user, &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->owner);
    EXPECT(rc == 0 || !l);
    spotc_playlist_list_free(l);
    return rc;
}

static int call_spotc_top_list_artists(cov *c)
{
    spotc_page_options po = small_page();
    spotc_artist_list *l = NULL;
    int rc = spotc_top_list_artists(&l, c->client, SPOTC_TOP_RANGE_SHORT, &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->count <= 5);
    spotc_artist_list_free(l);
    return rc;
}

static int call_spotc_top_list_tracks(cov *c)
{
    spotc_page_options po = small_page();
    spotc_track_list *l = NULL;
    int rc = spotc_top_list_tracks(&l, c->client, SPOTC_TOP_RANGE_LONG, &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->count <= 5);
    spotc_track_list_free(l);
    return rc;
}

/* ------------------------------------------------------------ playlists: reads */

static int call_spotc_playlist_get(cov *c)
{
    spotc_playlist *p = NULL;
    int rc = spotc_playlist_get(&p, c->client, c->s.playlist, NULL);
    if (rc == 0)
        EXPECT(same(p->id, c->s.playlist) && p->owner && same(p->owner->id, c->s.user) &&
               p->total_items == 30 && HAS_ITEMS(p->items));
    spotc_playlist_free(p);
    return rc;
}

static int playlist_items_of(cov *c,
                             int (*list)(spotc_playlist_item_list **, spotc_client *, const char *,
                                         const char *, const spotc_page_options *))
{
    spotc_page_options po = small_page();
    spotc_playlist_item_list *l = NULL;
    int rc = list(&l, c->client, c->s.playlist, NULL, &po);
    if (rc == 0)
        EXPECT(l->count == 5 && l->items[0] && l->items[0]->added_at &&
               (l->items[0]->track || l->items[0]->episode) && l->page.total == 30);
    EXPECT(rc == 0 || !l);
    spotc_playlist_item_list_free(l);
    return rc;
}

static int call_spotc_playlist_list_items(cov *c)
{
    return playlist_items_of(c, spotc_playlist_list_items);
}

static int call_spotc_playlist_list_tracks(cov *c)
{
    return playlist_items_of(c, spotc_playlist_list_tracks);
}

/* The user's list holds the playlists it follows: keep one of another user's. */
static int call_spotc_playlist_list_mine(cov *c)
{
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.limit = 50;
    spotc_playlist_list *l = NULL;
    int rc = spotc_playlist_list_mine(&l, c->client, &po);
    for (size_t i = 0; rc == 0 && i < l->count && !c->s.other[0]; i++) {
        const spotc_playlist *p = l->items[i];
        if (p && p->id && p->owner && !same(p->owner->id, c->s.user))
            snprintf(c->s.other, sizeof c->s.other, "%s", p->id);
    }
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && c->s.other[0]);
    spotc_playlist_list_free(l);
    return rc;
}

/* ------------------------------------------------------------ playlists: writes */

static int call_spotc_playlist_create(cov *c)
{
    spotc_playlist_details d = SPOTC_PLAYLIST_DETAILS_INIT;
    d.name = "Typed coverage";
    d.description = "made by test_typed_coverage";
    d.is_public = 0;
    spotc_playlist *p = NULL;
    int rc = spotc_playlist_create(&p, c->client, &d);
    if (rc == 0) {
        EXPECT(p->id && same(p->name, "Typed coverage") && p->is_public == 0 && p->snapshot_id);
        snprintf(c->s.own, sizeof c->s.own, "%s", p->id ? p->id : "");
    }
    spotc_playlist_free(p);
    return rc;
}

static int call_spotc_playlist_create_for_user(cov *c)
{
    spotc_playlist_details d = SPOTC_PLAYLIST_DETAILS_INIT;
    d.name = "Typed coverage (user path)";
    spotc_playlist *p = NULL;
    int rc = spotc_playlist_create_for_user(&p, c->client, c->s.user, &d);
    if (rc == 0)
        EXPECT(p->id && same(p->name, d.name) && p->owner && same(p->owner->id, c->s.user));
    EXPECT(rc == 0 || !p);
    spotc_playlist_free(p);
    return rc;
}

/* A playlist write that answers a snapshot: check it came, free it. (Its address, since
 * the call that fills it is an argument evaluated in no fixed order.) */
static int snapshot_result(cov *c, int rc, char **snapshot)
{
    if (rc == 0)
        EXPECT(*snapshot && (*snapshot)[0]);
    else
        EXPECT(!*snapshot);
    spotc_free(*snapshot);
    return rc;
}

static int call_spotc_playlist_add_items(cov *c)
{
    /* the sample track, the second track and an episode, in that order */
    const char *const items[] = {c->s.uri[0], c->s.uri[3], c->s.uri[2]};
    char *snap = NULL;
    return snapshot_result(c, spotc_playlist_add_items(&snap, c->client, c->s.own, items, 3, NULL),
                           &snap);
}

static int call_spotc_playlist_add_tracks(cov *c)
{
    const char *const items[] = {c->s.track2};
    char *snap = NULL;
    return snapshot_result(c, spotc_playlist_add_tracks(&snap, c->client, c->s.own, items, 1, NULL),
                           &snap);
}

static int call_spotc_playlist_reorder_items(cov *c)
{
    char *snap = NULL;
    return snapshot_result(c, spotc_playlist_reorder_items(&snap, c->client, c->s.own, 0, 2, NULL),
                           &snap);
}

static int call_spotc_playlist_reorder_tracks(cov *c)
{
    char *snap = NULL;
    return snapshot_result(c, spotc_playlist_reorder_tracks(&snap, c->client, c->s.own, 0, 2, NULL),
                           &snap);
}

static int call_spotc_playlist_remove_items(cov *c)
{
    const char *const items[] = {c->s.uri[0]};
    char *snap = NULL;
    return snapshot_result(
        c, spotc_playlist_remove_items(&snap, c->client, c->s.own, items, 1, NULL), &snap);
}

static int call_spotc_playlist_remove_tracks(cov *c)
{
    const char *const items[] = {c->s.track2};
    char *snap = NULL;
    return snapshot_result(
        c, spotc_playlist_remove_tracks(&snap, c->client, c->s.own, items, 1, NULL), &snap);
}

/* Renamed, and read back: the writes before it left the episode alone where the
 * /tracks twins ran (they removed every copy of the second track), and the second
 * track before the episode where they were refused. */
static int call_spotc_playlist_change_details(cov *c)
{
    spotc_playlist_details d = SPOTC_PLAYLIST_DETAILS_INIT;
    d.name = "Typed coverage, renamed";
    int rc = spotc_playlist_change_details(c->client, c->s.own, &d);
    if (rc != 0)
        return rc;
    spotc_playlist *p = NULL;
    EXPECT(spotc_playlist_get(&p, c->client, c->s.own, NULL) == 0);
    if (p) {
        int twins = !c->dev_emulator || c->dev_client;
        EXPECT(same(p->name, d.name));
        EXPECT(p->total_items == (twins ? 1 : 2));
        const spotc_playlist_item *last =
            HAS_ITEMS(p->items) ? p->items->items[p->items->count - 1] : NULL;
        EXPECT(last && last->episode && same(last->episode->id, c->s.episode));
    }
    spotc_playlist_free(p);
    return rc;
}

static int call_spotc_playlist_upload_cover(cov *c)
{
    /* the smallest body the emulator takes as a JPEG: SOI, APP0/JFIF, EOI */
    static const unsigned char tiny_jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J',  'F',
                                              'I',  'F',  0x00, 0x01, 0x01, 0x00, 0xFF, 0xD9};
    return spotc_playlist_upload_cover(c->client, c->s.own, tiny_jpeg, sizeof tiny_jpeg);
}

static int call_spotc_playlist_get_cover(cov *c)
{
    spotc_image_list *l = NULL;
    int rc = spotc_playlist_get_cover(&l, c->client, c->s.own);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->url);
    spotc_image_list_free(l);
    return rc;
}

static int call_spotc_playlist_follow(cov *c)
{
    return spotc_playlist_follow(c->client, c->s.other, 0);
}

static int call_spotc_playlist_contains_followers(cov *c)
{
    bool follows = false;
    int rc = spotc_playlist_contains_followers(&follows, c->client, c->s.other);
    if (rc == 0)
        EXPECT(follows);
    return rc;
}

static int call_spotc_playlist_unfollow(cov *c)
{
    int rc = spotc_playlist_unfollow(c->client, c->s.other);
    if (rc == 0) {
        bool follows = true;
        EXPECT(spotc_playlist_contains_followers(&follows, c->client, c->s.other) == 0 && !follows);
    }
    return rc;
}

/* ------------------------------------------------------------ library */

typedef int (*save_fn)(spotc_client *, const char *const *, size_t, const spotc_library_options *);
typedef int (*contains_fn)(bool **, spotc_client *, const char *const *, size_t,
                           const spotc_library_options *);

/* Ask about `n` items; 1 when every answer is `want`. */
static int answers_are(cov *c, contains_fn contains, const char *const *items, size_t n, bool want)
{
    bool *got = NULL;
    int ok = contains(&got, c->client, items, n, NULL) == 0 && got;
    for (size_t i = 0; ok && i < n; i++)
        ok = got[i] == want;
    spotc_free(got);
    return ok;
}

/* The three steps of one kind of library item: save, check (true), remove (then false). */
static int library_step(cov *c, save_fn write, contains_fn contains, const char *id, int which)
{
    const char *const items[] = {id};
    if (which == 1) {
        bool *got = NULL;
        int rc = contains(&got, c->client, items, 1, NULL);
        if (rc == 0)
            EXPECT(got && got[0]);
        EXPECT(rc == 0 || !got);
        spotc_free(got);
        return rc;
    }
    int rc = write(c->client, items, 1, NULL);
    if (rc == 0 && which == 2)
        EXPECT(answers_are(c, contains, items, 1, false));
    return rc;
}

#define LIBRARY_STEPS(kind, id)                                                                    \
    static int call_spotc_library_save_##kind(cov *c)                                              \
    {                                                                                              \
        return library_step(c, spotc_library_save_##kind, spotc_library_contains_##kind, id, 0);   \
    }                                                                                              \
    static int call_spotc_library_contains_##kind(cov *c)                                          \
    {                                                                                              \
        return library_step(c, spotc_library_save_##kind, spotc_library_contains_##kind, id, 1);   \
    }                                                                                              \
    static int call_spotc_library_remove_##kind(cov *c)                                            \
    {                                                                                              \
        return library_step(c, spotc_library_remove_##kind, spotc_library_contains_##kind, id, 2); \
    }
LIBRARY_STEPS(albums, c->s.album)
LIBRARY_STEPS(tracks, c->s.track)
LIBRARY_STEPS(episodes, c->s.episode)
LIBRARY_STEPS(shows, c->s.show)
LIBRARY_STEPS(audiobooks, c->s.audiobook)

static int call_spotc_library_save(cov *c)
{
    const char *const uris[] = {c->s.uri[0], c->s.uri[1]};
    return spotc_library_save(c->client, uris, 2, NULL);
}

static int call_spotc_library_contains(cov *c)
{
    const char *const uris[] = {c->s.uri[0], c->s.uri[1]};
    bool *got = NULL;
    int rc = spotc_library_contains(&got, c->client, uris, 2, NULL);
    if (rc == 0)
        EXPECT(got && got[0] && got[1]);
    spotc_free(got);
    return rc;
}

static int call_spotc_library_remove(cov *c)
{
    const char *const uris[] = {c->s.uri[0], c->s.uri[1]};
    int rc = spotc_library_remove(c->client, uris, 2, NULL);
    if (rc == 0)
        EXPECT(answers_are(c, spotc_library_contains, uris, 2, false));
    return rc;
}

/* The saved-item lists: a page of wrappers, each with its added_at and its object. */
#define SAVED_LIST_STEP(kind, field, call)                                                         \
    static int call_spotc_library_list_##kind(cov *c)                                              \
    {                                                                                              \
        spotc_page_options po = small_page();                                                      \
        spotc_saved_##field##_list *l = NULL;                                                      \
        int rc = call;                                                                             \
        if (rc == 0)                                                                               \
            EXPECT(HAS_ITEMS(l) && l->items[0]->added_at && l->items[0]->field &&                  \
                   l->items[0]->field->id);                                                        \
        spotc_saved_##field##_list_free(l);                                                        \
        return rc;                                                                                 \
    }
SAVED_LIST_STEP(albums, album, spotc_library_list_albums(&l, c->client, NULL, &po))
SAVED_LIST_STEP(tracks, track, spotc_library_list_tracks(&l, c->client, NULL, &po))
SAVED_LIST_STEP(episodes, episode, spotc_library_list_episodes(&l, c->client, "US", &po))
SAVED_LIST_STEP(shows, show, spotc_library_list_shows(&l, c->client, &po))
SAVED_LIST_STEP(audiobooks, audiobook, spotc_library_list_audiobooks(&l, c->client, &po))

/* ------------------------------------------------------------ follows */

static int call_spotc_follow_add(cov *c)
{
    const char *const artists[] = {c->s.artist};
    return spotc_follow_add(c->client, SPOTC_TYPE_ARTIST, artists, 1, NULL);
}

static int call_spotc_follow_contains(cov *c)
{
    const char *const artists[] = {c->s.artist};
    bool *got = NULL;
    int rc = spotc_follow_contains(&got, c->client, SPOTC_TYPE_ARTIST, artists, 1, NULL);
    if (rc == 0)
        EXPECT(got && got[0]);
    EXPECT(rc == 0 || !got);
    spotc_free(got);
    return rc;
}

static int call_spotc_follow_list_artists(cov *c)
{
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.all = 1;
    spotc_artist_list *l = NULL;
    int rc = spotc_follow_list_artists(&l, c->client, &po);
    if (rc == 0) {
        int found = 0; /* followed just before, where that was served */
        for (size_t i = 0; i < l->count; i++)
            found |= l->items[i] && same(l->items[i]->id, c->s.artist);
        EXPECT(HAS_ITEMS(l) && l->page.offset == -1);
        EXPECT(found || c->dev_emulator);
    }
    spotc_artist_list_free(l);
    return rc;
}

static int call_spotc_follow_remove(cov *c)
{
    const char *const artists[] = {c->s.artist};
    return spotc_follow_remove(c->client, SPOTC_TYPE_ARTIST, artists, 1, NULL);
}

/* ------------------------------------------------------------ player */

static int call_spotc_player_list_devices(cov *c)
{
    spotc_device_list *l = NULL;
    int rc = spotc_player_list_devices(&l, c->client);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->id && l->items[0]->name);
    spotc_device_list_free(l);
    return rc;
}

static int call_spotc_player_transfer(cov *c)
{
    return spotc_player_transfer(c->client, c->s.device, false);
}

static int call_spotc_player_play(cov *c)
{
    spotc_play_options o = SPOTC_PLAY_OPTIONS_INIT;
    o.context_uri = c->s.uri[1]; /* the sample album, from the sample track */
    o.offset_uri = c->s.uri[0];
    return spotc_player_play(c->client, &o);
}

static int call_spotc_player_get_state(cov *c)
{
    spotc_playback_state *st = NULL;
    int rc = spotc_player_get_state(&st, c->client, NULL);
    if (rc == 0)
        EXPECT(st && st->is_playing && st->device && same(st->device->id, c->s.device) &&
               st->track && same(st->track->id, c->s.track) && st->context &&
               same(st->context->uri, c->s.uri[1]));
    spotc_playback_state_free(st);
    return rc;
}

static int call_spotc_player_get_currently_playing(cov *c)
{
    spotc_currently_playing *p = NULL;
    int rc = spotc_player_get_currently_playing(&p, c->client, NULL);
    if (rc == 0)
        EXPECT(p && p->track && same(p->track->id, c->s.track) && p->progress_ms >= 0);
    spotc_currently_playing_free(p);
    return rc;
}

static int call_spotc_player_add_to_queue(cov *c)
{
    return spotc_player_add_to_queue(c->client, c->s.uri[3], NULL);
}

static int call_spotc_player_get_queue(cov *c)
{
    spotc_queue *q = NULL;
    int rc = spotc_player_get_queue(&q, c->client);
    if (rc == 0) {
        int queued = 0;
        for (size_t i = 0; i < q->queue_count; i++)
            queued |= q->queue[i].track && same(q->queue[i].track->id, c->s.track2);
        EXPECT(q->currently_playing && queued);
    }
    spotc_queue_free(q);
    return rc;
}

static int call_spotc_player_next(cov *c)
{
    return spotc_player_next(c->client, NULL);
}

static int call_spotc_player_previous(cov *c)
{
    return spotc_player_previous(c->client, NULL);
}

static int call_spotc_player_seek(cov *c)
{
    return spotc_player_seek(c->client, 1000, NULL);
}

static int call_spotc_player_set_repeat(cov *c)
{
    return spotc_player_set_repeat(c->client, SPOTC_REPEAT_CONTEXT, NULL);
}

static int call_spotc_player_set_volume(cov *c)
{
    return spotc_player_set_volume(c->client, 42, NULL);
}

static int call_spotc_player_set_shuffle(cov *c)
{
    return spotc_player_set_shuffle(c->client, true, NULL);
}

/* Paused, and the commands before it read back from the state. */
static int call_spotc_player_pause(cov *c)
{
    int rc = spotc_player_pause(c->client, NULL);
    if (rc != 0)
        return rc;
    spotc_playback_state *st = NULL;
    EXPECT(spotc_player_get_state(&st, c->client, NULL) == 0 && st);
    if (st)
        EXPECT(!st->is_playing && same(st->repeat_state, "context") && st->shuffle_state == 1 &&
               st->device && st->device->volume_percent == 42);
    spotc_playback_state_free(st);
    return rc;
}

static int call_spotc_player_list_recent(cov *c)
{
    spotc_page_options po = small_page();
    spotc_play_history_list *l = NULL;
    int rc = spotc_player_list_recent(&l, c->client, 0, 0, &po);
    if (rc == 0)
        EXPECT(HAS_ITEMS(l) && l->items[0]->played_at && l->items[0]->track &&
               l->page.offset == -1);
    spotc_play_history_list_free(l);
    return rc;
}

/* ------------------------------------------------------------ the plan */

#define STEP(op, fn)                                                                               \
    {                                                                                              \
        op, #fn, call_##fn                                                                         \
    }

/* Every operation once, in an order where state builds up: IDs are learnt before they
 * are used, a playlist is created before it is changed, playback moved to a device
 * before it is commanded. */
static const step plan[] = {
    STEP("get-an-album", spotc_album_get),
    STEP("get-multiple-albums", spotc_album_get_several),
    STEP("get-an-albums-tracks", spotc_album_list_tracks),
    STEP("get-an-artist", spotc_artist_get),
    STEP("get-multiple-artists", spotc_artist_get_several),
    STEP("get-an-artists-albums", spotc_artist_list_albums),
    STEP("get-an-artists-top-tracks", spotc_artist_get_top_tracks),
    STEP("get-an-artists-related-artists", spotc_artist_get_related),
    STEP("get-track", spotc_track_get),
    STEP("get-several-tracks", spotc_track_get_several),
    STEP("search", spotc_search_run),
    STEP("get-a-show", spotc_show_get),
    STEP("get-multiple-shows", spotc_show_get_several),
    STEP("get-a-shows-episodes", spotc_show_list_episodes),
    STEP("get-an-episode", spotc_episode_get),
    STEP("get-multiple-episodes", spotc_episode_get_several),
    STEP("get-an-audiobook", spotc_audiobook_get),
    STEP("get-multiple-audiobooks", spotc_audiobook_get_several),
    STEP("get-audiobook-chapters", spotc_audiobook_list_chapters),
    STEP("get-a-chapter", spotc_chapter_get),
    STEP("get-several-chapters", spotc_chapter_get_several),
    STEP("get-several-audio-features", spotc_audio_features_get_several),
    STEP("get-audio-features", spotc_audio_features_get),
    STEP("get-audio-analysis", spotc_audio_analysis_get),
    STEP("get-recommendation-genres", spotc_recommendations_list_genres),
    STEP("get-recommendations", spotc_recommendations_get),
    STEP("get-available-markets", spotc_market_list),
    STEP("get-new-releases", spotc_browse_list_new_releases),
    STEP("get-featured-playlists", spotc_browse_list_featured_playlists),
    STEP("get-categories", spotc_browse_list_categories),
    STEP("get-a-category", spotc_browse_get_category),
    STEP("get-a-categories-playlists", spotc_browse_list_category_playlists),
    STEP("get-current-users-profile", spotc_user_get_current),
    STEP("get-users-profile", spotc_user_get),
    STEP("get-list-users-playlists", spotc_playlist_list_user),
    STEP("get-users-top-artists", spotc_top_list_artists),
    STEP("get-users-top-tracks", spotc_top_list_tracks),
    STEP("get-playlist", spotc_playlist_get),
    STEP("get-playlists-items", spotc_playlist_list_items),
    STEP("get-playlists-tracks", spotc_playlist_list_tracks),
    STEP("get-a-list-of-current-users-playlists", spotc_playlist_list_mine),
    STEP("create-playlist", spotc_playlist_create),
    STEP("create-playlist-for-user", spotc_playlist_create_for_user),
    STEP("add-items-to-playlist", spotc_playlist_add_items),
    STEP("add-tracks-to-playlist", spotc_playlist_add_tracks),
    STEP("reorder-or-replace-playlists-items", spotc_playlist_reorder_items),
    STEP("reorder-or-replace-playlists-tracks", spotc_playlist_reorder_tracks),
    STEP("remove-items-playlist", spotc_playlist_remove_items),
    STEP("remove-tracks-playlist", spotc_playlist_remove_tracks),
    STEP("change-playlist-details", spotc_playlist_change_details),
    STEP("upload-custom-playlist-cover", spotc_playlist_upload_cover),
    STEP("get-playlist-cover", spotc_playlist_get_cover),
    STEP("follow-playlist", spotc_playlist_follow),
    STEP("check-if-user-follows-playlist", spotc_playlist_contains_followers),
    STEP("unfollow-playlist", spotc_playlist_unfollow),
    STEP("save-albums-user", spotc_library_save_albums),
    STEP("check-users-saved-albums", spotc_library_contains_albums),
    STEP("remove-albums-user", spotc_library_remove_albums),
    STEP("save-tracks-user", spotc_library_save_tracks),
    STEP("check-users-saved-tracks", spotc_library_contains_tracks),
    STEP("remove-tracks-user", spotc_library_remove_tracks),
    STEP("save-episodes-user", spotc_library_save_episodes),
    STEP("check-users-saved-episodes", spotc_library_contains_episodes),
    STEP("remove-episodes-user", spotc_library_remove_episodes),
    STEP("save-shows-user", spotc_library_save_shows),
    STEP("check-users-saved-shows", spotc_library_contains_shows),
    STEP("remove-shows-user", spotc_library_remove_shows),
    STEP("save-audiobooks-user", spotc_library_save_audiobooks),
    STEP("check-users-saved-audiobooks", spotc_library_contains_audiobooks),
    STEP("remove-audiobooks-user", spotc_library_remove_audiobooks),
    STEP("save-library-items", spotc_library_save),
    STEP("check-library-contains", spotc_library_contains),
    STEP("remove-library-items", spotc_library_remove),
    STEP("get-users-saved-albums", spotc_library_list_albums),
    STEP("get-users-saved-tracks", spotc_library_list_tracks),
    STEP("get-users-saved-episodes", spotc_library_list_episodes),
    STEP("get-users-saved-shows", spotc_library_list_shows),
    STEP("get-users-saved-audiobooks", spotc_library_list_audiobooks),
    STEP("follow-artists-users", spotc_follow_add),
    STEP("check-current-user-follows", spotc_follow_contains),
    STEP("get-followed", spotc_follow_list_artists),
    STEP("unfollow-artists-users", spotc_follow_remove),
    STEP("get-a-users-available-devices", spotc_player_list_devices),
    STEP("transfer-a-users-playback", spotc_player_transfer),
    STEP("start-a-users-playback", spotc_player_play),
    STEP("get-information-about-the-users-current-playback", spotc_player_get_state),
    STEP("get-the-users-currently-playing-track", spotc_player_get_currently_playing),
    STEP("add-to-queue", spotc_player_add_to_queue),
    STEP("get-queue", spotc_player_get_queue),
    STEP("skip-users-playback-to-next-track", spotc_player_next),
    STEP("skip-users-playback-to-previous-track", spotc_player_previous),
    STEP("seek-to-position-in-currently-playing-track", spotc_player_seek),
    STEP("set-repeat-mode-on-users-playback", spotc_player_set_repeat),
    STEP("set-volume-for-users-playback", spotc_player_set_volume),
    STEP("toggle-shuffle-for-users-playback", spotc_player_set_shuffle),
    STEP("pause-a-users-playback", spotc_player_pause),
    STEP("get-recently-played", spotc_player_list_recent),
};
#define NPLAN (sizeof plan / sizeof plan[0])

/* ------------------------------------------------------------ a run */

static void copy_sample(cov *c)
{
    json_t *j = emu_control(&c->e, "GET", "/_emulator/sample", NULL);
    struct {
        const char *key;
        char *dst;
    } keys[] = {{"track", c->s.track},         {"album", c->s.album},     {"artist", c->s.artist},
                {"playlist", c->s.playlist},   {"show", c->s.show},       {"episode", c->s.episode},
                {"audiobook", c->s.audiobook}, {"chapter", c->s.chapter}, {"user", c->s.user},
                {"query", c->s.query}};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *v = json_string_value(json_object_get(j, keys[i].key));
        if (!v)
            fail_msg("no '%s' in /_emulator/sample", keys[i].key);
        snprintf(keys[i].dst, 64, "%s", v);
    }
    json_decref(j);
}

/* What the sample does not name: a second track and a device (typed reads that every app
 * may make), and fallbacks for what the refused reads would have told. */
static void learn(cov *c)
{
    spotc_page_options po = small_page();
    spotc_track_list *tracks = NULL;
    assert_int_equal(spotc_album_list_tracks(&tracks, c->client, c->s.album, NULL, &po), 0);
    assert_true(tracks->count >= 2 && tracks->items[1] && tracks->items[1]->id);
    snprintf(c->s.track2, sizeof c->s.track2, "%s", tracks->items[1]->id);
    spotc_track_list_free(tracks);
    spotc_device_list *devices = NULL;
    assert_int_equal(spotc_player_list_devices(&devices, c->client), 0);
    assert_true(HAS_ITEMS(devices) && devices->items[0]->id);
    snprintf(c->s.device, sizeof c->s.device, "%s", devices->items[0]->id);
    spotc_device_list_free(devices);
    snprintf(c->s.category, sizeof c->s.category, "toplists");
    snprintf(c->s.genre, sizeof c->s.genre, "rock");
    snprintf(c->s.uri[0], sizeof c->s.uri[0], "spotify:track:%s", c->s.track);
    snprintf(c->s.uri[1], sizeof c->s.uri[1], "spotify:album:%s", c->s.album);
    snprintf(c->s.uri[2], sizeof c->s.uri[2], "spotify:episode:%s", c->s.episode);
    snprintf(c->s.uri[3], sizeof c->s.uri[3], "spotify:track:%s", c->s.track2);
}

static cov *cov_start(const char *emulator_mode, spotc_app_mode client_mode)
{
    cov *c = calloc(1, sizeof *c);
    assert_non_null(c);
    c->dev_emulator = strcmp(emulator_mode, "development") == 0;
    c->dev_client = client_mode == SPOTC_APP_MODE_DEVELOPMENT;
    c->log = open_memstream(&c->notes, &c->notes_len);
    assert_non_null(c->log);
    emu_start(&c->e, "--mode", emulator_mode, NULL);
    c->token = emu_user_token(&c->e, "demo", ALL_SCOPES);
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = c->token;
    o.max_retries = SPOTC_NO_RETRY; /* a proxy's 500 is a finding, not a blip */
    o.mode = client_mode;
    c->client = emu_client(&c->e, &o);
    copy_sample(c);
    learn(c);
    return c;
}

static void cov_free(cov *c)
{
    spotc_client_free(c->client);
    emu_stop(&c->e);
    free(c->token);
    fclose(c->log);
    free(c->notes);
    free(c);
}

/* Whether a step must fail with the clean refusal: a removed operation sent as named
 * to a development-mode emulator (a development-mode client sends the replacement
 * where the library knows one). */
static int refused(const cov *c, const spotc_operation *op)
{
    if (!c->dev_emulator || !op->deprecated)
        return 0;
    return !c->dev_client || !spotc__app_mode_has_form(op);
}

static void run_step(cov *c, const step *s)
{
    const spotc_operation *op = spotc_operation_find(s->op);
    if (!op) {
        note(c, "%s: not an operation of the library's table", s->op);
        return;
    }
    c->op = s->op;
    int rc = s->run(c);
    const spotc_error *e = spotc_client_last_error(c->client);
    if (!refused(c, op)) {
        if (rc != 0)
            note(c, "%s: %s returned %d (%s), HTTP %d: %s", s->op, s->fn, rc, spotc_strerror(rc),
                 e->http_status, e->message);
        return;
    }
    if (rc != SPOTC_EFORBIDDEN || e->http_status != 403 || !e->message[0])
        note(c,
             "%s: %s returned %d (HTTP %d, '%s'), want SPOTC_EFORBIDDEN from a 403 with a "
             "message",
             s->op, s->fn, rc, e->http_status, e->message);
}

static void run_mode(const char *emulator_mode, spotc_app_mode client_mode)
{
    cov *c = cov_start(emulator_mode, client_mode);
    for (size_t i = 0; i < NPLAN; i++)
        run_step(c, &plan[i]);
    fflush(c->log);
    if (c->nnotes) /* not print_message(): its buffer would cut the list short */
        fprintf(stderr, "emulator --mode %s, client mode %d: %zu mismatches\n%s", emulator_mode,
                (int)client_mode, c->nnotes, c->notes);
    size_t nnotes = c->nnotes;
    cov_free(c);
    assert_int_equal(nnotes, 0);
}

/* ------------------------------------------------------------ tests */

static const step *step_of(const char *op)
{
    for (size_t i = 0; i < NPLAN; i++)
        if (strcmp(plan[i].op, op) == 0)
            return &plan[i];
    return NULL;
}

/* Every row of docs/operations.md (`| operation-id | function |`) has its step, calling
 * the function it names; every operation of the table has a row. */
static void test_plan_covers_operations_doc(void **state)
{
    (void)state;
    const char *src = getenv("SPOTC_SOURCE_DIR");
    assert_non_null(src);
    char path[1024];
    snprintf(path, sizeof path, "%s/docs/operations.md", src);
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("cannot read %s", path);
    char line[512], op[128], fn[128], missing[8192] = "";
    size_t rows = 0;
    while (fgets(line, sizeof line, f)) {
        if (sscanf(line, "| %127[a-z0-9-] | %127[a-z0-9_] |", op, fn) != 2 ||
            strncmp(fn, "spotc_", 6) != 0)
            continue;
        rows++;
        const step *s = step_of(op);
        if (!s || strcmp(s->fn, fn) != 0) {
            size_t n = strlen(missing);
            snprintf(missing + n, sizeof missing - n, "\n  %s (%s)%s", op, fn,
                     s ? ": the step calls another function" : "");
        }
    }
    fclose(f);
    if (missing[0])
        fail_msg("operations of docs/operations.md without a typed step:%s", missing);
    assert_int_equal(rows, spotc_operation_count());
    assert_int_equal(NPLAN, spotc_operation_count());
    for (size_t i = 0; i < spotc_operation_count(); i++)
        if (!step_of(spotc_operation_get_at(i)->id))
            fail_msg("%s has no step", spotc_operation_get_at(i)->id);
}

static void test_extended(void **state)
{
    (void)state;
    run_mode("extended", SPOTC_APP_MODE_EXTENDED);
}

static void test_development_refuses_removed(void **state)
{
    (void)state;
    size_t removed = 0;
    for (size_t i = 0; i < spotc_operation_count(); i++)
        removed += spotc_operation_get_at(i)->deprecated != 0;
    assert_int_equal(removed, 48);
    run_mode("development", SPOTC_APP_MODE_EXTENDED);
}

static void test_development_client(void **state)
{
    (void)state;
    run_mode("development", SPOTC_APP_MODE_DEVELOPMENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_covers_operations_doc),
        cmocka_unit_test(test_extended),
        cmocka_unit_test(test_development_refuses_removed),
        cmocka_unit_test(test_development_client),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
