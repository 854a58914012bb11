/**
 * @file list.h
 * @brief Lists on stdout, streamed item by item in every output format.
 *
 * A command describes its columns once (a header and a dotted path into each item's JSON),
 * then hands the items over as they arrive:
 *
 *     cli_list *l;
 *     if ((rc = cli_list_begin(ctx, columns, ncolumns, &l)) != 0) return rc;
 *     while (more pages) for (each item) cli_list_item(l, item);   // 0 or an exit code
 *     rc = cli_list_end(l, rc);                                     // frees l
 *
 * Formats (spotc(1), OUTPUT):
 * - table (stdout a terminal, or --table): aligned under a header, cut to the width. Widths
 *   come from the rows buffered so far (at most CLI_LIST_PAGE_ROWS), never shrink, and the
 *   buffer is written whenever it is full: a long list starts showing at once.
 * - TSV (a pipe): a header row of the columns' paths, what --fields takes (--no-header
 *   drops it), then one line an item.
 * - --csv: RFC 4180 (CRLF line ends, quotes where needed); a text cell that starts with
 *   =, +, - or @ gets a leading apostrophe so that spreadsheets do not run it as a formula.
 * - --json: one JSON array of the items (Spotify's objects, or the --fields objects).
 * - --jsonl: one compact object a line, written (and flushed) as each item arrives.
 * --fields a,b.c replaces the columns in every format: headers (and JSON keys) are the names
 * as given. A path step into an array maps over it (`artists.name` gives every artist's name,
 * joined with ", " in text formats); a number picks one element (`artists.0.name`).
 * Durations (CLI_LIST_DURATION) are m:ss in tables and milliseconds everywhere else.
 *
 * Nothing but the current row is held, except the table's buffer of one page.
 */
#ifndef SPOTC_CLI_LIST_H
#define SPOTC_CLI_LIST_H

#include <jansson.h>

#include "cli.h"

/** Rows a table buffers to measure its columns. */
#define CLI_LIST_PAGE_ROWS 100

enum cli_list_flags {
    CLI_LIST_FLEX = 1,     /**< may be cut to fit the terminal (names); others never are (IDs) */
    CLI_LIST_RIGHT = 2,    /**< right-aligned (numbers) */
    CLI_LIST_DURATION = 4, /**< milliseconds, shown as m:ss in a table */
};

/** A column: its header and where its value is in an item. */
typedef struct cli_list_column {
    const char *header; /**< "NAME" (the table and TSV/CSV header) */
    const char *path;   /**< dotted path into the item, e.g. "album.name" */
    unsigned flags;     /**< enum cli_list_flags */
} cli_list_column;

typedef struct cli_list cli_list;

/**
 * Start a list in ctx's format. The columns are borrowed until cli_list_end(); with
 * --fields (ctx->fields) they are replaced by the fields given.
 * @param[out] out the list (the caller's until cli_list_end()).
 * @return 0, or an exit code (reported: a malformed --fields, out of memory).
 */
int cli_list_begin(const cli_ctx *ctx, const cli_list_column *columns, size_t ncolumns,
                   cli_list **out);

/** Write (or, for a table, buffer) one item; a JSON null is skipped. @return 0 or an exit code. */
int cli_list_item(cli_list *l, const json_t *item);

/** @return how many items were written so far. */
size_t cli_list_count(const cli_list *l);

/**
 * End the list and free it (NULL: nothing to free). With result 0 (the command's work
 * succeeded) write what is buffered and close the document; an empty list still gets its
 * header, "[]" or "(none)". With an exit code, close only what was started: a list that
 * failed before its first item writes nothing at all.
 * @param result the command's exit code so far.
 * @return result when nonzero, else 0 or the end's own exit code (reported).
 */
int cli_list_end(cli_list *l, int result);

/**
 * The value at a dotted path (see above), a new reference (json_decref), or NULL when there
 * is none. Exposed for tests and for commands that read one value the same way.
 */
json_t *cli_json_path(const json_t *item, const char *path);

/**
 * A cell's text made safe for CSV: quoted when it holds a comma, quote, CR or LF, and a
 * leading apostrophe when `text_cell` and it starts with =, +, - or @.
 * @return malloc'd (the caller's), or NULL when out of memory.
 */
char *cli_csv_cell(const char *text, int text_cell);

#endif
