/*
 * GET /authorize: the accounts service's login and consent page, and POST /authorize, the
 * form it posts back. A plain HTML form (no script), so a headless browser, curl and a person
 * can all drive it: user name and password of a seeded user (the password is the user name),
 * the scopes asked for in words, and the buttons "Agree" and "Cancel".
 *
 * Checks in Spotify's order: the client and the redirect URI first; while either is wrong
 * nothing may be sent to the redirect URI, so the error is shown as a page. After that,
 * problems go back to the app as `redirect_uri?error=...&state=...` (RFC 6749 4.1.2.1):
 * Cancel gives error=access_denied, Agree with the right password gives code=...&state=...
 * The emulator keeps no browser session, so the page is always shown (show_dialog is
 * accepted and has nothing more to force).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accounts.h"
#include "authcodes.h"
#include "grow.h"
#include "routes.h"
#include "users.h"

#define STATE_MAX 2048

/* ------------------------------------------------------------- HTML buffer */

/* Text or an attribute value: the five characters HTML gives meaning to are escaped. */
static void hb_esc(emu_text *b, const char *s)
{
    for (; *s; s++) {
        size_t run = strcspn(s, "&<>\"'");
        emu_text_put(b, s, run);
        s += run;
        if (!*s)
            break;
        static const char *const ent[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
        emu_text_puts(b, ent[strchr("&<>\"'", *s) - "&<>\"'"]);
    }
}

/* A query value (RFC 3986 unreserved characters kept). */
static void hb_urlenc(emu_text *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
            ch == '-' || ch == '_' || ch == '.' || ch == '~') {
            emu_text_put(b, s, 1);
        } else {
            char e[3] = {'%', hex[ch >> 4], hex[ch & 15]};
            emu_text_put(b, e, 3);
        }
    }
}

/* Hand the page to the response (500 when it could not be built). */
static void reply_html(emu_call *c, int status, emu_text *b)
{
    if (b->err || !b->buf) {
        free(b->buf);
        emu_reply_error(c, 500, "Server error");
        return;
    }
    emu_response_set_body(c->res, status, b->buf, b->len);
    c->res->content_type = "text/html; charset=utf-8";
    emu_response_add_header(c->res, "Cache-Control", "no-store");
    emu_response_add_header(c->res, "X-Frame-Options", "DENY");
}

static void page_start(emu_text *b, const char *title)
{
    emu_text_puts(
        b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    hb_esc(b, title);
    emu_text_puts(b, " - spotc-emulator accounts</title>\n<style>"
                     "body{font-family:sans-serif;max-width:28em;margin:2em auto;padding:0 1em}"
                     "label{display:block;margin-top:.8em}input{width:100%;padding:.4em}"
                     "button{margin:1em .5em 0 0;padding:.5em 1.5em}.error{color:#b00020}"
                     "</style>\n</head>\n<body>\n<main>\n<h1>");
    hb_esc(b, title);
    emu_text_puts(b, "</h1>\n");
}

static void page_end(emu_text *b)
{
    emu_text_puts(b, "</main>\n</body>\n</html>\n");
}

/* An error that must not go to the (unverified) redirect URI. */
static void error_page(emu_call *c, int status, const char *message, const char *detail)
{
    emu_text b = {0};
    page_start(&b, "Something went wrong");
    emu_text_puts(&b, "<p class=\"error\" role=\"alert\">");
    hb_esc(&b, message);
    emu_text_puts(&b, "</p>\n");
    if (detail && *detail) {
        emu_text_puts(&b, "<p>");
        hb_esc(&b, detail);
        emu_text_puts(&b, "</p>\n");
    }
    page_end(&b);
    reply_html(c, status, &b);
}

/* ------------------------------------------------------------- the request */

/* The parameters of an authorization request, from the query (GET) or the form (POST). */
typedef struct authz {
    const char *client_id, *response_type, *redirect_uri, *state, *scope, *show_dialog;
    const char *method, *challenge;
    int app;
} authz;

static const char *const authz_fields[] = {
    "client_id", "response_type", "redirect_uri",          "state",
    "scope",     "show_dialog",   "code_challenge_method", "code_challenge",
};

static const char **authz_slot(authz *a, size_t i)
{
    const char **slots[] = {&a->client_id, &a->response_type, &a->redirect_uri, &a->state,
                            &a->scope,     &a->show_dialog,   &a->method,       &a->challenge};
    return slots[i];
}

static void authz_read(authz *a, const emu_kvlist *l)
{
    memset(a, 0, sizeof *a);
    for (size_t i = 0; i < sizeof authz_fields / sizeof *authz_fields; i++)
        *authz_slot(a, i) = emu_kvlist_get(l, authz_fields[i], 0);
    a->app = -1;
}

/* The redirect back to the app: redirect_uri?KEY=VALUE&state=STATE. */
static void redirect_back(emu_call *c, const authz *a, const char *key, const char *value,
                          const char *description)
{
    emu_text loc = {0};
    emu_text_puts(&loc, a->redirect_uri);
    emu_text_puts(&loc, strchr(a->redirect_uri, '?') ? "&" : "?");
    emu_text_puts(&loc, key);
    emu_text_puts(&loc, "=");
    hb_urlenc(&loc, value);
    if (description) {
        emu_text_puts(&loc, "&error_description=");
        hb_urlenc(&loc, description);
    }
    if (a->state) {
        emu_text_puts(&loc, "&state=");
        hb_urlenc(&loc, a->state);
    }
    if (loc.err || !loc.buf) {
        free(loc.buf);
        emu_reply_error(c, 500, "Server error");
        return;
    }
    emu_text body = {0};
    page_start(&body, "Redirecting");
    page_end(&body);
    reply_html(c, 302, &body);
    emu_response_add_header(c->res, "Location", loc.buf);
    free(loc.buf);
}

static int challenge_ok(const char *s)
{
    return strlen(s) == EMU_CHALLENGE_LEN &&
           strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
               EMU_CHALLENGE_LEN;
}

/*
 * Check a request in Spotify's order. Returns 0 when it may be shown or granted; otherwise
 * the answer (an error page, or an error redirect once the redirect URI is verified) has
 * been given and -1 is returned.
 */
static int authz_check(emu_call *c, authz *a)
{
    char why[256] = "";
    a->app = a->client_id ? emu_app_find(c->ctx, a->client_id) : -1;
    if (a->app < 0) {
        error_page(c, 400, "INVALID_CLIENT: Invalid client", NULL);
        return -1;
    }
    if (!a->redirect_uri || !emu_app_redirect_ok(&c->ctx->cfg.apps[a->app], a->redirect_uri)) {
        if (a->redirect_uri)
            emu_redirect_uri_allowed(a->redirect_uri, why, sizeof why);
        error_page(c, 400, "INVALID_CLIENT: Invalid redirect URI",
                   *why ? why : "The redirect URI is not one the app registered.");
        return -1;
    }
    if (!a->response_type || strcmp(a->response_type, "code") != 0) {
        error_page(c, 400, "unsupported_response_type: response_type must be code", NULL);
        return -1;
    }
    if (a->state && strlen(a->state) > STATE_MAX) {
        error_page(c, 400, "invalid_request: state is too long", NULL);
        return -1;
    }
    const char *scope = a->scope ? a->scope : "";
    if (strlen(scope) >= EMU_SCOPE_MAX || !emu_scopes_valid(scope))
        redirect_back(c, a, "error", "invalid_scope", "Illegal scope");
    else if (a->challenge && (!a->method || strcmp(a->method, "S256") != 0))
        redirect_back(c, a, "error", "invalid_request", "code_challenge_method must be S256");
    else if (a->challenge && !challenge_ok(a->challenge))
        redirect_back(c, a, "error", "invalid_request", "code_challenge is malformed");
    else if (!a->challenge && a->method)
        redirect_back(c, a, "error", "invalid_request", "code_challenge is missing");
    else
        return 0;
    return -1;
}

/* ------------------------------------------------------------- the page */

static const struct {
    const char *scope, *words;
} scope_words[] = {
    {"user-read-private", "See your subscription, country and explicit-content settings"},
    {"user-read-email", "See your email address"},
    {"playlist-read-private", "See your private playlists"},
    {"playlist-read-collaborative", "See playlists you collaborate on"},
    {"playlist-modify-public", "Create, edit and follow your public playlists"},
    {"playlist-modify-private", "Create and edit your private playlists"},
    {"user-library-read", "See what you saved in Your Library"},
    {"user-library-modify", "Add to and remove from Your Library"},
    {"user-follow-read", "See whom you follow"},
    {"user-follow-modify", "Follow and unfollow artists and users for you"},
    {"user-top-read", "See your top artists and tracks"},
    {"user-read-recently-played", "See what you played recently"},
    {"user-read-playback-position", "See where you stopped in episodes and chapters"},
    {"user-read-playback-state", "See what is playing and on which of your devices"},
    {"user-read-currently-playing", "See what you are listening to"},
    {"user-modify-playback-state", "Control playback on your devices"},
    {"app-remote-control", "Control the Spotify app on your phone or computer"},
    {"streaming", "Play music and podcasts in this app"},
    {"ugc-image-upload", "Upload images (playlist covers) for you"},
};

static void list_scopes(emu_text *b, const char *scope)
{
    emu_text_puts(b, "<ul class=\"scopes\">\n");
    int any = 0;
    for (const char *s = scope ? scope : ""; *(s += strspn(s, " "));) {
        size_t n = strcspn(s, " ");
        for (size_t i = 0; i < sizeof scope_words / sizeof *scope_words; i++)
            if (strlen(scope_words[i].scope) == n && strncmp(scope_words[i].scope, s, n) == 0) {
                emu_text_puts(b, "<li>");
                hb_esc(b, scope_words[i].words);
                emu_text_puts(b, " <small>(");
                hb_esc(b, scope_words[i].scope);
                emu_text_puts(b, ")</small></li>\n");
                any = 1;
            }
        s += n;
    }
    if (!any)
        emu_text_puts(b, "<li>See your public profile (name and picture)</li>\n");
    emu_text_puts(b, "</ul>\n");
}

static void hidden_fields(emu_text *b, authz *a)
{
    for (size_t i = 0; i < sizeof authz_fields / sizeof *authz_fields; i++) {
        const char *v = *authz_slot(a, i);
        if (!v)
            continue;
        emu_text_puts(b, "<input type=\"hidden\" name=\"");
        emu_text_puts(b, authz_fields[i]);
        emu_text_puts(b, "\" value=\"");
        hb_esc(b, v);
        emu_text_puts(b, "\">\n");
    }
}

static void login_page(emu_call *c, authz *a, const char *username, const char *error)
{
    emu_text b = {0};
    page_start(&b, "Log in to Spotify");
    if (error) {
        emu_text_puts(&b, "<p class=\"error\" role=\"alert\">");
        hb_esc(&b, error);
        emu_text_puts(&b, "</p>\n");
    }
    emu_text_puts(&b, "<p><strong>");
    hb_esc(&b, a->client_id);
    emu_text_puts(&b, "</strong> asks to:</p>\n");
    list_scopes(&b, a->scope);
    emu_text_puts(&b, "<form method=\"post\" action=\"/authorize\">\n");
    hidden_fields(&b, a);
    emu_text_puts(&b, "<label for=\"username\">Username</label>\n"
                      "<input id=\"username\" name=\"username\" autocomplete=\"username\" "
                      "autocapitalize=\"none\" required value=\"");
    hb_esc(&b, username ? username : "");
    emu_text_puts(&b, "\">\n<label for=\"password\">Password</label>\n"
                      "<input id=\"password\" name=\"password\" type=\"password\" "
                      "autocomplete=\"current-password\" required>\n"
                      "<button type=\"submit\" name=\"action\" value=\"agree\">Agree</button>"
                      "<button type=\"submit\" name=\"action\" value=\"cancel\" "
                      "formnovalidate>Cancel</button>\n</form>\n"
                      "<p><small>spotc-emulator: a seeded user's password is its name "
                      "(demo/demo).</small></p>\n");
    page_end(&b);
    reply_html(c, 200, &b);
}

static void get_authorize(emu_call *c)
{
    authz a;
    authz_read(&a, &c->req->query);
    if (authz_check(c, &a) == 0)
        login_page(c, &a, NULL, NULL);
}

/* ------------------------------------------------------------- the answer */

/* A seeded user that can log in, and its password (the user name). */
static int credentials_ok(const char *user, const char *password)
{
    return user && password && emu_user_login(user, password) >= 0;
}

static void grant(emu_call *c, authz *a, const char *user)
{
    emu_authcode rec = {.app = a->app};
    char code[EMU_CODE_LEN + 1];
    snprintf(rec.user, sizeof rec.user, "%s", user);
    snprintf(rec.scope, sizeof rec.scope, "%s", a->scope ? a->scope : "");
    snprintf(rec.redirect_uri, sizeof rec.redirect_uri, "%s", a->redirect_uri);
    snprintf(rec.challenge, sizeof rec.challenge, "%s", a->challenge ? a->challenge : "");
    if (emu_authcodes_issue(c->ctx->authcodes, &rec, c->now_ms, code) < 0)
        redirect_back(c, a, "error", "server_error", NULL);
    else
        redirect_back(c, a, "code", code, NULL);
}

static void post_authorize(emu_call *c)
{
    emu_kvlist form = {0};
    authz a;
    if (emu_form_parse(&form, c->req->body ? c->req->body : "", c->req->body_len) < 0) {
        error_page(c, 400, "invalid_request: the form could not be read", NULL);
        goto out;
    }
    authz_read(&a, &form);
    if (authz_check(c, &a) < 0)
        goto out;
    const char *action = emu_kvlist_get(&form, "action", 0);
    const char *user = emu_kvlist_get(&form, "username", 0);
    if (action && strcmp(action, "cancel") == 0)
        redirect_back(c, &a, "error", "access_denied", NULL);
    else if (action && strcmp(action, "agree") != 0)
        error_page(c, 400, "invalid_request: unknown action", NULL);
    else if (!credentials_ok(user, emu_kvlist_get(&form, "password", 0)))
        login_page(c, &a, user, "Incorrect username or password.");
    else
        grant(c, &a, user);
out:
    emu_kvlist_clear(&form);
}

const emu_route emu_routes_authorize[] = {
    {"GET", "/authorize", get_authorize, EMU_ROUTE_PUBLIC, NULL},
    {"POST", "/authorize", post_authorize, EMU_ROUTE_PUBLIC, NULL},
};
EMU_ROUTE_COUNT(emu_routes_authorize);
