/*
 * A canned HTTP server for tests of hostile or odd servers, which the emulator
 * (faithful by design) never is: one thread answers each request with what a
 * callback says, one connection per request.
 */
#ifndef SPOTC_TEST_CANNED_H
#define SPOTC_TEST_CANNED_H

#include <pthread.h>
#include <stddef.h>

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
};

/* Listen on 127.0.0.1, port 0, and serve in a thread. Fails the test on error. */
void canned_start(canned *c, canned_answer answer, void *data);

/* Stop serving and join the thread. @return the number of requests answered. */
long canned_stop(canned *c);

#endif
