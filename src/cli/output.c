/*
 * Tables, TSV and JSON on stdout. A table collects its rows first, because
 * column widths depend on every cell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "output.h"
#include "width.h"

/* A column is never cut below this many columns, whatever the terminal says. */
#define MIN_FLEX_WIDTH 8
#define GAP 2

struct cli_table {
    const cli_column *columns;
    size_t ncolumns;
    char **cells; /* rows * ncolumns cleaned cells, row-major */
    size_t rows, cap;
};

static int terminal_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *columns = getenv("COLUMNS");
    int n = columns ? atoi(columns) : 0;
    return n > 0 ? n : 0;
}

void cli_output_setup(cli_ctx *ctx)
{
    int tty = isatty(STDOUT_FILENO);
    ctx->pretty = tty;
    if (ctx->json)
        ctx->format = CLI_FORMAT_JSON;
    else if (ctx->jsonl)
        ctx->format = CLI_FORMAT_JSONL;
    else if (ctx->csv)
        ctx->format = CLI_FORMAT_CSV;
    else if (tty || ctx->table)
        ctx->format = CLI_FORMAT_TABLE;
    else
        ctx->format = CLI_FORMAT_TSV;
    ctx->width = ctx->format == CLI_FORMAT_TABLE ? terminal_width() : 0;
}

cli_table *cli_table_new(const cli_column *columns, size_t ncolumns)
{
    cli_table *t = calloc(1, sizeof(*t));
    if (t) {
        t->columns = columns;
        t->ncolumns = ncolumns;
    }
    return t;
}

int cli_table_add(cli_table *t, const char *const *cells)
{
    if (t->rows == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        char **grown = realloc(t->cells, cap * t->ncolumns * sizeof(char *));
        if (!grown)
            return -1;
        t->cells = grown;
        t->cap = cap;
    }
    char **row = t->cells + t->rows * t->ncolumns;
    for (size_t i = 0; i < t->ncolumns; i++) {
        row[i] = cli_cell_clean(cells[i] ? cells[i] : "");
        if (!row[i]) {
            while (i-- > 0)
                free(row[i]);
            return -1;
        }
    }
    t->rows++;
    return 0;
}

size_t cli_table_rows(const cli_table *t)
{
    return t->rows;
}

void cli_table_free(cli_table *t)
{
    if (!t)
        return;
    cli_table_clear(t);
    free(t->cells);
    free(t);
}

/* Shrink the widest flexible column, one column at a time, until the row fits. */
static void fit_widths(const cli_table *t, size_t *widths, size_t limit)
{
    size_t total = GAP * (t->ncolumns - 1);
    for (size_t c = 0; c < t->ncolumns; c++)
        total += widths[c];
    while (limit > 0 && total > limit) {
        size_t widest = t->ncolumns;
        for (size_t c = 0; c < t->ncolumns; c++)
            if ((t->columns[c].flags & CLI_COL_FLEX) && widths[c] > MIN_FLEX_WIDTH &&
                (widest == t->ncolumns || widths[c] > widths[widest]))
                widest = c;
        if (widest == t->ncolumns)
            return; /* nothing left to cut: let the terminal wrap */
        widths[widest]--;
        total--;
    }
}

static int print_cell(const char *text, size_t width, unsigned flags, int last)
{
    char *cut = cli_truncate(text, width);
    if (!cut)
        return -1;
    size_t pad = width - cli_display_width(cut);
    if (flags & CLI_COL_RIGHT)
        printf("%*s%s", (int)pad, "", cut);
    else
        printf("%s%*s", cut, last ? 0 : (int)pad, "");
    if (last)
        putchar('\n');
    else
        printf("%*s", GAP, "");
    free(cut);
    return 0;
}

void cli_table_measure(const cli_table *t, size_t *widths)
{
    for (size_t c = 0; c < t->ncolumns; c++) {
        size_t w = cli_display_width(t->columns[c].header);
        widths[c] = w > widths[c] ? w : widths[c];
        for (size_t r = 0; r < t->rows; r++) {
            w = cli_display_width(t->cells[r * t->ncolumns + c]);
            widths[c] = w > widths[c] ? w : widths[c];
        }
    }
}

void cli_table_clear(cli_table *t)
{
    for (size_t i = 0; i < t->rows * t->ncolumns; i++)
        free(t->cells[i]);
    t->rows = 0;
}

int cli_table_write(const cli_table *t, const cli_ctx *ctx, size_t *widths, int header)
{
    fit_widths(t, widths, (size_t)ctx->width);
    int rc = 0;
    for (size_t r = header ? 0 : 1; r <= t->rows && rc == 0; r++) {
        for (size_t c = 0; c < t->ncolumns && rc == 0; c++) {
            const char *text = r == 0 ? t->columns[c].header : t->cells[(r - 1) * t->ncolumns + c];
            rc = print_cell(text, widths[c], t->columns[c].flags, c + 1 == t->ncolumns);
        }
    }
    return rc;
}

void cli_print_heading(const cli_ctx *ctx, const char *text)
{
    static int printed; /* one stdout per process: whether a section came before */
    if (ctx->format != CLI_FORMAT_TABLE)
        return;
    printf("%s%s\n", printed ? "\n" : "", text);
    printed = 1;
}

int cli_print_json(const cli_ctx *ctx, const json_t *json)
{
    size_t flags = JSON_ENCODE_ANY | (ctx->pretty ? JSON_INDENT(2) : JSON_COMPACT);
    char *text = json_dumps(json, flags);
    /* Outside strings JSON is ASCII, so a bidi control can only be in a
     * string, where its \u escape means the same and shows nothing. */
    if (!text || cli_write_bidi_escaped(stdout, text) != 0) {
        free(text);
        cli_errorf("cannot write the JSON output");
        return CLI_EXIT_ERROR;
    }
    free(text);
    putchar('\n');
    return 0;
}
