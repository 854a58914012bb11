/**
 * @file grow.h
 * @brief Growable arrays and text buffers: the one growth policy of the emulator's lists
 *        (start at 8, double).
 *
 * Ownership: the memory behind an array or an emu_text is the caller's (free(buf)).
 */
#ifndef SPOTC_EMU_GROW_H
#define SPOTC_EMU_GROW_H

#include <stddef.h>

/** Grow @p *p (elements of @p size) to hold @p need; 0 or -1 (then *p is unchanged). */
int emu_grow(void **p, size_t *cap, size_t need, size_t size);

/** Text built piece by piece; zero-initialise. Kept NUL-terminated once anything is put. */
typedef struct emu_text {
    char *buf;
    size_t len, cap;
    int err; /**< out of memory: later puts are dropped */
} emu_text;

/** Append @p n bytes of @p s. */
void emu_text_put(emu_text *t, const char *s, size_t n);
/** Append a C string. */
void emu_text_puts(emu_text *t, const char *s);

#endif
