/*
 * playlist: create a playlist, add tracks to it, move the last one to the top,
 * and list the items through the typed pager.
 *
 *   cc playlist.c $(pkg-config --cflags --libs spotc) -o playlist
 *   ./playlist "Road trip" spotify:track:ID https://open.spotify.com/track/ID ID ...
 *
 * Prints the new playlist's ID, then its items in order, one a line
 * ("POSITION<TAB>NAME<TAB>URI"). Exit status: 0, 1 when a call failed, 2 for
 * bad usage. Needs a user token with playlist-modify-private and
 * playlist-read-private (example_client.h says where the token comes from).
 *
 * Against a local spotc-emulator instead of Spotify:
 *
 *   spotc-emulator --port 0 &      # prints: spotc-emulator listening on http://127.0.0.1:PORT
 *   export SPOTC_API_BASE=http://127.0.0.1:PORT/v1 SPOTC_ACCOUNTS_BASE=http://127.0.0.1:PORT
 *   SCOPES="playlist-modify-private playlist-read-private"
 *   export SPOTIFY_ACCESS_TOKEN=$(curl -s -d "{\"user\":\"demo\",\"scope\":\"$SCOPES\"}" \
 *       http://127.0.0.1:PORT/_emulator/token | jq -r .access_token)
 *   ./playlist "Road trip" $(curl -s http://127.0.0.1:PORT/_emulator/sample | jq -r .track)
 *
 * (or, instead of the token: SPOTIFY_CLIENT_ID=spotc-demo spotc auth login, and log in as
 * demo/demo in the page it opens).
 */
#include <stdio.h>
#include <string.h>

#include <spotc.h>

#include "example_client.h"

#define PROG "playlist"

/* Page through the items with the typed pager: each page is a
 * spotc_playlist_item_list of its own, valid after the pager moves on. Two items a
 * page, to show the paging; a real program would leave the limit at 0 (the most). */
static int list_items(spotc_client *client, const char *playlist_id)
{
    spotc_param params[] = {{"playlist_id", playlist_id}};
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.limit = 2;
    spotc_pager *pager = NULL;
    int rc = spotc_pager_new(&pager, client, "get-playlists-items", params, 1, &po);
    if (rc != 0)
        return example_failed(PROG, client, "cannot read the playlist", rc);
    spotc_playlist_item_list *page = NULL;
    int position = 0;
    while ((rc = spotc_pager_next_playlist_item_list(&page, pager)) == 1) {
        for (size_t i = 0; i < page->count; i++, position++) {
            const spotc_playlist_item *item = page->items[i];
            /* An item is a track or an episode; both NULL when it is no longer available. */
            const char *name = item && item->track     ? item->track->name
                               : item && item->episode ? item->episode->name
                                                       : "(unavailable)";
            const char *uri = item && item->track     ? item->track->uri
                              : item && item->episode ? item->episode->uri
                                                      : "-";
            printf("%d\t%s\t%s\n", position, name ? name : "?", uri ? uri : "-");
        }
        spotc_playlist_item_list_free(page);
    }
    spotc_pager_free(pager);
    return rc < 0 ? example_failed(PROG, client, "cannot read the next page", rc) : 0;
}

static int run(spotc_client *client, const char *name, const char *const *tracks, int count)
{
    spotc_playlist_details details = SPOTC_PLAYLIST_DETAILS_INIT;
    details.name = name;
    details.description = "made by the libspotc playlist example";
    details.is_public = 0;
    spotc_playlist *playlist = NULL;
    int rc = spotc_playlist_create(&playlist, client, &details);
    if (rc != 0)
        return example_failed(PROG, client, "cannot create the playlist", rc);
    char id[64];
    snprintf(id, sizeof id, "%s", playlist->id ? playlist->id : "");
    spotc_playlist_free(playlist);
    printf("playlist %s\n", id);

    /* Any number of items: the library sends them 100 a request, in order. Each is
     * checked first, so a malformed one fails here with nothing sent. */
    rc = spotc_playlist_add_items(NULL, client, id, tracks, (size_t)count, NULL);
    if (rc != 0)
        return example_failed(PROG, client, "cannot add the tracks", rc);

    /* Positions count from 0 as they are before the move: the last item goes
     * before the first. */
    if (count > 1) {
        rc = spotc_playlist_reorder_items(NULL, client, id, count - 1, 0, NULL);
        if (rc != 0)
            return example_failed(PROG, client, "cannot reorder the playlist", rc);
    }
    return list_items(client, id);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr,
                "usage: %s NAME TRACK...\n"
                "  TRACK: a Spotify URI, an open.spotify.com link or a track ID\n",
                argv[0]);
        return 2;
    }
    spotc_token_store *store = NULL;
    spotc_client *client = example_client(PROG, &store);
    int status = client ? run(client, argv[1], (const char *const *)argv + 2, argc - 2) : 1;
    spotc_client_free(client);
    spotc_token_store_file_free(store);
    return status;
}
