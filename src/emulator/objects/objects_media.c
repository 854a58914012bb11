/* JSON writers for shows, episodes, audiobooks, chapters, categories, audio features
 * (see objects_media.h). */
#include "objects_media.h"

#include <math.h>
#include <stdio.h>

#include "rng.h"
#include "router.h"

void emu_media_view_of(emu_media_view *mv, const emu_view *v)
{
    mv->v = *v;
    mv->market = v->market >= 0 ? v->market : v->user_market;
    mv->user = NULL;
}

int emu_media_view_init(emu_media_view *mv, emu_call *c)
{
    emu_view v;
    if (emu_view_init(&v, c) < 0)
        return -1;
    emu_media_view_of(mv, &v);
    if (c->token.user[0] && emu_call_has_scope(c, "user-read-playback-position"))
        mv->user = c->token.user;
    return 0;
}

static const emu_catalogue *cat_of(const emu_media_view *mv)
{
    return mv->v.ctx->cat;
}

static const emu_media *media_of(const emu_media_view *mv)
{
    return mv->v.ctx->cat->media;
}

int emu_media_available(const emu_media_view *mv, emu_type t, size_t idx)
{
    return emu_media_in_market(cat_of(mv), t, idx, mv->market);
}

void emu_json_fixed(jw *w, const char *key, double v, int decimals)
{
    char b[48];
    if (!isfinite(v))
        v = 0;
    int n = snprintf(b, sizeof b, "%.*f", decimals, v);
    jw_key(w, key);
    jw_raw(w, b, (size_t)n);
}

static void languages_field(jw *w, unsigned lang)
{
    jw_karr(w, "languages");
    jw_str(w, emu_language_code(lang));
    jw_arr_end(w);
}

static void date_fields(jw *w, int32_t day)
{
    int y, m, d;
    emu_day_date(day, &y, &m, &d);
    jw_kstrf(w, "release_date", "%04d-%02d-%02d", y, m, d);
    jw_kstr(w, "release_date_precision", "day");
}

/* description and html_description: the same text, the second wrapped in <p>. */
static void descriptions(jw *w, const char *text)
{
    jw_kstr(w, "description", text);
    jw_kstrf(w, "html_description", "<p>%s</p>", text);
}

/* A user's place in an episode or chapter: stable per (user, item), like a listening history. */
static void resume_point(jw *w, const emu_media_view *mv, emu_type t, size_t idx, uint32_t dur)
{
    if (!mv->user)
        return;
    uint64_t h = emu_hash_str(1469598103934665603ULL, mv->user);
    emu_rng r = emu_rng_for(cat_of(mv)->seed ^ h, 700 + (uint64_t)t, idx);
    unsigned kind = (unsigned)emu_rng_below(&r, 8);
    jw_kobj(w, "resume_point");
    jw_kbool(w, "fully_played", kind == 0);
    jw_kint(w, "resume_position_ms",
            kind == 1 || kind == 2 ? (long long)emu_rng_below(&r, dur) : 0);
    jw_obj_end(w);
}

static void playable(jw *w, const emu_media_view *mv, emu_type t, size_t idx)
{
    emu_json_is_playable(w, emu_media_available(mv, t, idx));
}

static void show_base(jw *w, const emu_media_view *mv, size_t show)
{
    const emu_show *s = &media_of(mv)->shows[show];
    char name[128], host[64], text[320];
    emu_name_format(&s->name, name, sizeof name);
    emu_name_format(&s->host, host, sizeof host);
    snprintf(text, sizeof text, "%s is a weekly show about %s, hosted by %s.", name,
             emu_genre_name(s->topic), host);
    emu_json_markets(w, s->markets);
    jw_karr(w, "copyrights"); /* Spotify lists none for shows */
    jw_arr_end(w);
    descriptions(w, text);
    jw_kbool(w, "explicit", s->explicit_);
    emu_json_ref(w, &mv->v, EMU_T_SHOW, show);
    emu_json_images(w, &mv->v, EMU_T_SHOW, show);
    jw_kbool(w, "is_externally_hosted", s->external);
    languages_field(w, s->lang);
    jw_kstr(w, "media_type", s->video ? "mixed" : "audio");
    jw_kstr(w, "name", name);
    jw_kstr(w, "publisher", host);
    jw_kint(w, "total_episodes", s->nepisodes);
}

static void episode_base(jw *w, const emu_media_view *mv, size_t episode)
{
    const emu_episode *e = &media_of(mv)->episodes[episode];
    const emu_show *s = &media_of(mv)->shows[e->show];
    char name[128], show[128], host[64], text[400];
    emu_name_format(&e->name, name, sizeof name);
    emu_name_format(&s->name, show, sizeof show);
    emu_name_format(&s->host, host, sizeof host);
    snprintf(text, sizeof text, "%s, episode %u: %s. %s on %s and everything around it.", show,
             (unsigned)(s->nepisodes - (episode - s->first_episode)), name, host,
             emu_genre_name(s->topic));
    jw_knull(w, "audio_preview_url");
    descriptions(w, text);
    jw_kint(w, "duration_ms", e->duration_ms);
    jw_kbool(w, "explicit", e->explicit_);
    emu_json_ref(w, &mv->v, EMU_T_EPISODE, episode);
    emu_json_images(w, &mv->v, EMU_T_EPISODE, episode);
    jw_kbool(w, "is_externally_hosted", s->external);
    playable(w, mv, EMU_T_EPISODE, episode);
    jw_kstr(w, "language", emu_language_code(s->lang));
    languages_field(w, s->lang);
    jw_kstr(w, "name", name);
    date_fields(w, e->day);
    resume_point(w, mv, EMU_T_EPISODE, episode, e->duration_ms);
}

static void people(jw *w, const char *key, const emu_name *names, unsigned n)
{
    jw_karr(w, key);
    for (unsigned i = 0; i < n; i++) {
        jw_obj(w);
        emu_json_name(w, &names[i]);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

static void audiobook_base(jw *w, const emu_media_view *mv, size_t book)
{
    const emu_audiobook *b = &media_of(mv)->audiobooks[book];
    char name[128], author[64], narrator[64], text[320];
    int y, m, d;
    emu_day_date(b->day, &y, &m, &d);
    emu_name_format(&b->name, name, sizeof name);
    emu_name_format(&b->authors[0], author, sizeof author);
    emu_name_format(&b->narrator, narrator, sizeof narrator);
    snprintf(text, sizeof text, "%s, by %s%s. Narrated by %s.", name, author,
             b->nauthors > 1 ? " and others" : "", narrator);
    const char *publisher = emu_publisher_name(b->publisher);
    people(w, "authors", b->authors, b->nauthors);
    emu_json_markets(w, emu_audiobook_markets());
    emu_json_copyrights(w, y, publisher);
    descriptions(w, text);
    jw_kstr(w, "edition", b->abridged ? "Abridged" : "Unabridged");
    jw_kbool(w, "explicit", b->explicit_);
    emu_json_ref(w, &mv->v, EMU_T_AUDIOBOOK, book);
    emu_json_images(w, &mv->v, EMU_T_AUDIOBOOK, book);
    languages_field(w, b->lang);
    jw_kstr(w, "media_type", "audio");
    jw_kstr(w, "name", name);
    people(w, "narrators", &b->narrator, 1);
    jw_kstr(w, "publisher", publisher);
    jw_kint(w, "total_chapters", b->nchapters);
}

/* external_urls, href, id, type and uri of a chapter: typed as an episode (see the header). */
static void chapter_ref(jw *w, const emu_media_view *mv, size_t chapter)
{
    const char *id = emu_catalogue_id(cat_of(mv), EMU_T_CHAPTER, chapter);
    jw_kobj(w, "external_urls");
    jw_kstrf(w, "spotify", "https://open.spotify.com/episode/%.22s", id);
    jw_obj_end(w);
    jw_kstrf(w, "href", "%s/v1/chapters/%.22s", mv->v.ctx->base, id);
    jw_key(w, "id");
    jw_strn(w, id, EMU_ID_LEN);
    jw_kstr(w, "type", "episode");
    jw_kstrf(w, "uri", "spotify:episode:%.22s", id);
}

static void chapter_base(jw *w, const emu_media_view *mv, size_t chapter)
{
    const emu_chapter *ch = &media_of(mv)->chapters[chapter];
    const emu_audiobook *b = &media_of(mv)->audiobooks[ch->audiobook];
    char name[128], book[128], text[320];
    emu_name_format(&ch->name, name, sizeof name);
    emu_name_format(&b->name, book, sizeof book);
    snprintf(text, sizeof text, "Chapter %u of %s: %s.", (unsigned)ch->number, book, name);
    jw_knull(w, "audio_preview_url");
    emu_json_markets(w, emu_audiobook_markets());
    jw_kint(w, "chapter_number", ch->number);
    descriptions(w, text);
    jw_kint(w, "duration_ms", ch->duration_ms);
    jw_kbool(w, "explicit", b->explicit_);
    chapter_ref(w, mv, chapter);
    /* A chapter shows its book's cover. */
    emu_json_images(w, &mv->v, EMU_T_AUDIOBOOK, ch->audiobook);
    playable(w, mv, EMU_T_CHAPTER, chapter);
    languages_field(w, b->lang);
    jw_kstrf(w, "name", "Chapter %u: %s", (unsigned)ch->number, name);
    date_fields(w, b->day);
    resume_point(w, mv, EMU_T_CHAPTER, chapter, ch->duration_ms);
}

/* What the full form adds: a show's or an audiobook's first page of episodes or chapters, an
 * episode's show, a chapter's audiobook. */
static void embed(jw *w, const emu_media_view *mv, emu_type t, size_t idx)
{
    const emu_media *m = media_of(mv);
    size_t first, n;
    emu_type child = emu_media_children(cat_of(mv), t, idx, &first, &n);
    if (child != EMU_T_COUNT) {
        n = emu_json_first_page_begin(w, &mv->v, t, idx, child, n);
        for (size_t i = 0; i < n; i++)
            emu_json_media(w, mv, child, first + i, 0);
        emu_json_first_page_end(w);
    } else if (t == EMU_T_EPISODE) {
        jw_key(w, "show");
        emu_json_media(w, mv, EMU_T_SHOW, m->episodes[idx].show, 0);
    } else {
        jw_key(w, "audiobook");
        emu_json_media(w, mv, EMU_T_AUDIOBOOK, m->chapters[idx].audiobook, 0);
    }
}

void emu_json_media(jw *w, const emu_media_view *mv, emu_type t, size_t idx, int full)
{
    jw_obj(w);
    if (t == EMU_T_SHOW)
        show_base(w, mv, idx);
    else if (t == EMU_T_EPISODE)
        episode_base(w, mv, idx);
    else if (t == EMU_T_AUDIOBOOK)
        audiobook_base(w, mv, idx);
    else
        chapter_base(w, mv, idx);
    if (full)
        embed(w, mv, t, idx);
    jw_obj_end(w);
}

void emu_json_category(jw *w, const emu_ctx *ctx, size_t category)
{
    const char *id = emu_category_id(category);
    uint64_t h = emu_hash_str(1469598103934665603ULL, id);
    jw_obj(w);
    jw_kstrf(w, "href", "%s/v1/browse/categories/%s", ctx->base, id);
    jw_karr(w, "icons");
    jw_obj(w);
    jw_kint(w, "height", 274);
    jw_kstrf(w, "url", "https://t.scdn.co/media/derived/%016llx_0_0_274_274.jpg",
             (unsigned long long)h);
    jw_kint(w, "width", 274);
    jw_obj_end(w);
    jw_arr_end(w);
    jw_kstr(w, "id", id);
    jw_kstr(w, "name", emu_category_name(category));
    jw_obj_end(w);
}

void emu_json_audio_features(jw *w, const emu_ctx *ctx, size_t track)
{
    emu_features f;
    emu_track_features(ctx->cat, track, &f);
    const char *id = emu_catalogue_id(ctx->cat, EMU_T_TRACK, track);
    jw_obj(w);
    emu_json_fixed(w, "acousticness", f.acousticness, 4);
    jw_kstrf(w, "analysis_url", "%s/v1/audio-analysis/%.22s", ctx->base, id);
    emu_json_fixed(w, "danceability", f.danceability, 3);
    jw_kint(w, "duration_ms", ctx->cat->tracks[track].duration_ms);
    emu_json_fixed(w, "energy", f.energy, 3);
    jw_key(w, "id");
    jw_strn(w, id, EMU_ID_LEN);
    emu_json_fixed(w, "instrumentalness", f.instrumentalness, 4);
    jw_kint(w, "key", f.key);
    emu_json_fixed(w, "liveness", f.liveness, 4);
    emu_json_fixed(w, "loudness", f.loudness, 3);
    jw_kint(w, "mode", f.mode);
    emu_json_fixed(w, "speechiness", f.speechiness, 4);
    emu_json_fixed(w, "tempo", f.tempo, 3);
    jw_kint(w, "time_signature", f.time_signature);
    jw_kstrf(w, "track_href", "%s/v1/tracks/%.22s", ctx->base, id);
    jw_kstr(w, "type", "audio_features");
    jw_kstrf(w, "uri", "spotify:track:%.22s", id);
    emu_json_fixed(w, "valence", f.valence, 3);
    jw_obj_end(w);
}
