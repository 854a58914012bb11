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
#include "export.h"

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
        rc = fputs(w->done ? ",\n" : "\n", w->out) < 0 ||
                     json_dumpf(item, w->out, JSON_COMPACT | JSON_ENCODE_ANY) < 0
                 ? -1
                 : 0;
    if (rc == 0)
        w->done++;
    return rc;
}

int export_end(export_writer *w)
{
    if (!w->csv && fputs("]}\n", w->out) < 0)
        return -1;
    return fflush(w->out) == 0 ? 0 : -1;
}
