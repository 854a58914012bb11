/**
 * @file http.h
 * @brief The emulator's socket-free view of HTTP: a request and a response as plain structs.
 *
 * The server (server.c) fills an emu_request from libmicrohttpd, the fuzz harness fills one
 * from raw bytes (emu_request_parse_raw); both hand it to emu_handle() (router.h), which
 * fills an emu_response. Nothing here touches a socket, so every byte of request parsing
 * and routing can be tested and fuzzed directly (hiredis keeps its reply reader apart from
 * its socket in the same way).
 *
 * Ownership: an emu_request owns every string it points to once emu_request_decode() or
 * emu_request_parse_raw() succeeded; emu_request_clear() frees them. An emu_response owns
 * its body; emu_response_clear() frees it.
 */
#ifndef SPOTC_EMU_HTTP_H
#define SPOTC_EMU_HTTP_H

#include <stddef.h>

/** One name/value pair (query parameter, header or form field). */
typedef struct emu_kv {
    char *key;
    char *value; /**< "" when the pair had no '=' */
} emu_kv;

/** A growable list of pairs; the list owns its strings. */
typedef struct emu_kvlist {
    emu_kv *items;
    size_t len, cap;
} emu_kvlist;

/** Append copies of @p key and @p value (value may be NULL, stored as ""). 0 or -1. */
int emu_kvlist_add(emu_kvlist *l, const char *key, const char *value);
/** Same with explicit lengths. */
int emu_kvlist_addn(emu_kvlist *l, const char *key, size_t klen, const char *value, size_t vlen);
/** First value for @p key (exact match, or case-insensitive when @p nocase), or NULL. */
const char *emu_kvlist_get(const emu_kvlist *l, const char *key, int nocase);
void emu_kvlist_clear(emu_kvlist *l);

/**
 * Split an application/x-www-form-urlencoded string (a query string or a form body) into
 * decoded pairs. '+' decodes to a space.
 * @return 0, or -1 on a bad percent-encoding or out of memory (the list keeps what was added).
 */
int emu_form_parse(emu_kvlist *out, const char *s, size_t len);

/**
 * Percent-decode @p len bytes of @p s into a new NUL-terminated string.
 * @param plus_is_space decode '+' as ' ' (query strings and forms, not paths)
 * @param[out] out the caller's (free()); NULL on failure
 * @return 0, or -1 when a '%' is not followed by two hex digits, when the result holds a
 *         NUL byte, or out of memory.
 */
int emu_percent_decode(char **out, const char *s, size_t len, int plus_is_space);

typedef struct emu_request {
    char *method;       /**< "GET" ... */
    char *path;         /**< percent-decoded path, no query */
    emu_kvlist query;   /**< decoded query parameters, in order */
    emu_kvlist headers; /**< as received; look up case-insensitively */
    char *body;         /**< NUL-terminated copy of the body (may hold inner NULs) */
    size_t body_len;
    int body_too_large; /**< the server stopped reading at its cap */
    int bad_encoding;   /**< the target had a bad percent-encoding (answer 400) */
} emu_request;

/**
 * Build a request from raw (still percent-encoded) pieces: @p raw_path is the path without
 * the query, @p raw_query the part after '?' (may be NULL). Headers and body are added by the
 * caller afterwards with emu_kvlist_add() and emu_request_set_body().
 * @return 0; -1 on a bad percent-encoding (the request is still usable: method and the
 *         raw path are set, so a 400 can be answered and counted) or out of memory.
 */
int emu_request_init(emu_request *req, const char *method, const char *raw_path,
                     const char *raw_query);
/** Copy @p len bytes as the body. 0 or -1 (out of memory). */
int emu_request_set_body(emu_request *req, const char *body, size_t len);
/** Header value by case-insensitive name, or NULL. */
const char *emu_request_header(const emu_request *req, const char *name);
/** First query parameter named @p name, or NULL. */
const char *emu_request_query(const emu_request *req, const char *name);
void emu_request_clear(emu_request *req);

/**
 * Parse a whole raw HTTP/1.x request (request line, headers, CRLF or LF line ends, body =
 * the remaining bytes). Used by the fuzz harness and unit tests.
 * @return 0; 1 when the bytes parsed but the target has a bad percent-encoding (answer 400);
 *         -1 when they are not an HTTP request at all.
 */
int emu_request_parse_raw(emu_request *req, const char *buf, size_t len);

/** How the server should deliver a response: normally or as one of the injected faults. */
typedef enum emu_delivery {
    EMU_DELIVER_NORMAL = 0,
    EMU_DELIVER_RESET,    /**< close the connection without answering */
    EMU_DELIVER_TRUNCATE, /**< announce a longer Content-Length, send the body, close */
    EMU_DELIVER_SLOW,     /**< send the body in pieces spread over delay_ms */
} emu_delivery;

#define EMU_MAX_RESPONSE_HEADERS 6

typedef struct emu_response {
    int status;
    const char *content_type; /**< static string; NULL means application/json */
    char *body;               /**< malloc'd, owned */
    size_t body_len;
    emu_kv headers[EMU_MAX_RESPONSE_HEADERS]; /**< extra headers, strings owned */
    size_t nheaders;
    emu_delivery delivery;
    unsigned delay_ms; /**< wait before answering (latency) or, for SLOW, spread over */
} emu_response;

/** Take ownership of a malloc'd body. */
void emu_response_set_body(emu_response *res, int status, char *body, size_t len);
/** Add a header (copied). 0 or -1. */
int emu_response_add_header(emu_response *res, const char *name, const char *value);
/** Free what the response owns and zero it. */
void emu_response_clear(emu_response *res);

#endif
