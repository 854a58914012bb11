/*
 * Development mode: the operations Spotify removed for development-mode apps (the
 * deprecations of November 2024 and February 2026). In --mode development they answer
 * 403; extended-quota mode serves them all. A new route that Spotify removed for
 * development mode gets a line here (parameter names inside {} do not matter).
 */
#include <string.h>

#include "router.h"

typedef struct removed_op {
    const char *method;
    const char *pattern;
} removed_op;

static const removed_op removed[] = {
    {"GET", "/v1/albums"},
    {"GET", "/v1/artists"},
    {"GET", "/v1/artists/{id}/top-tracks"},
    {"GET", "/v1/artists/{id}/related-artists"},
    {"GET", "/v1/shows"},
    {"GET", "/v1/episodes"},
    {"GET", "/v1/audiobooks"},
    {"PUT", "/v1/me/audiobooks"},
    {"DELETE", "/v1/me/audiobooks"},
    {"GET", "/v1/me/audiobooks/contains"},
    {"GET", "/v1/chapters"},
    {"GET", "/v1/tracks"},
    {"GET", "/v1/playlists/{playlist_id}/tracks"},
    {"PUT", "/v1/playlists/{playlist_id}/tracks"},
    {"POST", "/v1/playlists/{playlist_id}/tracks"},
    {"DELETE", "/v1/playlists/{playlist_id}/tracks"},
    {"PUT", "/v1/me/albums"},
    {"DELETE", "/v1/me/albums"},
    {"GET", "/v1/me/albums/contains"},
    {"PUT", "/v1/me/tracks"},
    {"DELETE", "/v1/me/tracks"},
    {"GET", "/v1/me/tracks/contains"},
    {"PUT", "/v1/me/episodes"},
    {"DELETE", "/v1/me/episodes"},
    {"GET", "/v1/me/episodes/contains"},
    {"PUT", "/v1/me/shows"},
    {"DELETE", "/v1/me/shows"},
    {"GET", "/v1/me/shows/contains"},
    {"GET", "/v1/users/{user_id}"},
    {"GET", "/v1/users/{user_id}/playlists"},
    {"POST", "/v1/users/{user_id}/playlists"},
    {"PUT", "/v1/playlists/{playlist_id}/followers"},
    {"DELETE", "/v1/playlists/{playlist_id}/followers"},
    {"GET", "/v1/browse/featured-playlists"},
    {"GET", "/v1/browse/categories"},
    {"GET", "/v1/browse/categories/{category_id}"},
    {"GET", "/v1/browse/categories/{category_id}/playlists"},
    {"GET", "/v1/browse/new-releases"},
    {"PUT", "/v1/me/following"},
    {"DELETE", "/v1/me/following"},
    {"GET", "/v1/me/following/contains"},
    {"GET", "/v1/playlists/{playlist_id}/followers/contains"},
    {"GET", "/v1/audio-features"},
    {"GET", "/v1/audio-features/{id}"},
    {"GET", "/v1/audio-analysis/{id}"},
    {"GET", "/v1/recommendations"},
    {"GET", "/v1/recommendations/available-genre-seeds"},
    {"GET", "/v1/markets"},
};

/* Compare two patterns segment by segment, any {param} matching any other. */
static int same_pattern(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a == '{' && *b == '{') {
            a = strchr(a, '}');
            b = strchr(b, '}');
            if (!a || !b)
                return 0;
        }
        if (*a++ != *b++)
            return 0;
    }
    return *a == *b;
}

int emu_mode_removed(const char *method, const char *pattern)
{
    for (size_t i = 0; i < sizeof removed / sizeof *removed; i++)
        if (strcmp(removed[i].method, method) == 0 && same_pattern(removed[i].pattern, pattern))
            return 1;
    return 0;
}

int emu_dev_mode(const emu_call *c)
{
    return c->ctx->cfg.mode == EMU_MODE_DEVELOPMENT;
}
