/*
 * spotc playlist import FILE [--name NAME | --into ID] [--resume]: nothing lost, nothing
 * doubled.
 *
 * Items are added 100 a request (Spotify's maximum: 10,000 items take 1 create + 100 adds).
 * An add is a POST, which the library rightly never replays; when one fails in a way that
 * leaves its fate unknown (a reset or timeout after the request left, a cut answer, a 5xx),
 * the playlist is read back: its length says whether the chunk landed, and its tail is checked
 * against the source before anything more is sent. The journal (import_journal.c) makes an
 * interrupted import resumable the same way: the playlist's length is where to go on.
 */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "export.h"
#include "fetch.h"

#define CHUNK 100
/* Failed adds in a row, each checked and resent, before the import gives up (resumable). */
#define MAX_ATTEMPTS 8
/* Items at the playlist's end compared with the source after a check. */
#define TAIL 5

typedef struct import_state {
    cli_ctx *ctx;
    spotc_client *client;
    const char *playlist;
    long base;
    const import_source *src;
} import_state;

/* The playlist's length (items.total, or tracks.total on older answers), or -1 (reported). */
static long playlist_length(import_state *s)
{
    const spotc_param p[2] = {{"playlist_id", s->playlist},
                              {"fields", "snapshot_id,items.total,tracks.total"}};
    json_t *doc = NULL;
    if (cli_call_json(s->ctx, "get-playlist", p, 2, &doc) != 0)
        return -1;
    json_t *total = json_object_get(json_object_get(doc, "items"), "total");
    if (!json_is_integer(total))
        total = json_object_get(json_object_get(doc, "tracks"), "total");
    long n = json_is_integer(total) ? (long)json_integer_value(total) : -1;
    json_decref(doc);
    if (n < 0)
        cli_errorf("GET /playlists/%s: no items total in the answer", s->playlist);
    return n;
}

/* Whether the playlist's `done` imported items end with the source's items before `done`. */
static int tail_matches(import_state *s, size_t done)
{
    size_t m = done < TAIL ? done : TAIL;
    if (m == 0)
        return 1;
    char offset[32], limit[16];
    snprintf(offset, sizeof offset, "%ld", s->base + (long)(done - m));
    snprintf(limit, sizeof limit, "%zu", m);
    const spotc_param p[4] = {{"playlist_id", s->playlist}, {"offset", offset}, {"limit", limit},
                              {"fields", "items(item.uri,track.uri)"}};
    json_t *doc = NULL;
    if (cli_call_json(s->ctx, "get-playlists-items", p, 4, &doc) != 0)
        return -1;
    json_t *items = json_object_get(doc, "items");
    int ok = json_array_size(items) == m;
    for (size_t i = 0; ok && i < m; i++) {
        const char *uri = json_string_value(
            json_object_get(export_item_object(json_array_get(items, i)), "uri"));
        ok = uri && strcmp(uri, s->src->uris[done - m + i]) == 0;
    }
    json_decref(doc);
    return ok;
}

/* How many of the source's items the playlist holds, checked; -1 when it does not match. */
static long landed(import_state *s)
{
    long len = playlist_length(s);
    if (len < 0)
        return -1;
    long done = len - s->base;
    int tail = done >= 0 && (size_t)done <= s->src->count ? tail_matches(s, (size_t)done) : 0;
    if (tail == 0)
        cli_errorf("playlist %s has %ld items, which are not the first items of the import: it "
                   "was changed meanwhile; nothing more is added",
                   s->playlist, len);
    return tail == 1 ? done : -1;
}

/* A failure after which the chunk may or may not have landed. */
static int ambiguous(int rc)
{
    const spotc_error *e = spotc_error_last();
    return rc == SPOTC_ENETWORK || rc == SPOTC_EJSON || rc == SPOTC_ERROR ||
           rc == SPOTC_ETIMEOUT || (rc == SPOTC_EHTTP && e->http_status >= 500);
}

static int add_chunk(import_state *s, size_t from, size_t n)
{
    char *list = import_join(s->src->uris + from, n);
    if (!list)
        return SPOTC_ENOMEM;
    const spotc_param params[2] = {{"playlist_id", s->playlist}, {"uris", list}};
    int rc = spotc_operation_call(NULL, s->client, "add-items-to-playlist", params, 2, NULL);
    free(list);
    return rc;
}

/* `fresh`: the playlist was just created, so nothing needs reading back before the first add. */
static int add_all(import_state *s, int fresh)
{
    long done = fresh ? 0 : landed(s);
    int attempts = 0;
    size_t count = s->src->count;
    while (done >= 0 && (size_t)done < count) {
        size_t n = count - (size_t)done < CHUNK ? count - (size_t)done : CHUNK;
        int rc = add_chunk(s, (size_t)done, n);
        if (rc == 0) {
            done += (long)n, attempts = 0;
            continue;
        }
        if (!ambiguous(rc) || ++attempts >= MAX_ATTEMPTS)
            return cli_fail(s->ctx, rc);
        if (!s->ctx->quiet)
            fprintf(stderr, "spotc: adding items %ld-%ld: %s; reading the playlist back\n",
                    done + 1, done + (long)n, spotc_error_last()->message);
        done = landed(s);
    }
    return done < 0 ? CLI_EXIT_ERROR : 0;
}

static int create(import_state *s, const char *name, const char *file, char *id, size_t idlen);

int import_new_playlist(cli_ctx *ctx, spotc_client *client, const import_source *src,
                        const char *name, const char *fallback, char *id, size_t idlen)
{
    import_state s = {.ctx = ctx, .client = client, .src = src};
    int rc = create(&s, name, fallback, id, idlen);
    if (rc == 0) {
        s.playlist = id;
        rc = add_all(&s, 1);
    }
    return rc;
}

static int create(import_state *s, const char *name, const char *file, char *id, size_t idlen)
{
    char *copy = strdup(file);
    if (!copy)
        return CLI_EXIT_ERROR;
    const char *title = name ? name : s->src->name ? s->src->name : basename(copy);
    spotc_param p[3] = {{"name", title}};
    size_t n = 1;
    if (s->src->description && *s->src->description)
        p[n++] = (spotc_param){"description", s->src->description};
    if (s->src->is_public >= 0)
        p[n++] = (spotc_param){"public", s->src->is_public ? "true" : "false"};
    json_t *doc = NULL;
    int rc = cli_call_json(s->ctx, "create-playlist", p, n, &doc);
    free(copy);
    const char *got = json_string_value(json_object_get(doc, "id"));
    if (rc == 0 && (!got || strlen(got) >= idlen)) {
        cli_errorf("POST /me/playlists: no playlist id in the answer");
        rc = CLI_EXIT_BAD_RESPONSE;
    }
    if (rc == 0)
        snprintf(id, idlen, "%s", got);
    json_decref(doc);
    return rc;
}

/* Where the import goes: the journal's playlist (--resume), --into's, or a new one. */
static int start(import_state *s, import_journal *j, const char *jpath, const char *file,
                 const char *name, const char *into, int resume, int *fresh)
{
    int have = import_journal_load(jpath, j);
    if (have < 0)
        return CLI_EXIT_ERROR;
    if (have && !resume) {
        cli_errorf("%s: an import of this file was interrupted (journal %s): add --resume to "
                   "finish it, or delete the journal to start over",
                   file, jpath);
        return CLI_EXIT_USAGE;
    }
    if (!have && resume) {
        cli_errorf("%s: no interrupted import to resume (no %s)", file, jpath);
        return CLI_EXIT_USAGE;
    }
    if (have && (j->hash != s->src->hash || j->count != s->src->count)) {
        cli_errorf("%s: the file changed since the interrupted import (journal %s)", file, jpath);
        return CLI_EXIT_USAGE;
    }
    if (have)
        return 0;
    int rc = 0;
    *fresh = !into;
    if (into) {
        snprintf(j->playlist_id, sizeof j->playlist_id, "%s", into);
        s->playlist = j->playlist_id;
        if ((j->base = playlist_length(s)) < 0)
            return CLI_EXIT_ERROR;
    } else if ((rc = create(s, name, file, j->playlist_id, sizeof j->playlist_id)) != 0) {
        return rc;
    }
    j->count = s->src->count;
    j->hash = s->src->hash;
    return import_journal_save(jpath, j) < 0 ? CLI_EXIT_ERROR : 0;
}

int import_playlist_run(cli_ctx *ctx, const char *file, const char *name, const char *into,
                        int resume)
{
    import_source src = {0};
    import_journal j;
    import_state s = {.ctx = ctx, .src = &src};
    int rc = cli_user_client(ctx, &s.client);
    if (rc || (rc = import_source_read(file, &src)) != 0)
        return rc;
    char *jpath = import_journal_path(file);
    if (!jpath)
        rc = CLI_EXIT_ERROR;
    int fresh = 0;
    if (rc == 0 && (rc = start(&s, &j, jpath, file, name, into, resume, &fresh)) == 0) {
        s.playlist = j.playlist_id;
        s.base = j.base;
        rc = add_all(&s, fresh);
    }
    if (rc == 0) {
        unlink(jpath);
        printf("%s\n", j.playlist_id);
        if (!ctx->quiet)
            fprintf(stderr, "Imported %zu items into playlist %s\n", src.count, j.playlist_id);
        if (src.skipped) {
            cli_errorf("%zu items skipped (listed above)", src.skipped);
            rc = CLI_EXIT_ERROR;
        }
    }
    free(jpath);
    import_source_free(&src);
    return rc;
}
