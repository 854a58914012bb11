/* Growable arrays and text buffers (see grow.h). */
#include "grow.h"

#include <stdlib.h>
#include <string.h>

int emu_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 8;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

void emu_text_put(emu_text *t, const char *s, size_t n)
{
    if (t->err)
        return;
    if (emu_grow((void **)&t->buf, &t->cap, t->len + n + 1, 1) < 0) {
        t->err = 1;
        return;
    }
    memcpy(t->buf + t->len, s, n);
    t->len += n;
    t->buf[t->len] = 0;
}

void emu_text_puts(emu_text *t, const char *s)
{
    emu_text_put(t, s, strlen(s));
}
