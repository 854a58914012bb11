/*
 * search: find tracks with libspotc.
 *
 *   cc search.c $(pkg-config --cflags --libs spotc) -o search
 *   SPOTIFY_CLIENT_ID=... SPOTIFY_CLIENT_SECRET=... ./search "kind of blue"
 *
 * The client takes its credentials and bases from the environment (set
 * SPOTC_API_BASE and SPOTC_ACCOUNTS_BASE to use a local spotc-emulator).
 */
#include <stdio.h>

#include <spotc.h>

static void print_track(const spotc_track *t)
{
    const char *artist = t->artist_count ? t->artists[0].name : NULL;
    const char *album = t->album ? t->album->name : NULL;
    int secs = t->duration_ms / 1000;
    printf("%-40s  %-24s  %-30s  %d:%02d\n", t->name ? t->name : "?", artist ? artist : "?",
           album ? album : "?", secs / 60, secs % 60);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s QUERY\n", argv[0]);
        return 2;
    }
    spotc_client_options opts = SPOTC_CLIENT_OPTIONS_INIT;
    spotc_client_options_load_env(&opts);
    spotc_client *client = NULL;
    int rc = spotc_client_new(&client, &opts);
    if (rc != 0) {
        /* No client to ask: the reason is the thread's last error. */
        fprintf(stderr, "search: cannot create a client: %s\n", spotc_error_last()->message);
        return 1;
    }
    spotc_search_result *result = NULL;
    rc = spotc_search_run(&result, client, argv[1], "track", NULL, NULL);
    if (rc != 0) {
        /* The details are on the client; the message never holds a secret. */
        const spotc_error *e = spotc_client_last_error(client);
        fprintf(stderr, "search: %s (%s)\n", e->message, spotc_strerror(rc));
        spotc_client_free(client);
        return 1;
    }
    const spotc_track_list *tracks = result->tracks;
    size_t shown = 0;
    for (size_t i = 0; tracks && i < tracks->count; i++) {
        if (tracks->items[i]) {
            print_track(tracks->items[i]);
            shown++;
        }
    }
    if (tracks && tracks->page.total >= 0)
        printf("%zu of %d tracks\n", shown, tracks->page.total);
    spotc_search_result_free(result);
    spotc_client_free(client);
    return 0;
}
