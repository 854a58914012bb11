/*
 * ID parsing for library functions that talk to the network (ids.c).
 */
#ifndef SPOTC_IDS_PRIV_H
#define SPOTC_IDS_PRIV_H

#include <spotc.h>

/* Parse an ID the caller gave (URI, link or bare ID) for an operation that
 * needs `type`. On failure the client's last error quotes the input, and
 * SPOTC_EINVALID comes back before anything is sent. */
int spotc__id_require(spotc_client *client, spotc_id *out, const char *input, spotc_item_type type);

#endif
