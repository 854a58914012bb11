/*
 * Descriptors of the small shared objects (spotc/models/objects.h).
 */
#include "model.h"

#define T spotc_image
static const spotc__field image_fields[] = {
    SPOTC__STRING(T, url, "url"),
    SPOTC__INT(T, width, "width"),
    SPOTC__INT(T, height, "height"),
};
#undef T
SPOTC__MODEL(image, image_fields, NULL);
SPOTC__LIST(image, "images", NULL);
SPOTC__LIST_FUNCTIONS(image)

#define T spotc_copyright
static const spotc__field copyright_fields[] = {
    SPOTC__STRING(T, text, "text"),
    SPOTC__STRING(T, type, "type"),
};
#undef T
SPOTC__MODEL(copyright, copyright_fields, NULL);

#define T spotc_restrictions
static const spotc__field restrictions_fields[] = {
    SPOTC__STRING(T, reason, "reason"),
};
#undef T
SPOTC__MODEL(restrictions, restrictions_fields, NULL);

#define T spotc_external_ids
static const spotc__field external_ids_fields[] = {
    SPOTC__STRING(T, isrc, "isrc"),
    SPOTC__STRING(T, ean, "ean"),
    SPOTC__STRING(T, upc, "upc"),
};
#undef T
SPOTC__MODEL(external_ids, external_ids_fields, NULL);
