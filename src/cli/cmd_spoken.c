/*
 * spotc show|episode|audiobook|chapter ID: spoken content, shown like `spotc album` (item.h),
 * with a show's episodes (--episodes) or an audiobook's chapters (--chapters) on request.
 */
#include <stdio.h>
#include <string.h>

#include "item.h"
#include "output.h"
#include "render.h"

enum { OPT_LIST, OPT_LIMIT };

/* Spotify answers 404 for spoken content that is not available in the market, and with
 * app credentials there is no market unless one is given: say so, since the ID may well
 * be right. */
static void not_found_hint(const cli_ctx *ctx, const char *type)
{
    if (!ctx->market)
        cli_errorf("without a market Spotify answers 404 for every %s unless a user is logged in"
                   " (whose country is used): add --market CC (or set SPOTC_MARKET)",
                   type);
    else
        cli_errorf("no %s with that ID is available in market %s; it may be another type's ID,"
                   " or look it up: spotc search 'NAME' --type %s",
                   type, ctx->market, strcmp(type, "chapter") == 0 ? "audiobook" : type);
}

static int show_spoken(cli_ctx *ctx, const char *input, const cli_args *args,
                       const cli_item_view *view, const cli_item_list *list)
{
    const cli_item_list *wanted = list && args->opt[OPT_LIST] ? list : NULL;
    int rc = cli_show_item(ctx, input, args->opt[OPT_LIMIT], view, wanted);
    if (rc == CLI_EXIT_NOT_FOUND)
        not_found_hint(ctx, spotc_id_type_to_name(view->type));
    return rc;
}

/* ------------------------------------------------------------ show */

static const cli_item_view show = {SPOTC_TYPE_SHOW, "Show", "get-a-show", &cli_show_columns};
static const cli_item_list episodes = {"get-a-shows-episodes", NULL, "Episodes",
                                       &cli_show_episode_columns};

static int run_show(cli_ctx *ctx, const cli_args *args)
{
    return show_spoken(ctx, args->pos[0], args, &show, &episodes);
}

const cli_command cli_cmd_show = {
    .name = "show",
    .summary = "show a podcast show, or its episodes",
    .usage = "show ID [--episodes [--limit N]]",
    .description = "Shows a show (ID, URI or open.spotify.com link): ID, name, publisher and\n"
                   "number of episodes. With --episodes, its episodes too, every page: on a\n"
                   "terminal the show and then its episodes; piped, only the episodes. With\n"
                   "--json: the show object, or with --episodes an array of its episodes.\n"
                   "Without a logged-in user Spotify needs a market (--market CC) for shows.",
    .options = (const cli_option[]){{"episodes", NULL, "list the show's episodes (all pages)"},
                                    {"limit", "N", "with --episodes: at most N episodes"},
                                    {NULL, NULL, NULL}},
    .min_args = 1,
    .max_args = 1,
    .run = run_show,
    .examples = "spotc --market US show ID\n"
                "spotc show spotify:show:ID --episodes --limit 10 --csv",
};

/* ------------------------------------------------------------ episode */

static const cli_item_view episode = {SPOTC_TYPE_EPISODE, "Episode", "get-an-episode",
                                      &cli_episode_columns};

static int run_episode(cli_ctx *ctx, const cli_args *args)
{
    return show_spoken(ctx, args->pos[0], args, &episode, NULL);
}

const cli_command cli_cmd_episode = {
    .name = "episode",
    .summary = "show a podcast episode",
    .usage = "episode ID",
    .description = "Shows an episode (ID, URI or open.spotify.com link): ID, name, show,\n"
                   "release date and duration. With --json: the episode object.\n"
                   "Without a logged-in user Spotify needs a market (--market CC) for episodes.",
    .min_args = 1,
    .max_args = 1,
    .run = run_episode,
    .examples = "spotc --market US episode ID\n"
                "spotc episode https://open.spotify.com/episode/ID --json | jq .description",
};

/* ------------------------------------------------------------ audiobook */

static const cli_item_view audiobook = {SPOTC_TYPE_AUDIOBOOK, "Audiobook", "get-an-audiobook",
                                        &cli_audiobook_columns};
static const cli_item_list chapters = {"get-audiobook-chapters", NULL, "Chapters",
                                       &cli_audiobook_chapter_columns};

static int run_audiobook(cli_ctx *ctx, const cli_args *args)
{
    return show_spoken(ctx, args->pos[0], args, &audiobook, &chapters);
}

const cli_command cli_cmd_audiobook = {
    .name = "audiobook",
    .summary = "show an audiobook, or its chapters",
    .usage = "audiobook ID [--chapters [--limit N]]",
    .description = "Shows an audiobook (ID, URI or open.spotify.com link): ID, name, authors,\n"
                   "narrators and number of chapters. With --chapters, its chapters too, every\n"
                   "page: on a terminal the audiobook and then its chapters; piped, only the\n"
                   "chapters. With --json: the audiobook object, or with --chapters an array of\n"
                   "its chapters. Spotify serves audiobooks in some markets only (--market CC).",
    .options = (const cli_option[]){{"chapters", NULL, "list the audiobook's chapters (all pages)"},
                                    {"limit", "N", "with --chapters: at most N chapters"},
                                    {NULL, NULL, NULL}},
    .min_args = 1,
    .max_args = 1,
    .run = run_audiobook,
    .examples = "spotc --market US audiobook ID\n"
                "spotc audiobook ID --chapters --fields id,name,duration_ms",
};

/* ------------------------------------------------------------ chapter */

static const cli_item_view chapter = {SPOTC_TYPE_CHAPTER, "Chapter", "get-a-chapter",
                                      &cli_chapter_columns};

/* Spotify gives chapters episode URIs and links (spotify:episode:ID): take those too. */
static int run_chapter(cli_ctx *ctx, const cli_args *args)
{
    spotc_id as_episode;
    char msg[64];
    const char *input = args->pos[0];
    if (strchr(input, ':') || strchr(input, '/'))
        if (spotc_id_parse(&as_episode, input, SPOTC_TYPE_EPISODE, msg, sizeof msg) == 0)
            input = as_episode.id;
    return show_spoken(ctx, input, args, &chapter, NULL);
}

const cli_command cli_cmd_chapter = {
    .name = "chapter",
    .summary = "show an audiobook chapter",
    .usage = "chapter ID",
    .description = "Shows a chapter of an audiobook (ID, URI or open.spotify.com link; Spotify's\n"
                   "own chapter URIs and links say episode, and are taken too): ID, number,\n"
                   "name, audiobook and duration. With --json: the chapter object.",
    .min_args = 1,
    .max_args = 1,
    .run = run_chapter,
    .examples = "spotc --market US chapter ID\n"
                "spotc chapter spotify:episode:ID --json",
};
