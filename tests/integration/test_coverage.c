/*
 * Coverage: every operation of libspotc's table (spotc/operations.h) called through
 * spotc_operation_call() against a spotc-emulator, once in extended-quota mode and once in
 * development mode, with a user token that has every scope.
 *
 * The parameters come from the library's table: each one is filled by its name and
 * the resource of the operation's path from the emulator's sample IDs. What is
 * expected comes from this file's own table (`plan`, in call order so that state
 * builds up: a playlist is created before it is changed, playback is transferred
 * before it is paused): the status Spotify answers and the shape of the body.
 * In development mode exactly the operations the table marks deprecated must answer
 * 403. Finally the emulator's statistics must show that every operation's route was
 * reached. Mismatches are collected and listed together, so that one run (also one
 * through the validating proxy, SPOTC_SPEC_PROXY) reports all of them.
 */
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#define ALL_SCOPES                                                                                 \
    "ugc-image-upload user-read-playback-state user-modify-playback-state "                        \
    "user-read-currently-playing app-remote-control streaming playlist-read-private "              \
    "playlist-read-collaborative playlist-modify-private playlist-modify-public "                  \
    "user-follow-modify user-follow-read user-read-playback-position user-top-read "               \
    "user-read-recently-played user-library-modify user-library-read user-read-email "             \
    "user-read-private"

#define SEARCH_TYPES "album,artist,playlist,track,show,episode,audiobook"
/* The smallest body the emulator takes as a JPEG (SOI, APP0/JFIF, EOI), in base64. */
#define VALUE_MAX 512

/* What a successful body looks like. */
typedef enum body_kind {
    B_EMPTY,    /* no body (204, 202, and Spotify's empty 200s) */
    B_OBJECT,   /* a JSON object; items_key, paging and typed objects checked */
    B_BOOLS,    /* an array of booleans, one per ID or URI asked about */
    B_IMAGES,   /* an array of image objects */
    B_SNAPSHOT, /* {"snapshot_id": "..."} */
} body_kind;

typedef struct expect {
    const char *op;
    int status; /* Spotify's success status (extended mode; development mode too unless removed) */
    body_kind body;
    const char *pages; /* comma-separated members that must hold an offset page, or NULL */
} expect;

/* Every operation once, in an order where state-dependent ones work. */
static const expect plan[] = {
    /* Catalogue */
    {"get-an-album", 200, B_OBJECT, "tracks"},
    {"get-multiple-albums", 200, B_OBJECT, NULL},
    {"get-an-albums-tracks", 200, B_OBJECT, NULL},
    {"get-an-artist", 200, B_OBJECT, NULL},
    {"get-multiple-artists", 200, B_OBJECT, NULL},
    {"get-an-artists-albums", 200, B_OBJECT, NULL},
    {"get-an-artists-top-tracks", 200, B_OBJECT, NULL},
    {"get-an-artists-related-artists", 200, B_OBJECT, NULL},
    {"get-track", 200, B_OBJECT, NULL},
    {"get-several-tracks", 200, B_OBJECT, NULL},
    {"get-a-show", 200, B_OBJECT, "episodes"},
    {"get-multiple-shows", 200, B_OBJECT, NULL},
    {"get-a-shows-episodes", 200, B_OBJECT, NULL},
    {"get-an-episode", 200, B_OBJECT, NULL},
    {"get-multiple-episodes", 200, B_OBJECT, NULL},
    {"get-an-audiobook", 200, B_OBJECT, "chapters"},
    {"get-multiple-audiobooks", 200, B_OBJECT, NULL},
    {"get-audiobook-chapters", 200, B_OBJECT, NULL},
    {"get-a-chapter", 200, B_OBJECT, NULL},
    {"get-several-chapters", 200, B_OBJECT, NULL},
    {"search", 200, B_OBJECT, "tracks,artists,albums,playlists,shows,episodes,audiobooks"},
    {"get-several-audio-features", 200, B_OBJECT, NULL},
    {"get-audio-features", 200, B_OBJECT, NULL},
    {"get-audio-analysis", 200, B_OBJECT, NULL},
    {"get-recommendation-genres", 200, B_OBJECT, NULL},
    {"get-recommendations", 200, B_OBJECT, NULL},
    {"get-available-markets", 200, B_OBJECT, NULL},
    {"get-new-releases", 200, B_OBJECT, NULL},
    {"get-featured-playlists", 200, B_OBJECT, NULL},
    {"get-categories", 200, B_OBJECT, NULL},
    {"get-a-category", 200, B_OBJECT, NULL},
    {"get-a-categories-playlists", 200, B_OBJECT, NULL},
    /* Users */
    {"get-current-users-profile", 200, B_OBJECT, NULL},
    {"get-users-profile", 200, B_OBJECT, NULL},
    {"get-list-users-playlists", 200, B_OBJECT, NULL},
    {"get-users-top-artists", 200, B_OBJECT, NULL},
    {"get-users-top-tracks", 200, B_OBJECT, NULL},
    /* Playlists: read the seeded one, then create one and change it */
    {"get-playlist", 200, B_OBJECT, "items"},
    {"get-playlists-items", 200, B_OBJECT, NULL},
    {"get-playlists-tracks", 200, B_OBJECT, NULL},
    {"get-a-list-of-current-users-playlists", 200, B_OBJECT, NULL},
    {"create-playlist", 201, B_OBJECT, "items"},
    {"create-playlist-for-user", 201, B_OBJECT, "items"},
    {"add-items-to-playlist", 201, B_SNAPSHOT, NULL},
    {"add-tracks-to-playlist", 201, B_SNAPSHOT, NULL},
    {"reorder-or-replace-playlists-items", 200, B_SNAPSHOT, NULL},
    {"reorder-or-replace-playlists-tracks", 200, B_SNAPSHOT, NULL},
    {"remove-items-playlist", 200, B_SNAPSHOT, NULL},
    {"remove-tracks-playlist", 200, B_SNAPSHOT, NULL},
    {"change-playlist-details", 200, B_EMPTY, NULL},
    {"upload-custom-playlist-cover", 202, B_EMPTY, NULL},
    {"get-playlist-cover", 200, B_IMAGES, NULL},
    {"follow-playlist", 200, B_EMPTY, NULL},
    {"check-if-user-follows-playlist", 200, B_BOOLS, NULL},
    {"unfollow-playlist", 200, B_EMPTY, NULL},
    /* Library: save, check, remove; then the lists */
    {"save-albums-user", 200, B_EMPTY, NULL},
    {"check-users-saved-albums", 200, B_BOOLS, NULL},
    {"remove-albums-user", 200, B_EMPTY, NULL},
    {"save-tracks-user", 200, B_EMPTY, NULL},
    {"check-users-saved-tracks", 200, B_BOOLS, NULL},
    {"remove-tracks-user", 200, B_EMPTY, NULL},
    {"save-episodes-user", 200, B_EMPTY, NULL},
    {"check-users-saved-episodes", 200, B_BOOLS, NULL},
    {"remove-episodes-user", 200, B_EMPTY, NULL},
    {"save-shows-user", 200, B_EMPTY, NULL},
    {"check-users-saved-shows", 200, B_BOOLS, NULL},
    {"remove-shows-user", 200, B_EMPTY, NULL},
    {"save-audiobooks-user", 200, B_EMPTY, NULL},
    {"check-users-saved-audiobooks", 200, B_BOOLS, NULL},
    {"remove-audiobooks-user", 200, B_EMPTY, NULL},
    {"save-library-items", 200, B_EMPTY, NULL},
    {"check-library-contains", 200, B_BOOLS, NULL},
    {"remove-library-items", 200, B_EMPTY, NULL},
    {"get-users-saved-albums", 200, B_OBJECT, NULL},
    {"get-users-saved-tracks", 200, B_OBJECT, NULL},
    {"get-users-saved-episodes", 200, B_OBJECT, NULL},
    {"get-users-saved-shows", 200, B_OBJECT, NULL},
    {"get-users-saved-audiobooks", 200, B_OBJECT, NULL},
    /* Follow */
    {"follow-artists-users", 204, B_EMPTY, NULL},
    {"check-current-user-follows", 200, B_BOOLS, NULL},
    {"get-followed", 200, B_OBJECT, NULL},
    {"unfollow-artists-users", 204, B_EMPTY, NULL},
    /* Player: a device first, then commands that need an active one, pause last */
    {"get-a-users-available-devices", 200, B_OBJECT, NULL},
    {"transfer-a-users-playback", 204, B_EMPTY, NULL},
    {"start-a-users-playback", 204, B_EMPTY, NULL},
    {"get-information-about-the-users-current-playback", 200, B_OBJECT, NULL},
    {"get-the-users-currently-playing-track", 200, B_OBJECT, NULL},
    {"add-to-queue", 204, B_EMPTY, NULL},
    {"get-queue", 200, B_OBJECT, NULL},
    {"skip-users-playback-to-next-track", 204, B_EMPTY, NULL},
    {"skip-users-playback-to-previous-track", 204, B_EMPTY, NULL},
    {"seek-to-position-in-currently-playing-track", 204, B_EMPTY, NULL},
    {"set-repeat-mode-on-users-playback", 204, B_EMPTY, NULL},
    {"set-volume-for-users-playback", 204, B_EMPTY, NULL},
    {"toggle-shuffle-for-users-playback", 204, B_EMPTY, NULL},
    {"pause-a-users-playback", 204, B_EMPTY, NULL},
    {"get-recently-played", 200, B_OBJECT, NULL},
};
#define NPLAN (sizeof plan / sizeof plan[0])

/* One run against one emulator. */
typedef struct run {
    emu e;
    spotc_client *client;
    int dev;
    char *token;
    json_t *sample;     /* GET /_emulator/sample */
    char track2[64];    /* a second track (of the sample album) */
    char own[64];       /* the playlist this run created */
    char other[64];     /* a playlist of another user, to follow */
    char snapshot[128]; /* the own playlist's latest snapshot_id */
    char device[128];
    char category[64];
    char genre[64];
    json_t *before; /* stats "requests" before the operations */
    char *notes;    /* mismatches, one a line */
    size_t nnotes;
    char request[512]; /* the request line and last line received of the last call (trace) */
    char *resp_body;
} run;

/* ------------------------------------------------------------ helpers */

static void note(run *r, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    size_t old = r->notes ? strlen(r->notes) : 0;
    char *n = realloc(r->notes, old + strlen(line) + 2);
    assert_non_null(n);
    strcpy(n + old, line);
    strcat(n, "\n");
    r->notes = n;
    r->nnotes++;
}

/* Keep the request line and the last line received (the body, traced after the
 * headers; a proxy's violation list is one line of JSON) of the current call. */
static void on_trace(const char *line, void *payload)
{
    run *r = payload;
    static const char *const methods[] = {"> GET ", "> PUT ", "> POST ", "> DELETE "};
    for (size_t i = 0; i < 4; i++)
        if (strncmp(line, methods[i], strlen(methods[i])) == 0)
            snprintf(r->request, sizeof r->request, "%s", line + 2);
    if (strncmp(line, "< ", 2) == 0) {
        free(r->resp_body);
        r->resp_body = strdup(line + 2);
        assert_non_null(r->resp_body);
    }
}

static json_t *control_json(const emu *e, const char *method, const char *path, const char *body)
{
    char *out = NULL;
    int status = emu_http(e, method, path, NULL, body, &out);
    json_t *j = json_loads(out, 0, NULL);
    if (status != 200 || !j)
        fail_msg("%s %s: %d %s", method, path, status, out);
    free(out);
    return j;
}

static const char *sample(const run *r, const char *key)
{
    const char *v = json_string_value(json_object_get(r->sample, key));
    if (!v)
        fail_msg("no '%s' in /_emulator/sample", key);
    return v;
}

/* A GET through the client for the test's own setup; NULL when it fails (e.g. an
 * operation removed in development mode). The caller decrefs. */
static json_t *api_get(run *r, const char *path)
{
    spotc_response *resp = NULL;
    if (spotc_request_send(&resp, r->client, "GET", path, NULL, 0, NULL) != 0)
        return NULL;
    json_t *j = spotc_response_get_json(resp);
    json_incref(j);
    spotc_response_free(resp);
    return j;
}

/* Copy the string at a path of array indexes and member names ("items", "0", "id"). */
static void copy_at(char *dst, size_t n, json_t *j, const char *const *path, const char *fallback)
{
    for (size_t i = 0; j && path[i]; i++)
        j = json_is_array(j) ? json_array_get(j, (size_t)atoi(path[i]))
                             : json_object_get(j, path[i]);
    const char *v = json_string_value(j);
    snprintf(dst, n, "%s", v ? v : fallback);
}

/* The object at a dotted member path ("artists.items"), or NULL. */
static json_t *at_path(json_t *j, const char *dotted)
{
    char key[64];
    while (j && *dotted) {
        size_t n = strcspn(dotted, ".");
        snprintf(key, sizeof key, "%.*s", (int)n, dotted);
        j = json_object_get(j, key);
        dotted += n + (dotted[n] == '.');
    }
    return j;
}

/* ------------------------------------------------------------ setup */

static char *user_token(const emu *e)
{
    json_t *t = control_json(
        e, "POST", "/_emulator/token",
        "{\"user\":\"demo\",\"client_id\":\"spotc-demo\",\"scope\":\"" ALL_SCOPES "\"}");
    const char *tok = json_string_value(json_object_get(t, "access_token"));
    assert_non_null(tok);
    char *copy = strdup(tok);
    json_decref(t);
    return copy;
}

/* IDs that are not in the sample: a second track, a device, a category, a genre seed
 * and a playlist of another user to follow and unfollow (fallbacks where development mode
 * refuses the read). */
static void gather(run *r)
{
    char path[256];
    snprintf(path, sizeof path, "/albums/%s/tracks?limit=2", sample(r, "album"));
    json_t *j = api_get(r, path);
    copy_at(r->track2, sizeof r->track2, j, (const char *[]){"items", "1", "id", NULL},
            sample(r, "track"));
    json_decref(j);
    j = api_get(r, "/me/player/devices");
    copy_at(r->device, sizeof r->device, j, (const char *[]){"devices", "0", "id", NULL}, "");
    json_decref(j);
    j = api_get(r, "/browse/categories?limit=1");
    copy_at(r->category, sizeof r->category, j,
            (const char *[]){"categories", "items", "0", "id", NULL}, "toplists");
    json_decref(j);
    j = api_get(r, "/recommendations/available-genre-seeds");
    copy_at(r->genre, sizeof r->genre, j, (const char *[]){"genres", "0", NULL}, "rock");
    json_decref(j);
    /* the user's list holds the playlists it follows, other users' among them */
    j = api_get(r, "/me/playlists?limit=50");
    json_t *items = json_object_get(j, "items"), *pl;
    size_t i;
    json_array_foreach(items, i, pl)
    {
        const char *owner = json_string_value(at_path(pl, "owner.id"));
        const char *id = json_string_value(json_object_get(pl, "id"));
        if (owner && id && strcmp(owner, sample(r, "user")) != 0) {
            snprintf(r->other, sizeof r->other, "%s", id);
            break;
        }
    }
    json_decref(j);
    if (!r->other[0])
        fail_msg("the demo user follows no playlist of another user");
}

static run *run_start(const char *mode)
{
    run *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->dev = strcmp(mode, "development") == 0;
    emu_start(&r->e, "--mode", mode, NULL);
    r->token = user_token(&r->e);
    r->sample = control_json(&r->e, "GET", "/_emulator/sample", NULL);
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    o.access_token = r->token;
    o.max_retries = SPOTC_NO_RETRY; /* a proxy's 500 is a finding, not a blip */
    o.trace = on_trace;
    o.trace_payload = r;
    r->client = emu_client(&r->e, &o);
    gather(r);
    json_t *stats = control_json(&r->e, "GET", "/_emulator/stats", NULL);
    r->before = json_incref(json_object_get(stats, "requests"));
    json_decref(stats);
    return r;
}

static void run_free(run *r)
{
    spotc_client_free(r->client);
    emu_stop(&r->e);
    json_decref(r->sample);
    json_decref(r->before);
    free(r->token);
    free(r->notes);
    free(r->resp_body);
    free(r);
}

/* ------------------------------------------------------------ parameter values */

/* The sample key of the resource a path is about ("/me/albums/contains" -> album). */
static const char *resource_of(const char *path)
{
    static const struct {
        const char *segment, *key;
    } map[] = {
        {"albums", "album"},     {"artists", "artist"},       {"tracks", "track"},
        {"shows", "show"},       {"episodes", "episode"},     {"audiobooks", "audiobook"},
        {"chapters", "chapter"}, {"audio-features", "track"}, {"audio-analysis", "track"},
        {"following", "artist"}, {"playlists", "user"},
    };
    if (strncmp(path, "/me/", 4) == 0)
        path += 3;
    path++;
    size_t n = strcspn(path, "/");
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strlen(map[i].segment) == n && strncmp(path, map[i].segment, n) == 0)
            return map[i].key;
    return NULL;
}

static const char *ids_for(run *r, const spotc_operation *op, char *buf, size_t n)
{
    const char *key = resource_of(op->path);
    if (!key)
        return NULL;
    if (strcmp(key, "track") == 0)
        snprintf(buf, n, "%s,%s", sample(r, "track"), r->track2);
    else
        snprintf(buf, n, "%s", sample(r, key));
    return buf;
}

static const char *uris_for(run *r, const spotc_operation *op, char *buf, size_t n)
{
    if (strncmp(op->path, "/me/library", 11) == 0) {
        snprintf(buf, n,
                 "spotify:track:%s,spotify:album:%s,spotify:episode:%s,spotify:show:%s,"
                 "spotify:audiobook:%s,spotify:playlist:%s",
                 sample(r, "track"), sample(r, "album"), sample(r, "episode"), sample(r, "show"),
                 sample(r, "audiobook"), r->other);
        return buf;
    }
    if (strcmp(op->method, "POST") != 0) /* a reorder: uris would make it a replace */
        return NULL;
    snprintf(buf, n, "spotify:track:%s,spotify:track:%s,spotify:episode:%s", sample(r, "track"),
             r->track2, sample(r, "episode"));
    return buf;
}

static const char *playlist_for(run *r, const spotc_operation *op)
{
    if (strstr(op->path, "/followers"))
        return r->other;
    if (strcmp(op->method, "GET") != 0 || strstr(op->path, "/images"))
        return r->own;
    return sample(r, "playlist");
}

/* The value of one parameter, or NULL to leave an optional one out. */
static const char *value_for(run *r, const spotc_operation *op, const spotc_param_def *d, char *buf,
                             size_t n)
{
    static const struct {
        const char *name, *value;
    } fixed[] = {
        {"market", "US"},
        {"limit", "5"},
        {"time_range", "medium_term"},
        {"locale", "en_US"},
        {"include_groups", "album,single"},
        {"include_external", "audio"},
        {"additional_types", "track,episode"},
        {"volume_percent", "50"},
        {"public", "false"},
        {"collaborative", "false"},
        {"description", "Made by the coverage test"},
        {"name", "Coverage"},
        {"play", "true"},
        {"range_start", "0"},
        {"insert_before", "2"},
        {"range_length", "1"},
        {"position", "0"},
    };
    const char *name = d->name;
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        if (strcmp(name, fixed[i].name) == 0)
            return fixed[i].value;
    if (strcmp(name, "offset") == 0)
        return d->type == SPOTC_T_OBJECT ? "{\"position\":0}" : "0";
    if (strcmp(name, "position_ms") == 0)
        return d->in == SPOTC_IN_BODY ? "0" : "1000";
    if (strcmp(name, "state") == 0)
        return d->type == SPOTC_T_BOOL ? "true" : "context";
    if (strcmp(name, "type") == 0)
        return strcmp(op->path, "/search") == 0 ? SEARCH_TYPES : "artist";
    if (strcmp(name, "id") == 0)
        return resource_of(op->path) ? sample(r, resource_of(op->path)) : NULL;
    if (strcmp(name, "ids") == 0)
        return ids_for(r, op, buf, n);
    if (strcmp(name, "uris") == 0)
        return uris_for(r, op, buf, n);
    if (strcmp(name, "playlist_id") == 0)
        return playlist_for(r, op);
    if (strcmp(name, "snapshot_id") == 0)
        return r->snapshot[0] ? r->snapshot : NULL;
    if (strcmp(name, "items") == 0 || strcmp(name, "tracks") == 0) {
        /* remove-items takes out the first track, remove-tracks the second */
        snprintf(buf, n, "[{\"uri\":\"spotify:track:%s\"}]",
                 name[0] == 'i' ? sample(r, "track") : r->track2);
        return buf;
    }
    if (strcmp(name, "q") == 0)
        return sample(r, "query");
    if (strcmp(name, "user_id") == 0)
        return sample(r, "user");
    if (strcmp(name, "category_id") == 0)
        return r->category;
    if (strcmp(name, "device_id") == 0 || strcmp(name, "device_ids") == 0)
        return r->device;
    if (strcmp(name, "context_uri") == 0 || strcmp(name, "uri") == 0) {
        snprintf(buf, n, "spotify:%s:%s", name[0] == 'c' ? "album" : "track",
                 sample(r, name[0] == 'c' ? "album" : "track"));
        return buf;
    }
    if (strcmp(name, "seed_artists") == 0)
        return sample(r, "artist");
    if (strcmp(name, "seed_tracks") == 0)
        return sample(r, "track");
    if (strcmp(name, "seed_genres") == 0)
        return r->genre;
    return NULL; /* fields, cursors, timestamped_ids, tunable attributes: left out */
}

/* How many IDs or URIs a contains-check asks about. */
static size_t asked(const spotc_param *params, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(params[i].key, "ids") == 0 || strcmp(params[i].key, "uris") == 0) {
            size_t c = 1;
            for (const char *s = params[i].value; *s; s++)
                c += *s == ',';
            return c;
        }
    return 1;
}

/* ------------------------------------------------------------ shapes */

static const char *const item_types[] = {"album",   "artist",    "track",   "playlist", "show",
                                         "episode", "audiobook", "chapter", "user"};

static int is_item_type(const char *t)
{
    for (size_t i = 0; t && i < sizeof item_types / sizeof item_types[0]; i++)
        if (strcmp(t, item_types[i]) == 0)
            return 1;
    return 0;
}

/* Every object whose type is an item type carries id, uri and href (a playback
 * `context` has no id in the spec, so it is left out). Returns the first offender. */
static const char *typed_objects_bad(json_t *j, const char **missing)
{
    const char *key;
    json_t *v;
    size_t i;
    if (json_is_object(j)) {
        const char *type = json_string_value(json_object_get(j, "type"));
        static const char *const need[] = {"id", "uri", "href"};
        for (size_t k = 0; is_item_type(type) && k < 3; k++)
            if (!json_is_string(json_object_get(j, need[k]))) {
                *missing = need[k];
                return type;
            }
        json_object_foreach(j, key, v)
        {
            const char *bad = strcmp(key, "context") ? typed_objects_bad(v, missing) : NULL;
            if (bad)
                return bad;
        }
    } else if (json_is_array(j)) {
        json_array_foreach(j, i, v)
        {
            const char *bad = typed_objects_bad(v, missing);
            if (bad)
                return bad;
        }
    }
    return NULL;
}

static int nullable_string(json_t *v)
{
    return json_is_string(v) || json_is_null(v);
}

/* The members a page must have; NULL when they are all there. */
static const char *page_bad(json_t *page, spotc_paging_kind kind)
{
    if (!json_is_object(page))
        return "the page is not an object";
    if (!json_is_array(json_object_get(page, "items")))
        return "items";
    if (!json_is_string(json_object_get(page, "href")))
        return "href";
    if (!json_is_integer(json_object_get(page, "limit")))
        return "limit";
    if (!nullable_string(json_object_get(page, "next")))
        return "next";
    if (!json_is_integer(json_object_get(page, "total")))
        return "total";
    if (kind == SPOTC_PAGING_CURSOR)
        return json_is_object(json_object_get(page, "cursors")) ? NULL : "cursors";
    if (!json_is_integer(json_object_get(page, "offset")))
        return "offset";
    return nullable_string(json_object_get(page, "previous")) ? NULL : "previous";
}

/* The object that holds the items array ("artists" for "artists.items"). */
static json_t *items_parent(json_t *j, const char *items_key)
{
    const char *dot = strrchr(items_key, '.');
    if (!dot)
        return j;
    char parent[64];
    snprintf(parent, sizeof parent, "%.*s", (int)(dot - items_key), items_key);
    return at_path(j, parent);
}

static void check_object(run *r, const spotc_operation *op, const expect *x, json_t *j)
{
    if (!json_is_object(j)) {
        note(r, "%s: the body is not a JSON object", op->id);
        return;
    }
    if (op->items_key && !json_is_array(at_path(j, op->items_key)))
        note(r, "%s: no array at '%s'", op->id, op->items_key);
    const char *bad;
    if (op->paging != SPOTC_PAGING_NONE && op->items_key &&
        (bad = page_bad(items_parent(j, op->items_key), op->paging)))
        note(r, "%s: the %s page lacks '%s'", op->id,
             op->paging == SPOTC_PAGING_CURSOR ? "cursor" : "offset", bad);
    for (const char *p = x->pages; p && *p;) {
        char key[32];
        size_t n = strcspn(p, ",");
        snprintf(key, sizeof key, "%.*s", (int)n, p);
        if ((bad = page_bad(json_object_get(j, key), SPOTC_PAGING_OFFSET)))
            note(r, "%s: member '%s' is not a full page (%s)", op->id, key, bad);
        p += n + (p[n] == ',');
    }
    const char *missing = NULL;
    if ((bad = typed_objects_bad(j, &missing)))
        note(r, "%s: an object of type '%s' has no string '%s'", op->id, bad, missing);
}

static void check_array(run *r, const spotc_operation *op, json_t *j, body_kind kind, size_t want)
{
    size_t i;
    json_t *v;
    if (!json_is_array(j)) {
        note(r, "%s: the body is not a JSON array", op->id);
        return;
    }
    if (kind == B_BOOLS && json_array_size(j) != want)
        note(r, "%s: %zu booleans for %zu IDs", op->id, json_array_size(j), want);
    json_array_foreach(j, i, v)
    {
        int ok = kind == B_BOOLS ? json_is_boolean(v) : json_is_string(json_object_get(v, "url"));
        if (!ok) {
            note(r, "%s: element %zu is not a %s", op->id, i,
                 kind == B_BOOLS ? "boolean" : "image with a url");
            return;
        }
    }
}

/* Check the body of a 2xx answer and keep what later calls need. */
static void check_body(run *r, const spotc_operation *op, const expect *x, spotc_response *resp,
                       size_t nasked)
{
    size_t len = 0;
    const char *raw = resp ? spotc_response_get_body(resp, &len) : "";
    json_t *j = resp ? spotc_response_get_json(resp) : NULL;
    if (x->body == B_EMPTY) {
        if (len)
            note(r, "%s: expected no body, got '%.200s'", op->id, raw);
        return;
    }
    if (!j) {
        note(r, "%s: the body is not JSON: '%.200s'", op->id, raw);
        return;
    }
    if (x->body == B_BOOLS || x->body == B_IMAGES) {
        check_array(r, op, j, x->body, nasked);
        return;
    }
    if (x->body == B_OBJECT)
        check_object(r, op, x, j);
    const char *snap = json_string_value(json_object_get(j, "snapshot_id"));
    if (x->body == B_SNAPSHOT && !snap)
        note(r, "%s: no snapshot_id", op->id);
    if (strcmp(op->id, "create-playlist") == 0)
        copy_at(r->own, sizeof r->own, j, (const char *[]){"id", NULL}, "");
    if (snap && (x->body == B_SNAPSHOT || strcmp(op->id, "create-playlist") == 0))
        snprintf(r->snapshot, sizeof r->snapshot, "%s", snap);
}

/* ------------------------------------------------------------ calls */

/* The cover is the one operation whose body is not JSON: the library has its own
 * call for it (a base64 JPEG sent as image/jpeg). */
static int upload_cover(run *r)
{
    static const unsigned char tiny_jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J',  'F',
                                              'I',  'F',  0x00, 0x01, 0x01, 0x00, 0xFF, 0xD9};
    snprintf(r->request, sizeof r->request, "PUT /v1/playlists/%s/images (image/jpeg)", r->own);
    int rc = spotc_playlist_upload_cover(r->client, r->own, tiny_jpeg, sizeof tiny_jpeg);
    return rc == 0 ? 202 : spotc_client_last_error(r->client)->http_status;
}

static void call_one(run *r, const expect *x)
{
    const spotc_operation *op = spotc_operation_find(x->op);
    assert_non_null(op);
    spotc_param *params = calloc(op->nparams + 1, sizeof *params);
    char(*vals)[VALUE_MAX] = calloc(op->nparams + 1, VALUE_MAX);
    assert_true(params && vals);
    size_t n = 0;
    for (size_t i = 0; i < op->nparams; i++) {
        const char *v = value_for(r, op, &op->params[i], vals[i], VALUE_MAX);
        if (v)
            params[n++] = (spotc_param){op->params[i].name, v};
        else if (op->params[i].required)
            fail_msg("%s: no value for required parameter '%s'", op->id, op->params[i].name);
    }
    r->request[0] = 0;
    free(r->resp_body);
    r->resp_body = NULL;
    int want = r->dev && op->deprecated ? 403 : x->status, status, rc = 0;
    spotc_response *resp = NULL;
    if (strcmp(op->id, "upload-custom-playlist-cover") == 0) {
        status = upload_cover(r);
    } else {
        rc = spotc_operation_call(&resp, r->client, op->id, params, n, NULL);
        status = rc == 0 ? spotc_response_get_status(resp)
                         : spotc_client_last_error(r->client)->http_status;
    }
    if (status != want)
        note(r, "%s (deprecated=%d): HTTP %d, expected %d; %s; %.1500s", op->id, op->deprecated,
             status, want, r->request, r->resp_body ? r->resp_body : "");
    else if (want == 403 && rc != SPOTC_EFORBIDDEN)
        note(r, "%s: a 403 gave spotc code %d, not SPOTC_EFORBIDDEN", op->id, rc);
    else if (want != 403)
        check_body(r, op, x, resp, asked(params, n));
    spotc_response_free(resp);
    free(params);
    free(vals);
}

/* ------------------------------------------------------------ statistics */

/* Patterns compare segment by segment, any {name} matching any other. */
static int same_route(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a == '{' && *b == '{') {
            a += strcspn(a, "}");
            b += strcspn(b, "}");
        }
        if (*a++ != *b++)
            return 0;
    }
    return *a == *b;
}

/* Requests counted for an operation's route (with one status, or all when NULL). */
static long route_count(json_t *requests, const spotc_operation *op, const char *status)
{
    char want[256];
    snprintf(want, sizeof want, "%s /v1%s", op->method, op->path);
    const char *key;
    json_t *by_status, *v;
    long total = 0;
    json_object_foreach(requests, key, by_status)
    {
        if (!same_route(key, want))
            continue;
        const char *s;
        json_object_foreach(by_status, s, v)
        {
            if (!status || strcmp(s, status) == 0)
                total += (long)json_integer_value(v);
        }
    }
    return total;
}

static void check_stats(run *r)
{
    json_t *stats = control_json(&r->e, "GET", "/_emulator/stats", NULL);
    json_t *after = json_object_get(stats, "requests");
    for (size_t i = 0; i < NPLAN; i++) {
        const spotc_operation *op = spotc_operation_find(plan[i].op);
        char status[8];
        snprintf(status, sizeof status, "%d", r->dev && op->deprecated ? 403 : plan[i].status);
        if (route_count(after, op, NULL) <= route_count(r->before, op, NULL))
            note(r, "%s: the emulator's stats show no request for %s /v1%s", op->id, op->method,
                 op->path);
        else if (route_count(after, op, status) <= route_count(r->before, op, status))
            note(r, "%s: the emulator's stats show no %s answer for %s /v1%s", op->id, status,
                 op->method, op->path);
    }
    json_decref(stats);
}

static void run_mode(const char *mode)
{
    run *r = run_start(mode);
    for (size_t i = 0; i < NPLAN; i++)
        call_one(r, &plan[i]);
    check_stats(r);
    if (r->nnotes) /* not print_message(): its buffer would cut the list short */
        fprintf(stderr, "--mode %s: %zu mismatches\n%s", mode, r->nnotes, r->notes);
    size_t nnotes = r->nnotes;
    run_free(r);
    assert_int_equal(nnotes, 0);
}

/* ------------------------------------------------------------ tests */

/* The plan names every operation of the library's table exactly once. */
static void test_plan_covers_table(void **state)
{
    (void)state;
    assert_int_equal(spotc_operation_count(), NPLAN);
    for (size_t i = 0; i < spotc_operation_count(); i++) {
        const spotc_operation *op = spotc_operation_get_at(i);
        size_t seen = 0;
        for (size_t k = 0; k < NPLAN; k++)
            seen += strcmp(plan[k].op, op->id) == 0;
        if (seen != 1)
            fail_msg("%s appears %zu times in the plan", op->id, seen);
    }
}

static void test_extended(void **state)
{
    (void)state;
    run_mode("extended");
}

static void test_development(void **state)
{
    (void)state;
    run_mode("development");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_covers_table),
        cmocka_unit_test(test_extended),
        cmocka_unit_test(test_development),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
