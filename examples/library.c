/*
 * library: the user's library ("Your Library"): save items, check whether they
 * are saved, remove them, list the saved tracks.
 *
 *   cc library.c $(pkg-config --cflags --libs spotc) -o library
 *   ./library save spotify:track:ID spotify:album:ID ...
 *   ./library contains spotify:track:ID ...      # "yes" or "no" for each, in order
 *   ./library remove spotify:track:ID ...
 *   ./library tracks [N]                          # the N (default 10) newest saved tracks
 *
 * Items are Spotify URIs or open.spotify.com links of tracks, albums, shows,
 * episodes, audiobooks, playlists, artists or users (one call saves any mix of
 * them: /me/library). Exit status: 0, 1 when a call failed, 2 for bad usage.
 * Needs a user token with user-library-read and user-library-modify
 * (example_client.h says where the token comes from).
 *
 * Against a local spotc-emulator instead of Spotify:
 *
 *   spotc-emulator --port 0 &      # prints: spotc-emulator listening on http://127.0.0.1:PORT
 *   export SPOTC_API_BASE=http://127.0.0.1:PORT/v1 SPOTC_ACCOUNTS_BASE=http://127.0.0.1:PORT
 *   SCOPES="user-library-read user-library-modify"
 *   export SPOTIFY_ACCESS_TOKEN=$(curl -s -d "{\"user\":\"demo\",\"scope\":\"$SCOPES\"}" \
 *       http://127.0.0.1:PORT/_emulator/token | jq -r .access_token)
 *   ./library save spotify:track:$(curl -s http://127.0.0.1:PORT/_emulator/sample | jq -r .track)
 *
 * (or, instead of the token: SPOTIFY_CLIENT_ID=spotc-demo spotc auth login, and log in as
 * demo/demo in the page it opens).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

#include "example_client.h"

#define PROG "library"

/* Ask about every item at once (the library sends 40 a request) and print one
 * answer a line, in the order asked. */
static int contains(spotc_client *client, const char *const *uris, size_t count)
{
    bool *saved = NULL;
    int rc = spotc_library_contains(&saved, client, uris, count, NULL);
    if (rc != 0)
        return example_failed(PROG, client, "cannot check the library", rc);
    for (size_t i = 0; i < count; i++)
        printf("%s\t%s\n", saved[i] ? "yes" : "no", uris[i]);
    spotc_free(saved); /* the library's memory: never free() */
    return 0;
}

/* The newest saved tracks, with when they were saved. */
static int tracks(spotc_client *client, int n)
{
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.all = 1;       /* follow the pages ... */
    po.max_items = n; /* ... up to n items */
    spotc_saved_track_list *list = NULL;
    int rc = spotc_library_list_tracks(&list, client, NULL, &po);
    if (rc != 0)
        return example_failed(PROG, client, "cannot list the saved tracks", rc);
    for (size_t i = 0; i < list->count; i++) {
        const spotc_saved_track *s = list->items[i];
        if (s && s->track)
            printf("%s\t%s\t%s\n", s->added_at ? s->added_at : "?",
                   s->track->name ? s->track->name : "?", s->track->uri ? s->track->uri : "-");
    }
    printf("%zu of %d saved tracks\n", list->count, list->page.total);
    spotc_saved_track_list_free(list);
    return 0;
}

static int run(spotc_client *client, const char *command, const char *const *args, size_t n)
{
    int rc;
    if (strcmp(command, "tracks") == 0)
        return tracks(client, n ? atoi(args[0]) : 10);
    if (strcmp(command, "contains") == 0)
        return contains(client, args, n);
    /* Any number of items: sent in chunks, in order; a malformed one (a bare ID has
     * no type) is refused before anything is sent. */
    if (strcmp(command, "save") == 0)
        rc = spotc_library_save(client, args, n, NULL);
    else
        rc = spotc_library_remove(client, args, n, NULL);
    if (rc != 0)
        return example_failed(PROG, client, command, rc);
    printf("%s: %zu items\n", strcmp(command, "save") == 0 ? "saved" : "removed", n);
    return 0;
}

static int usage(const char *argv0)
{
    fprintf(stderr,
            "usage: %s save|contains|remove URI...\n"
            "       %s tracks [N]\n",
            argv0, argv0);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage(argv[0]);
    const char *command = argv[1];
    int listing = strcmp(command, "tracks") == 0;
    int known = listing || strcmp(command, "save") == 0 || strcmp(command, "contains") == 0 ||
                strcmp(command, "remove") == 0;
    if (!known || (listing ? argc > 3 || (argc == 3 && atoi(argv[2]) <= 0) : argc < 3))
        return usage(argv[0]);
    spotc_token_store *store = NULL;
    spotc_client *client = example_client(PROG, &store);
    int status =
        client ? run(client, command, (const char *const *)argv + 2, (size_t)(argc - 2)) : 1;
    spotc_client_free(client);
    spotc_token_store_file_free(store);
    return status;
}
