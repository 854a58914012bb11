/**
 * @file headers.h
 * @brief Pure parsers for the request headers the emulator reads: Authorization (Basic for
 *        the accounts service, Bearer for the Web API) and Content-Type.
 *
 * They take the header's value as the client sent it (any bytes, any length), never write
 * outside the buffers they are given, and are fuzzed by tests/fuzz/fuzz_emu_headers.c.
 * The emulator parses no other header itself (libmicrohttpd parses the framing ones).
 */
#ifndef SPOTC_EMU_HEADERS_H
#define SPOTC_EMU_HEADERS_H

#include <stddef.h>

/** Longest Basic credential accepted, in base64 characters (RFC 7617 sets none). */
#define EMU_BASIC_MAX 1024

/**
 * Decode `Basic base64(id:secret)`. The scheme is matched case-insensitively.
 * @param[out] id NUL-terminated client id (@p idsz bytes, at least 1)
 * @param[out] secret NUL-terminated client secret (@p secsz bytes, at least 1)
 * @return 0; -1 when @p value is not a well-formed Basic credential (wrong scheme, bad or
 *         over-long base64, padding in the middle, a NUL byte inside, no ':', or a part too
 *         long for its buffer). On -1 both outputs are "".
 */
int emu_header_basic(const char *value, char *id, size_t idsz, char *secret, size_t secsz);

/** Results of emu_header_bearer(). */
typedef enum emu_bearer_result {
    EMU_BEARER_OK = 0,   /**< a token was found */
    EMU_BEARER_NONE,     /**< no header, or a header with no token (401 "No token provided") */
    EMU_BEARER_BAD_SCHEME /**< another scheme (400 "Only valid bearer authentication") */
} emu_bearer_result;

/**
 * Find the token in `Bearer TOKEN` (leading spaces and the scheme's case are forgiven, as
 * Spotify forgives them). @p value may be NULL.
 * @param[out] token points into @p value (borrowed) when EMU_BEARER_OK, else NULL
 */
emu_bearer_result emu_header_bearer(const char *value, const char **token);

/**
 * Non-zero when the media type of a Content-Type value is @p type (case-insensitive),
 * whatever parameters follow (`application/x-www-form-urlencoded; charset=UTF-8`).
 * @p value may be NULL (then 0).
 */
int emu_header_media_type_is(const char *value, const char *type);

#endif
