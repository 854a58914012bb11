/*
 * One logical request with authentication and the retry policy (internal):
 * the loop around the transport that both the Web API calls (request.c) and
 * the token endpoint (accounts.c) go through.
 */
#ifndef SPOTC_SEND_H
#define SPOTC_SEND_H

#include "internal.h"

struct curl_slist;

typedef struct spotc__send_req {
    const char *method; /* GET, POST, PUT, DELETE */
    const char *url;    /* absolute */
    const char *body;   /* NULL for none */
    size_t body_len;
    const char *content_type;  /* of the body, or NULL */
    const char *authorization; /* a whole Authorization value ("Basic ...") or NULL */
    int bearer;                /* 1: send the client's token; on a 401 renew it once and replay */
    int accounts; /* 1: errors are the accounts service's (a refused 4xx is SPOTC_EAUTH) */
} spotc__send_req;

/*
 * Send, retrying as retry.h says, until a 2xx or a final error.
 * @param[out] out the 2xx response (the caller's), or NULL when not wanted.
 * @return 0 for a 2xx; else a negative code, the client's last error saying
 *         what failed (with the method and the URL's path).
 */
int spotc__send(spotc_client *client, const spotc__send_req *req, spotc_response **out);

/*
 * Send n requests at once (one libcurl multi run per round) and wait for all.
 * Each is retried as spotc__send() would; the requests of a round that must
 * wait do so together (the longest wait asked), and one token renewal serves
 * all the 401s of a round.
 * @param[out] outs n slots: each 2xx response (the caller's) or NULL; may be NULL.
 * @param[out] rcs n slots: each request's code; may be NULL.
 * @return 0 when all succeeded, else the code of the first request that failed,
 *         whose error is then the client's last error.
 */
int spotc__send_batch(spotc_client *client, const spotc__send_req *reqs, size_t n,
                      spotc_response **outs, int *rcs);

/*
 * The headers of one attempt of r (with the client's token when r->bearer: the
 * token is fetched or renewed first when needed).
 * @param[out] out the list, the caller's: free with spotc__send_headers_free().
 * @return 0 or a negative code (on the client).
 */
int spotc__send_headers(spotc_client *client, const spotc__send_req *r, struct curl_slist **out);

/* Wipe (it holds the token) and free a header list. NULL is a no-op. */
void spotc__send_headers_free(struct curl_slist *list);

#endif
