/*
 * Building a spotc_response while it is received (internal). The transport
 * fills one per transfer; on success it is handed to the caller as is.
 */
#ifndef SPOTC_RESPONSE_H
#define SPOTC_RESPONSE_H

#include <jansson.h>

#include "buf.h"

typedef struct spotc__header {
    char *name;
    char *value;
} spotc__header;

struct spotc_response {
    int status;
    spotc__buf body;
    spotc__header *headers; /* of the final response only */
    size_t nheaders, capheaders;
    json_t *json;   /* parsed on demand */
    int json_tried; /* parse attempted (json may still be NULL) */
    /* Why the parse failed: out of memory (not a bad body), else where the body is bad. */
    int json_oom, json_line, json_column;
    int oom; /* receiving failed for want of memory: the transfer's error is not the network's */
};

/* @return a new empty response, or NULL when out of memory. */
spotc_response *spotc__response_new(void);

/* Record one raw header line as received ("Name: value\r\n"). A status line
 * ("HTTP/...") starts a new response, dropping headers of an interim one
 * (100 Continue). @return 0 or SPOTC_ENOMEM. */
int spotc__response_header_line(spotc_response *r, const char *line, size_t len);

/* Drop the body and headers (before a new attempt). */
void spotc__response_reset(spotc_response *r);

/* The Retry-After header in whole seconds, or -1 when absent or unreadable. */
int spotc__response_retry_after(const spotc_response *r);

#endif
