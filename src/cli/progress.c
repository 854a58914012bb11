/*
 * The progress line and wait notices on stderr (progress.h). One stderr per process, so the
 * state is one static struct.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

#define BAR_WIDTH 24

static struct {
    int enabled;     /* stderr is a terminal and no --quiet */
    int running;     /* between begin and end */
    int shown;       /* the line is on the screen */
    long started_ms; /* when begin was called */
    const char *what;
    size_t pages, items;
    long total_pages;
} state;

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void cli_progress_setup(const cli_ctx *ctx)
{
    state.enabled = !ctx->quiet && isatty(STDERR_FILENO);
}

int cli_progress_enabled(void)
{
    return state.enabled;
}

void cli_progress_begin(const char *what)
{
    state.running = 1;
    state.shown = 0;
    state.started_ms = now_ms();
    state.what = what;
    state.pages = state.items = 0;
    state.total_pages = -1;
}

static void draw(void)
{
    char bar[BAR_WIDTH + 1];
    size_t filled = 0;
    if (state.total_pages > 0) {
        size_t done = state.pages < (size_t)state.total_pages ? state.pages : (size_t)state.total_pages;
        filled = done * BAR_WIDTH / (size_t)state.total_pages;
    }
    for (size_t i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[BAR_WIDTH] = '\0';
    if (state.total_pages > 0)
        fprintf(stderr, "\r\033[K[%s] %zu/%ld pages, %zu %s", bar, state.pages, state.total_pages,
                state.items, state.what);
    else
        fprintf(stderr, "\r\033[K%zu pages, %zu %s", state.pages, state.items, state.what);
    fflush(stderr);
    state.shown = 1;
}

void cli_progress_update(size_t pages, long total_pages, size_t items)
{
    if (!state.enabled || !state.running)
        return;
    state.pages = pages;
    state.total_pages = total_pages;
    state.items = items;
    if (state.shown || now_ms() - state.started_ms >= CLI_PROGRESS_DELAY_MS)
        draw();
}

static void erase(void)
{
    if (state.shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        state.shown = 0;
    }
}

void cli_progress_end(void)
{
    erase();
    state.running = 0;
}

void cli_progress_on_wait(int http_status, long delay_ms, void *payload)
{
    (void)payload;
    if (!state.enabled || http_status != 429)
        return;
    erase();
    long s = (delay_ms + 999) / 1000;
    fprintf(stderr, "rate limited: waiting %ld s\n", s);
    fflush(stderr);
    if (state.running && state.pages)
        draw();
}
