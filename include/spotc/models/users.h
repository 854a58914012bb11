/**
 * @file spotc/models/users.h
 * @brief Users: public profiles, the current user's private profile, playlist
 *        owners. Rules and ownership: spotc/models.h.
 */
#ifndef SPOTC_MODELS_USERS_H
#define SPOTC_MODELS_USERS_H

#include "objects.h"

SPOTC_BEGIN_DECL

/** The current user's explicit-content settings (user-read-private). */
typedef struct spotc_explicit_content {
    struct json_t *json;
    int filter_enabled; /**< 1, 0, or -1 when absent */
    int filter_locked;
} spotc_explicit_content;

/** A user: public profile, playlist owner (id, display name) or, from GET /me,
 *  the private profile, whose extra fields are NULL/absent elsewhere. */
typedef struct spotc_user {
    struct json_t *json;
    const char *id;
    const char *display_name; /**< NULL when the user has none */
    const char *uri;
    const char *href;
    const char *spotify_url;
    const char *type; /**< "user" */
    int followers;    /**< followers.total, -1 when absent */
    size_t image_count;
    spotc_image *images;
    /* private profile only */
    const char *account_id;
    const char *country; /**< user-read-private */
    const char *email;   /**< user-read-email */
    const char *product; /**< "premium", "free"... (user-read-private) */
    spotc_explicit_content explicit_content;
} spotc_user;

typedef struct spotc_user_list SPOTC_LIST_OF(spotc_user) spotc_user_list;

/** A user object (public or private profile). */
SPOTC_EXTERN int spotc_user_parse(spotc_user **out, const char *json, size_t len);
SPOTC_EXTERN void spotc_user_free(spotc_user *user);

SPOTC_END_DECL

#endif
