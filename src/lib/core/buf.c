#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(spotc__buf *b, size_t extra)
{
    if (b->oom)
        return SPOTC_ENOMEM;
    if (extra > (size_t)-1 / 2 - b->len) {
        b->oom = 1;
        return SPOTC_ENOMEM;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->oom = 1;
        return SPOTC_ENOMEM;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

int spotc__buf_add(spotc__buf *b, const char *s, size_t n)
{
    if (grow(b, n) != 0)
        return SPOTC_ENOMEM;
    if (n)
        memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

int spotc__buf_puts(spotc__buf *b, const char *s)
{
    return spotc__buf_add(b, s, strlen(s));
}

int spotc__buf_putc(spotc__buf *b, char ch)
{
    return spotc__buf_add(b, &ch, 1);
}

int spotc__buf_printf(spotc__buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || grow(b, (size_t)n) != 0) {
        b->oom = 1;
        return SPOTC_ENOMEM;
    }
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

const char *spotc__buf_str(const spotc__buf *b)
{
    return b->p ? b->p : "";
}

char *spotc__buf_take(spotc__buf *b)
{
    char *p = NULL;
    if (!b->oom)
        p = b->p ? b->p : strdup("");
    else
        free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
    return p;
}

void spotc__buf_free(spotc__buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}
