/*
 * The whole login, for programs that want one call: PKCE and state, the
 * loopback listener, the authorize URL, the redirect and the code exchange.
 */
#include "auth_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_TIMEOUT_MS 300000

/* The listener's host, port and path from an http loopback redirect URI. */
static int listener_from_uri(spotc_listener_options *lo, const char *uri, char *eb, size_t ebn)
{
    int rc = spotc_redirect_check_uri(uri, eb, ebn);
    if (rc != 0)
        return rc;
    const char *p = uri + 7;
    if (strncasecmp(uri, "http://", 7) != 0)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "the login listener needs an http://127.0.0.1:PORT/... redirect "
                             "URI, not %s",
                             uri);
    /* spotc_redirect_check_uri() allows only these two hosts with http */
    lo->host = strncmp(p, "[::1]", 5) == 0 ? "::1" : "127.0.0.1";
    p += strncmp(p, "[::1]", 5) == 0 ? 5 : 9;
    lo->port = *p == ':' ? atoi(p + 1) : 0;
    p += strcspn(p, "/?#");
    if (*p == '?' || *p == '#')
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "the redirect URI must not carry a query or fragment");
    lo->path = *p ? p : "/";
    return 0;
}

/* The authorize URL, shown through on_url. */
static int show_url(spotc_client *c, const spotc_login_options *o, const spotc_listener *l,
                    const spotc_pkce *pkce, const char *state, char *eb, size_t ebn)
{
    spotc_authorize_options ao = SPOTC_AUTHORIZE_OPTIONS_INIT;
    ao.client_id = spotc__client_id(c);
    ao.redirect_uri = spotc_listener_get_redirect_uri(l);
    ao.state = state;
    ao.scope = o->scope;
    ao.show_dialog = o->show_dialog;
    ao.code_challenge = o->use_secret ? NULL : pkce->challenge;
    ao.accounts_base = spotc__client_accounts_base(c);
    char *url = NULL;
    int rc = spotc_auth_build_url(&url, &ao, eb, ebn);
    if (rc == 0)
        o->on_url(url, o->payload);
    free(url);
    return rc;
}

static int check_login_options(spotc_client *c, const spotc_login_options *o,
                               spotc_listener_options *lo, char *eb, size_t ebn)
{
    if (!o || o->version != SPOTC_LOGIN_OPTIONS_VERSION || !o->on_url)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "login options (with an on_url callback) are required");
    const char *id = spotc__client_id(c), *secret = spotc__client_secret(c);
    if (!id || !*id)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "a client id is needed to log in (SPOTIFY_CLIENT_ID)");
    if (o->use_secret && (!secret || !*secret))
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "the code flow with a secret needs the client secret "
                             "(SPOTIFY_CLIENT_SECRET); PKCE needs none");
    lo->port = o->port;
    return o->redirect_uri ? listener_from_uri(lo, o->redirect_uri, eb, ebn) : 0;
}

int spotc_auth_login(spotc_token *out, spotc_client *client, const spotc_login_options *opts,
                     char *errbuf, size_t errbuf_len)
{
    if (!out || !client)
        return SPOTC_EINVALID;
    memset(out, 0, sizeof *out);
    spotc_listener_options lo = SPOTC_LISTENER_OPTIONS_INIT;
    int rc = check_login_options(client, opts, &lo, errbuf, errbuf_len);
    if (rc != 0)
        return rc;
    spotc_pkce pkce;
    char state[SPOTC_STATE_LEN + 1];
    if (spotc_pkce_generate(&pkce, 0) != 0 || spotc_auth_generate_state(state) != 0)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_ERROR, "no randomness for the login");
    spotc_listener *l = NULL;
    spotc_redirect r = {0};
    rc = spotc_listener_new(&l, &lo, errbuf, errbuf_len);
    if (rc == 0)
        rc = show_url(client, opts, l, &pkce, state, errbuf, errbuf_len);
    if (rc == 0)
        rc = spotc_listener_wait(&r, l, state,
                                 opts->timeout_ms ? opts->timeout_ms : DEFAULT_TIMEOUT_MS,
                                 opts->paste ? opts->paste_fd : -1, errbuf, errbuf_len);
    if (rc == 0) {
        rc = spotc_auth_exchange_code(out, client, r.code, spotc_listener_get_redirect_uri(l),
                                      opts->use_secret ? NULL : pkce.verifier);
        if (rc != 0)
            spotc__errbuf(errbuf, errbuf_len, rc, "%s", spotc_client_last_error(client)->message);
    }
    spotc_redirect_clear(&r);
    spotc_listener_free(l);
    spotc_pkce_clear(&pkce);
    return rc;
}
