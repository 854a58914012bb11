/**
 * @file fold.h
 * @brief Text folding for search: lower case, Latin accents removed, words split.
 *
 * Spotify's search ignores case and accents ("beyonce" finds "Beyoncé"). Folding maps the
 * Latin letters of Latin-1 and Latin Extended-A to their base letters (é→e, ß→ss, æ→ae,
 * ø→o, ł→l ...), ASCII to lower case, and every character that is neither a letter nor a
 * digit to a single space. Other scripts pass through unchanged, so they still match
 * themselves exactly. Pure functions: the fuzz harness and unit tests call them directly.
 */
#ifndef SPOTC_EMU_FOLD_H
#define SPOTC_EMU_FOLD_H

#include <stddef.h>

/**
 * Fold @p n bytes of UTF-8 @p s into @p out (NUL-terminated, at most @p outsz - 1 bytes,
 * cut at a word boundary when it does not fit): words separated by one space, no leading or
 * trailing space. Invalid UTF-8 bytes are separators.
 * @return the length written.
 */
size_t emu_fold(const char *s, size_t n, char *out, size_t outsz);

#endif
