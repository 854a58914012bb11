/**
 * @file jw.h
 * @brief A small streaming JSON writer for the emulator's responses.
 *
 * Responses are written straight into one growing buffer instead of building a jansson tree
 * and dumping it: the hot path (GET /v1/tracks/{id}) must serve tens of thousands of
 * requests a second on two cores, and a tree costs a hundred allocations per track.
 * Incoming JSON (control API, request bodies) is parsed with jansson.
 *
 * Commas are placed automatically. An allocation failure sets @c err and turns later calls
 * into no-ops; jw_finish() reports it. Ownership: jw_finish() hands the buffer to the caller.
 */
#ifndef SPOTC_EMU_JW_H
#define SPOTC_EMU_JW_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define JW_MAX_DEPTH 32

typedef struct jw {
    char *buf;
    size_t len, cap;
    int err;
    int after_key;
    unsigned depth;
    unsigned char nonempty[JW_MAX_DEPTH + 1];
} jw;

/** Start with room for @p hint bytes. */
void jw_init(jw *w, size_t hint);
/** @return the NUL-terminated text (caller frees) and its length, or NULL on failure. */
char *jw_finish(jw *w, size_t *len);
void jw_free(jw *w);

void jw_obj(jw *w);     /**< { */
void jw_obj_end(jw *w); /**< } */
void jw_arr(jw *w);     /**< [ */
void jw_arr_end(jw *w); /**< ] */
void jw_key(jw *w, const char *key);
void jw_str(jw *w, const char *s);
void jw_strn(jw *w, const char *s, size_t n);
/** A string value from printf-style arguments (escaped like any string). */
void jw_strf(jw *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void jw_int(jw *w, long long v);
void jw_double(jw *w, double v);
void jw_bool(jw *w, int v);
void jw_null(jw *w);
/** Append already-encoded JSON as one value (e.g. a cached fragment). */
void jw_raw(jw *w, const char *json, size_t n);

/* key + value in one call */
void jw_kstr(jw *w, const char *key, const char *s);
void jw_kstrf(jw *w, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void jw_kint(jw *w, const char *key, long long v);
void jw_kbool(jw *w, const char *key, int v);
void jw_knull(jw *w, const char *key);
void jw_kobj(jw *w, const char *key); /**< "key":{ */
void jw_karr(jw *w, const char *key); /**< "key":[ */

/** Append raw bytes inside a string being built with jw_str_begin/jw_str_end. */
void jw_str_begin(jw *w);
void jw_str_append(jw *w, const char *s, size_t n);
void jw_str_end(jw *w);

#endif
