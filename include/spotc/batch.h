/**
 * @file spotc/batch.h
 * @brief Options of the typed several-item reads (spotc_track_get_several ...).
 *
 * Those reads take any number of IDs (URIs, links or bare IDs), check them all
 * before the first request, send them in chunks of the endpoint's maximum and
 * return the items in input order (NULL where Spotify knows no such item).
 * For development-mode apps, which lost the several-item endpoints, the app's
 * mode (spotc_client_options.mode) turns them into single reads.
 *
 * Ownership: options are borrowed for the call only.
 */
#ifndef SPOTC_BATCH_H_PUBLIC
#define SPOTC_BATCH_H_PUBLIC

#include "common.h"

SPOTC_BEGIN_DECL

/** Fill with SPOTC_BATCH_OPTIONS_INIT or spotc_batch_options_init(); NULL means the defaults. */
typedef struct spotc_batch_options {
    unsigned int version;       /**< SPOTC_BATCH_OPTIONS_VERSION */
    int keep_going;             /**< 1: after a failed chunk, read the others (their items NULL) */
    int concurrency;            /**< chunks read at once; 0: adaptive, 1: one at a time */
    spotc_progress_cb progress; /**< optional: items done after each round */
    void *progress_payload;     /**< handed to progress */
} spotc_batch_options;

#define SPOTC_BATCH_OPTIONS_VERSION 1
#define SPOTC_BATCH_OPTIONS_INIT                                                                   \
    {                                                                                              \
        .version = SPOTC_BATCH_OPTIONS_VERSION                                                     \
    }

/** Fill opts with SPOTC_BATCH_OPTIONS_INIT's values (for bindings).
 *  @return 0, or SPOTC_EINVALID for NULL or an unknown version. */
SPOTC_EXTERN int spotc_batch_options_init(spotc_batch_options *opts, unsigned int version);

SPOTC_END_DECL

#endif
