/*
 * spotc playlist export ID [--format json|csv] [-o FILE]: the playlist's details, then its
 * items streamed from the pager (several pages in flight) into the writer. CSV asks only for
 * the fields its columns need; both pass a market, which makes Spotify leave out the
 * available_markets arrays that are most of a full page's bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "export.h"
#include "config.h"
#include "fetch.h"

/* Pages in flight after the first: the export's wall time is about one page's latency plus
 * the rest divided by this. */
#define EXPORT_CONCURRENCY 8

/* Every key of a playlist object except its item pages (which the export streams). */
static const char meta_fields[] = "collaborative,description,external_urls,followers,href,id,"
                                  "images,name,owner,primary_color,public,snapshot_id,type,uri";

static const char *market_of(const cli_ctx *ctx)
{
    return ctx->market ? ctx->market : "from_token";
}

static int write_failed(void)
{
    cli_errorf("writing the export: %s", strerror(errno));
    return CLI_EXIT_ERROR;
}

/* What comes before the items: the CSV header, or the playlist's details and the JSON
 * document's start. Called once the first page is in: the pages after it are then in
 * flight, so the details' round trip costs no time of its own. @return 0 or an exit code. */
static int begin(cli_ctx *ctx, const char *id, export_writer *w)
{
    json_t *meta = NULL;
    spotc_param p[3] = {{"playlist_id", id}, {"fields", meta_fields}, {"market", market_of(ctx)}};
    /* CSV has no place for the details: not asking saves a round trip. */
    int rc = w->csv ? 0 : cli_call_json(ctx, "get-playlist", p, 3, &meta);
    errno = 0;
    if (rc == 0 && export_begin(w, meta) < 0)
        rc = write_failed();
    json_decref(meta);
    return rc;
}

static int stream_items(cli_ctx *ctx, spotc_client *client, const char *id, export_writer *w)
{
    spotc_param params[3] = {{"playlist_id", id}, {"market", market_of(ctx)}, {NULL, NULL}};
    size_t n = 2;
    if (w->csv)
        params[n++] = (spotc_param){"fields", export_csv_fields};
    spotc_page_options opts = SPOTC_PAGE_OPTIONS_INIT;
    opts.concurrency = EXPORT_CONCURRENCY;
    spotc_pager *pager;
    int rc = spotc_pager_new(&pager, client, "get-playlists-items", params, n, &opts);
    if (rc < 0)
        return cli_fail(ctx, rc);
    /* Items are read as text: the JSON export hands each on as it came, the CSV reads its
     * columns out of it (json_text.h); parsing every page into a tree was most of the time. */
    int werr = 0, code = 0, started = 0;
    const spotc_json_text *texts;
    size_t count;
    while (!werr && !code && (rc = spotc_pager_next_text(pager, &texts, &count)) == 1) {
        if (!started++ && (code = begin(ctx, id, w)) != 0)
            break;
        for (size_t i = 0; i < count && !werr; i++)
            werr = export_item_text(w, &texts[i]) < 0;
    }
    if (rc == 0 && !started) /* an empty playlist */
        code = begin(ctx, id, w);
    spotc_pager_free(pager);
    if (code)
        return code;
    if (werr)
        return write_failed();
    return rc < 0 ? cli_fail(ctx, rc) : 0;
}

static int open_output(const char *file, FILE **out)
{
    *out = stdout;
    if (!file || strcmp(file, "-") == 0)
        return 0;
    if (!(*out = fopen(file, "w"))) {
        cli_errorf("%s: %s", file, strerror(errno));
        return CLI_EXIT_ERROR;
    }
    return 0;
}

int export_playlist_to(cli_ctx *ctx, spotc_client *client, const char *id, export_writer *w)
{
    int rc = stream_items(ctx, client, id, w);
    errno = 0;
    if (rc == 0 && export_end(w) < 0)
        rc = write_failed();
    return rc;
}

int export_playlist_run(cli_ctx *ctx, const char *id, const char *format, const char *file)
{
    spotc_client *client;
    int rc = cli_user_client(ctx, &client);
    FILE *out;
    if (rc || (rc = open_output(file, &out)) != 0)
        return rc;
    export_writer w = {.out = out, .csv = format && strcmp(format, "csv") == 0};
    rc = export_playlist_to(ctx, client, id, &w);
    if (out != stdout && fclose(out) != 0 && rc == 0)
        rc = (cli_errorf("%s: %s", file, strerror(errno)), CLI_EXIT_ERROR);
    if (out != stdout && rc != 0)
        remove(file); /* no half export left to be mistaken for a whole one */
    if (rc == 0 && !ctx->quiet && out != stdout)
        fprintf(stderr, "Exported %zu items to %s\n", w.done, file);
    return rc;
}
