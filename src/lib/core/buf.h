/*
 * A growable NUL-terminated byte buffer (internal).
 *
 * Errors are sticky: after a failed allocation every later append is a no-op
 * and spotc__buf_take() returns NULL, so a sequence of appends needs one check
 * at the end instead of one per call.
 */
#ifndef SPOTC_BUF_H
#define SPOTC_BUF_H

#include <stddef.h>

#include "internal.h"

typedef struct spotc__buf {
    char *p;    /* NUL-terminated once anything was added; NULL while empty */
    size_t len; /* bytes before the NUL */
    size_t cap;
    int oom; /* an allocation failed: the contents are incomplete */
} spotc__buf;

#define SPOTC__BUF_INIT                                                                            \
    {                                                                                              \
        NULL, 0, 0, 0                                                                              \
    }

/* Append n bytes. @return 0, or SPOTC_ENOMEM (sticky). */
int spotc__buf_add(spotc__buf *b, const char *s, size_t n);
int spotc__buf_puts(spotc__buf *b, const char *s);
int spotc__buf_putc(spotc__buf *b, char ch);
int spotc__buf_printf(spotc__buf *b, const char *fmt, ...) SPOTC__PRINTF(2, 3);

/* The contents ("" when empty), borrowed from the buffer. */
const char *spotc__buf_str(const spotc__buf *b);

/* Hand the contents over (the caller frees them; "" when empty) and reset the
 * buffer. @return NULL after an allocation failure. */
char *spotc__buf_take(spotc__buf *b);

/* Free the contents and reset. */
void spotc__buf_free(spotc__buf *b);

#endif
