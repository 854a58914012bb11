/**
 * @file spotc/models/objects.h
 * @brief Small objects every model uses: pages, images, copyrights,
 *        restrictions, external ids. Rules and ownership: spotc/models.h.
 */
#ifndef SPOTC_MODELS_OBJECTS_H
#define SPOTC_MODELS_OBJECTS_H

#include <stdbool.h>
#include "../common.h"

SPOTC_BEGIN_DECL

/** Paging information of a page (offset paging) or cursor page. */
typedef struct spotc_page_info {
    const char *href;
    const char *next;     /**< NULL on the last page */
    const char *previous; /**< NULL on the first page */
    int limit;
    int offset;           /**< -1 for cursor pages */
    int total;            /**< -1 when absent */
    const char *cursor_after;  /**< cursor pages only, else NULL */
    const char *cursor_before;
} spotc_page_info;

/** The body of every list struct: `typedef struct spotc_x_list SPOTC_LIST_OF(spotc_x) spotc_x_list;`.
 *  json is the paging object (or the batch response); items[i] is NULL where Spotify sent null. */
#define SPOTC_LIST_OF(T)                                                                           \
    {                                                                                              \
        struct json_t *json;                                                                       \
        spotc_page_info page;                                                                      \
        size_t count;                                                                              \
        T **items;                                                                                 \
    }

typedef struct spotc_image {
    struct json_t *json;
    const char *url;
    int width;  /**< -1 when unknown (null) */
    int height; /**< -1 when unknown (null) */
} spotc_image;

typedef struct spotc_copyright {
    struct json_t *json;
    const char *text;
    const char *type; /**< "C" (copyright) or "P" (performance copyright) */
} spotc_copyright;

/** Why an item cannot be played; embedded, so reason is NULL when there is none. */
typedef struct spotc_restrictions {
    struct json_t *json;
    const char *reason; /**< "market", "product", "explicit", "payment_required"... */
} spotc_restrictions;

typedef struct spotc_external_ids {
    struct json_t *json;
    const char *isrc;
    const char *ean;
    const char *upc;
} spotc_external_ids;

/** A list of images (a playlist's cover images, {"images": [...]}; page info absent). */
typedef struct spotc_image_list SPOTC_LIST_OF(spotc_image) spotc_image_list;

/** A list of images: {"images": [...]} or a paging object of images. */
SPOTC_EXTERN int spotc_image_list_parse(spotc_image_list **out, const char *json, size_t len);
SPOTC_EXTERN void spotc_image_list_free(spotc_image_list *list);

SPOTC_END_DECL

#endif
