/*
 * The one path every library and follow batch takes (library_batch.c): the
 * public options checked, the batch engine called, a contains check's answers
 * turned into the caller's bool array.
 */
#ifndef SPOTC_LIB_LIBRARY_BATCH_H
#define SPOTC_LIB_LIBRARY_BATCH_H

#include <stdbool.h>

#include <spotc.h>

/* One batch call of the library or follow endpoints. */
typedef struct spotc__library_call {
    const char *op;              /* the operation id, e.g. "save-library-items" */
    spotc_item_type type;        /* SPOTC_TYPE_ANY for /me/library (URIs) */
    const char *follow_type;     /* the `type` parameter of /me/following, else NULL */
} spotc__library_call;

/** Send `call` for the items; with `answers` (a contains check) the answers
 *  come back there in input order (the caller's, spotc_free()). */
int spotc__library_batch(bool **answers, spotc_client *client, const spotc__library_call *call,
                         const char *const *items, size_t count,
                         const spotc_library_options *opts);

#endif
