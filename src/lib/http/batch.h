/*
 * Batching: a list of IDs split into requests of an endpoint's maximum (batch.c).
 */
#ifndef SPOTC_BATCH_H
#define SPOTC_BATCH_H

#include <stddef.h>

#include <spotc.h>

/* Called once per chunk, in order, with the chunk's IDs joined by commas
 * (borrowed, valid during the call) and its place in the whole list.
 * @return 0, or a negative code with the details on the client. */
typedef int (*spotc__batch_fn)(void *ctx, const char *joined, size_t first, size_t count);

/* Split `ids` (count of them, none NULL) into consecutive chunks of at most
 * `max` and call fn for each, stopping at the first failure. A failure's
 * message is rewritten to name the chunk:
 *   "chunk 3 of 5 (ids 101-150) failed: <what the chunk's request said>"
 * keeping the HTTP details, and the code is SPOTC_EPARTIAL when earlier chunks
 * had succeeded (their effects stand), else the chunk's own code.
 * @return 0 or a negative code. No IDs: 0 without calling fn. */
int spotc__batch_run(spotc_client *client, const char *const *ids, size_t count, size_t max,
                     spotc__batch_fn fn, void *ctx);

/* The number of chunks of at most `max` that `count` items make. */
size_t spotc__batch_chunks(size_t count, size_t max);

#endif
