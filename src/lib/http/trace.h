/*
 * The request/response trace (internal): every line goes through redaction
 * before the client's trace callback sees it.
 *
 *   * informational (libcurl: connecting, reusing a connection, retries)
 *   > what was sent (request line, headers, body)
 *   < what came back (status line, headers, body)
 */
#ifndef SPOTC_TRACE_H
#define SPOTC_TRACE_H

#include <stddef.h>

#include "internal.h"

/* Bodies longer than this are cut in the trace (after redaction). */
#define SPOTC__TRACE_BODY_MAX 2048

typedef enum spotc__trace_kind {
    SPOTC__TRACE_TEXT = 0,   /* passed through, control characters replaced */
    SPOTC__TRACE_HEADER = 1, /* each line through spotc__redact_header() */
    SPOTC__TRACE_BODY = 2    /* the whole through spotc__redact_body(), then cut */
} spotc__trace_kind;

/* Split data into lines, redact as `kind` says, and pass each non-empty line,
 * prefixed, to cb. Nothing is sent when cb is NULL. */
void spotc__trace_block(spotc_trace_cb cb, void *payload, const char *prefix, const char *data,
                        size_t len, spotc__trace_kind kind);

#endif
