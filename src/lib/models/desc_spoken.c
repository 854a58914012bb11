/*
 * Descriptors of shows, episodes, audiobooks and chapters (spotc/models/spoken.h).
 * Each full object is its simplified one plus the field that nests (a show's
 * episodes, an episode's show...), so nesting stops after one level.
 */
#include "model.h"

#define T spotc_resume_point
static const spotc__field resume_point_fields[] = {
    SPOTC__BOOL(T, fully_played, "fully_played"),
    SPOTC__INT(T, resume_position_ms, "resume_position_ms"),
};
#undef T
SPOTC__MODEL(resume_point, resume_point_fields, NULL);

static const spotc__field author_fields[] = {SPOTC__STRING(spotc_author, name, "name")};
SPOTC__MODEL(author, author_fields, NULL);
static const spotc__field narrator_fields[] = {SPOTC__STRING(spotc_narrator, name, "name")};
SPOTC__MODEL(narrator, narrator_fields, NULL);

#define T spotc_show
static const spotc__field simplified_show_fields[] = {
    SPOTC__IDENTITY(T),
    SPOTC__STRING(T, description, "description"),
    SPOTC__STRING(T, html_description, "html_description"),
    SPOTC__STRING(T, publisher, "publisher"),
    SPOTC__STRING(T, media_type, "media_type"),
    SPOTC__PRESENT(T, is_full, "episodes"),
    SPOTC__BOOL(T, is_explicit, "explicit"),
    SPOTC__BOOL(T, is_externally_hosted, "is_externally_hosted"),
    SPOTC__INT(T, total_episodes, "total_episodes"),
    SPOTC__OBJECTS(T, images, image_count, "images", image),
    SPOTC__STRINGS(T, languages, language_count, "languages"),
    SPOTC__STRINGS(T, available_markets, market_count, "available_markets"),
    SPOTC__OBJECTS(T, copyrights, copyright_count, "copyrights", copyright),
};
static const spotc__field show_fields[] = {
    SPOTC__LIST_AS(T, episodes, "episodes", episode, simplified_episode_list),
};
#undef T
SPOTC__MODEL_AS(simplified_show, show, simplified_show_fields, NULL);
SPOTC__MODEL(show, show_fields, &spotc__simplified_show_desc);
SPOTC__MODEL_FUNCTIONS(show)

#define T spotc_episode
static const spotc__field simplified_episode_fields[] = {
    SPOTC__IDENTITY(T),
    SPOTC__STRING(T, description, "description"),
    SPOTC__STRING(T, html_description, "html_description"),
    SPOTC__STRING(T, audio_preview_url, "audio_preview_url"),
    SPOTC__STRING(T, language, "language"),
    SPOTC__STRING(T, release_date, "release_date"),
    SPOTC__STRING(T, release_date_precision, "release_date_precision"),
    SPOTC__BOOL(T, is_explicit, "explicit"),
    SPOTC__BOOL(T, is_externally_hosted, "is_externally_hosted"),
    SPOTC__TRISTATE(T, is_playable, "is_playable"),
    SPOTC__INT(T, duration_ms, "duration_ms"),
    SPOTC__OBJECTS(T, images, image_count, "images", image),
    SPOTC__STRINGS(T, languages, language_count, "languages"),
    SPOTC__EMBED(T, resume_point, "resume_point", resume_point),
    SPOTC__EMBED(T, restrictions, "restrictions", restrictions),
};
static const spotc__field episode_fields[] = {
    SPOTC__OBJECT_AS(T, show, "show", show, simplified_show),
};
#undef T
SPOTC__MODEL_AS(simplified_episode, episode, simplified_episode_fields, NULL);
SPOTC__MODEL(episode, episode_fields, &spotc__simplified_episode_desc);
SPOTC__MODEL_FUNCTIONS(episode)

#define T spotc_audiobook
static const spotc__field simplified_audiobook_fields[] = {
    SPOTC__IDENTITY(T),
    SPOTC__STRING(T, description, "description"),
    SPOTC__STRING(T, html_description, "html_description"),
    SPOTC__STRING(T, edition, "edition"),
    SPOTC__STRING(T, publisher, "publisher"),
    SPOTC__STRING(T, media_type, "media_type"),
    SPOTC__PRESENT(T, is_full, "chapters"),
    SPOTC__BOOL(T, is_explicit, "explicit"),
    SPOTC__INT(T, total_chapters, "total_chapters"),
    SPOTC__OBJECTS(T, authors, author_count, "authors", author),
    SPOTC__OBJECTS(T, narrators, narrator_count, "narrators", narrator),
    SPOTC__OBJECTS(T, images, image_count, "images", image),
    SPOTC__STRINGS(T, languages, language_count, "languages"),
    SPOTC__STRINGS(T, available_markets, market_count, "available_markets"),
    SPOTC__OBJECTS(T, copyrights, copyright_count, "copyrights", copyright),
};
static const spotc__field audiobook_fields[] = {
    SPOTC__LIST_AS(T, chapters, "chapters", chapter, simplified_chapter_list),
};
#undef T
SPOTC__MODEL_AS(simplified_audiobook, audiobook, simplified_audiobook_fields, NULL);
SPOTC__MODEL(audiobook, audiobook_fields, &spotc__simplified_audiobook_desc);
SPOTC__MODEL_FUNCTIONS(audiobook)

#define T spotc_chapter
static const spotc__field simplified_chapter_fields[] = {
    SPOTC__IDENTITY(T),
    SPOTC__STRING(T, description, "description"),
    SPOTC__STRING(T, html_description, "html_description"),
    SPOTC__STRING(T, audio_preview_url, "audio_preview_url"),
    SPOTC__STRING(T, release_date, "release_date"),
    SPOTC__STRING(T, release_date_precision, "release_date_precision"),
    SPOTC__BOOL(T, is_explicit, "explicit"),
    SPOTC__TRISTATE(T, is_playable, "is_playable"),
    SPOTC__INT(T, chapter_number, "chapter_number"),
    SPOTC__INT(T, duration_ms, "duration_ms"),
    SPOTC__OBJECTS(T, images, image_count, "images", image),
    SPOTC__STRINGS(T, languages, language_count, "languages"),
    SPOTC__STRINGS(T, available_markets, market_count, "available_markets"),
    SPOTC__EMBED(T, resume_point, "resume_point", resume_point),
    SPOTC__EMBED(T, restrictions, "restrictions", restrictions),
};
static const spotc__field chapter_fields[] = {
    SPOTC__OBJECT_AS(T, audiobook, "audiobook", audiobook, simplified_audiobook),
};
#undef T
SPOTC__MODEL_AS(simplified_chapter, chapter, simplified_chapter_fields, NULL);
SPOTC__MODEL(chapter, chapter_fields, &spotc__simplified_chapter_desc);
SPOTC__MODEL_FUNCTIONS(chapter)

/* Saved-item wrappers (GET /me/shows, /me/episodes, /me/audiobooks). */
#define T spotc_saved_show
static const spotc__field saved_show_fields[] = {
    SPOTC__STRING(T, added_at, "added_at"),
    SPOTC__OBJECT_AS(T, show, "show", show, simplified_show),
};
#undef T
SPOTC__MODEL(saved_show, saved_show_fields, NULL);
#define T spotc_saved_episode
static const spotc__field saved_episode_fields[] = {
    SPOTC__STRING(T, added_at, "added_at"),
    SPOTC__OBJECT(T, episode, "episode", episode),
};
#undef T
SPOTC__MODEL(saved_episode, saved_episode_fields, NULL);
#define T spotc_saved_audiobook
static const spotc__field saved_audiobook_fields[] = {
    SPOTC__STRING(T, added_at, "added_at"),
    SPOTC__OBJECT(T, audiobook, "audiobook", audiobook),
};
#undef T
SPOTC__MODEL(saved_audiobook, saved_audiobook_fields, NULL);

/* Lists: pages of simplified objects or batches of full ones ({"shows": [...]}); the
 * lists nested in a full object hold simplified ones. */
SPOTC__LIST_OF_DESC(simplified_episode_list, episode, simplified_episode, "episodes", NULL);
SPOTC__LIST_OF_DESC(simplified_chapter_list, chapter, simplified_chapter, "chapters", NULL);
SPOTC__LIST(show, "shows", NULL);
SPOTC__LIST(episode, "episodes", NULL);
SPOTC__LIST(audiobook, "audiobooks", NULL);
SPOTC__LIST(chapter, "chapters", NULL);
SPOTC__LIST(saved_show, "shows", NULL);
SPOTC__LIST(saved_episode, "episodes", NULL);
SPOTC__LIST(saved_audiobook, "audiobooks", NULL);
SPOTC__LIST_FUNCTIONS(show)
SPOTC__LIST_FUNCTIONS(episode)
SPOTC__LIST_FUNCTIONS(audiobook)
SPOTC__LIST_FUNCTIONS(chapter)
SPOTC__LIST_FUNCTIONS(saved_show)
SPOTC__LIST_FUNCTIONS(saved_episode)
SPOTC__LIST_FUNCTIONS(saved_audiobook)
