/*
 * json_loadb() that tells a shortage of memory from bad bytes (json_load.c).
 */
#ifndef SPOTC_CORE_JSON_LOAD_H
#define SPOTC_CORE_JSON_LOAD_H

#include <jansson.h>

/* @param[out] out the document (the caller's), NULL on failure.
 * @return 0, SPOTC_EJSON (err says where) or SPOTC_ENOMEM. */
int spotc__json_loadb(json_t **out, const char *bytes, size_t len, size_t flags,
                      json_error_t *err);

#endif
