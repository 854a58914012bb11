/*
 * The writers behind `playlist export`. JSON is lossless and streamed:
 *
 *     {"playlist": {...the playlist object without its item pages...},
 *      "items": [
 *     {"added_at": ..., "added_by": ..., "is_local": ..., "item": {...}},
 *     ...]}
 *
 * one item a line, written as its page arrives, so that memory does not grow with the
 * playlist and a reader can stream it too. Each item is its text as the API sent it
 * (spotc_pager_next_text: checked and compacted, never parsed and dumped again), which is
 * the same JSON. CSV rows come from export_csv.c.
 */
#include <string.h>

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

int export_item_text(export_writer *w, const spotc_json_text *text)
{
    if (w->csv) {
        if (export_csv_row(w->out, *text) < 0)
            return -1;
    } else if (fputs(w->done ? ",\n" : "\n", w->out) < 0 ||
               fwrite(text->p, 1, text->len, w->out) != text->len) {
        return -1;
    }
    w->done++;
    return 0;
}

int export_end(export_writer *w)
{
    if (!w->csv && fputs("]}\n", w->out) < 0)
        return -1;
    return fflush(w->out) == 0 ? 0 : -1;
}
