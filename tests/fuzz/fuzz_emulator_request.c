/*
 * libFuzzer harness for the emulator's request handling without sockets: raw bytes are
 * parsed as an HTTP/1.x request (emu_request_parse_raw) and answered by emu_handle(), which
 * covers percent-decoding, routing, the token endpoint's form parsing, the control API's
 * JSON bodies, search query parsing and every catalogue handler. When the first byte is
 * odd, a valid bearer token is added so the Web API handlers are reached too.
 *
 * One world, built once in LLVMFuzzerInitialize, serves every input; after each, what the
 * input changed is put back so that no input sees another's effects (a crash must replay
 * from its file alone): faults, stats, rate windows and the clock always; the user state
 * (rebuilt from the seed) only when the input took its write lock; the token table only
 * when its generation moved (a fresh table holding just the harness's bearer); the codes
 * of /authorize always (a fresh, empty table).
 *
 * Why it matters for speed: libFuzzer runs LeakSanitizer over the whole heap (catalogue
 * included) after every input that leaves more allocations than it frees. Tokens and codes
 * kept by inputs did that (a third of the run's time went to those scans, and a rebuild of
 * the world every 20,000 inputs was needed to bound their growth). Putting back only what
 * changed costs about nothing and keeps each input's allocations balanced: the harness
 * runs about twice as fast; what remains is the handlers' own work (rendering playlists,
 * searching the catalogue).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "authcodes.h"
#include "ctx.h"
#include "http.h"
#include "router.h"
#include "fold.h"
#include "search.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static emu_ctx *ctx;
static char token[EMU_TOKEN_LEN + 1];
static emu_token_info token_info;
static char bearer[EMU_TOKEN_LEN + 16];
static unsigned long writes_seen;
static uint64_t tokens_seen;

/* The harness's own bearer token, issued anew (a run outlives its hour of validity). */
static void issue_bearer(void)
{
    emu_token_info info = {.app = 0};
    snprintf(info.user, sizeof info.user, "demo");
    snprintf(info.scope, sizeof info.scope, "user-read-private");
    if (emu_tokens_issue(ctx->tokens, &info, emu_now_ms(ctx), token, NULL) < 0 ||
        emu_tokens_lookup(ctx->tokens, token, &token_info) < 0)
        abort();
    snprintf(bearer, sizeof bearer, "Bearer %s", token);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    emu_config cfg;
    if (emu_config_defaults(&cfg) < 0 || emu_config_add_app(&cfg, "fuzz:fuzz-secret") < 0)
        abort();
    cfg.rate_limit = 1000;
    cfg.quota = 100000;
    ctx = emu_ctx_new(&cfg);
    if (!ctx)
        abort();
    emu_ctx_set_base(ctx, "http://127.0.0.1:1");
    issue_bearer();
    tokens_seen = emu_tokens_generation(ctx->tokens);
    return 0;
}

/* A token table holding only the harness's bearer, renewed ten minutes before it expires. */
static void reset_tokens(void)
{
    int renew = emu_now_ms(ctx) > token_info.expires_ms - 600 * 1000;
    if (!renew && emu_tokens_generation(ctx->tokens) == tokens_seen)
        return;
    emu_tokens_free(ctx->tokens);
    ctx->tokens = emu_tokens_new();
    if (!ctx->tokens)
        abort();
    if (renew)
        issue_bearer();
    else if (emu_tokens_restore(ctx->tokens, token, &token_info, 0) < 0)
        abort();
    tokens_seen = emu_tokens_generation(ctx->tokens);
}

static void reset_what_changed(void)
{
    unsigned long writes = atomic_load(&ctx->state_writes);
    if (writes != writes_seen) {
        emu_ctx_reset(ctx);
        writes_seen = atomic_load(&ctx->state_writes);
    } else {
        emu_faults_clear(ctx->faults);
        emu_stats_reset(ctx->stats);
        emu_limits_reset(ctx->limits);
        atomic_store(&ctx->clock_offset_ms, 0);
    }
    reset_tokens();
    emu_authcodes_free(ctx->authcodes);
    ctx->authcodes = emu_authcodes_new();
    if (!ctx->authcodes)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int with_token = data[0] & 1;
    emu_request req;
    if (emu_request_parse_raw(&req, (const char *)data + 1, size - 1) < 0)
        return 0;
    if (with_token && emu_kvlist_add(&req.headers, "Authorization", bearer) < 0)
        abort();
    emu_response res = {0};
    emu_handle(ctx, &req, &res);
    if (res.status && (res.status < 100 || res.status > 599))
        abort();
    if (res.body && strlen(res.body) > res.body_len)
        abort();
    /* The search parser on the raw query value as well, whatever the route. */
    const char *q = emu_request_query(&req, "q");
    emu_search_query sq;
    if (q) {
        char folded[64];
        (void)emu_search_parse(q, &sq);
        (void)emu_fold(q, strlen(q), folded, sizeof folded);
    }
    emu_response_clear(&res);
    emu_request_clear(&req);
    reset_what_changed();
    return 0;
}
