/*
 * json_loadb() that tells a shortage of memory from bad bytes (json_load.c).
 */
#ifndef SPOTC_CORE_JSON_LOAD_H
#define SPOTC_CORE_JSON_LOAD_H

#include <jansson.h>

/* @param[out] out the document (the caller's), NULL on failure.
 * @return 0, SPOTC_EJSON (err says where) or SPOTC_ENOMEM. */
int spotc__json_loadb(json_t **out, const char *bytes, size_t len, size_t flags, json_error_t *err);

/* A second parse of the same bytes equals doc (see json_load.c: jansson may drop a
 * byte of a string when short of memory and still succeed).
 * @return 0, or SPOTC_ENOMEM when it does not (or cannot be parsed again). */
int spotc__json_verify(const json_t *doc, const char *bytes, size_t len, size_t flags);

#endif
