/**
 * @file export.h
 * @brief Playlist export and import (issue 9): the formats, the journal and the commands'
 *        entry points. One concern a file:
 *
 * - export_csv.c     Exportify's columns, one RFC 4180 row an item (formula guard from list.c)
 * - json_text.c      the values a CSV row needs, read out of each item's checked JSON text
 * - export_json.c    the lossless document, written item by item as pages arrive
 * - export_run.c     `playlist export`: the pager on get-playlists-items (items as text,
 *                    spotc_pager_next_text) feeding a writer
 * - import_csv.c     an RFC 4180 reader (quoted commas, quotes and newlines)
 * - import_source.c  a file of either format read into the list of URIs to add
 * - import_journal.c the journal beside the file that makes --resume safe
 * - import_run.c     `playlist import`: create, add in chunks, reconcile ambiguous failures
 * - export_library.c `library export`: every saved and followed thing, owned playlists whole
 * - import_library.c `library import`: save them again, recreate the owned playlists
 * - export_diff.c    `playlist diff`: added, removed and moved items of two playlists or files
 *
 * Ownership: every pointer handed in is borrowed for the call; what a function returns
 * through an out parameter is the caller's, freed with the matching _free().
 */
#ifndef SPOTC_CLI_EXPORT_H
#define SPOTC_CLI_EXPORT_H

#include <jansson.h>
#include <stdio.h>

#include "cli.h"

/* ------------------------------------------------------------ writers */

/** A sink for the items of one playlist, in one format. */
typedef struct export_writer {
    FILE *out;
    int csv;     /**< 1: Exportify CSV, 0: JSON */
    size_t done; /**< items written so far */
} export_writer;

/** Write what comes before the items: the CSV header, or the JSON document's start with the
 *  playlist's metadata (`meta`, the playlist object; its item pages are left out).
 *  @return 0 or -1 (write error). */
int export_begin(export_writer *w, const json_t *meta);
/** Write one playlist item (added_at, added_by, is_local, item/track), given as its JSON text
 *  (spotc_pager_next_text: checked, compact). @return 0 or -1. */
int export_item_text(export_writer *w, const spotc_json_text *text);
/** Close the document. @return 0 or -1. */
int export_end(export_writer *w);

/** CSV pieces (export_csv.c). */
int export_csv_header(FILE *out);
int export_csv_row(FILE *out, spotc_json_text item);
/** The `fields` selection that gives everything the CSV columns need. */
extern const char export_csv_fields[];

/** The item's track or episode object (`item`, else `track`), borrowed; NULL for a null one. */
const json_t *export_item_object(const json_t *item);

/* ------------------------------------------------------------ reading */

/** A CSV reader on a stream: one record at a time. */
typedef struct csv_reader csv_reader;
/** @return a reader on `in` (borrowed), or NULL when out of memory. */
csv_reader *csv_reader_new(FILE *in);
/**
 * The next record. Fields are borrowed until the next call.
 * @return the number of fields (>= 1), 0 at the end, -1 on a malformed record
 *         (an unterminated quote) with its line in csv_reader_line().
 */
int csv_reader_next(csv_reader *r, const char *const **fields);
/** @return the line on which the last record started (1-based). */
long csv_reader_line(const csv_reader *r);
void csv_reader_free(csv_reader *r);

/** What an import adds: the URIs in order, and the source playlist's details. */
typedef struct import_source {
    char **uris;
    size_t count;
    size_t skipped;    /**< local files, null items and unknown URIs (each reported) */
    char *name;        /**< the source playlist's name, or NULL (CSV) */
    char *description; /**< or NULL */
    int is_public;     /**< -1 when unknown */
    unsigned long hash; /**< of the URI list: the journal checks it is the same file */
    int keep_all;       /**< set before reading: keep every item's URI ("" for a null item),
                             report nothing (playlist diff) */
} import_source;

/**
 * Read an exported playlist (src->keep_all is the only field read: set it or zero it first) (JSON document, a JSON array of items, or any CSV with a
 * Track URI column), reporting each item that cannot be added on stderr.
 * @return 0 or an exit code (reported).
 */
int import_source_read(const char *path, import_source *src);
void import_source_free(import_source *src);
/** Fill src (zeroed by the caller) from a playlist object and its items array, as
 *  import_source_read() does for a file; `path` names the source in reports. */
int import_source_items(import_source *src, const char *path, const json_t *meta,
                        const json_t *items);
/** Create a playlist for src (named `name`, else src's name, else `fallback`) and add its
 *  items, checked as `playlist import` does; no journal. id receives the new ID.
 *  @return 0 or an exit code (reported). */
int import_new_playlist(cli_ctx *ctx, spotc_client *client, const import_source *src,
                        const char *name, const char *fallback, char *id, size_t idlen);
/** @return n URIs joined with commas (malloc'd), or NULL when out of memory. */
char *import_join(char *const *uris, size_t n);
/** Append a URI (copied) to the list. @return 0 or -1 (out of memory). */
int import_source_add(import_source *src, const char *uri);
/** @return 1 when `uri` names a track or an episode by a well-formed ID. */
int import_uri_addable(const char *uri);

/* ------------------------------------------------------------ journal */

/** An import in progress: which playlist, from which offset, which source. */
typedef struct import_journal {
    char playlist_id[64];
    long base;          /**< the playlist's length before the import's first add */
    size_t count;       /**< items the import adds */
    unsigned long hash; /**< import_source.hash */
} import_journal;

/** @return the journal's path for the file being imported (malloc'd: FILE.spotc-import). */
char *import_journal_path(const char *file);
/** @return 1 read, 0 no journal, -1 unreadable (reported). */
int import_journal_load(const char *path, import_journal *j);
/** Write atomically (temporary file and rename). @return 0 or -1 (reported). */
int import_journal_save(const char *path, const import_journal *j);

/* ------------------------------------------------------------ commands */

int export_playlist_run(cli_ctx *ctx, const char *id, const char *format, const char *file);
/** One playlist's document (details, then items as pages arrive) into an open writer.
 *  @return 0 or an exit code (reported). */
int export_playlist_to(cli_ctx *ctx, spotc_client *client, const char *id, export_writer *w);
/** `library export [-o FILE]` and `library import FILE` (export_library.c, import_library.c). */
int export_library_run(cli_ctx *ctx, const char *file);
int import_library_run(cli_ctx *ctx, const char *file);
int import_playlist_run(cli_ctx *ctx, const char *file, const char *name, const char *into,
                        int resume);
/** `playlist diff A B`: each a playlist ID or an exported file (export_diff.c). */
int diff_playlists_run(cli_ctx *ctx, const char *a, const char *b);

#endif
