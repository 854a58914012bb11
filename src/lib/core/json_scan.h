/*
 * Checking JSON text without building it (json_scan.c; internal).
 *
 * A pager that hands items on as their text (spotc_pager_next_text) must still refuse
 * what jansson would refuse, but building a tree of every track object only to write it
 * out again was most of an export's time. The scanner accepts exactly the texts that
 * json_loadb(JSON_DECODE_ANY) accepts (RFC 8259, UTF-8 checked, no "\u0000", no lone
 * surrogate, integers within json_int_t, reals within double, at most 2048 levels; one
 * exception: jansson 2.14 skips a NUL byte right after a number or true/false/null, because
 * its stream takes a NUL put back for "nothing buffered", and the scan refuses it), and
 * tells where each value starts and ends so that its caller can walk one object or array
 * of it. Pure functions of bytes: the fuzzer compares them with jansson.
 */
#ifndef SPOTC_CORE_JSON_SCAN_H
#define SPOTC_CORE_JSON_SCAN_H

#include <stddef.h>

/* A position in the text: p moves forward, never past end. */
typedef struct spotc__jscan {
    const char *p, *end;
    size_t ws; /* whitespace bytes skipped so far: a value without any is compact */
} spotc__jscan;

/* Skip whitespace (space, tab, CR, LF). */
void spotc__jscan_ws(spotc__jscan *s);

/* Check the value at s->p (no whitespace before it) and move past it. `depth` is its
 * level in the document (1: the root), which jansson limits.
 * @return 0, or -1 when it is not valid JSON (s->p then where it went wrong). */
int spotc__jscan_value(spotc__jscan *s, int depth);

/* Check the string at s->p (at its opening quote) and move past it. @return 0 or -1. */
int spotc__jscan_string(spotc__jscan *s);

/* Expect the byte c after whitespace, and move past it (and the whitespace after it).
 * @return 0, or -1 when another byte (or the end) is there. */
int spotc__jscan_expect(spotc__jscan *s, char c);

/* @return 0 when all of bytes[0, len) is one JSON value (whitespace around it allowed),
 *         -1 when jansson would refuse it. */
int spotc__json_check(const char *bytes, size_t len);

/* Remove the whitespace between the tokens of a valid JSON value, in place.
 * @return its new length. */
size_t spotc__json_compact(char *text, size_t len);

#endif
