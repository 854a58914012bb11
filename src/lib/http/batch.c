/*
 * Batching of ID lists (batch_engine.h).
 *
 * Chunks go out strictly in order so that order-sensitive writes (adding to a
 * playlist) keep the caller's order, and the first failure stops the run: what
 * was sent before it stays done, which is what SPOTC_EPARTIAL tells the caller.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_engine.h"
#include "buf.h"
#include "internal.h"

size_t spotc__batch_chunks(size_t count, size_t max)
{
    return max ? count / max + (count % max != 0) : 0;
}

/* Name the failed chunk in the client's error, keeping its HTTP details. */
static int chunk_failed(spotc_client *client, int rc, size_t chunk, size_t nchunks, size_t first,
                        size_t count)
{
    const spotc_error *e = spotc_client_last_error(client);
    /* The request's method and path live in the error being replaced: copy them. */
    char method[16] = "", path[512] = "";
    if (e && e->method)
        snprintf(method, sizeof method, "%s", e->method);
    if (e && e->path)
        snprintf(path, sizeof path, "%s", e->path);
    int code = chunk > 1 ? SPOTC_EPARTIAL : rc;
    const char *msg = e && e->message && *e->message ? e->message : spotc_strerror(rc);
    spotc__error_set_http(client, code, e ? e->http_status : 0, e ? e->reason : NULL,
                          e ? e->oauth_error : NULL, e ? e->retry_after : -1,
                          "chunk %zu of %zu (ids %zu-%zu) failed: %s", chunk, nchunks, first + 1,
                          first + count, msg);
    if (method[0])
        spotc__error_set_request(client, method, path[0] ? path : NULL);
    return code;
}

/* The IDs [first, first + count) joined by commas into buf. */
static int join(spotc__buf *buf, const char *const *ids, size_t first, size_t count)
{
    spotc__buf_free(buf);
    for (size_t i = 0; i < count; i++) {
        if (i)
            spotc__buf_putc(buf, ',');
        spotc__buf_puts(buf, ids[first + i]);
    }
    return buf->oom ? SPOTC_ENOMEM : 0;
}

int spotc__batch_run(spotc_client *client, const char *const *ids, size_t count, size_t max,
                     spotc__batch_fn fn, void *ctx)
{
    if (count == 0)
        return 0;
    if (!ids || !fn || max == 0)
        return spotc__error_set(client, SPOTC_EINVALID, "batch: nothing to split");
    for (size_t i = 0; i < count; i++)
        if (!ids[i])
            return spotc__error_set(client, SPOTC_EINVALID, "batch: ID %zu is missing", i + 1);
    size_t nchunks = spotc__batch_chunks(count, max);
    spotc__buf buf = SPOTC__BUF_INIT;
    int rc = 0;
    for (size_t chunk = 0; chunk < nchunks && rc == 0; chunk++) {
        size_t first = chunk * max;
        size_t n = count - first < max ? count - first : max;
        if (join(&buf, ids, first, n) != 0) {
            rc = spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
            break;
        }
        rc = fn(ctx, spotc__buf_str(&buf), first, n);
        if (rc < 0)
            rc = chunk_failed(client, rc, chunk + 1, nchunks, first, n);
    }
    spotc__buf_free(&buf);
    return rc;
}
