/*
 * spotc-emulator: a local Spotify Accounts service and Web API with a deterministic
 * catalogue (see docs/spotc-emulator.1). main() parses options, builds the state, starts
 * the server, announces the address on the first stdout line and waits for SIGINT/SIGTERM.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "ctx.h"
#include "fixtures.h"
#include "state_file.h"
#include "state_saver.h"
#include "server.h"

static int wait_for_signal(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    int sig = 0;
    return sigwait(&set, &sig);
}

int main(int argc, char **argv)
{
    /* Clients that hang up mid-answer, and a closed stdout, must not kill us. */
    signal(SIGPIPE, SIG_IGN);
    /* Block the stop signals before threads start, so they all inherit the mask and only
     * sigwait() sees the signal. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);

    emu_config cfg;
    int rc = emu_config_parse(&cfg, argc, argv, stdout, stderr);
    if (rc != 0) {
        emu_config_free(&cfg);
        return rc > 0 ? 0 : 2;
    }
    emu_ctx *ctx = emu_ctx_new(&cfg);
    if (!ctx) {
        emu_config_free(&cfg);
        fprintf(stderr, "spotc-emulator: out of memory\n");
        return 1;
    }
    char err[512];
    if (ctx->cfg.fixtures &&
        !(ctx->fixtures = emu_fixtures_load(ctx->cfg.fixtures, err, sizeof err))) {
        fprintf(stderr, "spotc-emulator: fixtures: %s\n", err);
        emu_ctx_free(ctx);
        return 2;
    }
    ctx->cat->fixtures = ctx->fixtures; /* before serving: the catalogue is read-only after */
    if (ctx->cfg.state_file && emu_state_read_file(ctx, ctx->cfg.state_file, err, sizeof err) < 0) {
        fprintf(stderr, "spotc-emulator: --state %s\n", err);
        emu_ctx_free(ctx);
        return 2;
    }
    emu_server *srv = emu_server_start(ctx, err, sizeof err);
    if (!srv) {
        fprintf(stderr, "spotc-emulator: %s\n", err);
        emu_ctx_free(ctx);
        return 1;
    }
    const char *scheme = ctx->cfg.tls_cert ? "https" : "http";
    const char *host = ctx->cfg.host;
    int v6 = strchr(host, ':') && host[0] != '[';
    char listen_url[320];
    snprintf(listen_url, sizeof listen_url, "%s://%s%s%s:%d", scheme, v6 ? "[" : "", host,
             v6 ? "]" : "", emu_server_port(srv));
    emu_ctx_set_base(ctx, ctx->cfg.public_url ? ctx->cfg.public_url : listen_url);
    if (ctx->cfg.state_file && !(ctx->saver = emu_state_saver_start(ctx, ctx->cfg.state_file))) {
        fprintf(stderr, "spotc-emulator: --state: cannot start the writer\n");
        emu_server_stop(srv);
        emu_ctx_free(ctx);
        return 1;
    }
    printf("spotc-emulator listening on %s\n", listen_url);
    fflush(stdout);
    wait_for_signal();
    emu_server_stop(srv);
    /* After the last request: what changed since the last write is saved now. */
    rc = emu_state_saver_stop(ctx->saver) < 0 ? 1 : 0;
    ctx->saver = NULL;
    emu_ctx_free(ctx);
    return rc;
}
