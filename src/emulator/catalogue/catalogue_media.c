/* Shows, episodes, audiobooks, chapters, categories, genre seeds, audio features
 * (see catalogue_media.h). */
#include "catalogue_media.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rng.h"

/* Away from catalogue.c's salts (1..4, 1000 + type, 4 + (type << 8) + k). */
enum { SALT_SHOW = 600, SALT_EPISODE, SALT_AUDIOBOOK, SALT_CHAPTER, SALT_FEATURES };

static const char *const languages[] = {"en", "es", "de", "fr", "sv", "pt", "ja"};

const char *emu_language_code(unsigned i)
{
    return languages[i % (sizeof languages / sizeof *languages)];
}

static const char *const publishers[] = {
    "Lighthouse Audio",  "Paper Lantern Books", "Northwind Press",   "Cobalt House",
    "Meridian Listens",  "Old Harbor Editions", "Juniper & Finch",   "Greyhound Audio",
    "Willow Lane Press", "Blue Heron Books",    "Atlas Spoken Word", "Foxglove Publishing",
};

const char *emu_publisher_name(unsigned i)
{
    return publishers[i % (sizeof publishers / sizeof *publishers)];
}

uint64_t emu_audiobook_markets(void)
{
    static const char *const codes[] = {"AU", "CA", "GB", "IE", "NZ", "US"};
    uint64_t m = 0;
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        m |= 1ULL << emu_market_index(codes[i]);
    return m;
}

int emu_media_in_market(const emu_catalogue *cat, emu_type t, size_t idx, int market)
{
    const emu_media *m = cat->media;
    if (market < 0)
        return 0;
    switch (t) {
    case EMU_T_EPISODE:
        idx = m->episodes[idx].show;
        /* fall through */
    case EMU_T_SHOW:
        return (int)((m->shows[idx].markets >> market) & 1);
    case EMU_T_AUDIOBOOK:
    case EMU_T_CHAPTER:
        return (int)((emu_audiobook_markets() >> market) & 1);
    default:
        return 1;
    }
}

void emu_day_date(int32_t day, int *year, int *month, int *day_of_month)
{
    time_t t = (time_t)day * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    *year = tm.tm_year + 1900;
    *month = tm.tm_mon + 1;
    *day_of_month = tm.tm_mday;
}

/* Spotify's category ids are short slugs (the spec's example is "equal"). */
static const struct {
    const char *id, *name;
} categories[] = {
    {"toplists", "Top Lists"},
    {"pop", "Pop"},
    {"hiphop", "Hip-Hop"},
    {"mood", "Mood"},
    {"chill", "Chill"},
    {"workout", "Workout"},
    {"focus", "Focus"},
    {"party", "Party"},
    {"sleep", "Sleep"},
    {"decades", "Decades"},
    {"rock", "Rock"},
    {"indie_alt", "Indie"},
    {"edm_dance", "Dance/Electronic"},
    {"rnb", "R&B"},
    {"latin", "Latin"},
    {"country", "Country"},
    {"jazz", "Jazz"},
    {"classical", "Classical"},
    {"soul", "Soul"},
    {"metal", "Metal"},
    {"punk", "Punk"},
    {"blues_class", "Blues"},
    {"funk", "Funk"},
    {"folk_americana", "Folk & Acoustic"},
    {"kpop", "K-Pop"},
    {"afro", "Afro"},
    {"ambient", "Ambient"},
    {"romance", "Romance"},
    {"gaming", "Gaming"},
    {"wellness", "Wellness"},
    {"travel", "Travel"},
    {"cooking", "Cooking & Dining"},
    {"kids_family", "Kids & Family"},
    {"equal", "EQUAL"},
    {"podcasts", "Podcasts"},
    {"audiobooks", "Audiobooks"},
    {"summer", "Summer"},
    {"instrumental", "Instrumental"},
    {"at_home", "At Home"},
    {"anime", "Anime"},
    {"radar", "RADAR"},
    {"frequency", "Frequency"},
};
#define NCATEGORIES (sizeof categories / sizeof *categories)

size_t emu_category_count(void)
{
    return NCATEGORIES;
}

int emu_category_find(const char *id)
{
    for (size_t i = 0; id && i < NCATEGORIES; i++)
        if (strcmp(categories[i].id, id) == 0)
            return (int)i;
    return -1;
}

const char *emu_category_id(size_t i)
{
    return i < NCATEGORIES ? categories[i].id : "";
}

const char *emu_category_name(size_t i)
{
    return i < NCATEGORIES ? categories[i].name : "";
}

size_t emu_genre_count(void)
{
    /* emu_genre_name() wraps around: the first repeat of genre 0 is the count. */
    size_t n = 1;
    while (emu_genre_name((unsigned)n) != emu_genre_name(0))
        n++;
    return n;
}

void emu_genre_seed(unsigned g, char *out, size_t outsz)
{
    snprintf(out, outsz, "%s", emu_genre_name(g));
    for (char *p = out; *p; p++)
        if (*p == ' ')
            *p = '-';
}

int emu_genre_seed_find(const char *seed)
{
    char buf[64];
    size_t n = emu_genre_count();
    for (size_t g = 0; g < n; g++) {
        emu_genre_seed((unsigned)g, buf, sizeof buf);
        if (strcmp(buf, seed) == 0)
            return (int)g;
    }
    return -1;
}

static void person(emu_rng *r, emu_name *n)
{
    emu_name_push(n, emu_word_id(EMU_W_FIRST, emu_rng_next(r)));
    emu_name_push(n, emu_word_id(EMU_W_LAST, emu_rng_next(r)));
}

/* Word patterns of titles: a word class, or THE/OF/AND for those glue words; -1 ends one.
 * Every title ends in a noun, so a title's last word is always a search word. */
enum { THE = EMU_W_CLASS_COUNT, OF, AND };
static const signed char title_patterns[][4] = {
    {THE, EMU_W_ADJ, EMU_W_NOUN, -1},  /* The Golden River */
    {EMU_W_VERB, EMU_W_NOUN, -1, -1},  /* Drifting Harbor */
    {EMU_W_NOUN, AND, EMU_W_NOUN, -1}, /* Salt and Honey */
    {EMU_W_NOUN, OF, THE, EMU_W_NOUN}, /* Echo of The Valley */
    {EMU_W_ADJ, EMU_W_NOUN, -1, -1},   /* Quiet Engine */
};

static void title(emu_rng *r, emu_name *n)
{
    static const unsigned glue[] = {[THE - THE] = 0, [OF - THE] = 1, [AND - THE] = 3};
    const signed char *p =
        title_patterns[emu_rng_below(r, sizeof title_patterns / sizeof *title_patterns)];
    for (int i = 0; i < 4 && p[i] >= 0; i++)
        emu_name_push(n, p[i] >= THE ? emu_word_id(EMU_W_GLUE, glue[p[i] - THE])
                                     : emu_word_id((emu_word_class)p[i], emu_rng_next(r)));
}

static uint64_t some_markets(emu_rng *r)
{
    uint64_t m = EMU_ALL_MARKETS;
    if (emu_rng_below(r, 100) < 15) {
        unsigned drop = (unsigned)emu_rng_range(r, 1, 8);
        for (unsigned d = 0; d < drop; d++)
            m &= ~(1ULL << emu_rng_below(r, EMU_MARKET_COUNT));
    }
    return m;
}

/* 2019-01-01 .. 2025-10-31, as days since the epoch. */
#define FIRST_SHOW_DAY 17897
#define LAST_SHOW_DAY 20392

static void gen_show(emu_catalogue *cat, size_t i)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_SHOW, i);
    emu_show *s = &cat->media->shows[i];
    title(&r, &s->name);
    person(&r, &s->host);
    s->nepisodes = (uint16_t)emu_rng_range(&r, 8, 60);
    s->popularity = (uint8_t)emu_rng_range(&r, 5, 95);
    s->explicit_ = emu_rng_below(&r, 100) < 15;
    s->video = emu_rng_below(&r, 100) < 10;
    s->external = emu_rng_below(&r, 100) < 20;
    s->lang = emu_rng_below(&r, 100) < 80 ? 0 : (uint8_t)emu_rng_range(&r, 1, 6);
    s->topic = (uint8_t)emu_rng_below(&r, emu_genre_count());
    s->latest = (int32_t)emu_rng_range(&r, FIRST_SHOW_DAY, LAST_SHOW_DAY);
    s->markets = some_markets(&r);
    if (i == 0) {
        /* The sample show: everywhere, clean, and more than two default pages of episodes. */
        s->nepisodes = 57;
        s->markets = EMU_ALL_MARKETS;
        s->explicit_ = s->video = s->external = 0;
        s->lang = 0;
    }
}

static void gen_episode(emu_catalogue *cat, size_t i, uint32_t show, unsigned k)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_EPISODE, i);
    const emu_show *s = &cat->media->shows[show];
    emu_episode *e = &cat->media->episodes[i];
    title(&r, &e->name);
    e->show = show;
    e->day = s->latest - 7 * (int32_t)k; /* weekly, newest first */
    e->duration_ms = (uint32_t)emu_rng_range(&r, 600000, 7200000);
    e->explicit_ = s->explicit_ && emu_rng_below(&r, 2);
}

static void gen_audiobook(emu_catalogue *cat, size_t i)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_AUDIOBOOK, i);
    emu_audiobook *b = &cat->media->audiobooks[i];
    title(&r, &b->name);
    b->nauthors = emu_rng_below(&r, 100) < 15 ? 2 : 1;
    for (unsigned a = 0; a < b->nauthors; a++)
        person(&r, &b->authors[a]);
    if (emu_rng_below(&r, 100) < 20)
        b->narrator = b->authors[0]; /* read by the author */
    else
        person(&r, &b->narrator);
    b->popularity = (uint8_t)emu_rng_range(&r, 5, 95);
    b->explicit_ = emu_rng_below(&r, 100) < 10;
    b->abridged = emu_rng_below(&r, 100) < 10;
    b->publisher = (uint8_t)emu_rng_below(&r, sizeof publishers / sizeof *publishers);
    b->lang = emu_rng_below(&r, 100) < 90 ? 0 : (uint8_t)emu_rng_range(&r, 1, 6);
    b->nchapters = (uint16_t)emu_rng_range(&r, 6, 40);
    b->day = (int32_t)emu_rng_range(&r, 9131, LAST_SHOW_DAY); /* from 1995 */
    if (i == 0) {
        b->nchapters = 23; /* the sample: more than one default page of chapters */
        b->explicit_ = 0;
        b->lang = 0;
    }
}

static void gen_chapter(emu_catalogue *cat, size_t i, uint32_t book, unsigned k)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_CHAPTER, i);
    emu_chapter *c = &cat->media->chapters[i];
    title(&r, &c->name);
    c->audiobook = book;
    c->number = (uint16_t)(k + 1);
    c->duration_ms = (uint32_t)emu_rng_range(&r, 300000, 3600000);
}

/* Sort key of an album for new releases: "new" ones first (by age), then by date. */
static uint64_t release_key(const emu_catalogue *cat, uint32_t a)
{
    const emu_album *al = &cat->albums[a];
    uint64_t date =
        al->is_new ? 99999999u - (a % 14) : al->year * 10000u + al->month * 100u + al->day;
    return (99999999u - date) << 32 | a;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

#define NEW_RELEASES 100

static int build_new_releases(emu_catalogue *cat)
{
    size_t n = cat->count[EMU_T_ALBUM];
    uint64_t *keys = malloc((n + 1) * sizeof *keys);
    size_t keep = n < NEW_RELEASES ? n : NEW_RELEASES;
    cat->media->new_releases = malloc((keep + 1) * sizeof *cat->media->new_releases);
    if (!keys || !cat->media->new_releases) {
        free(keys);
        return -1;
    }
    for (size_t a = 0; a < n; a++)
        keys[a] = release_key(cat, (uint32_t)a);
    qsort(keys, n, sizeof *keys, cmp_u64);
    for (size_t i = 0; i < keep; i++)
        cat->media->new_releases[i] = (uint32_t)keys[i];
    cat->media->nnew_releases = keep;
    free(keys);
    return 0;
}

int emu_media_generate(emu_catalogue *cat, emu_catalogue_size size)
{
    emu_media *m = calloc(1, sizeof *m);
    if (!m)
        return -1;
    cat->media = m;
    size_t nshows = size == EMU_CATALOGUE_LARGE ? 800 : 40;
    size_t nbooks = size == EMU_CATALOGUE_LARGE ? 600 : 30;
    m->shows = calloc(nshows, sizeof *m->shows);
    m->audiobooks = calloc(nbooks, sizeof *m->audiobooks);
    if (!m->shows || !m->audiobooks)
        return -1;
    size_t ne = 0, nc = 0;
    for (size_t i = 0; i < nshows; i++) {
        gen_show(cat, i);
        m->shows[i].first_episode = (uint32_t)ne;
        ne += m->shows[i].nepisodes;
    }
    for (size_t i = 0; i < nbooks; i++) {
        gen_audiobook(cat, i);
        m->audiobooks[i].first_chapter = (uint32_t)nc;
        nc += m->audiobooks[i].nchapters;
    }
    m->episodes = calloc(ne, sizeof *m->episodes);
    m->chapters = calloc(nc, sizeof *m->chapters);
    if (!m->episodes || !m->chapters)
        return -1;
    for (size_t i = 0; i < nshows; i++)
        for (unsigned k = 0; k < m->shows[i].nepisodes; k++)
            gen_episode(cat, m->shows[i].first_episode + k, (uint32_t)i, k);
    for (size_t i = 0; i < nbooks; i++)
        for (unsigned k = 0; k < m->audiobooks[i].nchapters; k++)
            gen_chapter(cat, m->audiobooks[i].first_chapter + k, (uint32_t)i, k);
    cat->count[EMU_T_SHOW] = nshows;
    cat->count[EMU_T_EPISODE] = ne;
    cat->count[EMU_T_AUDIOBOOK] = nbooks;
    cat->count[EMU_T_CHAPTER] = nc;
    return build_new_releases(cat);
}

void emu_media_free(emu_media *m)
{
    if (!m)
        return;
    free(m->shows);
    free(m->episodes);
    free(m->audiobooks);
    free(m->chapters);
    free(m->new_releases);
    free(m);
}

emu_type emu_media_children(const emu_catalogue *cat, emu_type t, size_t idx, size_t *first,
                            size_t *n)
{
    const emu_media *m = cat->media;
    if (t == EMU_T_SHOW) {
        *first = m->shows[idx].first_episode;
        *n = m->shows[idx].nepisodes;
        return EMU_T_EPISODE;
    }
    if (t == EMU_T_AUDIOBOOK) {
        *first = m->audiobooks[idx].first_chapter;
        *n = m->audiobooks[idx].nchapters;
        return EMU_T_CHAPTER;
    }
    *first = *n = 0;
    return EMU_T_COUNT;
}

void emu_media_sample(const emu_catalogue *cat, emu_sample *out)
{
    out->show = 0;
    out->episode = cat->media->shows[0].first_episode;
    out->audiobook = 0;
    out->chapter = cat->media->audiobooks[0].first_chapter;
}

static double unit(emu_rng *r)
{
    return (double)emu_rng_below(r, 1000000) / 1000000.0;
}

void emu_track_features(const emu_catalogue *cat, size_t track, emu_features *out)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_FEATURES, track);
    out->energy = unit(&r);
    /* Loud tracks are energetic ones, and acoustic ones are neither. */
    out->loudness = -22.0 + 19.0 * out->energy - 3.0 * unit(&r);
    out->acousticness = (1.0 - out->energy) * unit(&r);
    out->danceability = 0.2 + 0.75 * unit(&r);
    out->instrumentalness = emu_rng_below(&r, 100) < 15 ? 0.5 + 0.5 * unit(&r) : 0.01 * unit(&r);
    out->liveness = emu_rng_below(&r, 100) < 10 ? 0.6 + 0.4 * unit(&r) : 0.05 + 0.25 * unit(&r);
    out->speechiness = 0.02 + 0.2 * unit(&r) * unit(&r);
    out->tempo = 60.0 + 130.0 * unit(&r);
    out->valence = unit(&r);
    out->key = emu_rng_below(&r, 100) < 2 ? -1 : (int)emu_rng_below(&r, 12);
    out->mode = (int)emu_rng_below(&r, 2);
    unsigned ts = (unsigned)emu_rng_below(&r, 100);
    out->time_signature = ts < 85 ? 4 : ts < 95 ? 3 : ts < 98 ? 5 : 7;
}
