/* spotc audio-features ID...: one row of audio attributes per track, batched (GET
 * /audio-features?ids=, 100 a request); extended-quota apps only. */
#include <stdlib.h>

#include "extended.h"
#include "idlist.h"
#include "output.h"
#include "stream.h"

static const cli_list_column columns[] = {
    {"ID", "id", 0},
    {"DANCE", "danceability", CLI_LIST_RIGHT},
    {"ENERGY", "energy", CLI_LIST_RIGHT},
    {"KEY", "key", CLI_LIST_RIGHT},
    {"MODE", "mode", CLI_LIST_RIGHT},
    {"TEMPO", "tempo", CLI_LIST_RIGHT},
    {"VALENCE", "valence", CLI_LIST_RIGHT},
    {"LOUDNESS", "loudness", CLI_LIST_RIGHT},
};

/* The features as JSON, in the order of the IDs: null for an unknown track. */
static json_t *features_array(const spotc_audio_features_list *l)
{
    json_t *all = json_array();
    for (size_t i = 0; all && i < l->count; i++)
        if (json_array_append(all, l->items[i] ? l->items[i]->json : json_null()) != 0) {
            json_decref(all);
            return NULL;
        }
    return all;
}

/* Unknown tracks come back as nulls: name them, and fail with "not found". */
static int report_missing(const cli_args *args, const spotc_audio_features_list *l)
{
    int missing = 0;
    for (size_t i = 0; i < l->count && i < (size_t)args->npos; i++)
        if (!l->items[i]) {
            cli_errorf("no audio features for track '%s' (no track with that ID?)", args->pos[i]);
            missing = 1;
        }
    return missing ? CLI_EXIT_NOT_FOUND : 0;
}

/* --json: the object for one ID, an array (null for an unknown ID) for several, as `track`. */
static int print_features(cli_ctx *ctx, const cli_args *args, const spotc_audio_features_list *l)
{
    json_t *all = features_array(l);
    int rc = all ? 0 : CLI_EXIT_ERROR;
    if (rc == 0 && ctx->format == CLI_FORMAT_JSON && args->npos == 1)
        rc = json_is_object(json_array_get(all, 0)) ? cli_print_json(ctx, json_array_get(all, 0))
                                                    : 0;
    else if (rc == 0 && ctx->format == CLI_FORMAT_JSON)
        rc = cli_print_json(ctx, all);
    else if (rc == 0)
        rc = cli_list_array(ctx, all, columns, sizeof columns / sizeof columns[0]);
    json_decref(all);
    return rc ? rc : report_missing(args, l);
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    spotc_id *storage;
    const char **ids;
    spotc_client *client;
    spotc_audio_features_list *l = NULL;
    int rc = cli_parse_ids(args, SPOTC_TYPE_TRACK, &storage, &ids);
    if (rc)
        return rc;
    if ((rc = cli_extended_client(ctx, "get-several-audio-features", &client)) == 0) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        /* Deprecated by Spotify; this command is for the apps that still have it. */
        rc = spotc_audio_features_get_several(&l, client, ids, (size_t)args->npos, NULL);
#pragma GCC diagnostic pop
        rc = rc < 0 ? cli_fail(ctx, rc) : print_features(ctx, args, l);
    }
    spotc_audio_features_list_free(l);
    free(ids);
    free(storage);
    return rc;
}

const cli_command cli_cmd_audio_features = {
    .name = "audio-features",
    .summary = "audio attributes of tracks (extended-quota apps)",
    .usage = "audio-features ID...",
    .description =
        "Shows the audio attributes of one or more tracks (IDs, URIs or links), one row a\n"
        "track in the order given: danceability, energy, key (pitch class), mode (1 major,\n"
        "0 minor), tempo (BPM), valence and loudness (dB); --fields picks any other, e.g.\n"
        "acousticness, speechiness, time_signature, duration_ms. Several IDs are sent 100 a\n"
        "request. With --json: the object for one ID, an array (null for an unknown track)\n"
        "for several. Spotify serves this to extended-quota apps only.",
    .min_args = 1,
    .max_args = -1,
    .run = run,
    .examples = "spotc audio-features ID\n"
                "spotc audio-features ID1 ID2 --fields id,tempo,energy --csv",
};
