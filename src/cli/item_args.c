/* ITEM arguments with `-` for stdin (item_args.h). The whole of stdin is read before
 * anything is sent: the library checks every item first, so a typo on the 5,000th line
 * costs no request. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "item_args.h"

static int push(cli_item_args *a, char *item)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 64;
        char **v = realloc(a->v, cap * sizeof *v);
        if (!v)
            return -1;
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = item;
    return 0;
}

static char *read_all(FILE *f)
{
    size_t n = 0, cap = 4096;
    char *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0;) {
        n += got;
        if (cap - n - 1 == 0) {
            char *more = realloc(buf, cap * 2);
            if (!more) {
                free(buf);
                return NULL;
            }
            buf = more;
            cap *= 2;
        }
    }
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* stdin's lines, trimmed, blank ones skipped, in order. */
static int push_stdin(cli_item_args *a)
{
    if (a->stdin_text) {
        cli_errorf("'-' may be given once");
        return CLI_EXIT_USAGE;
    }
    if (!(a->stdin_text = read_all(stdin)))
        return -1;
    for (char *line = strtok(a->stdin_text, "\n"); line; line = strtok(NULL, "\n")) {
        line += strspn(line, " \t\r");
        size_t len = strcspn(line, " \t\r");
        line[len] = '\0';
        if (len && push(a, line) < 0)
            return -1;
    }
    return 0;
}

int cli_item_args_collect(const cli_args *args, int first, cli_item_args *out)
{
    memset(out, 0, sizeof *out);
    for (int i = first; i < args->npos; i++) {
        int rc = strcmp(args->pos[i], "-") == 0 ? push_stdin(out) : push(out, args->pos[i]);
        if (rc < 0)
            cli_errorf("out of memory");
        if (rc)
            return rc < 0 ? CLI_EXIT_ERROR : rc;
    }
    return 0;
}

void cli_item_args_free(cli_item_args *a)
{
    free(a->v);
    free(a->stdin_text);
    a->v = NULL;
    a->stdin_text = NULL;
    a->n = a->cap = 0;
}
