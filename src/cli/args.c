/*
 * The command line parser. Written by hand rather than with getopt_long so that
 * global options work on both sides of the command and every mistake gets the
 * same `spotc: ...` + usage message and exit code 2.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"

/* An option found on the command line: which table, which entry, its value. */
typedef struct found_option {
    int global; /* 1: cli_global_options, 0: the command's */
    int index;
    const cli_option *def;
} found_option;

static int lookup(const cli_option *table, const char *name, size_t len)
{
    for (int i = 0; table && table[i].name; i++)
        if (strlen(table[i].name) == len && strncmp(table[i].name, name, len) == 0)
            return i;
    return -1;
}

/* Find `--name` (or -h) among the command's options, then the global ones. */
static int find_option(const cli_command *cmd, const char *name, size_t len, found_option *out)
{
    int i = cmd ? lookup(cmd->options, name, len) : -1;
    if (i >= 0) {
        *out = (found_option){0, i, &cmd->options[i]};
        return 0;
    }
    i = lookup(cli_global_options, name, len);
    if (i < 0)
        return -1;
    *out = (found_option){1, i, &cli_global_options[i]};
    return 0;
}

/* The position of the command name in argv, or argc when there is none. */
static int find_command_index(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            return i + 1 < argc ? i + 1 : argc;
        if (a[0] != '-' || a[1] == '\0')
            return i;
        if (a[1] == '-' && !strchr(a, '=')) {
            found_option f;
            if (find_option(NULL, a + 2, strlen(a + 2), &f) == 0 && f.def->arg)
                i++; /* skip the value of a global option */
        }
    }
    return argc;
}

static int set_global(cli_ctx *ctx, cli_parsed *p, int index, const char *value)
{
    switch (index) {
    case CLI_G_JSON:
        ctx->json = 1;
        break;
    case CLI_G_TABLE:
        ctx->table = 1;
        break;
    case CLI_G_VERBOSE:
        ctx->verbose = 1;
        break;
    case CLI_G_MARKET:
        if (!*value)
            return cli_usage_error(ctx, "option '--market' needs a country code");
        ctx->market = value;
        break;
    case CLI_G_RETRIES:
        return cli_parse_int(ctx, "--retries", value, 0, 10, &ctx->retries);
    case CLI_G_HELP:
        p->help = 1;
        break;
    case CLI_G_VERSION:
        p->version = 1;
        break;
    }
    return 0;
}

/* Parse one option at argv[*i] (advancing *i past its value). */
static int parse_option(cli_ctx *ctx, cli_parsed *p, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char *name = strcmp(a, "-h") == 0 ? "help" : a + 2;
    if (a[1] != '-' && strcmp(a, "-h") != 0)
        return cli_usage_error(ctx, "unknown option '%s'", a);
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    found_option f;
    if (find_option(ctx->cmd, name, len, &f) != 0)
        return cli_usage_error(ctx, "unknown option '--%.*s'", (int)len, name);
    const char *value = "";
    if (f.def->arg && eq) {
        value = eq + 1;
    } else if (f.def->arg) {
        if (*i + 1 >= argc)
            return cli_usage_error(ctx, "option '--%s' needs a value (%s)", f.def->name,
                                   f.def->arg);
        value = argv[++*i];
    } else if (eq) {
        return cli_usage_error(ctx, "option '--%s' takes no value", f.def->name);
    }
    if (f.global)
        return set_global(ctx, p, f.index, value);
    p->args.opt[f.index] = value;
    return 0;
}

int cli_parse_argv(cli_ctx *ctx, int argc, char **argv, cli_parsed *out)
{
    memset(out, 0, sizeof(*out));
    int cmd_index = find_command_index(argc, argv);
    if (cmd_index < argc) {
        out->cmd = cli_command_find(argv[cmd_index]);
        if (!out->cmd)
            return cli_usage_error(ctx, "unknown command '%s'", argv[cmd_index]);
        ctx->cmd = out->cmd;
    }
    out->args.pos = calloc((size_t)argc, sizeof(char *));
    if (!out->args.pos) {
        cli_errorf("out of memory");
        return CLI_EXIT_ERROR;
    }
    int only_positional = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i == cmd_index)
            continue;
        if (!only_positional && strcmp(a, "--") == 0) {
            only_positional = 1;
        } else if (!only_positional && a[0] == '-' && a[1] != '\0') {
            int rc = parse_option(ctx, out, argc, argv, &i);
            if (rc)
                return rc;
        } else {
            out->args.pos[out->args.npos++] = argv[i];
        }
    }
    return 0;
}

/* The name of the n-th required argument in a usage line ("api METHOD PATH", 1 -> "PATH"). */
static void required_arg_name(const char *usage, int n, char *buf, size_t len)
{
    const char *p = usage + strcspn(usage, " ");
    snprintf(buf, len, "an argument");
    while (*p) {
        p += strspn(p, " ");
        size_t word = strcspn(p, " ");
        if (*p != '[' && word > 0 && n-- == 0) {
            size_t dots = word > 3 && strncmp(p + word - 3, "...", 3) == 0 ? 3 : 0;
            snprintf(buf, len, "%.*s", (int)(word - dots), p);
            return;
        }
        p += word;
    }
}

int cli_check_arity(const cli_ctx *ctx, const cli_args *args)
{
    const cli_command *cmd = ctx->cmd;
    char name[32];
    if (args->npos < cmd->min_args) {
        required_arg_name(cmd->usage, args->npos, name, sizeof(name));
        return cli_usage_error(ctx, "missing %s", name);
    }
    if (cmd->max_args >= 0 && args->npos > cmd->max_args)
        return cli_usage_error(ctx, "unexpected argument '%s'", args->pos[cmd->max_args]);
    return 0;
}

void cli_parsed_free(cli_parsed *p)
{
    free(p->args.pos);
    p->args.pos = NULL;
}

int cli_parse_int(const cli_ctx *ctx, const char *name, const char *text, long min, long max,
                  int *out)
{
    char *end = NULL;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < min || v > max)
        return cli_usage_error(ctx, "%s wants a whole number from %ld to %ld, not '%s'", name, min,
                               max, text);
    *out = (int)v;
    return 0;
}

int cli_parse_id(spotc_id *out, const char *input, spotc_item_type type)
{
    char msg[256] = "";
    if (spotc_id_parse(out, input, type, msg, sizeof(msg)) == 0)
        return 0;
    if (msg[0])
        cli_errorf("%s", msg);
    else
        cli_errorf("'%s' is not a Spotify %s ID, URI or URL", input,
                   type == SPOTC_TYPE_ANY ? "item" : spotc_id_type_to_name(type));
    return CLI_EXIT_USAGE;
}
