/*
 * What every example needs: a client with a user's token, and one way to say
 * why a call failed. Header-only, so each example still builds from its one
 * .c file: cc playlist.c $(pkg-config --cflags --libs spotc).
 *
 * The token: SPOTIFY_ACCESS_TOKEN when it is set (used as is), else the login
 * that `spotc auth login` keeps in the token store ($XDG_STATE_HOME/spotc/),
 * renewed with SPOTIFY_CLIENT_ID when it expires. The API and accounts bases
 * come from SPOTC_API_BASE and SPOTC_ACCOUNTS_BASE (the real Spotify when
 * unset), the app's mode from SPOTC_APP_MODE.
 */
#ifndef SPOTC_EXAMPLE_CLIENT_H
#define SPOTC_EXAMPLE_CLIENT_H

#include <stdio.h>

#include <spotc.h>

/*
 * A client for `prog` (the name its messages start with). The store is
 * returned too: the client borrows it, so free it after the client.
 * NULL (and a message on stderr) when the environment or the store is unusable.
 */
static spotc_client *example_client(const char *prog, spotc_token_store **store)
{
    spotc_client_options opts = SPOTC_CLIENT_OPTIONS_INIT;
    spotc_client *client = NULL;
    /* Without a client to ask, the reason is the thread's last error. */
    if (spotc_client_options_load_env(&opts) != 0 || spotc_token_store_file_new(store, NULL) != 0) {
        fprintf(stderr, "%s: %s\n", prog, spotc_error_last()->message);
        return NULL;
    }
    opts.token_store = *store; /* SPOTIFY_ACCESS_TOKEN, when set, still wins */
    if (spotc_client_new(&client, &opts) != 0)
        fprintf(stderr, "%s: cannot create a client: %s\n", prog, spotc_error_last()->message);
    return client;
}

/*
 * Say why a call on the client failed: the client's message (Spotify's words
 * where it sent some, never a secret) and the code's fixed text. Returns 1,
 * the examples' exit status for a failed call.
 */
static int example_failed(const char *prog, spotc_client *client, const char *what, int rc)
{
    const spotc_error *e = spotc_client_last_error(client);
    fprintf(stderr, "%s: %s: %s (%s)\n", prog, what, e->message, spotc_strerror(rc));
    return 1;
}

#endif
