/* Emulator state lifecycle and clock (see ctx.h). */
#include "ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "authcodes.h"
#include "fixtures.h"
#include "state_saver.h"
#include "state.h"

emu_ctx *emu_ctx_new(emu_config *cfg)
{
    emu_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return NULL;
    ctx->cfg = *cfg;
    memset(cfg, 0, sizeof *cfg);
    ctx->cat = emu_catalogue_new(ctx->cfg.seed, ctx->cfg.catalogue);
    ctx->tokens = emu_tokens_new();
    ctx->limits = emu_limits_new(ctx->cfg.napps, ctx->cfg.rate_limit, ctx->cfg.quota);
    ctx->faults = emu_faults_new(ctx->cfg.latency_ms, ctx->cfg.fail_rate);
    ctx->stats = emu_stats_new();
    ctx->authcodes = emu_authcodes_new();
    if (!ctx->cat || !ctx->tokens || !ctx->limits || !ctx->faults || !ctx->stats ||
        !ctx->authcodes || pthread_rwlock_init(&ctx->state_lock, NULL) != 0) {
        emu_authcodes_free(ctx->authcodes);
        emu_catalogue_free(ctx->cat);
        emu_tokens_free(ctx->tokens);
        emu_limits_free(ctx->limits);
        emu_faults_free(ctx->faults);
        emu_stats_free(ctx->stats);
        emu_config_free(&ctx->cfg);
        free(ctx);
        return NULL;
    }
    emu_catalogue_sample(ctx->cat, &ctx->sample);
    atomic_init(&ctx->clock_offset_ms, 0);
    atomic_init(&ctx->state_writes, 0);
    ctx->state = emu_state_new(ctx->cat, emu_now_ms(ctx));
    if (!ctx->state) {
        emu_ctx_free(ctx);
        return NULL;
    }
    snprintf(ctx->base, sizeof ctx->base, "http://127.0.0.1");
    return ctx;
}

void emu_ctx_free(emu_ctx *ctx)
{
    if (!ctx)
        return;
    emu_state_free(ctx->state); /* before the catalogue it points into */
    emu_fixtures_free(ctx->fixtures);
    emu_catalogue_free(ctx->cat);
    emu_tokens_free(ctx->tokens);
    emu_limits_free(ctx->limits);
    emu_faults_free(ctx->faults);
    emu_stats_free(ctx->stats);
    emu_authcodes_free(ctx->authcodes);
    pthread_rwlock_destroy(&ctx->state_lock);
    emu_config_free(&ctx->cfg);
    free(ctx);
}

void emu_ctx_set_base(emu_ctx *ctx, const char *base)
{
    snprintf(ctx->base, sizeof ctx->base, "%s", base);
}

void emu_ctx_reset(emu_ctx *ctx)
{
    pthread_rwlock_wrlock(&ctx->state_lock);
    emu_faults_clear(ctx->faults);
    emu_stats_reset(ctx->stats);
    emu_limits_reset(ctx->limits);
    atomic_store(&ctx->clock_offset_ms, 0);
    /* Later areas reset their per-user state here, under the write lock. */
    emu_state_reset(ctx->state, emu_now_ms(ctx));
    emu_state_changed(ctx);
    pthread_rwlock_unlock(&ctx->state_lock);
}

int64_t emu_now_ms(const emu_ctx *ctx)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 +
           atomic_load(&((emu_ctx *)ctx)->clock_offset_ms);
}

void emu_clock_advance(emu_ctx *ctx, int64_t seconds)
{
    atomic_fetch_add(&ctx->clock_offset_ms, seconds * 1000);
    emu_state_changed(ctx); /* the clock is saved with the state */
}

int emu_app_find(const emu_ctx *ctx, const char *id)
{
    for (size_t i = 0; i < ctx->cfg.napps; i++)
        if (strcmp(ctx->cfg.apps[i].id, id) == 0)
            return (int)i;
    return -1;
}
