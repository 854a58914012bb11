/**
 * @file spotc/common.h
 * @brief Version, export macros and small types shared by every spotc header.
 */
#ifndef SPOTC_COMMON_H
#define SPOTC_COMMON_H

#include <stddef.h>
#include <stdint.h>

#define SPOTC_VERSION "1.0.0"
#define SPOTC_VERSION_MAJOR 1
#define SPOTC_VERSION_MINOR 0
#define SPOTC_VERSION_PATCH 0

#if defined(__GNUC__)
#define SPOTC_EXTERN __attribute__((visibility("default")))
#else
#define SPOTC_EXTERN
#endif

/* Marks a function Spotify deprecated; the message names the replacement. */
#if defined(__GNUC__) || defined(__clang__)
#define SPOTC_DEPRECATED(msg) __attribute__((deprecated(msg)))
#else
#define SPOTC_DEPRECATED(msg)
#endif

#ifdef __cplusplus
#define SPOTC_BEGIN_DECL extern "C" {
#define SPOTC_END_DECL }
#else
#define SPOTC_BEGIN_DECL
#define SPOTC_END_DECL
#endif

SPOTC_BEGIN_DECL

/** jansson's document type; spotc hands out borrowed pointers into parsed responses. */
struct json_t;

/** A key=value pair, used for query, path and body parameters. Both strings are borrowed. */
typedef struct spotc_param {
    const char *key;
    const char *value;
} spotc_param;

/**
 * Progress of a call that may send more than one request (batches, pages).
 * Called after each step with how many of the `total` items are done so far
 * (`done` only grows; the last call has done == total on success). Runs on the
 * caller's thread, inside the call: it must not use the client.
 */
typedef void (*spotc_progress_cb)(size_t done, size_t total, void *payload);

/** @return the library's version string, e.g. "1.0.0" (static storage). */
SPOTC_EXTERN const char *spotc_version(void);

/**
 * Release memory the library allocated for the caller and handed out as a
 * plain pointer (the `char **out` strings of spotc_auth_build_url(),
 * spotc_auth_get_access_token() ...). Objects with their own _free() use
 * that instead. NULL is a no-op. Never pass such memory to free(): the
 * library may use another allocator than the program.
 */
SPOTC_EXTERN void spotc_free(void *p);

/* Options structs, all alike: the first field is `version`; start from the
 * SPOTC_<X>_OPTIONS_INIT macro or spotc_<x>_options_init(), which set every
 * default explicitly. Where 0 is a meaningful value it means exactly that
 * (max_retries 0: no retries); where it could mean nothing useful it means
 * "the default": a timeout of 0 in every options struct (where allowed, a
 * negative timeout means no limit), a page limit, concurrency or max_items
 * (no cap) of 0, a port of 0 (ephemeral). NULL options mean all defaults. */

SPOTC_END_DECL

#endif
