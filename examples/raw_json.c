/*
 * raw_json: read fields the typed models do not carry, straight from the JSON
 * Spotify sent, with jansson.
 *
 * Every model starts with `json`, the object as it came (a json_t, borrowed from
 * the model), and a pager hands out each page's items as a json_t array: a field
 * Spotify adds tomorrow, or one libspotc leaves untyped, is a json_object_get()
 * away. This prints a playlist's header from its model and raw JSON, then, for
 * each of its items, the values at the dotted paths given ("item.album.name",
 * "item.artists.0.name": a number picks an array element).
 *
 *   cc raw_json.c $(pkg-config --cflags --libs spotc) -o raw_json
 *   ./raw_json PLAYLIST [PATH...]
 *
 * PLAYLIST is a Spotify URI, an open.spotify.com link or an ID. Without paths:
 * added_at, added_by.id, item.name and item.external_urls.spotify. One line an
 * item, the values tab-separated; strings as they are, objects and arrays as
 * compact JSON, "-" where the path leads nowhere. Exit status: 0, 1 when a call
 * failed, 2 for bad usage. Needs a user token with playlist-read-private
 * (example_client.h says where the token comes from). `pkg-config --libs spotc`
 * links jansson too: json_t is part of libspotc's API.
 *
 * Against a local spotc-emulator instead of Spotify:
 *
 *   spotc-emulator --port 0 &      # prints: spotc-emulator listening on http://127.0.0.1:PORT
 *   export SPOTC_API_BASE=http://127.0.0.1:PORT/v1 SPOTC_ACCOUNTS_BASE=http://127.0.0.1:PORT
 *   export SPOTIFY_ACCESS_TOKEN=$(curl -s -d '{"user":"demo","scope":"playlist-read-private"}' \
 *       http://127.0.0.1:PORT/_emulator/token | jq -r .access_token)
 *   ./raw_json $(curl -s http://127.0.0.1:PORT/_emulator/sample | jq -r .playlist) \
 *       added_at item.album.release_date item.artists.0.name
 *
 * (or, instead of the token: SPOTIFY_CLIENT_ID=spotc-demo spotc auth login, and log in as
 * demo/demo in the page it opens).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <spotc.h>

#include "example_client.h"

#define PROG "raw_json"

/* The value at a dotted path: members of objects by name, elements of arrays by
 * index. NULL when any step is missing. The result is borrowed from `j`. */
static json_t *at_path(json_t *j, const char *path)
{
    char step[128];
    while (j && *path) {
        size_t n = strcspn(path, ".");
        snprintf(step, sizeof step, "%.*s", (int)n, path);
        j = json_is_array(j) ? json_array_get(j, strtoul(step, NULL, 10))
                             : json_object_get(j, step);
        path += n + (path[n] == '.');
    }
    return j;
}

/* Strings as they are, null as "null", anything else as compact JSON text. */
static void print_value(json_t *v)
{
    if (!v) {
        fputs("-", stdout);
    } else if (json_is_string(v)) {
        fputs(json_string_value(v), stdout);
    } else {
        char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        fputs(text ? text : "?", stdout);
        free(text); /* jansson's memory, from its allocator (malloc unless changed) */
    }
}

/* The header: typed fields where the model has them, the raw JSON for the rest
 * (the model types followers.total, not the followers object's href). */
static int header(spotc_client *client, const char *playlist, char *id, size_t id_len)
{
    spotc_playlist *p = NULL;
    int rc = spotc_playlist_get(&p, client, playlist, NULL);
    if (rc != 0)
        return example_failed(PROG, client, "cannot read the playlist", rc);
    printf("# %s (%d items) by ", p->name ? p->name : "?", p->total_items);
    print_value(at_path(p->json, "owner.display_name"));
    printf(", followers.href ");
    print_value(at_path(p->json, "followers.href"));
    printf("\n");
    snprintf(id, id_len, "%s", p->id ? p->id : "");
    spotc_playlist_free(p); /* p->json, and every value read from it, go with it */
    return 0;
}

/* Page through the items as raw JSON: spotc_pager_next() gives each page's items
 * array (borrowed until the next call). */
static int items(spotc_client *client, const char *id, const char *const *paths, size_t npaths)
{
    spotc_param params[] = {{"playlist_id", id}};
    spotc_pager *pager = NULL;
    int rc = spotc_pager_new(&pager, client, "get-playlists-items", params, 1, NULL);
    if (rc != 0)
        return example_failed(PROG, client, "cannot read the items", rc);
    json_t *page;
    while ((rc = spotc_pager_next(pager, &page)) == 1) {
        size_t i;
        json_t *item;
        json_array_foreach(page, i, item)
        {
            for (size_t k = 0; k < npaths; k++) {
                if (k)
                    fputc('\t', stdout);
                print_value(at_path(item, paths[k]));
            }
            fputc('\n', stdout);
        }
    }
    spotc_pager_free(pager);
    return rc < 0 ? example_failed(PROG, client, "cannot read the next page", rc) : 0;
}

int main(int argc, char **argv)
{
    static const char *const defaults[] = {"added_at", "added_by.id", "item.name",
                                           "item.external_urls.spotify"};
    if (argc < 2) {
        fprintf(stderr,
                "usage: %s PLAYLIST [PATH...]\n"
                "  PATH: dotted members of each item, e.g. item.album.name, "
                "item.artists.0.name\n",
                argv[0]);
        return 2;
    }
    const char *const *paths = argc > 2 ? (const char *const *)argv + 2 : defaults;
    size_t npaths = argc > 2 ? (size_t)(argc - 2) : sizeof defaults / sizeof defaults[0];
    spotc_token_store *store = NULL;
    spotc_client *client = example_client(PROG, &store);
    char id[128];
    int status = client ? header(client, argv[1], id, sizeof id) : 1;
    if (status == 0)
        status = items(client, id, paths, npaths);
    spotc_client_free(client);
    spotc_token_store_file_free(store);
    return status;
}
