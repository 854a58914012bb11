/**
 * @file server.h
 * @brief The libmicrohttpd front end: sockets in, emu_handle() in the middle, faults out.
 *
 * A pool of one epoll thread per CPU serves keep-alive connections. Delays (latency, slow
 * bodies) suspend the connection and a timer thread resumes it, so a delayed request never
 * holds up the others on its thread.
 */
#ifndef SPOTC_EMU_SERVER_H
#define SPOTC_EMU_SERVER_H

#include <stddef.h>

#include "ctx.h"

typedef struct emu_server emu_server;

/**
 * Bind (cfg host and port) and start serving @p ctx (borrowed; must outlive the server).
 * @param[out] err why it failed, for the user
 * @return the server, or NULL
 */
emu_server *emu_server_start(emu_ctx *ctx, char *err, size_t errsz);
/** The port actually bound (useful with --port 0). */
int emu_server_port(const emu_server *s);
/** Stop serving and free the server (NULL is a no-op). */
void emu_server_stop(emu_server *s);

#endif
