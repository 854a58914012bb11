/*
 * libFuzzer harness for the emulator's request handling without sockets: raw bytes are
 * parsed as an HTTP/1.x request (emu_request_parse_raw) and answered by emu_handle(), which
 * covers percent-decoding, routing, the token endpoint's form parsing, the control API's
 * JSON bodies, search query parsing and every catalogue handler. When the first byte is
 * odd, a valid bearer token is added so the Web API handlers are reached too.
 *
 * One world serves every input: after each, only what an input can change is put back
 * (faults, stats, rate windows, the clock), and the user state is rebuilt from the seed
 * only when the input took its write lock. Rebuilding it every time held the harness to
 * about 70-170 executions a second; this way it runs thousands.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "http.h"
#include "router.h"
#include "fold.h"
#include "search.h"

static emu_ctx *ctx;
static char bearer[EMU_TOKEN_LEN + 16];
static unsigned long runs, writes_seen;

static void setup(void)
{
    emu_config cfg;
    if (emu_config_defaults(&cfg) < 0 || emu_config_add_app(&cfg, "fuzz:fuzz-secret") < 0)
        abort();
    cfg.rate_limit = 1000;
    cfg.quota = 100000;
    ctx = emu_ctx_new(&cfg);
    if (!ctx)
        abort();
    emu_ctx_set_base(ctx, "http://127.0.0.1:1");
    emu_token_info info = {.app = 0};
    snprintf(info.user, sizeof info.user, "demo");
    snprintf(info.scope, sizeof info.scope, "user-read-private");
    char tok[EMU_TOKEN_LEN + 1];
    if (emu_tokens_issue(ctx->tokens, &info, emu_now_ms(ctx), tok, NULL) < 0)
        abort();
    snprintf(bearer, sizeof bearer, "Bearer %s", tok);
}

static void reset_what_changed(void)
{
    unsigned long writes = atomic_load(&ctx->state_writes);
    if (writes != writes_seen) {
        emu_ctx_reset(ctx);
        writes_seen = atomic_load(&ctx->state_writes);
        return;
    }
    emu_faults_clear(ctx->faults);
    emu_stats_reset(ctx->stats);
    emu_limits_reset(ctx->limits);
    atomic_store(&ctx->clock_offset_ms, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A fresh state now and then keeps tokens and rules issued by inputs from piling up. */
    if (!ctx || ++runs % 20000 == 0) {
        emu_ctx_free(ctx);
        ctx = NULL;
        setup();
        writes_seen = 0;
    }
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
