/*
 * The _options_init() functions beside every _OPTIONS_INIT macro: bindings
 * (and anyone who cannot use a C initializer) get the same defaults.
 */
#include <string.h>

#include "internal.h"

/* Copy the macro's value into opts when the caller asks for the version we know. */
static int init_from(void *opts, const void *init, size_t size, unsigned int version,
                     unsigned int known, const char *name)
{
    if (!opts || version != known)
        return spotc__error_last_set(SPOTC_EINVALID, "%s: unknown version %u (this library has %u)",
                                     name, version, known);
    memcpy(opts, init, size);
    return 0;
}

#define DEFINE_OPTIONS_INIT(type, INIT, VERSION)                                                   \
    int type##_init(type *opts, unsigned int version)                                              \
    {                                                                                              \
        static const type init = INIT;                                                             \
        return init_from(opts, &init, sizeof init, version, VERSION, #type);                       \
    }

DEFINE_OPTIONS_INIT(spotc_client_options, SPOTC_CLIENT_OPTIONS_INIT, SPOTC_CLIENT_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_page_options, SPOTC_PAGE_OPTIONS_INIT, SPOTC_PAGE_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_batch_options, SPOTC_BATCH_OPTIONS_INIT, SPOTC_BATCH_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_recommendations_options, SPOTC_RECOMMENDATIONS_OPTIONS_INIT,
                    SPOTC_RECOMMENDATIONS_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_authorize_options, SPOTC_AUTHORIZE_OPTIONS_INIT,
                    SPOTC_AUTHORIZE_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_listener_options, SPOTC_LISTENER_OPTIONS_INIT,
                    SPOTC_LISTENER_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_login_options, SPOTC_LOGIN_OPTIONS_INIT, SPOTC_LOGIN_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_token_store_file_options, SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT,
                    SPOTC_TOKEN_STORE_FILE_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_playlist_details, SPOTC_PLAYLIST_DETAILS_INIT,
                    SPOTC_PLAYLIST_DETAILS_VERSION)
DEFINE_OPTIONS_INIT(spotc_playlist_add_options, SPOTC_PLAYLIST_ADD_OPTIONS_INIT,
                    SPOTC_PLAYLIST_ADD_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_playlist_remove_options, SPOTC_PLAYLIST_REMOVE_OPTIONS_INIT,
                    SPOTC_PLAYLIST_REMOVE_OPTIONS_VERSION)
DEFINE_OPTIONS_INIT(spotc_playlist_reorder_options, SPOTC_PLAYLIST_REORDER_OPTIONS_INIT,
                    SPOTC_PLAYLIST_REORDER_OPTIONS_VERSION)
