/**
 * @file spotc/operations.h
 * @brief The table of every Web API operation (97), which drives spotc_operation_call(),
 *        the CLI's `api` command and the coverage tests.
 */
#ifndef SPOTC_OPERATIONS_H
#define SPOTC_OPERATIONS_H

#include "common.h"

SPOTC_BEGIN_DECL

typedef enum spotc_param_in {
    SPOTC_IN_PATH = 0,
    SPOTC_IN_QUERY = 1,
    SPOTC_IN_BODY = 2,
} spotc_param_in;

typedef enum spotc_param_type {
    SPOTC_T_STRING = 0,
    SPOTC_T_INT = 1,
    SPOTC_T_BOOL = 2,
    SPOTC_T_LIST = 3,   /**< comma-separated in the query; a JSON array of strings in a body */
    SPOTC_T_OBJECT = 4, /**< raw JSON value (body only) */
} spotc_param_type;

typedef struct spotc_param_def {
    const char *name;
    spotc_param_in in;
    spotc_param_type type;
    int required;
} spotc_param_def;

typedef enum spotc_paging_kind {
    SPOTC_PAGING_NONE = 0,
    SPOTC_PAGING_OFFSET = 1, /**< limit/offset, `next` URLs */
    SPOTC_PAGING_CURSOR = 2, /**< `after`/`before` cursors */
} spotc_paging_kind;

typedef struct spotc_operation {
    const char *id;     /**< Spotify's operationId, e.g. "get-track" */
    const char *method; /**< GET, POST, PUT, DELETE */
    const char *path;   /**< template below the API base, e.g. "/tracks/{id}" */
    const char *scopes; /**< space-separated scopes it needs (any one of them), or NULL */
    const spotc_param_def *params;
    size_t nparams;
    const char *batch_param; /**< the ID list parameter that is batched, or NULL */
    int batch_max;           /**< at most this many IDs per request (0: not batched) */
    spotc_paging_kind paging;
    int limit_default; /**< page size default and maximum (0 when not paged) */
    int limit_max;
    const char *items_key;   /**< where the paged or batched array lives: "items", "tracks", or a
                                  dotted path "artists.items" for a page under a key; NULL when
                                  there is none or several (search) */
    int deprecated;          /**< 1: removed for development-mode apps since February 2026 */
    const char *replacement; /**< the operation to use instead, or NULL */
    const char *summary;     /**< one line, for help */
    int dev_limit_default;   /**< page size default and maximum for development-mode apps */
    int dev_limit_max;       /**< where they are smaller since February 2026 (search, an artist's
                                  albums); 0: the same as limit_default / limit_max */
} spotc_operation;

/** @return how many operations the table has. */
SPOTC_EXTERN size_t spotc_operation_count(void);

/** @return the i-th operation (static storage), or NULL when out of range. */
SPOTC_EXTERN const spotc_operation *spotc_operation_get_at(size_t i);

/** @return the operation with this operationId (static storage), or NULL. */
SPOTC_EXTERN const spotc_operation *spotc_operation_find(const char *id);

/**
 * Find the operation that serves a concrete request, e.g. ("GET", "/tracks/abc").
 * The path may carry the "/v1" prefix and a query string; both are ignored.
 * @return the operation (static storage), or NULL.
 */
SPOTC_EXTERN const spotc_operation *spotc_operation_match(const char *method, const char *path);

/** @return the definition of a parameter of an operation, or NULL. */
SPOTC_EXTERN const spotc_param_def *spotc_operation_find_param(const spotc_operation *op,
                                                               const char *name);

SPOTC_END_DECL

#endif
