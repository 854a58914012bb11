/**
 * @file deadlines.h
 * @brief Request deadlines: a clock per connection for the request head and body.
 *
 * libmicrohttpd's own timeout is an idle timeout, restarted by every byte, so a client
 * sending a byte now and then (slowloris) holds its connection for ever. Here each
 * connection gets a deadline from its start (and again after each answered request on a
 * keep-alive connection): the head must be complete within the head timeout, the body
 * within the body timeout after it. A sweeper thread shuts down (shutdown(2), never
 * close(2): the socket stays libmicrohttpd's) every connection past its deadline, and
 * libmicrohttpd then closes it and frees its slot. While a request is handled or answered
 * (delays, slow faults) no deadline runs.
 *
 * Thread-safe: one mutex guards the table. The sweeper only touches sockets still in the
 * table, and libmicrohttpd reports a close (which removes the entry) before it closes
 * the socket, so a shut-down descriptor is never one that was reused.
 */
#ifndef SPOTC_EMU_DEADLINES_H
#define SPOTC_EMU_DEADLINES_H

#include <microhttpd.h>

typedef struct emu_deadlines emu_deadlines;

/**
 * Start the sweeper. @p head_s and @p body_s are in seconds (0 = no deadline).
 * @return the table (free with emu_deadlines_stop()), or NULL (out of memory, no thread)
 */
emu_deadlines *emu_deadlines_start(unsigned head_s, unsigned body_s);
/** Stop the sweeper and free the table, after the daemon stopped (NULL is a no-op). */
void emu_deadlines_stop(emu_deadlines *d);

/** MHD_OPTION_NOTIFY_CONNECTION callback, with the table as its closure. */
void emu_deadlines_notify(void *cls, struct MHD_Connection *conn, void **socket_context,
                          enum MHD_ConnectionNotificationCode code);
/** The head of a request arrived: the body deadline starts. */
void emu_deadlines_head_done(emu_deadlines *d, struct MHD_Connection *conn);
/** The whole request arrived: no deadline while it is handled and answered. */
void emu_deadlines_body_done(emu_deadlines *d, struct MHD_Connection *conn);
/** The answer went out: the next request's head deadline starts (keep-alive). */
void emu_deadlines_request_done(emu_deadlines *d, struct MHD_Connection *conn);

#endif
