/* The --state writer thread (see state_saver.h). */
#include "state_saver.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "state_file.h"

struct emu_state_saver {
    emu_ctx *ctx;
    char *path;
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int stop;
    uint64_t saved;     /**< ctx->state_changes at the last write */
    int64_t last_ms;    /**< monotonic time of the last write */
    emu_state_saver_stats stats;
};

void emu_state_changed(emu_ctx *ctx)
{
    atomic_fetch_add(&ctx->state_changes, 1);
}

/* Changes of state and of tokens: the saver writes when this moves. */
static uint64_t changes_of(emu_ctx *ctx)
{
    return atomic_load(&ctx->state_changes) + emu_tokens_generation(ctx->tokens);
}

static int64_t mono_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Copy the state under the read lock, write it without. */
static int save_now(emu_state_saver *sv)
{
    int64_t t0 = mono_us();
    pthread_rwlock_rdlock(&sv->ctx->state_lock);
    uint64_t changes = changes_of(sv->ctx);
    size_t len = 0;
    char *text = emu_state_save_text(sv->ctx, &len);
    pthread_rwlock_unlock(&sv->ctx->state_lock);
    int64_t t1 = mono_us();
    int rc = text ? emu_state_write_file(sv->path, text, len) : -1;
    int64_t t2 = mono_us();
    free(text);
    pthread_mutex_lock(&sv->mu);
    sv->last_ms = t2 / 1000;
    if (rc == 0) {
        sv->saved = changes;
        sv->stats.writes++;
        sv->stats.last_bytes = len + 1;
    } else {
        sv->stats.failures++;
    }
    sv->stats.last_copy_us = (uint64_t)(t1 - t0);
    sv->stats.last_write_us = (uint64_t)(t2 - t1);
    pthread_mutex_unlock(&sv->mu);
    return rc;
}

static void wait_ms(emu_state_saver *sv, int64_t ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    until.tv_sec += (time_t)(ms / 1000) + until.tv_nsec / 1000000000L;
    until.tv_nsec %= 1000000000L;
    pthread_mutex_lock(&sv->mu);
    if (!sv->stop)
        pthread_cond_timedwait(&sv->cv, &sv->mu, &until);
    pthread_mutex_unlock(&sv->mu);
}

static void *run(void *arg)
{
    emu_state_saver *sv = arg;
    for (;;) {
        pthread_mutex_lock(&sv->mu);
        int stop = sv->stop;
        uint64_t saved = sv->saved;
        int64_t since = mono_us() / 1000 - sv->last_ms;
        pthread_mutex_unlock(&sv->mu);
        if (stop)
            break;
        if (changes_of(sv->ctx) == saved) {
            wait_ms(sv, 10); /* poll for changes: cheaper than a signal per request */
        } else if (since < EMU_STATE_SAVE_INTERVAL_MS) {
            wait_ms(sv, EMU_STATE_SAVE_INTERVAL_MS - since);
        } else if (save_now(sv) < 0) {
            fprintf(stderr, "spotc-emulator: cannot write --state %s: %s\n", sv->path,
                    strerror(errno));
            wait_ms(sv, 1000);
        }
    }
    return NULL;
}

emu_state_saver *emu_state_saver_start(emu_ctx *ctx, const char *path)
{
    emu_state_saver *sv = calloc(1, sizeof *sv);
    if (!sv || !(sv->path = strdup(path))) {
        free(sv);
        return NULL;
    }
    sv->ctx = ctx;
    sv->saved = changes_of(ctx);
    sv->last_ms = mono_us() / 1000 - EMU_STATE_SAVE_INTERVAL_MS;
    pthread_mutex_init(&sv->mu, NULL);
    pthread_cond_init(&sv->cv, NULL);
    if (pthread_create(&sv->thread, NULL, run, sv) != 0) {
        pthread_mutex_destroy(&sv->mu);
        pthread_cond_destroy(&sv->cv);
        free(sv->path);
        free(sv);
        return NULL;
    }
    return sv;
}

int emu_state_saver_stop(emu_state_saver *sv)
{
    if (!sv)
        return 0;
    pthread_mutex_lock(&sv->mu);
    sv->stop = 1;
    pthread_cond_signal(&sv->cv);
    pthread_mutex_unlock(&sv->mu);
    pthread_join(sv->thread, NULL);
    int rc = 0;
    if (changes_of(sv->ctx) != sv->saved)
        rc = save_now(sv);
    pthread_mutex_destroy(&sv->mu);
    pthread_cond_destroy(&sv->cv);
    free(sv->path);
    free(sv);
    return rc;
}

void emu_state_saver_get_stats(emu_state_saver *sv, emu_state_saver_stats *out)
{
    memset(out, 0, sizeof *out);
    if (!sv)
        return;
    pthread_mutex_lock(&sv->mu);
    *out = sv->stats;
    out->pending = changes_of(sv->ctx) - sv->saved;
    pthread_mutex_unlock(&sv->mu);
}
