/*
 * The columns of each kind of item. Paths into Spotify's JSON rather than model fields, so
 * that the machine formats and --fields see the same names as Spotify's documentation.
 */
#include "render.h"

#define COLUMNS(name, ...)                                                                         \
    static const cli_list_column name##_list[] = {__VA_ARGS__};                                    \
    const cli_columns name = {name##_list, sizeof(name##_list) / sizeof(name##_list[0])}

COLUMNS(cli_track_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"ARTISTS", "artists.name", CLI_LIST_FLEX}, {"ALBUM", "album.name", CLI_LIST_FLEX},
        {"DURATION", "duration_ms", CLI_LIST_DURATION});
COLUMNS(cli_album_track_columns, {"ID", "id", 0}, {"#", "track_number", CLI_LIST_RIGHT},
        {"NAME", "name", CLI_LIST_FLEX}, {"ARTISTS", "artists.name", CLI_LIST_FLEX},
        {"DURATION", "duration_ms", CLI_LIST_DURATION});
COLUMNS(cli_album_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"ARTISTS", "artists.name", CLI_LIST_FLEX}, {"TYPE", "album_type", 0},
        {"RELEASED", "release_date", 0}, {"TRACKS", "total_tracks", CLI_LIST_RIGHT});
COLUMNS(cli_artist_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"GENRES", "genres", CLI_LIST_FLEX}, {"FOLLOWERS", "followers.total", CLI_LIST_RIGHT},
        {"POPULARITY", "popularity", CLI_LIST_RIGHT});
COLUMNS(cli_user_columns, {"ID", "id", 0}, {"NAME", "display_name", CLI_LIST_FLEX},
        {"EMAIL", "email", CLI_LIST_FLEX}, {"COUNTRY", "country", 0}, {"PRODUCT", "product", 0},
        {"FOLLOWERS", "followers.total", CLI_LIST_RIGHT});
COLUMNS(cli_show_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"PUBLISHER", "publisher", CLI_LIST_FLEX}, {"EPISODES", "total_episodes", CLI_LIST_RIGHT});
COLUMNS(cli_episode_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"SHOW", "show.name", CLI_LIST_FLEX}, {"RELEASED", "release_date", 0},
        {"DURATION", "duration_ms", CLI_LIST_DURATION});
COLUMNS(cli_show_episode_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"RELEASED", "release_date", 0}, {"DURATION", "duration_ms", CLI_LIST_DURATION});
COLUMNS(cli_audiobook_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"AUTHORS", "authors.name", CLI_LIST_FLEX}, {"NARRATORS", "narrators.name", CLI_LIST_FLEX},
        {"CHAPTERS", "total_chapters", CLI_LIST_RIGHT});
COLUMNS(cli_chapter_columns, {"ID", "id", 0}, {"#", "chapter_number", CLI_LIST_RIGHT},
        {"NAME", "name", CLI_LIST_FLEX}, {"AUDIOBOOK", "audiobook.name", CLI_LIST_FLEX},
        {"DURATION", "duration_ms", CLI_LIST_DURATION});
COLUMNS(cli_audiobook_chapter_columns, {"ID", "id", 0}, {"#", "chapter_number", CLI_LIST_RIGHT},
        {"NAME", "name", CLI_LIST_FLEX}, {"DURATION", "duration_ms", CLI_LIST_DURATION});
COLUMNS(playlist_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"OWNER", "owner.display_name", CLI_LIST_FLEX});
COLUMNS(show_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"PUBLISHER", "publisher", CLI_LIST_FLEX});
COLUMNS(episode_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"RELEASED", "release_date", 0});
COLUMNS(audiobook_columns, {"ID", "id", 0}, {"NAME", "name", CLI_LIST_FLEX},
        {"AUTHORS", "authors.name", CLI_LIST_FLEX});

const cli_columns *cli_columns_of(spotc_item_type type)
{
    switch (type) {
    case SPOTC_TYPE_TRACK:
        return &cli_track_columns;
    case SPOTC_TYPE_ALBUM:
        return &cli_album_columns;
    case SPOTC_TYPE_ARTIST:
        return &cli_artist_columns;
    case SPOTC_TYPE_PLAYLIST:
        return &playlist_columns;
    case SPOTC_TYPE_SHOW:
        return &show_columns;
    case SPOTC_TYPE_EPISODE:
        return &episode_columns;
    default:
        return &audiobook_columns;
    }
}
