/*
 * Messages on stderr. Every error the tool reports starts with "spotc: " so that
 * scripts and people can tell it from output; usage errors add the usage line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "width.h"

static void vreport(const char *fmt, va_list ap)
{
    fputs("spotc: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(fmt, ap);
    va_end(ap);
}

int cli_usage_error(const cli_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(fmt, ap);
    va_end(ap);
    if (ctx && ctx->cmd)
        fprintf(stderr, "usage: spotc %s\nRun 'spotc help %s' for details.\n", ctx->cmd->usage,
                ctx->cmd->name);
    else
        fprintf(stderr, "usage: spotc [OPTIONS] COMMAND [ARGS]\nRun 'spotc help' for details.\n");
    return CLI_EXIT_USAGE;
}

/* The read of one item that stands in for a removed several-item read (GET /tracks ->
 * GET /tracks/{id}), or NULL. */
static const spotc_operation *single_read(const spotc_operation *op)
{
    char path[128];
    if (!op->batch_param || strcmp(op->method, "GET") != 0)
        return NULL;
    snprintf(path, sizeof path, "%s/x", op->path);
    const spotc_operation *one = spotc_operation_match("GET", path);
    return one && one != op && !one->deprecated ? one : NULL;
}

/* A 403 from an operation that Spotify removed for development-mode apps is the
 * common surprise since February 2026: say so rather than leave a bare 403. */
static void note_removed_operation(const spotc_operation *op)
{
    if (!op || !op->deprecated)
        return;
    fprintf(stderr,
            "spotc: note: %s %s (%s) is no longer served to development-mode apps"
            " (February 2026)",
            op->method, op->path, op->id);
    const spotc_operation *single = single_read(op);
    if (op->replacement)
        fprintf(stderr, "; use %s instead", op->replacement);
    else if (single)
        fprintf(stderr, "; ask for the items one by one (%s)", single->id);
    else
        fputs("; it is only available to extended-quota apps", stderr);
    fputs(".\n", stderr);
}

/* A 403 for a scope the login lacks: name the scope (the operation table knows it) and the
 * login that adds it. Spotify's message is "Insufficient client scope". */
static void note_missing_scope(const spotc_operation *op, const char *msg)
{
    if (!op || !op->scopes || !*op->scopes || !strstr(msg, "scope"))
        return;
    size_t first = strcspn(op->scopes, " ");
    fprintf(stderr, "spotc: %s needs the scope %s%s: log in again with\n", op->id,
            strchr(op->scopes, ' ') ? "(one of) " : "", op->scopes);
    fprintf(stderr, "  spotc auth login --scopes +%.*s\n", (int)first, op->scopes);
}

int cli_fail(const cli_ctx *ctx, int rc)
{
    return cli_fail_op(ctx, rc, NULL);
}

/* Add " (LABEL DETAIL)" unless the library's message says DETAIL already. */
static void print_unless_said(const char *msg, const char *label, const char *detail)
{
    if (!strstr(msg, detail))
        fprintf(stderr, " (%s%s)", label, detail);
}

int cli_fail_op(const cli_ctx *ctx, int rc, const spotc_operation *op)
{
    const spotc_error *e = ctx->client ? spotc_client_last_error(ctx->client) : NULL;
    const char *msg = e && e->message && *e->message ? e->message : spotc_strerror(rc);
    char detail[64];
    fputs("spotc: ", stderr);
    if (e && e->method && e->path)
        fprintf(stderr, "%s %s: ", e->method, e->path);
    /* The message may quote a server: no terminal escapes or bidi controls. */
    char *clean = cli_cell_clean(msg);
    fputs(clean ? clean : "(message not shown: out of memory)", stderr);
    free(clean);
    if (e && e->http_status) {
        snprintf(detail, sizeof(detail), "HTTP %d", e->http_status);
        print_unless_said(msg, "", detail);
    }
    if (e && e->retry_after >= 0) {
        snprintf(detail, sizeof(detail), "%d s", e->retry_after);
        print_unless_said(msg, "Retry-After: ", detail);
    }
    fputc('\n', stderr);
    const spotc_operation *failed =
        e && e->method && e->path ? spotc_operation_match(e->method, e->path) : NULL;
    if (failed)
        op = failed;
    if (rc == SPOTC_EFORBIDDEN || (e && e->http_status == 403)) {
        note_removed_operation(op);
        note_missing_scope(op, msg);
    }
    return cli_exit_code(rc);
}
