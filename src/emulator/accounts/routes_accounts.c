/*
 * The accounts service: POST /api/token. Client authentication (Basic header or form
 * fields), then one handler per grant type from grants[]; errors in RFC 6749's format.
 * The authorization-code grant lives in grant_code.c, GET /authorize in routes_authorize.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "accounts.h"
#include "headers.h"
#include "routes.h"

static const char *const known_scopes[] = {
    "app-remote-control",
    "playlist-read-private",
    "playlist-read-collaborative",
    "playlist-modify-public",
    "playlist-modify-private",
    "user-library-read",
    "user-library-modify",
    "user-read-private",
    "user-read-email",
    "user-follow-read",
    "user-follow-modify",
    "user-top-read",
    "user-read-playback-position",
    "user-read-playback-state",
    "user-read-recently-played",
    "user-read-currently-playing",
    "user-modify-playback-state",
    "ugc-image-upload",
    "streaming",
};

int emu_scopes_valid(const char *scope)
{
    for (const char *s = scope; *s;) {
        size_t n = strcspn(s, " ");
        int ok = n == 0;
        for (size_t i = 0; !ok && i < sizeof known_scopes / sizeof *known_scopes; i++)
            ok = strlen(known_scopes[i]) == n && strncmp(known_scopes[i], s, n) == 0;
        if (!ok)
            return 0;
        s += n;
        while (*s == ' ')
            s++;
    }
    return 1;
}

int emu_user_name_valid(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n >= EMU_USER_MAX)
        return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '_' || *p == '-'))
            return 0;
    return 1;
}

int emu_accounts_issue(emu_call *c, emu_token_info *info, int with_refresh)
{
    char access[EMU_TOKEN_LEN + 1], refresh[EMU_REFRESH_LEN + 1];
    if (emu_tokens_issue(c->ctx->tokens, info, c->now_ms, access, with_refresh ? refresh : NULL) <
        0) {
        emu_reply_oauth_error(c, 500, "server_error", "Could not issue a token");
        return -1;
    }
    jw w;
    jw_init(&w, 512);
    jw_obj(&w);
    jw_kstr(&w, "access_token", access);
    jw_kstr(&w, "token_type", "Bearer");
    jw_kint(&w, "expires_in", EMU_TOKEN_LIFETIME_S);
    if (with_refresh)
        jw_kstr(&w, "refresh_token", refresh);
    if (info->user[0])
        jw_kstr(&w, "scope", info->scope);
    jw_obj_end(&w);
    emu_reply_json(c, 200, &w);
    return 0;
}

/* Who is asking: from the Basic header or the form. */
typedef struct client {
    int app;       /* index, or -1 */
    int basic;     /* authenticated through the header (401 on failure, RFC 6749 5.2) */
    int secret_ok; /* a secret was given and matches */
    int has_secret;
} client;

/* Fill @p cl; answers invalid_client itself and returns -1 when the client is unknown. */
static int identify_client(emu_call *c, const emu_kvlist *form, client *cl)
{
    char id[256] = "", secret[512] = "";
    const char *h = emu_request_header(c->req, "Authorization");
    memset(cl, 0, sizeof *cl);
    if (h && strncasecmp(h, "Basic ", 6) == 0) {
        cl->basic = 1;
        if (emu_header_basic(h, id, sizeof id, secret, sizeof secret) < 0) {
            emu_reply_oauth_error(c, 401, "invalid_client", "Invalid client");
            return -1;
        }
        cl->has_secret = 1;
    } else {
        const char *fid = emu_kvlist_get(form, "client_id", 0);
        const char *fsec = emu_kvlist_get(form, "client_secret", 0);
        snprintf(id, sizeof id, "%s", fid ? fid : "");
        if (fsec) {
            snprintf(secret, sizeof secret, "%s", fsec);
            cl->has_secret = 1;
        }
    }
    cl->app = emu_app_find(c->ctx, id);
    if (cl->app < 0) {
        emu_reply_oauth_error(c, cl->basic ? 401 : 400, "invalid_client", "Invalid client");
        return -1;
    }
    cl->secret_ok = cl->has_secret && strcmp(c->ctx->cfg.apps[cl->app].secret, secret) == 0;
    if (cl->has_secret && !cl->secret_ok) {
        emu_reply_oauth_error(c, cl->basic ? 401 : 400, "invalid_client", "Invalid client secret");
        return -1;
    }
    return 0;
}

static void grant_client_credentials(emu_call *c, const emu_kvlist *form, const client *cl)
{
    (void)form;
    if (!cl->secret_ok) {
        emu_reply_oauth_error(c, 400, "invalid_client", "Invalid client secret");
        return;
    }
    emu_token_info info = {.app = cl->app};
    if (emu_accounts_issue(c, &info, 0) == 0)
        emu_stats_grant(c->ctx->stats, EMU_GRANT_CLIENT_CREDENTIALS);
}

static void grant_refresh_token(emu_call *c, const emu_kvlist *form, const client *cl)
{
    const char *rt = emu_kvlist_get(form, "refresh_token", 0);
    emu_token_info info;
    if (!rt || !*rt) {
        emu_reply_oauth_error(c, 400, "invalid_request", "refresh_token must be supplied");
        return;
    }
    if (emu_tokens_refresh_lookup(c->ctx->tokens, rt, &info) < 0 || info.app != cl->app) {
        emu_reply_oauth_error(c, 400, "invalid_grant", "Invalid refresh token");
        return;
    }
    if (info.flow == EMU_FLOW_SECRET && !cl->secret_ok) {
        emu_reply_oauth_error(c, 400, "unauthorized_client",
                              "This refresh token needs the client secret");
        return;
    }
    if (c->now_ms >= info.authorized_ms + EMU_REFRESH_LIFETIME_S * 1000) {
        emu_tokens_refresh_revoke(c->ctx->tokens, rt);
        emu_reply_oauth_error(c, 400, "invalid_grant", "Refresh token expired");
        return;
    }
    /* PKCE and other public clients get a new refresh token each time and the old one dies. */
    int rotate = info.flow == EMU_FLOW_PKCE || !cl->secret_ok;
    if (rotate && !emu_tokens_refresh_spend(c->ctx->tokens, rt)) {
        emu_reply_oauth_error(c, 400, "invalid_grant", "Invalid refresh token");
        return;
    }
    if (emu_accounts_issue(c, &info, rotate) < 0)
        return;
    emu_stats_grant(c->ctx->stats, EMU_GRANT_REFRESH_TOKEN);
}

static void grant_authorization_code(emu_call *c, const emu_kvlist *form, const client *cl)
{
    emu_grant_authorization_code(c, form, cl->app, cl->secret_ok);
}

static const struct {
    const char *name;
    void (*handler)(emu_call *c, const emu_kvlist *form, const client *cl);
} grants[] = {
    {"client_credentials", grant_client_credentials},
    {"authorization_code", grant_authorization_code},
    {"refresh_token", grant_refresh_token},
};

static void post_token(emu_call *c)
{
    emu_kvlist form = {0};
    client cl;
    if (!emu_header_media_type_is(emu_request_header(c->req, "Content-Type"),
                                   "application/x-www-form-urlencoded")) {
        emu_reply_oauth_error(c, 400, "invalid_request",
                              "Content-Type must be application/x-www-form-urlencoded");
        return;
    }
    if (emu_form_parse(&form, c->req->body ? c->req->body : "", c->req->body_len) < 0) {
        emu_reply_oauth_error(c, 400, "invalid_request", "Malformed form body");
        goto out;
    }
    const char *gt = emu_kvlist_get(&form, "grant_type", 0);
    if (!gt) {
        emu_reply_oauth_error(c, 400, "unsupported_grant_type", "grant_type parameter is missing");
        goto out;
    }
    for (size_t i = 0; i < sizeof grants / sizeof *grants; i++)
        if (strcmp(grants[i].name, gt) == 0) {
            if (identify_client(c, &form, &cl) == 0)
                grants[i].handler(c, &form, &cl);
            goto out;
        }
    emu_reply_oauth_error(c, 400, "unsupported_grant_type",
                          "grant_type must be client_credentials, authorization_code or "
                          "refresh_token");
out:
    emu_kvlist_clear(&form);
}

const emu_route emu_routes_accounts[] = {
    {"POST", "/api/token", post_token, EMU_ROUTE_PUBLIC, NULL},
};
EMU_ROUTE_COUNT(emu_routes_accounts);
