/**
 * @file spotc/auth.h
 * @brief User authorization: PKCE, the authorize URL, the redirect and its
 *        loopback listener, the code exchange, refresh, and the token store.
 *
 * A login goes: spotc_pkce_generate() + spotc_auth_generate_state();
 * spotc_listener_new() (which picks the port of the redirect URI);
 * spotc_auth_build_url() opened in a browser; spotc_listener_wait() for the
 * redirect (or a pasted redirected URL); spotc_auth_exchange_code(); then
 * save the token in a store (spotc_token_store_file_new()).
 *
 * Functions that can fail without a client take an optional `errbuf` that
 * receives a sentence for people; it never contains a secret (no token, code,
 * verifier or state). The same sentence is in spotc_error_last().
 */
#ifndef SPOTC_AUTH_H
#define SPOTC_AUTH_H

#include <stdint.h>
#include "client.h"

SPOTC_BEGIN_DECL

/* ---------------------------------------------------------------- PKCE */

#define SPOTC_PKCE_VERIFIER_MIN 43
#define SPOTC_PKCE_VERIFIER_MAX 128
#define SPOTC_PKCE_VERIFIER_DEFAULT 64
#define SPOTC_PKCE_CHALLENGE_LEN 43 /**< base64url of SHA-256, no padding */

/** A PKCE pair (RFC 7636). Plain value: no allocation; wipe it with spotc_pkce_clear(). */
typedef struct spotc_pkce {
    char verifier[SPOTC_PKCE_VERIFIER_MAX + 1];   /**< the secret kept for the exchange */
    char challenge[SPOTC_PKCE_CHALLENGE_LEN + 1]; /**< S256, sent in the authorize URL */
} spotc_pkce;

/**
 * Generate a code verifier from OpenSSL's CSPRNG and its S256 challenge.
 * @param[out] out the pair.
 * @param verifier_len 43..128 characters, or 0 for SPOTC_PKCE_VERIFIER_DEFAULT.
 * @return 0, SPOTC_EINVALID (length out of range), SPOTC_ERROR (no randomness).
 */
SPOTC_EXTERN int spotc_pkce_generate(spotc_pkce *out, size_t verifier_len);

/**
 * Compute the S256 challenge of a verifier: base64url(SHA-256(verifier)), no `=`.
 * @param[out] out SPOTC_PKCE_CHALLENGE_LEN characters and a NUL.
 * @return 0, or SPOTC_EINVALID when the verifier is not 43..128 characters of
 *         `A-Z a-z 0-9 - . _ ~`.
 */
SPOTC_EXTERN int spotc_pkce_compute_challenge(char out[SPOTC_PKCE_CHALLENGE_LEN + 1],
                                              const char *verifier);

/** Wipe a pair (the verifier is a secret until the code is exchanged). NULL is a no-op. */
SPOTC_EXTERN void spotc_pkce_clear(spotc_pkce *pkce);

#define SPOTC_STATE_LEN 32 /**< characters of a generated state (192 random bits) */

/**
 * Generate a random `state` (base64url characters) from OpenSSL's CSPRNG.
 * @param[out] out SPOTC_STATE_LEN characters and a NUL.
 * @return 0 or SPOTC_ERROR (no randomness).
 */
SPOTC_EXTERN int spotc_auth_generate_state(char out[SPOTC_STATE_LEN + 1]);

/* ------------------------------------------------------ authorize URL */

/** What goes into the authorize URL. All strings are borrowed for the call. */
typedef struct spotc_authorize_options {
    unsigned int version;       /**< SPOTC_AUTHORIZE_OPTIONS_VERSION */
    const char *client_id;      /**< required */
    const char *redirect_uri;   /**< required; checked with spotc_redirect_check_uri() */
    const char *state;          /**< required: a state is always sent (and later checked) */
    const char *scope;          /**< scopes separated by spaces or commas, or NULL for none */
    const char *code_challenge; /**< PKCE S256 challenge, or NULL for the flow with a secret */
    int show_dialog;            /**< 1: make the user approve again */
    const char *accounts_base;  /**< default SPOTC_DEFAULT_ACCOUNTS_BASE; no path */
} spotc_authorize_options;

#define SPOTC_AUTHORIZE_OPTIONS_VERSION 1
/* clang-format off */
#define SPOTC_AUTHORIZE_OPTIONS_INIT {.version = SPOTC_AUTHORIZE_OPTIONS_VERSION}
/* clang-format on */

/** Fill opts with the values of SPOTC_AUTHORIZE_OPTIONS_INIT (for bindings).
 *  @return 0, or SPOTC_EINVALID for NULL or a version other than SPOTC_AUTHORIZE_OPTIONS_VERSION.
 */
SPOTC_EXTERN int spotc_authorize_options_init(spotc_authorize_options *opts, unsigned int version);

/**
 * Build `ACCOUNTS_BASE/authorize?client_id=..&response_type=code&redirect_uri=..
 * &state=..[&scope=..][&show_dialog=true][&code_challenge_method=S256&code_challenge=..]`,
 * every value percent-encoded (RFC 3986; a space is %20).
 * @param[out] out the URL, the caller's: spotc_free() it.
 * @return 0, SPOTC_EINVALID (missing field, bad redirect URI or challenge), SPOTC_ENOMEM.
 */
SPOTC_EXTERN int spotc_auth_build_url(char **out, const spotc_authorize_options *opts, char *errbuf,
                                      size_t errbuf_len);

/**
 * Check a redirect URI against Spotify's rules: https, or plain http only to the
 * loopback literals 127.0.0.1 and [::1]; `localhost` is refused (Spotify does);
 * an app's own scheme (`myapp:/cb`) is allowed.
 * @return 0 or SPOTC_EINVALID with the reason in errbuf.
 */
SPOTC_EXTERN int spotc_redirect_check_uri(const char *uri, char *errbuf, size_t errbuf_len);

/* ----------------------------------------------------------- redirect */

/** The parts of a redirect. Strings are percent-decoded, owned by the struct
 *  (spotc_redirect_clear() frees them); a part that was absent is NULL. */
typedef struct spotc_redirect {
    char *path; /**< the path ("/callback"), "" when only a query was given */
    char *code;
    char *state;
    char *error; /**< e.g. "access_denied" */
    char *error_description;
} spotc_redirect;

#define SPOTC_REDIRECT_MAX 8192 /**< longer inputs are refused */

/**
 * Parse a redirect, a pure function of its bytes. Accepted forms: a URL
 * (`http://127.0.0.1:PORT/callback?code=..&state=..`), an HTTP request line
 * (`GET /callback?code=.. HTTP/1.1`, the rest of the request is ignored), a
 * path with a query, or a bare query (`code=..&state=..`). Surrounding white
 * space and a `#fragment` are ignored; `+` is a space.
 * @param[out] out the parts; on failure all NULL.
 * @return 0, SPOTC_EINVALID (not a redirect: empty, too long, control
 *         characters, a NUL or bad %-escape in a value), SPOTC_ENOMEM.
 */
SPOTC_EXTERN int spotc_redirect_parse(spotc_redirect *out, const char *input, size_t len);

/**
 * Decide what a parsed redirect means. The state is checked first and in
 * constant time, so a forged redirect can neither log in nor cancel a login.
 * @param expected_state the state sent in the authorize URL (required).
 * @return 0 (a code for our state), SPOTC_ESTATE (state missing or different),
 *         SPOTC_EDENIED (error=access_denied: the user said no), SPOTC_EAUTH
 *         (another `error=`), SPOTC_EINVALID (no code).
 */
SPOTC_EXTERN int spotc_redirect_check(const spotc_redirect *r, const char *expected_state,
                                      char *errbuf, size_t errbuf_len);

/** Free the parts and zero the struct. NULL is a no-op. */
SPOTC_EXTERN void spotc_redirect_clear(spotc_redirect *r);

/* ----------------------------------------------------------- listener */

/** A one-shot HTTP listener on a loopback address for the login redirect. Opaque. */
typedef struct spotc_listener spotc_listener;

typedef struct spotc_listener_options {
    unsigned int version; /**< SPOTC_LISTENER_OPTIONS_VERSION */
    const char *host;     /**< "127.0.0.1" (default) or "::1" / "[::1]"; nothing else */
    int port;             /**< 0 (default): an ephemeral port */
    const char *path;     /**< the redirect path, default "/callback" */
} spotc_listener_options;

#define SPOTC_LISTENER_OPTIONS_VERSION 1
/* clang-format off */
#define SPOTC_LISTENER_OPTIONS_INIT {.version = SPOTC_LISTENER_OPTIONS_VERSION}
/* clang-format on */

/** Fill opts with the values of SPOTC_LISTENER_OPTIONS_INIT (for bindings).
 *  @return 0, or SPOTC_EINVALID for NULL or a version other than SPOTC_LISTENER_OPTIONS_VERSION. */
SPOTC_EXTERN int spotc_listener_options_init(spotc_listener_options *opts, unsigned int version);

/**
 * Bind and listen. A host other than the two loopback literals (a wildcard,
 * `localhost`, any other address) is refused before any socket is made.
 * @param[out] out the listener, the caller's: spotc_listener_free().
 * @return 0, SPOTC_EINVALID (host, port or path), SPOTC_EIO (bind/listen failed,
 *         e.g. the port is taken), SPOTC_ENOMEM.
 */
SPOTC_EXTERN int spotc_listener_new(spotc_listener **out, const spotc_listener_options *opts,
                                    char *errbuf, size_t errbuf_len);

/** @return the bound port (the chosen one when 0 was asked). */
SPOTC_EXTERN int spotc_listener_get_port(const spotc_listener *l);

/** @return `http://127.0.0.1:PORT/callback` (or `http://[::1]:PORT/...`), borrowed
 *  from the listener: the redirect URI to put in the authorize URL. */
SPOTC_EXTERN const char *spotc_listener_get_redirect_uri(const spotc_listener *l);

/**
 * Wait for the redirect. Requests for other paths (favicon.ico ...) get a 404
 * and are otherwise ignored, as is a request to the path that carries neither
 * a code nor an error; the redirect itself gets a short HTML page ("You may
 * close this window", or what went wrong). Meanwhile a redirected URL may be
 * pasted as one line on `paste_fd` (for SSH sessions); blank lines are
 * skipped and end of file just stops reading it.
 * @param[out] out the redirect (with its code) on success; cleared on failure.
 * @param expected_state the state sent in the authorize URL.
 * @param timeout_ms the whole wait; < 0 waits for ever.
 * @param paste_fd a readable descriptor (0 for stdin) or -1.
 * @return 0, SPOTC_ETIMEOUT, SPOTC_ESTATE, SPOTC_EDENIED, SPOTC_EAUTH,
 *         SPOTC_EINVALID (a pasted line that is not a redirect), SPOTC_EIO.
 */
SPOTC_EXTERN int spotc_listener_wait(spotc_redirect *out, spotc_listener *l,
                                     const char *expected_state, int timeout_ms, int paste_fd,
                                     char *errbuf, size_t errbuf_len);

/** Close the socket and free. NULL is a no-op. */
SPOTC_EXTERN void spotc_listener_free(spotc_listener *l);

/* ------------------------------------------------------------- tokens */

/** A user's tokens. Strings are owned by the struct (spotc_token_clear()). */
typedef struct spotc_token {
    char *access_token;
    char *refresh_token; /**< NULL when there is none */
    int64_t expires_at;  /**< Unix time (seconds) the access token expires; 0 unknown */
    char *scope;         /**< space separated, or NULL */
    char *client_id;     /**< the app the tokens belong to */
    char *user;          /**< the user's id when known, else NULL */
} spotc_token;

/** Wipe and free the strings, zero the struct. NULL is a no-op. */
SPOTC_EXTERN void spotc_token_clear(spotc_token *token);

/** Deep copy. @param[out] out the caller's (spotc_token_clear()). @return 0, SPOTC_ENOMEM. */
SPOTC_EXTERN int spotc_token_copy(spotc_token *out, const spotc_token *src);

/**
 * Where a user's tokens live. An application may fill one of its own; the
 * file store (below) is the default. Every callback gets `payload`; errbuf
 * (may be NULL) receives a sentence for people on failure.
 *
 * The client calls lock() before it reloads and refreshes, and unlock() after it
 * saved, so that two processes sharing a store never spend the same (single
 * use) refresh token; lock() blocks until it gets the lock.
 */
typedef struct spotc_token_store {
    unsigned int version; /**< SPOTC_TOKEN_STORE_VERSION */
    /** Load the tokens. @return 0, SPOTC_ENOTFOUND (none stored), other codes. */
    int (*load)(spotc_token *out, void *payload, char *errbuf, size_t errbuf_len);
    /** Replace the stored tokens (atomically). */
    int (*save)(const spotc_token *token, void *payload, char *errbuf, size_t errbuf_len);
    int (*lock)(void *payload, char *errbuf, size_t errbuf_len);
    void (*unlock)(void *payload);
    /** Forget the tokens (log out). Clearing an empty store is not an error. */
    int (*clear)(void *payload, char *errbuf, size_t errbuf_len);
    void *payload;
} spotc_token_store;

#define SPOTC_TOKEN_STORE_VERSION 1

typedef struct spotc_token_store_file_options {
    unsigned int version; /**< SPOTC_TOKEN_STORE_FILE_OPTIONS_VERSION */
    const char *dir;      /**< default $XDG_STATE_HOME/spotc, or ~/.local/state/spotc */
    const char *name;     /**< file name in dir, default "token.json" (a profile per name) */
} spotc_token_store_file_options;

#define SPOTC_TOKEN_STORE_FILE_OPTIONS_VERSION 1
/* clang-format off */
#define SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT {.version = SPOTC_TOKEN_STORE_FILE_OPTIONS_VERSION}
/* clang-format on */

/** Fill opts with the values of SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT (for bindings).
 *  @return 0, or SPOTC_EINVALID for NULL or a version other than
 * SPOTC_TOKEN_STORE_FILE_OPTIONS_VERSION. */
SPOTC_EXTERN int spotc_token_store_file_options_init(spotc_token_store_file_options *opts,
                                                     unsigned int version);

/**
 * The file store: JSON `{access_token, refresh_token, expires_at, scope,
 * client_id, user}` in DIR/NAME. The directory is made 0700 (and tightened to
 * 0700 when it is ours and looser), the file is 0600 from its creation: written
 * to a new temporary file, fsync'ed and renamed over the old one. The lock is
 * flock() on DIR/NAME.lock. A token file that is not ours or that others may
 * read is refused (SPOTC_EIO) rather than used. Nothing is touched on disk
 * until the first call.
 * @param[out] out the store, the caller's: spotc_token_store_file_free().
 * @return 0, SPOTC_EINVALID (no HOME and no dir, a name with a '/'), SPOTC_ENOMEM.
 */
SPOTC_EXTERN int spotc_token_store_file_new(spotc_token_store **out,
                                            const spotc_token_store_file_options *opts);

/** @return the token file's path (borrowed from the store). */
SPOTC_EXTERN const char *spotc_token_store_file_get_path(const spotc_token_store *store);

/** Free a file store made by spotc_token_store_file_new() (releasing its lock). NULL is a no-op. */
SPOTC_EXTERN void spotc_token_store_file_free(spotc_token_store *store);

/* ---------------------------------------------------- token requests */

/**
 * Exchange an authorization code for tokens at the client's accounts base.
 * With a verifier (PKCE) the form carries client_id and code_verifier and no
 * secret is sent; without one the client's id and secret go in a Basic header.
 * @param[out] out the tokens (expires_at from expires_in, client_id the client's);
 *             the caller's: spotc_token_clear().
 * @param redirect_uri exactly the one of the authorize URL.
 * @param code_verifier the PKCE verifier, or NULL to use the client secret.
 * @return 0, SPOTC_EINVALID, SPOTC_EAUTH (code refused: used, expired, wrong
 *         redirect URI or verifier), SPOTC_ENETWORK, SPOTC_EJSON, ...
 *         Details in spotc_client_last_error().
 */
SPOTC_EXTERN int spotc_auth_exchange_code(spotc_token *out, spotc_client *client, const char *code,
                                          const char *redirect_uri, const char *code_verifier);

/**
 * Spend a refresh token (grant_type=refresh_token). The client secret is sent
 * when the client has one, else client_id alone (PKCE). A rotated refresh token
 * replaces the old one; when none comes back the old one is kept.
 * @param[in,out] token the tokens to refresh (its refresh_token and client_id
 *                are used); updated in place on success, untouched on failure.
 * @return 0, SPOTC_ELOGIN (no refresh token, or refused as invalid_grant: expired
 *         or revoked; the message says to log in again), other codes as above.
 */
SPOTC_EXTERN int spotc_auth_refresh(spotc_token *token, spotc_client *client);

/**
 * A valid access token from the client's token source, renewed first when it
 * expires within a minute (for `spotc auth token` and other programs that call
 * the Web API themselves). With a token store, a refresh is saved.
 * @param[out] out the token, the caller's: wipe it (a secret) and spotc_free() it.
 * @return 0, SPOTC_ELOGIN (not logged in, or the login expired), the source's errors.
 */
SPOTC_EXTERN int spotc_auth_get_access_token(char **out, spotc_client *client);

/* -------------------------------------------------------- whole login */

/** Called with the authorize URL: open it in a browser or print it. */
typedef void (*spotc_login_url_cb)(const char *url, void *payload);

typedef struct spotc_login_options {
    unsigned int version;      /**< SPOTC_LOGIN_OPTIONS_VERSION */
    const char *scope;         /**< scopes separated by spaces or commas, or NULL */
    int show_dialog;           /**< 1: make the user approve again */
    int use_secret;            /**< 1: the code flow with the client's secret instead of PKCE */
    const char *redirect_uri;  /**< NULL: http://127.0.0.1:PORT/callback; else an
                                    http://127.0.0.1 or http://[::1] URI, whose port (or an
                                    ephemeral one when it has none) and path the listener serves */
    int port;                  /**< with redirect_uri NULL: the port, 0 for an ephemeral one */
    int timeout_ms;            /**< the wait for the redirect; 0: the default, 300000 (5 min);
                                    < 0: for ever */
    int paste;                 /**< 1: also accept the redirected URL pasted on paste_fd */
    int paste_fd;              /**< with paste: the descriptor (0 = stdin) */
    spotc_login_url_cb on_url; /**< required: shows the authorize URL */
    void *payload;             /**< for on_url */
} spotc_login_options;

#define SPOTC_LOGIN_OPTIONS_VERSION 1
/* clang-format off */
#define SPOTC_LOGIN_OPTIONS_INIT {.version = SPOTC_LOGIN_OPTIONS_VERSION}
/* clang-format on */

/** Fill opts with the values of SPOTC_LOGIN_OPTIONS_INIT (for bindings).
 *  @return 0, or SPOTC_EINVALID for NULL or a version other than SPOTC_LOGIN_OPTIONS_VERSION. */
SPOTC_EXTERN int spotc_login_options_init(spotc_login_options *opts, unsigned int version);

/**
 * The whole login: PKCE pair and state, the loopback listener, the authorize
 * URL (given to on_url), the wait for the redirect (or a paste), the state
 * check and the code exchange. Saving the tokens is the caller's (a store's
 * save()); `user` is left NULL (GET /me tells it).
 * @param[out] out the tokens, the caller's: spotc_token_clear().
 * @param errbuf on failure, what went wrong (also for the exchange, whose details
 *        are in spotc_client_last_error() too).
 * @return 0, or the errors of spotc_listener_new(), spotc_listener_wait() and
 *         spotc_auth_exchange_code().
 */
SPOTC_EXTERN int spotc_auth_login(spotc_token *out, spotc_client *client,
                                  const spotc_login_options *opts, char *errbuf, size_t errbuf_len);

SPOTC_END_DECL

#endif
