/* Per-connection request deadlines and their sweeper (see deadlines.h). */
#include "deadlines.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <time.h>

#define SWEEP_MS 200 /* how late a deadline may be noticed */

typedef struct entry {
    struct entry *prev, *next;
    int fd;
    int64_t deadline_ms; /* 0 = none */
} entry;

struct emu_deadlines {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    pthread_t sweeper;
    entry *head;
    int64_t head_ms, body_ms;
    int stopping;
};

static int64_t mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sweep(emu_deadlines *d, int64_t now)
{
    for (entry *e = d->head; e; e = e->next)
        if (e->deadline_ms && now >= e->deadline_ms) {
            /* libmicrohttpd sees the end of the stream and closes it on its own thread. */
            shutdown(e->fd, SHUT_RDWR);
            e->deadline_ms = 0;
        }
}

static void *sweeper_main(void *arg)
{
    emu_deadlines *d = arg;
    pthread_mutex_lock(&d->lock);
    while (!d->stopping) {
        sweep(d, mono_ms());
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        ts.tv_nsec += SWEEP_MS * 1000000L;
        if (ts.tv_nsec >= 1000000000L) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&d->cond, &d->lock, &ts);
    }
    pthread_mutex_unlock(&d->lock);
    return NULL;
}

emu_deadlines *emu_deadlines_start(unsigned head_s, unsigned body_s)
{
    emu_deadlines *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->head_ms = (int64_t)head_s * 1000;
    d->body_ms = (int64_t)body_s * 1000;
    pthread_mutex_init(&d->lock, NULL);
    pthread_cond_init(&d->cond, NULL);
    if (pthread_create(&d->sweeper, NULL, sweeper_main, d) != 0) {
        pthread_mutex_destroy(&d->lock);
        pthread_cond_destroy(&d->cond);
        free(d);
        return NULL;
    }
    return d;
}

void emu_deadlines_stop(emu_deadlines *d)
{
    if (!d)
        return;
    pthread_mutex_lock(&d->lock);
    d->stopping = 1;
    pthread_cond_signal(&d->cond);
    pthread_mutex_unlock(&d->lock);
    pthread_join(d->sweeper, NULL);
    while (d->head) { /* none left once the daemon stopped; this is belt and braces */
        entry *e = d->head;
        d->head = e->next;
        free(e);
    }
    pthread_mutex_destroy(&d->lock);
    pthread_cond_destroy(&d->cond);
    free(d);
}

static int64_t after(int64_t ms)
{
    return ms ? mono_ms() + ms : 0;
}

void emu_deadlines_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    emu_deadlines *d = cls;
    entry *e = *socket_context;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *fd =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
        e = fd ? calloc(1, sizeof *e) : NULL;
        *socket_context = e;
        if (!e)
            return; /* untracked: only libmicrohttpd's idle timeout applies */
        e->fd = fd->connect_fd;
        e->deadline_ms = after(d->head_ms);
        pthread_mutex_lock(&d->lock);
        e->next = d->head;
        if (d->head)
            d->head->prev = e;
        d->head = e;
        pthread_mutex_unlock(&d->lock);
    } else if (e) { /* closed: forget it before libmicrohttpd closes the socket */
        pthread_mutex_lock(&d->lock);
        if (e->prev)
            e->prev->next = e->next;
        else
            d->head = e->next;
        if (e->next)
            e->next->prev = e->prev;
        pthread_mutex_unlock(&d->lock);
        free(e);
        *socket_context = NULL;
    }
}

static void set_deadline(emu_deadlines *d, struct MHD_Connection *conn, int64_t ms)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    entry *e = ci ? ci->socket_context : NULL;
    if (!e)
        return;
    int64_t at = after(ms);
    pthread_mutex_lock(&d->lock);
    e->deadline_ms = at;
    pthread_mutex_unlock(&d->lock);
}

void emu_deadlines_head_done(emu_deadlines *d, struct MHD_Connection *conn)
{
    set_deadline(d, conn, d->body_ms);
}

void emu_deadlines_body_done(emu_deadlines *d, struct MHD_Connection *conn)
{
    set_deadline(d, conn, 0);
}

void emu_deadlines_request_done(emu_deadlines *d, struct MHD_Connection *conn)
{
    set_deadline(d, conn, d->head_ms);
}
