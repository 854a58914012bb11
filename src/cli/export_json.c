/*
 * The writers behind `playlist export`. JSON is lossless and streamed:
 *
 *     {"playlist": {...the playlist object without its item pages...},
 *      "items": [
 *     {"added_at": ..., "added_by": ..., "is_local": ..., "item": {...}},
 *     ...]}
 *
 * one item a line, written as its page arrives, so that memory does not grow with the
 * playlist and a reader can stream it too. CSV rows come from export_csv.c.
 */
#include <string.h>

#include "export.h"

/* Items are dumped through a block on the stack and written with one fwrite: jansson's
 * json_dumpf() calls fwrite() once per token, which was a tenth of the JSON export's time. */
typedef struct block {
    FILE *out;
    size_t len;
    int err;
    char p[16384];
} block;

static int block_flush(block *b)
{
    if (b->len && fwrite(b->p, 1, b->len, b->out) != b->len)
        b->err = 1;
    b->len = 0;
    return b->err ? -1 : 0;
}

static int block_add(const char *s, size_t n, void *data)
{
    block *b = data;
    if (b->len + n > sizeof b->p && block_flush(b) < 0)
        return -1;
    if (n > sizeof b->p)
        return fwrite(s, 1, n, b->out) == n ? 0 : (b->err = 1, -1);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static int dump_item(FILE *out, const char *sep, const json_t *item)
{
    block b = {.out = out};
    if (block_add(sep, strlen(sep), &b) < 0 ||
        json_dump_callback(item, block_add, &b, JSON_COMPACT | JSON_ENCODE_ANY) < 0)
        return -1;
    return block_flush(&b);
}

int export_begin(export_writer *w, const json_t *meta)
{
    w->done = 0;
    if (w->csv)
        return export_csv_header(w->out);
    if (fputs("{\"playlist\": ", w->out) < 0 || json_dumpf(meta, w->out, JSON_COMPACT) < 0 ||
        fputs(",\n \"items\": [", w->out) < 0)
        return -1;
    return 0;
}

int export_item(export_writer *w, const json_t *item)
{
    int rc;
    if (w->csv)
        rc = export_csv_row(w->out, item);
    else
        rc = dump_item(w->out, w->done ? ",\n" : "\n", item);
    if (rc == 0)
        w->done++;
    return rc;
}

int export_item_text(export_writer *w, const spotc_json_text *text)
{
    const char *sep = w->done ? ",\n" : "\n";
    if (fputs(sep, w->out) < 0 || fwrite(text->p, 1, text->len, w->out) != text->len)
        return -1;
    w->done++;
    return 0;
}

int export_end(export_writer *w)
{
    if (!w->csv && fputs("]}\n", w->out) < 0)
        return -1;
    return fflush(w->out) == 0 ? 0 : -1;
}
