/* Request dispatch: control API, faults, routing, auth, limits, handler, stats (router.h). */
#include "router.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "headers.h"
#include "fixtures_routes.h"
#include "routes.h"

typedef struct route_table {
    const emu_route *routes;
    const size_t *count;
} route_table;

/* Every area's table; a new area adds one line (and its EMU_ROUTE_TABLE in routes.h). */
static const route_table tables[] = {
    {emu_routes_control, &emu_routes_control_count},
    {emu_routes_export, &emu_routes_export_count},
    {emu_routes_accounts, &emu_routes_accounts_count},
    {emu_routes_authorize, &emu_routes_authorize_count},
    {emu_routes_catalogue, &emu_routes_catalogue_count},
    {emu_routes_search, &emu_routes_search_count},
    {emu_routes_shows, &emu_routes_shows_count},
    {emu_routes_audiobooks, &emu_routes_audiobooks_count},
    {emu_routes_browse, &emu_routes_browse_count},
    {emu_routes_audio, &emu_routes_audio_count},
    {emu_routes_playlists, &emu_routes_playlists_count},
    {emu_routes_playlist_items, &emu_routes_playlist_items_count},
    {emu_routes_me, &emu_routes_me_count},
    {emu_routes_library, &emu_routes_library_count},
    {emu_routes_follow, &emu_routes_follow_count},
    {emu_routes_player, &emu_routes_player_count},
};

/* Match @p path against @p pattern; on success record the {param} segments' spans. */
static int match(const char *pattern, const char *path, size_t starts[], size_t lens[],
                 size_t *nparams)
{
    const char *p = pattern, *s = path;
    *nparams = 0;
    while (*p && *s) {
        if (*p == '{') {
            const char *close = strchr(p, '}');
            size_t n = strcspn(s, "/");
            if (!close || n == 0 || *nparams == EMU_MAX_PARAMS)
                return 0;
            starts[*nparams] = (size_t)(s - path);
            lens[(*nparams)++] = n;
            p = close + 1;
            s += n;
        } else if (*p++ != *s++) {
            return 0;
        }
    }
    /* Spotify ignores one trailing slash ("/v1/search/?q=..." is what some widely
     * used clients send). */
    return *p == 0 && (*s == 0 || (s[0] == '/' && s[1] == 0));
}

typedef enum { FOUND, NO_PATH, NO_METHOD } lookup_result;

static lookup_result find_route(emu_call *c, const char *method, const char *path)
{
    size_t starts[EMU_MAX_PARAMS], lens[EMU_MAX_PARAMS], n;
    lookup_result r = NO_PATH;
    for (size_t t = 0; t < sizeof tables / sizeof *tables; t++)
        for (size_t i = 0; i < *tables[t].count; i++) {
            const emu_route *rt = &tables[t].routes[i];
            if (!match(rt->pattern, path, starts, lens, &n))
                continue;
            if (strcmp(rt->method, method) != 0) {
                r = NO_METHOD;
                continue;
            }
            c->route = rt;
            c->param_buf = strdup(path);
            if (!c->param_buf)
                return NO_PATH;
            for (size_t k = 0; k < n; k++) {
                c->param_buf[starts[k] + lens[k]] = 0;
                c->params[k] = c->param_buf + starts[k];
            }
            c->nparams = n;
            return FOUND;
        }
    return r;
}

const char *emu_param(const emu_call *c, size_t i)
{
    return i < c->nparams ? c->params[i] : "";
}

const char *emu_query(const emu_call *c, const char *name)
{
    return emu_request_query(c->req, name);
}

/* The bearer token; answers 400/401 itself and returns -1 when there is none valid. */
static int authenticate(emu_call *c)
{
    const char *tok;
    switch (emu_header_bearer(emu_request_header(c->req, "Authorization"), &tok)) {
    case EMU_BEARER_NONE:
        emu_reply_error(c, 401, "No token provided");
        return -1;
    case EMU_BEARER_BAD_SCHEME:
        emu_reply_error(c, 400, "Only valid bearer authentication supported");
        return -1;
    case EMU_BEARER_OK:
        break;
    }
    if (emu_tokens_lookup(c->ctx->tokens, tok, &c->token) < 0) {
        emu_reply_error(c, 401, "Invalid access token");
        return -1;
    }
    if (c->now_ms >= c->token.expires_ms) {
        emu_reply_error(c, 401, "The access token expired");
        return -1;
    }
    c->has_token = 1;
    return 0;
}

static int has_scope(const char *granted, const char *scope, size_t n)
{
    for (const char *p = granted; *p;) {
        size_t len = strcspn(p, " ");
        if (len == n && strncmp(p, scope, n) == 0)
            return 1;
        p += len;
        while (*p == ' ')
            p++;
    }
    return 0;
}

int emu_call_has_scope(const emu_call *c, const char *scope)
{
    return has_scope(c->token.scope, scope, strlen(scope));
}

/* Scopes first: an app token (which has none) on a scoped user route gets Spotify's 403
 * "Insufficient client scope"; on a user route without scopes (GET /me) a 401. */
static int authorize_scopes(emu_call *c)
{
    const emu_route *r = c->route;
    for (const char *s = r->scopes; s && *s;) {
        size_t n = strcspn(s, " ");
        if (n && !has_scope(c->token.scope, s, n)) {
            emu_reply_error(c, 403, "Insufficient client scope");
            return -1;
        }
        s += n;
        while (*s == ' ')
            s++;
    }
    if ((r->flags & EMU_ROUTE_USER) && !c->token.user[0]) {
        emu_reply_error(c, 401, "Unauthorized.");
        return -1;
    }
    return 0;
}

/* The accounts service (accounts.spotify.com: /api/token, /authorize) answers errors in
 * RFC 6749's format; the Web API and the control API in the Web API's. */
static int is_accounts(const char *path)
{
    return strncmp(path, "/api/", 5) == 0 || strncmp(path, "/authorize", 10) == 0;
}

static const char *oauth_code(int status)
{
    if (status == 401)
        return "invalid_client";
    if (status == 429 || status == 503)
        return "temporarily_unavailable";
    return status >= 400 && status < 500 ? "invalid_request" : "server_error";
}

/* An error the router itself answers (no route, faults, limits), in the path's format. */
static void reply_failure(emu_call *c, int status, const char *message)
{
    if (c->req->path && is_accounts(c->req->path))
        emu_reply_oauth_error(c, status, oauth_code(status), message);
    else
        emu_reply_error(c, status, message);
}

static void reply_limited(emu_call *c, int kind, unsigned retry_after)
{
    char ra[24];
    if (kind == 2)
        emu_reply_error_reason(c, 429, "Quota exceeded", "QUOTA_EXCEEDED");
    else
        reply_failure(c, 429, "API rate limit exceeded");
    snprintf(ra, sizeof ra, "%u", retry_after);
    emu_response_add_header(c->res, "Retry-After", ra);
}

/* Web API gatekeeping in Spotify's order: token, limits, mode, scopes. */
static int admit_webapi(emu_call *c)
{
    if (authenticate(c) < 0)
        return -1;
    unsigned retry_after;
    int limited = emu_limits_admit(c->ctx->limits, (size_t)c->token.app, c->now_ms, &retry_after);
    if (limited) {
        reply_limited(c, limited, retry_after);
        return -1;
    }
    if (emu_dev_mode(c) && emu_mode_removed(c->route->method, c->route->pattern)) {
        emu_reply_error(c, 403, "Forbidden");
        return -1;
    }
    return authorize_scopes(c);
}

static const char *status_message(int status)
{
    switch (status) {
    case 400:
        return "Bad request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not found";
    case 429:
        return "API rate limit exceeded";
    case 500:
        return "Server error";
    case 502:
        return "Bad gateway";
    case 503:
        return "Service unavailable";
    default:
        return "Error";
    }
}

/* Faults that replace the answer; returns 1 when the request is answered. */
static int fault_preempts(emu_call *c, const emu_fault_rule *f)
{
    switch (f->kind) {
    case EMU_FAULT_STATUS:
        reply_failure(c, f->status, status_message(f->status));
        return 1;
    case EMU_FAULT_RATE_LIMIT:
        reply_limited(c, 1, f->retry_after);
        return 1;
    case EMU_FAULT_RATE_LIMIT_NO_RETRY_AFTER:
        reply_failure(c, 429, "API rate limit exceeded");
        return 1;
    case EMU_FAULT_RESET:
        c->res->status = 0;
        c->res->delivery = EMU_DELIVER_RESET;
        return 1;
    default:
        return 0;
    }
}

/* Faults that alter a normal answer after it was produced. */
static void fault_alters(emu_call *c, const emu_fault_rule *f)
{
    emu_response *res = c->res;
    switch (f->kind) {
    case EMU_FAULT_TRUNCATE:
        res->delivery = EMU_DELIVER_TRUNCATE;
        break;
    case EMU_FAULT_SLOW:
        res->delivery = EMU_DELIVER_SLOW;
        res->delay_ms = f->delay_ms;
        break;
    case EMU_FAULT_MALFORMED_JSON: {
        static const char broken[] = "{\"error\": {\"status\": 200, \"message\": ";
        size_t keep = res->body_len > 8 ? res->body_len / 2 : 0;
        if (keep) {
            res->body_len = keep; /* a JSON text cut in half never parses */
            res->body[keep] = 0;
        } else {
            char *b = strdup(broken);
            if (b)
                emu_response_set_body(res, 200, b, strlen(b));
        }
        res->status = 200;
        res->content_type = NULL;
        break;
    }
    default:
        break;
    }
}

static void dispatch(emu_call *c, lookup_result found)
{
    if (c->req->body_too_large) {
        reply_failure(c, 413, "Request entity too large");
        return;
    }
    if (found == NO_METHOD) {
        reply_failure(c, 405, "Method not allowed");
        return;
    }
    if (found == NO_PATH) {
        reply_failure(c, 404, "Service not found");
        return;
    }
    if ((c->route->flags & EMU_ROUTE_WEBAPI) && admit_webapi(c) < 0)
        return;
    if (!emu_fixtures_route(c)) /* the user's own objects first (fixtures_routes.h) */
        c->route->handler(c);
}

static int is_control(const char *path)
{
    return strncmp(path, "/_emulator/", 11) == 0;
}

void emu_handle(emu_ctx *ctx, const emu_request *req, emu_response *res)
{
    emu_call call = {.ctx = ctx, .req = req, .res = res, .now_ms = emu_now_ms(ctx)};
    emu_call *c = &call;
    memset(res, 0, sizeof *res);
    const char *path = req->path ? req->path : "/";
    lookup_result found = find_route(c, req->method ? req->method : "", path);
    if (is_control(path)) {
        if (req->bad_encoding)
            emu_reply_error(c, 400, "Malformed request");
        else
            dispatch(c, found);
        free(c->param_buf);
        return;
    }
    emu_fault_rule fault;
    int fired = emu_faults_match(ctx->faults, req->method, path, &fault);
    res->delay_ms = emu_faults_latency(ctx->faults);
    if (fired && fault.kind == EMU_FAULT_LATENCY)
        res->delay_ms += fault.delay_ms;
    if (fired && fault_preempts(c, &fault)) {
        /* answered by the fault */
    } else if (emu_faults_roll_failure(ctx->faults)) {
        reply_failure(c, 503, "Service unavailable");
    } else if (req->bad_encoding) {
        reply_failure(c, 400, "Malformed request");
    } else {
        dispatch(c, found);
        if (fired)
            fault_alters(c, &fault);
    }
    emu_stats_count(ctx->stats, req->method, c->route ? c->route->pattern : path, res->status);
    free(c->param_buf);
}
