/*
 * Batching: a list of IDs split into requests of an endpoint's maximum.
 *
 * Two layers:
 *   - spotc__batch_call() (batch_call.c), the engine every typed function of a
 *     batch operation uses (the 33 of the table with a batch_param): any number
 *     of IDs, URIs or open.spotify.com links, checked before the first request,
 *     sent in chunks of the endpoint's maximum (reads several at once, writes
 *     strictly in order), results in input order, failures named with the IDs
 *     of the chunk, the app's mode applied (app_mode.h);
 *   - its pure parts (batch_plan.c: chunk bounds, joining, merging), and the
 *     older in-order callback runner spotc__batch_run() (batch.c).
 */
#ifndef SPOTC_LIB_BATCH_ENGINE_H
#define SPOTC_LIB_BATCH_ENGINE_H

#include <stddef.h>

#include <jansson.h>

#include <spotc.h>

/* ------------------------------------------------------------ the engine */

/* The most chunks of a read sent at once. */
#define SPOTC__BATCH_CONCURRENCY_MAX 16

/* What to send. Everything is borrowed for the call only. */
typedef struct spotc__batch_spec {
    const char *operation_id;  /* a batch operation of the table, e.g. "get-several-tracks",
                                  "save-tracks-user", "add-items-to-playlist" */
    const char *const *items;  /* IDs, URIs or links as the caller gave them (none NULL) */
    size_t count;              /* any number; 0 sends nothing and succeeds */
    spotc_item_type type;      /* every item must be of this type; SPOTC_TYPE_ANY: any type
                                  (then a bare ID takes the operation's own type, from its
                                  path or its `type` parameter, and where there is none,
                                  as for playlists and /me/library, must be a URI or link) */
    const spotc_param *params; /* the operation's other parameters (playlist_id, market,
                                  type ...), as for spotc_operation_call(); never the batched list
                                  itself, nor `position` */
    size_t nparams;
    int has_position;           /* 1: add-items-to-playlist inserts at `position` (0: appends) */
    long position;              /* where the first item goes (>= 0). Each chunk goes at position +
                                   the index of its first item, so the items end up in order from
                                   `position`. */
    int keep_going;             /* 1: after a failed chunk, send the others (their failures are
                                   counted); 0: nothing is sent after a failure */
    int concurrency;            /* reads: chunks sent at once; 0: adaptive (pace.h: from 4, one more
                                   after each calm round up to SPOTC__BATCH_CONCURRENCY_MAX, halved
                                   after a 429); 1: one at a time. Writes always go one at a
                                   time, in order. */
    spotc_progress_cb progress; /* optional: after each round, items done so far */
    void *progress_payload;
} spotc__batch_spec;

/* What came back; release with spotc__batch_result_clear(). */
typedef struct spotc__batch_result {
    json_t *items;   /* reads: an array of `count` objects in input order (the `tracks`,
                        `albums` ... of each response merged; null for an unknown ID and,
                        with keep_going, for the items of a failed chunk). `contains`
                        checks: an array of `count` booleans (false for a failed chunk).
                        Writes: NULL. Owned (one reference): keep it with json_incref(). */
    json_t *last;    /* writes: the JSON of the last successful response (a playlist's
                        {"snapshot_id": ...}), or NULL. Owned, like items. */
    size_t done;     /* items whose request succeeded */
    size_t failed;   /* items in failed chunks (0 on success) */
    size_t requests; /* requests the call led to (403s of auto mode included) */
    int switched;    /* 1 when the development-mode form was used (app_mode.h) */
} spotc__batch_result;

/*
 * Send a batch operation for any number of items.
 *
 * Every item is parsed first (spotc_id_parse): a malformed one, or one of
 * another type, is SPOTC_EINVALID naming its position, and nothing is sent.
 * Items are sent as the operation wants them: bare IDs for `ids`, URIs for
 * `uris`, [{"uri": ...}] for the `tracks`/`items` of playlist removals.
 *
 * The app's mode (spotc_client_options.mode) picks what is sent: a removed
 * several-item read becomes single reads (sent `concurrency` at once; a 404
 * gives null, as a several-item read does for an unknown ID), the other removed
 * operations their replacement (/me/library with URIs in chunks of its own
 * maximum, playlists' /items). In auto mode the first 403 switches the rest
 * of the call, from the refused chunk on, and the client remembers.
 *
 * A failed chunk stops the call (unless keep_going) and is named in the error:
 *   "add-items-to-playlist: chunk 3 of 5 (items 201-300: spotify:track:...,...)
 *    failed: <its error>; 200 of 500 items done, nothing sent after it"
 * with its HTTP details kept; the code is SPOTC_EPARTIAL when some items were
 * done (their effects stand), else the chunk's own code. Chunks of a read sent
 * in the same round as the failed one may have been answered: their results are
 * kept. POST chunks are never replayed blindly (send.h's retry policy).
 *
 * A typed function of a batch operation is a few lines around it, e.g.
 *
 *     const spotc_param market[] = {{"market", m}};
 *     spotc__batch_spec spec = {.operation_id = "get-several-tracks", .items = ids,
 *                               .count = n, .type = SPOTC_TYPE_TRACK,
 *                               .params = market, .nparams = m ? 1 : 0,
 *                               .progress = opts->progress,
 *                               .progress_payload = opts->progress_payload};
 *     spotc__batch_result r;
 *     int rc = spotc__batch_call(&r, client, &spec);
 *     if (rc == 0)  // r.items is what {"tracks": [...]} holds: parse it into models
 *         ...;
 *     spotc__batch_result_clear(&r);
 *
 * (the client's market is added by the call where the operation takes one).
 *
 * @param[out] out the result (cleared first; filled as far as the call got,
 *                 also on failure).
 * @return 0, or a negative code with the details on the client.
 */
int spotc__batch_call(spotc__batch_result *out, spotc_client *client,
                      const spotc__batch_spec *spec);

/* Release a result's documents. Safe on a cleared or zeroed result. */
void spotc__batch_result_clear(spotc__batch_result *r);

/* ------------------------------------------------------------ pure parts (batch_plan.c) */

/* One chunk of a list: items [first, first + count), inserted at `position`
 * (-1: no position). */
typedef struct spotc__chunk {
    size_t first, count;
    long position;
} spotc__chunk;

/* The k-th chunk of the items [from, total) in chunks of at most max, for a
 * list inserted at `position` (-1: none): the chunk goes at position + first.
 * @return 1 with the chunk, 0 when k is past the end (or max is 0). */
int spotc__batch_chunk(spotc__chunk *out, size_t from, size_t total, size_t max, size_t k,
                       long position);

/* The chunk's items as its list parameter's value: the wire values joined by
 * commas, or (objects) a JSON array [{"uri": ...}, ...]. The caller frees;
 * NULL when out of memory. */
char *spotc__batch_join(const char *const *wire, const spotc__chunk *chunk, int objects);

/* Place the elements of `got` (a response's array) at slots first.. of `into`
 * (an array of at least first + n slots). @return 0, or SPOTC_EJSON when got
 * is not an array of exactly n elements (into is unchanged), SPOTC_ENOMEM. */
int spotc__batch_merge(json_t *into, size_t first, size_t n, json_t *got);

/* ------------------------------------------------------------ in-order runner (batch.c) */

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
