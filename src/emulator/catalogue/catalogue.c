/* Deterministic catalogue generation and ID lookup (see catalogue.h). */
#include "catalogue.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue_media.h"
#include "rng.h"

static const char *const type_names[EMU_T_COUNT] = {
    [EMU_T_ARTIST] = "artist",
    [EMU_T_ALBUM] = "album",
    [EMU_T_TRACK] = "track",
    [EMU_T_SHOW] = "show",
    [EMU_T_EPISODE] = "episode",
    [EMU_T_AUDIOBOOK] = "audiobook",
    [EMU_T_CHAPTER] = "chapter",
};

const char *emu_type_name(emu_type t)
{
    return (unsigned)t < EMU_T_COUNT ? type_names[t] : "";
}

const char *emu_album_type_name(emu_album_type t)
{
    static const char *const names[] = {"album", "single", "compilation"};
    return (unsigned)t < 3 ? names[t] : "album";
}

/* Sorted, so emu_market_index() can stop early; 40 fits a uint64_t mask. */
static const char markets[EMU_MARKET_COUNT][3] = {
    "AR", "AT", "AU", "BE", "BR", "CA", "CH", "CL", "CO", "CZ", "DE", "DK", "ES", "FI",
    "FR", "GB", "GR", "HU", "IE", "IN", "IT", "JP", "KR", "MX", "NL", "NO", "NZ", "PE",
    "PH", "PL", "PT", "RO", "SE", "SG", "TR", "TW", "US", "UY", "VN", "ZA",
};

const char *emu_market_code(unsigned i)
{
    return i < EMU_MARKET_COUNT ? markets[i] : "";
}

int emu_market_index(const char *code)
{
    if (!code || strlen(code) != 2)
        return -1;
    for (int i = 0; i < EMU_MARKET_COUNT; i++)
        if (markets[i][0] == code[0] && markets[i][1] == code[1])
            return i;
    return -1;
}

static const char *const labels[] = {
    "Harbor Lights Records",
    "Paper Moon Music",
    "Northern Tide",
    "Velvet Room Recordings",
    "Copperline",
    "Blue Meridian",
    "Static Bloom",
    "Lantern Audio",
    "Orchard Street Records",
    "Silver Fern Music",
    "Night Owl Sound",
    "Quiet Giant",
    "Red Canyon Records",
    "Glasshouse",
    "Marble Arch Music",
    "Low Orbit",
    "Wildflower Records",
    "Iron Bridge",
    "Saltwater Sound",
    "Kite Hill",
    "Neon Alley",
    "Amberlight",
    "Sunday Service Records",
    "Morning Glory Music",
};

static const char *const genres[] = {
    "indie pop",
    "indie rock",
    "dream pop",
    "synthwave",
    "shoegaze",
    "folk",
    "alt country",
    "americana",
    "soul",
    "neo soul",
    "funk",
    "disco",
    "house",
    "deep house",
    "techno",
    "ambient",
    "downtempo",
    "trip hop",
    "hip hop",
    "jazz",
    "bossa nova",
    "latin pop",
    "reggaeton",
    "afrobeats",
    "k-pop",
    "j-pop",
    "art pop",
    "post-punk",
    "new wave",
    "garage rock",
    "psychedelic rock",
    "blues",
    "bluegrass",
    "classical",
    "chamber pop",
    "lo-fi",
    "electropop",
    "singer-songwriter",
    "metal",
    "punk",
};

const char *emu_label_name(unsigned label)
{
    return labels[label % (sizeof labels / sizeof *labels)];
}

const char *emu_genre_name(unsigned genre)
{
    return genres[genre % (sizeof genres / sizeof *genres)];
}

/* Salts keep the streams of different kinds of draws apart. */
enum { SALT_ARTIST = 1, SALT_ALBUM, SALT_TRACK, SALT_TEXT, SALT_ID = 1000 };

static void gen_artist(emu_catalogue *cat, size_t i)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_ARTIST, i);
    emu_artist *a = &cat->artists[i];
    switch (emu_rng_below(&r, 4)) {
    case 0:
    case 1:
        emu_name_push(&a->name, emu_word_id(EMU_W_FIRST, emu_rng_next(&r)));
        emu_name_push(&a->name, emu_word_id(EMU_W_LAST, emu_rng_next(&r)));
        break;
    case 2:
        emu_name_push(&a->name, emu_word_id(EMU_W_GLUE, 0)); /* The */
        emu_name_push(&a->name, emu_word_id(EMU_W_ADJ, emu_rng_next(&r)));
        emu_name_push(&a->name, emu_word_id(EMU_W_NOUN, emu_rng_next(&r)));
        break;
    default:
        emu_name_push(&a->name, emu_word_id(EMU_W_ADJ, emu_rng_next(&r)));
        emu_name_push(&a->name, emu_word_id(EMU_W_NOUN, emu_rng_next(&r)));
    }
    a->ngenres = (uint8_t)emu_rng_range(&r, 1, 3);
    for (unsigned g = 0; g < a->ngenres; g++)
        a->genres[g] = (uint8_t)emu_rng_below(&r, sizeof genres / sizeof *genres);
    a->popularity = (uint8_t)emu_rng_range(&r, 5, 95);
    a->followers = (uint32_t)(a->popularity * a->popularity * emu_rng_range(&r, 20, 400));
}

static void track_title(emu_rng *r, emu_name *n)
{
    switch (emu_rng_below(r, 7)) {
    case 0:
    case 6:
        emu_name_push(n, emu_word_id(EMU_W_ADJ, emu_rng_next(r)));
        break;
    case 1:
        emu_name_push(n, emu_word_id(EMU_W_VERB, emu_rng_next(r)));
        break;
    case 2:
        break;
    case 3:
        emu_name_push(n, emu_word_id(EMU_W_GLUE, 4)); /* My */
        emu_name_push(n, emu_word_id(EMU_W_ADJ, emu_rng_next(r)));
        break;
    case 4:
        emu_name_push(n, emu_word_id(EMU_W_NOUN, emu_rng_next(r)));
        emu_name_push(n, emu_word_id(EMU_W_GLUE, 1)); /* of */
        emu_name_push(n, emu_word_id(EMU_W_GLUE, 0)); /* The */
        break;
    default:
        emu_name_push(n, emu_word_id(EMU_W_VERB, emu_rng_next(r)));
        emu_name_push(n, emu_word_id(EMU_W_GLUE, 2)); /* in */
        emu_name_push(n, emu_word_id(EMU_W_GLUE, 0)); /* The */
    }
    /* Every title ends in a noun, so the sample query (its last word) is a real word. */
    emu_name_push(n, emu_word_id(EMU_W_NOUN, emu_rng_next(r)));
}

static void gen_album(emu_catalogue *cat, size_t i, uint32_t artist)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_ALBUM, i);
    emu_album *al = &cat->albums[i];
    al->artist = artist;
    unsigned kind = (unsigned)emu_rng_below(&r, 10);
    al->type = kind < 6 ? EMU_ALBUM : kind < 9 ? EMU_SINGLE : EMU_COMPILATION;
    al->ntracks = (uint16_t)(al->type == EMU_ALBUM    ? emu_rng_range(&r, 8, 16)
                             : al->type == EMU_SINGLE ? emu_rng_range(&r, 1, 3)
                                                      : emu_rng_range(&r, 12, 24));
    if (emu_rng_below(&r, 3) == 0)
        emu_name_push(&al->name, emu_word_id(EMU_W_GLUE, 0)); /* The */
    track_title(&r, &al->name);
    /* Skewed towards recent years, as real catalogues are. */
    double u = (double)emu_rng_below(&r, 1000000) / 1000000.0;
    al->year = (uint16_t)(1965 + (int)(60.0 * (1.0 - (1.0 - u) * (1.0 - u))));
    al->month = (uint8_t)emu_rng_range(&r, 1, 12);
    al->day = (uint8_t)emu_rng_range(&r, 1, 28);
    unsigned p = (unsigned)emu_rng_below(&r, 100);
    al->precision = p < 90 ? EMU_DAY : p < 97 ? EMU_YEAR : EMU_MONTH;
    al->is_new = emu_rng_below(&r, 100) == 0;
    int pop = cat->artists[artist].popularity + (int)emu_rng_range(&r, -15, 10);
    al->popularity = (uint8_t)(pop < 0 ? 0 : pop > 100 ? 100 : pop);
    al->label = (uint16_t)emu_rng_below(&r, sizeof labels / sizeof *labels);
    al->markets = EMU_ALL_MARKETS;
    if (emu_rng_below(&r, 100) < 15) {
        unsigned drop = (unsigned)emu_rng_range(&r, 1, 8);
        for (unsigned d = 0; d < drop; d++)
            al->markets &= ~(1ULL << emu_rng_below(&r, EMU_MARKET_COUNT));
    }
    if (i == 0) {
        /* The sample album: an ordinary, available-everywhere LP with several tracks. */
        al->type = EMU_ALBUM;
        al->ntracks = 12;
        al->markets = EMU_ALL_MARKETS;
        al->is_new = 0;
    }
}

static void gen_track(emu_catalogue *cat, size_t i, uint32_t album, unsigned pos)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_TRACK, i);
    emu_track *t = &cat->tracks[i];
    const emu_album *al = &cat->albums[album];
    t->album = album;
    if (al->type == EMU_SINGLE && pos == 0)
        t->name = al->name; /* a single is named after its lead track */
    else
        track_title(&r, &t->name);
    unsigned per_disc = al->ntracks > 16 ? (al->ntracks + 1u) / 2u : al->ntracks;
    t->disc = (uint8_t)(1 + pos / per_disc);
    t->number = (uint8_t)(1 + pos % per_disc);
    t->duration_ms = (uint32_t)emu_rng_range(&r, 95000, 420000);
    int pop = al->popularity + (int)emu_rng_range(&r, -20, 12);
    t->popularity = (uint8_t)(pop < 0 ? 0 : pop > 100 ? 100 : pop);
    t->explicit_ = emu_rng_below(&r, 100) < 12;
    if (i == 0)
        t->popularity = 100; /* the sample track leads searches for the sample query */
    t->feat = UINT32_MAX;
    size_t na = cat->count[EMU_T_ARTIST];
    if (na > 1 && emu_rng_below(&r, 100) < 15) {
        uint32_t f = (uint32_t)emu_rng_below(&r, na);
        if (f != al->artist)
            t->feat = f;
    }
}

static int cmp_pair(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return *x < *y ? -1 : *x > *y;
}

/* appears_on: albums on which an artist is featured but does not lead. */
static int build_appears(emu_catalogue *cat)
{
    size_t nt = cat->count[EMU_T_TRACK], na = cat->count[EMU_T_ARTIST];
    uint64_t *pairs = malloc((nt + 1) * sizeof *pairs);
    if (!pairs)
        return -1;
    size_t np = 0;
    for (size_t i = 0; i < nt; i++)
        if (cat->tracks[i].feat != UINT32_MAX)
            pairs[np++] = (uint64_t)cat->tracks[i].feat << 32 | cat->tracks[i].album;
    qsort(pairs, np, sizeof *pairs, cmp_pair);
    cat->appears = malloc((np + 1) * sizeof *cat->appears);
    if (!cat->appears) {
        free(pairs);
        return -1;
    }
    size_t u = 0, p = 0;
    for (size_t a = 0; a < na; a++) {
        cat->artists[a].appears_off = (uint32_t)u;
        for (; p < np && (pairs[p] >> 32) == a; p++)
            if (u == cat->artists[a].appears_off || cat->appears[u - 1] != (uint32_t)pairs[p])
                cat->appears[u++] = (uint32_t)pairs[p];
    }
    cat->nappears = u;
    free(pairs);
    return 0;
}

const uint32_t *emu_artist_appears(const emu_catalogue *cat, size_t a, size_t *n)
{
    size_t off = cat->artists[a].appears_off;
    size_t end = a + 1 < cat->count[EMU_T_ARTIST] ? cat->artists[a + 1].appears_off : cat->nappears;
    *n = end - off;
    return cat->appears + off;
}

/* The popularity at or below which the least popular tenth of albums lies (tag:hipster). */
static void find_hipster_pop(emu_catalogue *cat)
{
    size_t hist[101] = {0}, n = cat->count[EMU_T_ALBUM], below = 0;
    for (size_t i = 0; i < n; i++)
        hist[cat->albums[i].popularity]++;
    unsigned p = 0;
    while (p < 100 && (below += hist[p]) * 10 < n)
        p++;
    cat->hipster_pop = (uint8_t)p;
}

static const char base62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static uint64_t id_hash(const char *id)
{
    return emu_hash_bytes(1469598103934665603ULL, id, EMU_ID_LEN);
}

static int make_ids(emu_catalogue *cat)
{
    size_t total = 0;
    for (int t = 0; t < EMU_T_COUNT; t++) {
        size_t n = cat->count[t];
        cat->ids[t] = malloc(n * EMU_ID_LEN + 1);
        if (!cat->ids[t])
            return -1;
        for (size_t i = 0; i < n; i++) {
            emu_rng r = emu_rng_for(cat->seed, SALT_ID + (uint64_t)t, i);
            char *id = cat->ids[t] + i * EMU_ID_LEN;
            for (int c = 0; c < EMU_ID_LEN; c += 10) {
                uint64_t v = emu_rng_next(&r);
                for (int k = c; k < c + 10 && k < EMU_ID_LEN; k++, v /= 62)
                    id[k] = base62[v % 62];
            }
        }
        total += n;
    }
    size_t cap = 1024;
    while (cap < total * 2)
        cap <<= 1;
    cat->index = calloc(cap, sizeof *cat->index);
    if (!cat->index)
        return -1;
    cat->index_mask = cap - 1;
    for (int t = 0; t < EMU_T_COUNT; t++)
        for (size_t i = 0; i < cat->count[t]; i++) {
            size_t h = id_hash(cat->ids[t] + i * EMU_ID_LEN) & cat->index_mask;
            while (cat->index[h])
                h = (h + 1) & cat->index_mask;
            cat->index[h] = ((uint32_t)t << 27 | (uint32_t)i) + 1;
        }
    return 0;
}

emu_catalogue *emu_catalogue_new(uint64_t seed, emu_catalogue_size size)
{
    emu_words_init();
    emu_catalogue *cat = calloc(1, sizeof *cat);
    if (!cat)
        return NULL;
    cat->seed = seed;
    size_t na = size == EMU_CATALOGUE_LARGE ? 4000 : 200, per = 3;
    cat->count[EMU_T_ARTIST] = na;
    cat->count[EMU_T_ALBUM] = na * per;
    cat->artists = calloc(na, sizeof *cat->artists);
    cat->albums = calloc(na * per, sizeof *cat->albums);
    if (!cat->artists || !cat->albums)
        goto fail;
    for (size_t a = 0; a < na; a++) {
        gen_artist(cat, a);
        cat->artists[a].first_album = (uint32_t)(a * per);
        cat->artists[a].nalbums = (uint32_t)per;
    }
    size_t nt = 0;
    for (size_t i = 0; i < na * per; i++) {
        gen_album(cat, i, (uint32_t)(i / per));
        cat->albums[i].first_track = (uint32_t)nt;
        nt += cat->albums[i].ntracks;
    }
    cat->count[EMU_T_TRACK] = nt;
    cat->tracks = calloc(nt, sizeof *cat->tracks);
    if (!cat->tracks)
        goto fail;
    for (size_t i = 0; i < na * per; i++)
        for (unsigned k = 0; k < cat->albums[i].ntracks; k++)
            gen_track(cat, cat->albums[i].first_track + k, (uint32_t)i, k);
    find_hipster_pop(cat);
    if (build_appears(cat) < 0 || emu_media_generate(cat, size) < 0 || make_ids(cat) < 0)
        goto fail;
    return cat;
fail:
    emu_catalogue_free(cat);
    return NULL;
}

void emu_catalogue_free(emu_catalogue *cat)
{
    if (!cat)
        return;
    for (int t = 0; t < EMU_T_COUNT; t++)
        free(cat->ids[t]);
    free(cat->artists);
    free(cat->albums);
    free(cat->tracks);
    free(cat->appears);
    free(cat->index);
    emu_media_free(cat->media);
    free(cat);
}

const char *emu_catalogue_id(const emu_catalogue *cat, emu_type t, size_t idx)
{
    return cat->ids[t] + idx * EMU_ID_LEN;
}

void emu_catalogue_id_copy(const emu_catalogue *cat, emu_type t, size_t idx, char *out)
{
    memcpy(out, emu_catalogue_id(cat, t, idx), EMU_ID_LEN);
    out[EMU_ID_LEN] = 0;
}

int emu_id_valid(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++) {
        char c = s[n];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return 0;
        if (n == EMU_ID_LEN)
            return 0;
    }
    return n == EMU_ID_LEN;
}

int emu_catalogue_find(const emu_catalogue *cat, emu_type t, const char *id, size_t *idx)
{
    if (!emu_id_valid(id))
        return -1;
    size_t h = id_hash(id) & cat->index_mask;
    for (uint32_t e; (e = cat->index[h]) != 0; h = (h + 1) & cat->index_mask) {
        e -= 1;
        emu_type et = (emu_type)(e >> 27);
        size_t i = e & ((1u << 27) - 1);
        if (memcmp(cat->ids[et] + i * EMU_ID_LEN, id, EMU_ID_LEN) == 0) {
            if (et != t)
                return -2;
            *idx = i;
            return 0;
        }
    }
    return -2;
}

static uint64_t text_hash(const emu_catalogue *cat, emu_type t, size_t idx, unsigned what)
{
    emu_rng r = emu_rng_for(cat->seed, SALT_TEXT + ((uint64_t)t << 8) + what, idx);
    return emu_rng_next(&r);
}

void emu_image_url(const emu_catalogue *cat, emu_type t, size_t idx, int size, char *out,
                   size_t outsz)
{
    uint64_t a = text_hash(cat, t, idx, 1), b = text_hash(cat, t, idx, 2);
    snprintf(out, outsz, "https://i.scdn.co/image/ab6761610000%04x%016llx%08llx",
             (unsigned)size & 0xffff, (unsigned long long)a,
             (unsigned long long)(b & 0xffffffffULL));
}

void emu_track_isrc(const emu_catalogue *cat, size_t track, char *out, size_t outsz)
{
    const emu_album *al = &cat->albums[cat->tracks[track].album];
    uint64_t h = text_hash(cat, EMU_T_TRACK, track, 3);
    snprintf(out, outsz, "QZ%c%c%c%02u%05u", 'A' + (int)(al->label % 26), 'A' + (int)(h % 26),
             '0' + (int)((h >> 8) % 10), (unsigned)(al->year % 100),
             (unsigned)((h >> 16) % 100000));
}

void emu_album_upc(const emu_catalogue *cat, size_t album, char *out, size_t outsz)
{
    uint64_t h = text_hash(cat, EMU_T_ALBUM, album, 4);
    snprintf(out, outsz, "19%010llu", (unsigned long long)(h % 10000000000ULL));
}

void emu_catalogue_sample(const emu_catalogue *cat, emu_sample *out)
{
    memset(out, 0, sizeof *out);
    out->artist = 0;
    out->album = cat->artists[0].first_album;
    out->track = cat->albums[out->album].first_track;
    const emu_name *n = &cat->tracks[out->track].name;
    snprintf(out->query, sizeof out->query, "%s", emu_word_text(n->w[n->n - 1]));
    emu_media_sample(cat, out);
}
