/*
 * URLs, query strings and form bodies (internal, pure).
 *
 * Every value is percent-encoded as RFC 3986 asks: only the unreserved
 * characters A-Z a-z 0-9 - . _ ~ are kept, everything else (space, '/', ',',
 * '&', '=', '+', bytes >= 0x80 ...) becomes %XX. A space is %20, which both
 * query strings and application/x-www-form-urlencoded decoders accept.
 */
#ifndef SPOTC_URL_H
#define SPOTC_URL_H

#include "buf.h"

/* Append s percent-encoded. @return 0 or SPOTC_ENOMEM. */
int spotc__url_encode(spotc__buf *b, const char *s);

/* @return s percent-encoded (the caller frees), or NULL when out of memory. */
char *spotc__url_escape(const char *s);

/*
 * Append `key=value` pairs, each part percent-encoded, to a URL in b. The first
 * one is preceded by '?' when b has no query yet, the others by '&'. A pair
 * whose value is NULL is left out (an absent optional parameter).
 * @return 0 or SPOTC_ENOMEM.
 */
int spotc__url_query(spotc__buf *b, const spotc_param *params, size_t n);

/* An application/x-www-form-urlencoded body of the pairs (NULL values left out).
 * @return the body (the caller frees), or NULL when out of memory. */
char *spotc__form_encode(const spotc_param *params, size_t n);

/*
 * Fill a path template such as "/playlists/{playlist_id}/items": each {name}
 * is replaced by the percent-encoded value of the pair with that key (so a
 * '/' in a value can never reach another path).
 * @param[out] missing on SPOTC_EINVALID, the name that has no (or an empty) value.
 * @return 0, SPOTC_EINVALID (missing value or an unclosed '{'), SPOTC_ENOMEM.
 */
int spotc__url_expand(spotc__buf *b, const char *tmpl, const spotc_param *vals, size_t n,
                      char *missing, size_t missing_size);

/* @return the path of an absolute URL (what follows scheme://host[:port], up to
 * '?' or '#'; "/" when empty) as a new string (the caller frees), or NULL when
 * out of memory. A string that is not an absolute URL is taken as a path. */
char *spotc__url_path(const char *url);

/* @return 1 when base is http:// or https:// with a host and no query,
 * fragment, white space or control characters; else 0. */
int spotc__url_base_ok(const char *base);

/* @return 1 when url is base itself or continues it with '/' or '?'
 * ("https://api.spotify.com/v1x" is not below "https://api.spotify.com/v1"). */
int spotc__url_below(const char *url, const char *base);

/* @return 1 when s has no byte <= 0x20 or 0x7f (nothing that could split a
 * request line or header), else 0. */
int spotc__url_chars_ok(const char *s);

#endif
