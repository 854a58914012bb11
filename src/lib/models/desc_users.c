/*
 * Descriptor of users (spotc/models/users.h).
 */
#include "model.h"

#define T spotc_explicit_content
static const spotc__field explicit_content_fields[] = {
    SPOTC__TRISTATE(T, filter_enabled, "filter_enabled"),
    SPOTC__TRISTATE(T, filter_locked, "filter_locked"),
};
#undef T
SPOTC__MODEL(explicit_content, explicit_content_fields, NULL);

#define T spotc_user
static const spotc__field user_fields[] = {
    SPOTC__STRING(T, id, "id"),
    SPOTC__STRING(T, display_name, "display_name"),
    SPOTC__STRING(T, uri, "uri"),
    SPOTC__STRING(T, href, "href"),
    SPOTC__STRING(T, spotify_url, "external_urls.spotify"),
    SPOTC__STRING(T, type, "type"),
    SPOTC__INT(T, followers, "followers.total"),
    SPOTC__OBJECTS(T, images, image_count, "images", image),
    SPOTC__STRING(T, account_id, "account_id"),
    SPOTC__STRING(T, country, "country"),
    SPOTC__STRING(T, email, "email"),
    SPOTC__STRING(T, product, "product"),
    SPOTC__EMBED(T, explicit_content, "explicit_content", explicit_content),
};
#undef T
SPOTC__MODEL(user, user_fields, NULL);
SPOTC__MODEL_FUNCTIONS(user)
SPOTC__LIST(user, "users", NULL);
