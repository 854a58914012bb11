/*
 * A canned HTTP server for tests of hostile or odd servers, which the emulator
 * (faithful by design) never is: one thread answers each request with what a
 * callback says, one connection per request.
 */
#ifndef SPOTC_TEST_CANNED_H
#define SPOTC_TEST_CANNED_H

#include <pthread.h>
#include <stddef.h>

#include <spotc.h>

typedef struct canned canned;

/* Write the body for the request (its head, NUL-terminated) into body.
 * @return the HTTP status to answer with. */
typedef int (*canned_answer)(canned *c, const char *request, char *body, size_t size);

struct canned {
    int fd;
    pthread_t thread;
    canned_answer answer;
    void *data;     /* the test's */
    char base[64];  /* http://127.0.0.1:PORT */
    long requests;  /* answered so far */
    char headers[128]; /* extra header lines ("Retry-After: 1\r\n") the answer may set for
                          its one response; cleared before each */
};

/* Listen on 127.0.0.1, port 0, and serve in a thread. Fails the test on error. */
void canned_start(canned *c, canned_answer answer, void *data);

/* The offset= of a request's query (in its first line), 0 when it has none. */
long canned_offset(const char *request);

/* A pager over an artist's albums (0TnOYISbd1XYRBk9myaseg), one a page, `concurrency`
 * pages at once: what the pager tests ask of their canned servers. Fails the test on error.
 * @return the pager (spotc_pager_free). */
spotc_pager *canned_albums_pager(spotc_client *client, int concurrency);

/* Stop serving and join the thread. @return the number of requests answered. */
long canned_stop(canned *c);

#endif
