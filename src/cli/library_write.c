/* Library writes and checks by URI (library_write.h). */
#include <stdlib.h>

#include "list.h"
#include "progress.h"
#include "library_write.h"

static void on_progress(size_t done, size_t total, void *payload)
{
    (void)total;
    size_t *requests = payload;
    cli_progress_update(++*requests, -1, done);
}

/* The answers as a list: one {"item", "saved"} row per item, in the order given. */
static int print_answers(cli_ctx *ctx, const char *const *items, const bool *in, size_t count)
{
    static const cli_list_column columns[] = {{"ITEM", "item", 0}, {"SAVED", "saved", 0}};
    cli_list *list = NULL;
    int rc = cli_list_begin(ctx, columns, 2, &list);
    for (size_t i = 0; rc == 0 && i < count; i++) {
        json_t *row = json_pack("{s:s, s:b}", "item", items[i], "saved", in[i]);
        rc = row ? cli_list_item(list, row) : CLI_EXIT_ERROR;
        json_decref(row);
    }
    return cli_list_end(list, rc);
}

int cli_library_write(cli_ctx *ctx, spotc_client *client, cli_write_kind kind,
                      const char *const *items, size_t count)
{
    size_t requests = 0;
    spotc_library_options o = SPOTC_LIBRARY_OPTIONS_INIT;
    o.progress = on_progress;
    o.progress_payload = &requests;
    bool *in = NULL;
    cli_progress_begin("items");
    int rc = kind == CLI_WRITE_SAVE     ? spotc_library_save(client, items, count, &o)
             : kind == CLI_WRITE_REMOVE ? spotc_library_remove(client, items, count, &o)
                                        : spotc_library_contains(&in, client, items, count, &o);
    cli_progress_end();
    if (rc < 0)
        return cli_fail(ctx, rc);
    if (kind == CLI_WRITE_CONTAINS) {
        rc = print_answers(ctx, items, in, count);
        spotc_free(in);
        return rc;
    }
    if (!ctx->quiet)
        fprintf(stderr, "%s %zu item%s\n", kind == CLI_WRITE_SAVE ? "saved" : "removed", count,
                count == 1 ? "" : "s");
    return 0;
}
