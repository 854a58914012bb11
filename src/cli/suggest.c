/*
 * "Did you mean": the closest known word to a mistyped one, by edit distance (insertions,
 * deletions, substitutions and swaps of two neighbours, each costing one), used for
 * commands, subcommands, options and option values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_WORD 64

/* Optimal string alignment distance; words longer than MAX_WORD are never close. */
static size_t distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > MAX_WORD || m > MAX_WORD)
        return (size_t)-1;
    size_t d[MAX_WORD + 1][MAX_WORD + 1];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t best = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[n][m];
}

const char *cli_suggest(const char *word, const char *const *candidates, size_t n)
{
    /* One typo in a short word, two in a longer one, three in a long one: more than that
     * suggests unrelated words ("me" for "xy"). */
    size_t len = strlen(word);
    size_t limit = len <= 3 ? 1 : len <= 7 ? 2 : 3;
    const char *best = NULL;
    size_t best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

/* The words of a space-separated list, pointing into buf. @return how many. */
static size_t split_words(char *buf, const char **words, size_t max)
{
    size_t n = 0;
    for (char *save = NULL, *w = strtok_r(buf, " ", &save); w && n < max;
         w = strtok_r(NULL, " ", &save))
        words[n++] = w;
    return n;
}

static const cli_choice *find_choice(const cli_command *cmd, const char *option,
                                     const char *subcommand)
{
    for (const cli_choice *c = cmd ? cmd->choices : NULL; c && (c->option || c->subcommand); c++) {
        if (option && c->option && strcmp(c->option, option) == 0)
            return c;
        if (!option && !c->option && subcommand && strcmp(c->subcommand, subcommand) == 0)
            return c;
    }
    return NULL;
}

int cli_check_choice(const cli_ctx *ctx, const char *option, const char *subcommand,
                     const char *value)
{
    const cli_choice *c = find_choice(ctx->cmd, option, subcommand);
    if (!c || !c->values)
        return 0;
    char buf[512];
    const char *words[32];
    snprintf(buf, sizeof(buf), "%s", c->values);
    size_t n = split_words(buf, words, 32);
    for (size_t i = 0; i < n; i++)
        if (strcmp(words[i], value) == 0)
            return 0;
    const char *close = cli_suggest(value, words, n);
    char what[80];
    if (option)
        snprintf(what, sizeof(what), "--%s", option);
    else
        snprintf(what, sizeof(what), "'%s %s'", ctx->cmd->name, subcommand);
    if (close)
        return cli_usage_error(ctx, "%s does not take '%s'; did you mean '%s'? (%s)", what, value,
                               close, c->values);
    return cli_usage_error(ctx, "%s takes one of: %s; not '%s'", what, c->values, value);
}

const cli_subcommand *cli_subcommand_find(const cli_ctx *ctx, const char *name)
{
    const cli_subcommand *subs = ctx->cmd->subcommands;
    const char *names[64];
    size_t n = 0;
    char list[512] = "";
    for (size_t i = 0; subs && subs[i].name && n < 64; i++) {
        if (strcmp(subs[i].name, name) == 0)
            return &subs[i];
        names[n++] = subs[i].name;
        size_t used = strlen(list);
        snprintf(list + used, sizeof(list) - used, "%s%s", i ? ", " : "", subs[i].name);
    }
    const char *close = cli_suggest(name, names, n);
    if (close)
        cli_usage_error(ctx, "unknown %s command '%s'; did you mean '%s'?", ctx->cmd->name, name,
                        close);
    else
        cli_usage_error(ctx, "unknown %s command '%s' (%s)", ctx->cmd->name, name, list);
    return NULL;
}
