/**
 * @file router.h
 * @brief Routing: request -> route table -> handler -> response, without sockets.
 *
 * emu_handle() is the whole pure core of the emulator. For every request it
 *  1. sends /_emulator/ paths to the control API (no token, no faults, not counted);
 *  2. applies scripted fault rules, then the global latency and failure rate;
 *  3. finds the route (404 "Service not found" when no pattern matches the path, 405 when
 *     a pattern matches but not for this method, 400 on a bad percent-encoding);
 *  4. for Web API routes (EMU_ROUTE_WEBAPI): checks the bearer token (401s), the rate limit
 *     and quota (429s), the development-mode removals (403, modes.c) and the scopes;
 *  5. calls the handler and counts the answer in the stats.
 *
 * HOW TO ADD A ROUTE
 *  - Write a handler `static void get_thing(emu_call *c)` in the routes_<area>.c file of its
 *    area. It reads path parameters with emu_param(c, i) (in pattern order), query
 *    parameters with emu_query(c, "name"), the body from c->req, the token from c->token,
 *    and answers with emu_reply_json() (build the body with jw.h and objects.h),
 *    emu_reply_error() or one of the other emu_reply_* helpers in this header. Paging
 *    parameters: emu_paging_params(); IDs: emu_catalogue_find() (catalogue.h).
 *  - Add a line to the area's table, e.g.
 *        {"GET", "/v1/things/{id}", get_thing, EMU_ROUTE_WEBAPI, NULL},
 *    Patterns are literal segments and `{name}` segments (one non-empty segment each).
 *    The last field is the space-separated scopes the token needs (NULL for none); add
 *    EMU_ROUTE_USER when only a user token will do.
 *  - A new area: declare its table with EMU_ROUTE_TABLE in routes.h and list it in
 *    router.c's `tables[]`.
 *  - If Spotify removed the operation for development-mode apps, add it to modes.c.
 *
 * HOW TO ADD AN OBJECT TYPE: see catalogue.h (generation and IDs) and objects.h (JSON).
 *
 * Thread safety: handlers run concurrently on the server's threads. Read the catalogue
 * freely; take ctx->state_lock around mutable state (ctx.h).
 */
#ifndef SPOTC_EMU_ROUTER_H
#define SPOTC_EMU_ROUTER_H

#include <stddef.h>

#include "ctx.h"
#include "http.h"
#include "jw.h"
#include "tokens.h"

#define EMU_MAX_PARAMS 4

enum emu_route_flags {
    EMU_ROUTE_PUBLIC = 0,      /**< no token (accounts service, /authorize) */
    EMU_ROUTE_WEBAPI = 1 << 0, /**< bearer token, rate limit, quota, modes */
    EMU_ROUTE_USER = 1 << 1,   /**< a user token is required (with WEBAPI) */
    EMU_ROUTE_CONTROL = 1 << 2 /**< /_emulator/: no faults, not counted */
};

typedef struct emu_call emu_call;
typedef void (*emu_handler)(emu_call *c);

typedef struct emu_route {
    const char *method;
    const char *pattern; /**< "/v1/tracks/{id}" */
    emu_handler handler;
    unsigned flags;
    const char *scopes; /**< required scopes, space separated, or NULL */
} emu_route;

/** One request being answered. Everything is borrowed for the duration of the handler. */
struct emu_call {
    emu_ctx *ctx;
    const emu_request *req;
    emu_response *res;
    const emu_route *route;
    const char *params[EMU_MAX_PARAMS];
    size_t nparams;
    char *param_buf; /**< owns the storage params point into */
    int has_token;   /**< a valid bearer token was presented */
    emu_token_info token;
    int64_t now_ms; /**< emulator time when the request arrived */
};

/** Answer one request (see the steps above). @p res is filled; the caller clears it. */
void emu_handle(emu_ctx *ctx, const emu_request *req, emu_response *res);

/** The @p i-th `{...}` segment of the matched pattern, or "" when absent. */
const char *emu_param(const emu_call *c, size_t i);
/** Non-zero when the call's token was granted @p scope (handlers whose scope depends on
 *  the request, e.g. a playlist's visibility). */
int emu_call_has_scope(const emu_call *c, const char *scope);
/** A query parameter, or NULL. */
const char *emu_query(const emu_call *c, const char *name);

/** 2xx/4xx with the JSON built in @p w (the buffer is taken; 500 when @p w failed). */
void emu_reply_json(emu_call *c, int status, jw *w);
/** A status with no body (e.g. 204 or 200 with an empty body). */
void emu_reply_empty(emu_call *c, int status);
/** Web API error: {"error":{"status":N,"message":"..."}}. */
void emu_reply_error(emu_call *c, int status, const char *message);
/** Same with "reason" (NO_ACTIVE_DEVICE, PREMIUM_REQUIRED, QUOTA_EXCEEDED). */
void emu_reply_error_reason(emu_call *c, int status, const char *message, const char *reason);
/** Accounts service error (RFC 6749): {"error":"...","error_description":"..."}. */
void emu_reply_oauth_error(emu_call *c, int status, const char *error, const char *description);

/** Fill a response with a Web API error outside of a call (server-level failures). */
void emu_response_error(emu_response *res, int status, const char *message, const char *reason);

/**
 * Read `limit` and `offset` with Spotify's rules; on a bad value answers 400 ("Invalid
 * limit" / "Invalid offset") and returns -1.
 * @param max_offset largest offset accepted (0 = no maximum)
 */
int emu_paging_params(emu_call *c, int def_limit, int max_limit, long max_offset, int *limit,
                      long *offset);

/**
 * Write the paging object's fields (href, limit, next, offset, previous, total) into an open
 * JSON object; the caller then writes "items". @p path is like "/v1/albums/ID/tracks";
 * @p extra is an already encoded query string to keep in every link (may be NULL or "").
 */
void emu_paging_links(jw *w, const emu_ctx *ctx, const char *path, const char *extra, long offset,
                      int limit, long total);
/** The request's own query string re-encoded without limit and offset (caller frees). */
char *emu_query_without_paging(const emu_call *c);

/** Percent-encode @p s for a query value into @p w's current string. */
void emu_url_encode_append(jw *w, const char *s);

/** Development mode: non-zero when method + pattern is removed (modes.c). */
int emu_mode_removed(const char *method, const char *pattern);
/** Non-zero when the emulator runs in development mode (modes.c). */
int emu_dev_mode(const emu_call *c);

#endif
