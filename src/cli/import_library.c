/*
 * spotc library import FILE: restore a `library export` into the logged-in account.
 * Saved tracks, albums, shows, episodes, audiobooks, followed artists and followed playlists
 * go back with save-library-items (a PUT: the batch engine sends 40 URIs a request and may
 * replay it safely), oldest first so that the newest stays on top. Each owned playlist is
 * created again and filled as `playlist import` does (chunks of 100, ambiguous adds checked).
 * Items that cannot be added (local files, null items) are reported and skipped.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "export.h"

/* Where each section keeps an item's URI: inside the saved wrapper, or on the object. */
static const struct {
    const char *key, *inner;
} saved[] = {
    {"tracks", "track"},       {"albums", "album"},           {"shows", "show"},
    {"episodes", "episode"},   {"audiobooks", "audiobook"},   {"artists", NULL},
};

static int add_uri(import_source *all, const char *uri)
{
    return uri && *uri ? import_source_add(all, uri) : 0;
}

/* Every URI to save, each section oldest first. @return 0 or -1 (out of memory). */
static int saved_uris(const json_t *doc, import_source *all)
{
    for (size_t s = 0; s < sizeof saved / sizeof saved[0]; s++) {
        const json_t *items = json_object_get(doc, saved[s].key);
        for (size_t i = json_array_size(items); i-- > 0;) {
            const json_t *o = json_array_get(items, i);
            if (saved[s].inner)
                o = json_object_get(o, saved[s].inner);
            if (add_uri(all, json_string_value(json_object_get(o, "uri"))) < 0)
                return -1;
        }
    }
    const json_t *pls = json_object_get(doc, "playlists");
    for (size_t i = 0; i < json_array_size(pls); i++) {
        const json_t *f = json_object_get(json_array_get(pls, i), "followed");
        if (add_uri(all, json_string_value(json_object_get(f, "uri"))) < 0)
            return -1;
    }
    return 0;
}

/* SAVE_CHUNK URIs a request: /me/library's maximum (a PUT, safe to replay). */
#define SAVE_CHUNK 40

static int save_chunk(spotc_client *client, char *const *uris, size_t n)
{
    char *list = import_join(uris, n);
    if (!list)
        return SPOTC_ENOMEM;
    const spotc_param params[1] = {{"uris", list}};
    int rc = spotc_operation_call(NULL, client, "save-library-items", params, 1, NULL);
    free(list);
    return rc;
}

static int restore_saved(cli_ctx *ctx, spotc_client *client, const json_t *doc)
{
    import_source all = {0};
    int rc = saved_uris(doc, &all) < 0 ? SPOTC_ENOMEM : 0;
    for (size_t at = 0; rc == 0 && at < all.count; at += SAVE_CHUNK)
        rc = save_chunk(client, all.uris + at,
                        all.count - at < SAVE_CHUNK ? all.count - at : SAVE_CHUNK);
    if (rc == 0 && !ctx->quiet)
        fprintf(stderr, "Saved %zu items and follows\n", all.count);
    import_source_free(&all);
    return rc < 0 ? cli_fail(ctx, rc) : 0;
}

static int restore_playlists(cli_ctx *ctx, spotc_client *client, const json_t *doc,
                             const char *file, size_t *skipped)
{
    const json_t *pls = json_object_get(doc, "playlists");
    int rc = 0;
    /* Oldest first: the list is newest first, and so is the new account's afterwards. */
    for (size_t i = json_array_size(pls); rc == 0 && i-- > 0;) {
        const json_t *pl = json_array_get(pls, i);
        const json_t *meta = json_object_get(pl, "playlist");
        if (!meta)
            continue;
        char where[64], id[64];
        snprintf(where, sizeof where, "%s: playlist %zu", file, i + 1);
        import_source src = {0};
        rc = import_source_items(&src, where, meta, json_object_get(pl, "items"));
        if (rc == 0)
            rc = import_new_playlist(ctx, client, &src, NULL, "Imported playlist", id, sizeof id);
        if (rc == 0 && !ctx->quiet)
            fprintf(stderr, "Playlist %s: %zu items into %s\n", src.name ? src.name : "?",
                    src.count, id);
        *skipped += src.skipped;
        import_source_free(&src);
    }
    return rc;
}

int import_library_run(cli_ctx *ctx, const char *file)
{
    spotc_client *client;
    int rc = cli_user_client(ctx, &client);
    if (rc)
        return rc;
    json_error_t err;
    json_t *doc = json_load_file(file, 0, &err);
    if (!doc || !json_object_get(doc, "spotc_library")) {
        cli_errorf("%s: not a spotc library export%s%s", file, doc ? "" : ": ", doc ? "" : err.text);
        json_decref(doc);
        return CLI_EXIT_USAGE;
    }
    size_t skipped = 0;
    if ((rc = restore_saved(ctx, client, doc)) == 0)
        rc = restore_playlists(ctx, client, doc, file, &skipped);
    json_decref(doc);
    if (rc == 0 && skipped) {
        cli_errorf("%zu playlist items skipped (listed above)", skipped);
        rc = CLI_EXIT_ERROR;
    }
    return rc;
}
