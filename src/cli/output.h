/**
 * @file output.h
 * @brief The output format of a run, aligned tables (the buffer list.h writes through),
 *        headings and JSON documents on stdout.
 *
 * Aligned tables (a terminal, or --table) have a header and are cut with "…" to the terminal
 * width (COLUMNS when stdout is not a terminal; no limit without it). Lists in every format
 * are written through list.h.
 */
#ifndef SPOTC_CLI_OUTPUT_H
#define SPOTC_CLI_OUTPUT_H

#include <jansson.h>

#include "cli.h"

/** Decide ctx->format, ctx->width and ctx->pretty from the options and stdout. */
void cli_output_setup(cli_ctx *ctx);

enum cli_column_flags {
    CLI_COL_FLEX = 1,  /**< may be cut to fit the terminal (names); others never are (IDs) */
    CLI_COL_RIGHT = 2, /**< right-aligned (numbers) */
};

typedef struct cli_column {
    const char *header;
    unsigned flags;
} cli_column;

typedef struct cli_table cli_table;

/** @return a new empty table with the given columns (borrowed; must outlive it), or NULL. */
cli_table *cli_table_new(const cli_column *columns, size_t ncolumns);

/**
 * Add a row of ncolumns cells (copied and cleaned of control characters; NULL = empty).
 * @return 0 or -1 when out of memory.
 */
int cli_table_add(cli_table *t, const char *const *cells);

/** @return the number of rows. */
size_t cli_table_rows(const cli_table *t);

/** Raise widths[c] (ncolumns of them) to fit each column's header and cells. */
void cli_table_measure(const cli_table *t, size_t *widths);

/**
 * Write the rows aligned to widths, first cut to ctx->width (widths is updated), the
 * header row first when `header`. @return 0 or -1 when out of memory.
 */
int cli_table_write(const cli_table *t, const cli_ctx *ctx, size_t *widths, int header);

/** Drop the rows (the columns stay). */
void cli_table_clear(cli_table *t);

/** Free a table. NULL is a no-op. */
void cli_table_free(cli_table *t);

/** In table format, print a heading line (a blank line before all but the first). */
void cli_print_heading(const cli_ctx *ctx, const char *text);

/** Write a JSON value to stdout, indented when ctx->pretty. @return 0 or CLI_EXIT_ERROR. */
int cli_print_json(const cli_ctx *ctx, const json_t *json);

#endif
