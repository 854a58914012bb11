/**
 * @file width.h
 * @brief Display width of UTF-8 text in a terminal, and cutting text to a width.
 *
 * Self-contained (no locale): the result is the same under LANG=C as under a
 * UTF-8 locale, which tests and pipes rely on.
 */
#ifndef SPOTC_CLI_WIDTH_H
#define SPOTC_CLI_WIDTH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/**
 * Decode one UTF-8 sequence at s (len > 0 bytes available).
 * @param[out] cp the code point, U+FFFD for a malformed sequence.
 * @return the bytes used (at least 1).
 */
size_t cli_utf8_decode(const char *s, size_t len, uint32_t *cp);

/** @return the columns a code point takes: 0 (combining, zero width), 1 or 2 (wide, emoji). */
int cli_codepoint_width(uint32_t cp);

/** @return the columns a UTF-8 string takes. */
size_t cli_display_width(const char *s);

/**
 * A copy of s made safe for one cell: control characters (tab, newline and
 * ESC included) become spaces, bidirectional controls (U+202E ...) are dropped,
 * malformed UTF-8 becomes U+FFFD.
 * @return a malloc'd string (the caller's), or NULL when out of memory.
 */
char *cli_cell_clean(const char *s);

/**
 * Write s (JSON text) with every bidirectional control (U+202E ...) as its
 * \\u escape, so JSON output shows none of them raw.
 * @return 0, or -1 when writing failed.
 */
int cli_write_bidi_escaped(FILE *f, const char *s);

/**
 * A copy of s cut to at most `max` columns; when cut, it ends with "…".
 * @return a malloc'd string (the caller's), or NULL when out of memory.
 */
char *cli_truncate(const char *s, size_t max);

#endif
