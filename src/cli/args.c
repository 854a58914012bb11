/*
 * The command line parser. Written by hand rather than with getopt_long so that
 * global options work on both sides of the command and every mistake gets the
 * same `spotc: ...` + usage message and exit code 2.
 */
#include <errno.h>
#include <stdio.h>
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
    case CLI_G_CSV:
        ctx->csv = 1;
        break;
    case CLI_G_JSONL:
        ctx->jsonl = 1;
        break;
    case CLI_G_FIELDS:
        ctx->fields = value;
        break;
    case CLI_G_NO_HEADER:
        ctx->no_header = 1;
        break;
    case CLI_G_QUIET:
        ctx->quiet = 1;
        break;
    case CLI_G_MAX_WAIT:
        return cli_parse_int(ctx, "--max-wait", value, 0, 86400, &ctx->max_wait);
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
    case CLI_G_CACERT:
        if (!*value)
            return cli_usage_error(ctx, "option '--cacert' needs a file");
        ctx->cacert = value;
        break;
    case CLI_G_REDIS: {
        char why[512];
        if (spotc_redis_url_check(value, why, sizeof why) != 0)
            return cli_usage_error(ctx, "option '--redis': %s", why);
        ctx->redis = value;
        break;
    }
    case CLI_G_RATE_BUDGET:
        return cli_parse_int(ctx, "--rate-budget", value, 1, 1000000, &ctx->rate_budget);
    case CLI_G_HELP:
        p->help = 1;
        break;
    case CLI_G_VERSION:
        p->version = 1;
        break;
    }
    return 0;
}

/* An unknown --name, with the closest option of the command or the global ones. */
static int unknown_option(const cli_ctx *ctx, const char *name, size_t len)
{
    const char *names[CLI_MAX_OPTIONS + 32];
    size_t n = 0;
    for (size_t i = 0; ctx->cmd && ctx->cmd->options && ctx->cmd->options[i].name; i++)
        names[n++] = ctx->cmd->options[i].name;
    for (size_t i = 0; cli_global_options[i].name && n < sizeof(names) / sizeof(*names); i++)
        names[n++] = cli_global_options[i].name;
    char word[64];
    snprintf(word, sizeof(word), "%.*s", (int)(len < 63 ? len : 63), name);
    const char *close = cli_suggest(word, names, n);
    if (close)
        return cli_usage_error(ctx, "unknown option '--%s'; did you mean '--%s'?", word, close);
    return cli_usage_error(ctx, "unknown option '--%s'", word);
}

static int repeatable(const cli_option *def)
{
    size_t len = def->arg ? strlen(def->arg) : 0;
    return len > 3 && strcmp(def->arg + len - 3, "...") == 0;
}

/* A repeatable option given again: "a" then "b" is "a,b". */
static int join_value(cli_parsed *p, int index, const char *value)
{
    const char *before = p->args.opt[index];
    size_t len = strlen(before) + 1 + strlen(value) + 1;
    char *joined = malloc(len);
    if (!joined) {
        cli_errorf("out of memory");
        return CLI_EXIT_ERROR;
    }
    snprintf(joined, len, "%s,%s", before, value);
    free(p->joined[index]);
    p->joined[index] = joined;
    p->args.opt[index] = joined;
    return 0;
}

/* Parse one option at argv[*i] (advancing *i past its value). */
static int parse_option(cli_ctx *ctx, cli_parsed *p, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    /* The short options: -h for help, -o for a command's --output. */
    int is_short = strcmp(a, "-h") == 0 || strcmp(a, "-o") == 0;
    const char *name = !is_short ? a + 2 : a[1] == 'h' ? "help" : "output";
    if (a[1] != '-' && !is_short)
        return cli_usage_error(ctx, "unknown option '%s'", a);
    const char *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    found_option f;
    if (find_option(ctx->cmd, name, len, &f) != 0)
        return unknown_option(ctx, name, len);
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
    if (p->args.opt[f.index] && repeatable(f.def))
        return join_value(p, f.index, value);
    p->args.opt[f.index] = value;
    return 0;
}

static int unknown_command(const cli_ctx *ctx, const char *name)
{
    const char *names[64];
    size_t n = 0;
    for (; cli_commands[n] && n < 64; n++)
        names[n] = cli_commands[n]->name;
    const char *close = cli_suggest(name, names, n);
    if (close)
        return cli_usage_error(ctx, "unknown command '%s'; did you mean '%s'?", name, close);
    return cli_usage_error(ctx, "unknown command '%s'", name);
}

int cli_parse_argv(cli_ctx *ctx, int argc, char **argv, cli_parsed *out)
{
    memset(out, 0, sizeof(*out));
    int cmd_index = find_command_index(argc, argv);
    if (cmd_index < argc) {
        out->cmd = cli_command_find(argv[cmd_index]);
        if (!out->cmd)
            return unknown_command(ctx, argv[cmd_index]);
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
    for (int i = 0; i < CLI_MAX_OPTIONS; i++) {
        free(p->joined[i]);
        p->joined[i] = NULL;
    }
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
    const char *type_name = type == SPOTC_TYPE_ANY ? "item" : spotc_id_type_to_name(type);
    if (msg[0])
        cli_errorf("%s", msg);
    else
        cli_errorf("'%s' is not a Spotify %s ID, URI or URL", input, type_name);
    /* A name where an ID belongs ("Sleepy Lighthouse"): say how to find the ID. */
    if (*input && !strchr(input, ':') && !strchr(input, '/') && !strchr(input, '\''))
        fprintf(stderr, "spotc: to find it by name: spotc search '%s'%s%s\n", input,
                type == SPOTC_TYPE_ANY ? "" : " --type ", type == SPOTC_TYPE_ANY ? "" : type_name);
    return CLI_EXIT_USAGE;
}
