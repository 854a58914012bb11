/* Word lists for synthetic names, and the case-folded index search uses (see words.h). */
#include "words.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const adjectives[] = {
    "Velvet",   "Golden",   "Silent",   "Electric", "Crimson",  "Hollow",  "Neon",    "Broken",
    "Wild",     "Midnight", "Paper",    "Silver",   "Burning",  "Frozen",  "Lonely",  "Bright",
    "Distant",  "Gentle",   "Restless", "Secret",   "Sweet",    "Blue",    "Scarlet", "Amber",
    "Quiet",    "Endless",  "Faded",    "Savage",   "Tender",   "Violet",  "Lucky",   "Rusty",
    "Cosmic",   "Hidden",   "Little",   "Northern", "Southern", "Sleepy",  "Shiny",   "Dusty",
    "Radiant",  "Stolen",   "Fragile",  "Heavy",    "Easy",     "Strange", "Sacred",  "Wicked",
    "Gilded",   "Painted",  "Emerald",  "Copper",   "Lazy",     "Mellow",  "Bitter",  "Honest",
    "Jaded",    "Falling",  "Rising",   "Open",     "Last",     "First",   "Empty",   "Eternal",
    "Magnetic", "Lunar",    "Solar",    "Crystal",  "Cold",     "Warm",    "Young",   "Ancient",
    "Hazy",     "Tidal",    "Iron",     "Glass",    "Marble",   "Wooden",  "Analog",  "Digital",
};

static const char *const nouns[] = {
    "Morning",    "River",     "Heart",     "Highway",  "Ocean",      "Garden",   "Summer",
    "Winter",     "Shadow",    "Mirror",    "Echo",     "Harbor",     "Thunder",  "Horizon",
    "Lantern",    "Feather",   "Canyon",    "Island",   "Window",     "Mountain", "Satellite",
    "Carousel",   "Compass",   "Engine",    "Meadow",   "Forest",     "Signal",   "Orchard",
    "Valley",     "Station",   "Ember",     "Tide",     "Storm",      "Desert",   "Comet",
    "Rain",       "Fire",      "Stone",     "Moon",     "Sun",        "Star",     "Road",
    "City",       "Dream",     "Ghost",     "Wolf",     "Raven",      "Tiger",    "Dancer",
    "Stranger",   "Lover",     "Soldier",   "Sailor",   "Drifter",    "Angel",    "Machine",
    "Radio",      "Telephone", "Letter",    "Postcard", "Photograph", "Memory",   "Promise",
    "Secret",     "Kingdom",   "Empire",    "Palace",   "Cathedral",  "Bridge",   "Tower",
    "Lighthouse", "Avenue",    "Boulevard", "Alley",    "Rooftop",    "Balcony",  "Porch",
    "Kitchen",    "Bedroom",   "Ballroom",  "Parade",   "Circus",     "Festival", "Holiday",
    "Weekend",    "Tonight",   "Yesterday", "Tomorrow", "Season",     "Sky",      "Cloud",
    "Wave",       "Shore",     "Sand",      "Salt",     "Honey",      "Sugar",    "Wine",
    "Whiskey",    "Coffee",    "Cherry",    "Lemon",    "Orange",     "Peach",    "Rose",
    "Lily",       "Daisy",     "Ivy",       "Willow",   "Pine",       "Cedar",    "Oak",
    "Maple",      "Aurora",    "Galaxy",    "Planet",   "Orbit",      "Gravity",  "Pulse",
    "Rhythm",     "Melody",    "Chorus",    "Anthem",   "Ballad",     "Lullaby",  "Serenade",
    "Symphony",   "Groove",
};

static const char *const verbs[] = {
    "Running", "Dancing", "Falling",  "Chasing",  "Waiting", "Dreaming", "Burning",  "Drifting",
    "Calling", "Holding", "Leaving",  "Breaking", "Fading",  "Shining",  "Spinning", "Singing",
    "Walking", "Driving", "Flying",   "Sleeping", "Waking",  "Counting", "Watching", "Losing",
    "Finding", "Crying",  "Laughing", "Rolling",  "Turning", "Climbing",
};

static const char *const first_names[] = {
    "Mara",  "Jonah",  "Elena", "Theo",   "Ada",  "Felix",  "Iris",  "Oscar",  "Nina",  "Leo",
    "Sofia", "Hugo",   "Clara", "Milo",   "Ruby", "Jasper", "Lena",  "Otis",   "Vera",  "Silas",
    "Hazel", "Ezra",   "Greta", "Arlo",   "June", "Ivan",   "Lucia", "Emil",   "Nora",  "Tobias",
    "Alma",  "Rafael", "Cora",  "Dante",  "Esme", "Gideon", "Maya",  "Nico",   "Olive", "Pablo",
    "Rosa",  "Soren",  "Talia", "Viktor", "Wren", "Yara",   "Zane",  "Ingrid", "Kofi",  "Amara",
};

static const char *const last_names[] = {
    "Quinlan",  "Hart",      "Okafor",    "Lindqvist", "Moreau",   "Castillo",  "Fischer",
    "Nakamura", "Romero",    "Sullivan",  "Varga",     "Walsh",    "Bianchi",   "Costa",
    "Dubois",   "Eriksen",   "Fontaine",  "Galloway",  "Haddad",   "Ishikawa",  "Jensen",
    "Kowalski", "Larsen",    "Mendes",    "Novak",     "Oyelaran", "Petrov",    "Reyes",
    "Silva",    "Takahashi", "Ueda",      "Valdez",    "Whitaker", "Young",     "Zeller",
    "Abbott",   "Barros",    "Calloway",  "Delgado",   "Everett",  "Flores",    "Grant",
    "Holloway", "Ivers",     "Jovanovic", "Kline",     "Lowell",   "Marsh",     "Navarro",
    "Orlov",    "Pierce",    "Rivers",    "Sterling",  "Thorne",   "Underwood", "Vance",
    "Winter",   "Xu",        "Yilmaz",    "Zamora",
};

static const char *const glue[] = {"The",  "of",  "in", "and", "My",
                                   "Your", "Our", "on", "to",  "for"};

static const struct {
    const char *const *words;
    size_t n;
} classes[EMU_W_CLASS_COUNT] = {
    [EMU_W_ADJ] = {adjectives, sizeof adjectives / sizeof *adjectives},
    [EMU_W_NOUN] = {nouns, sizeof nouns / sizeof *nouns},
    [EMU_W_VERB] = {verbs, sizeof verbs / sizeof *verbs},
    [EMU_W_FIRST] = {first_names, sizeof first_names / sizeof *first_names},
    [EMU_W_LAST] = {last_names, sizeof last_names / sizeof *last_names},
    [EMU_W_GLUE] = {glue, sizeof glue / sizeof *glue},
};

/* Sorted distinct case-folded words; a word's key is its position here. */
#define MAX_WORDS 1024
static const char *sorted[MAX_WORDS];
static size_t nsorted;
static int16_t keys[EMU_W_CLASS_COUNT][256];

size_t emu_words_count(emu_word_class c)
{
    return classes[c].n;
}

uint16_t emu_word_id(emu_word_class c, uint64_t i)
{
    return (uint16_t)(((unsigned)c << 10) | (unsigned)(i % classes[c].n));
}

const char *emu_word_text(uint16_t id)
{
    unsigned c = id >> 10, i = id & 1023;
    if (c >= EMU_W_CLASS_COUNT || i >= classes[c].n)
        return "";
    return classes[c].words[i];
}

static int cmp_fold(const void *a, const void *b)
{
    return strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

void emu_words_init(void)
{
    if (nsorted)
        return;
    size_t n = 0;
    for (int c = 0; c < EMU_W_CLASS_COUNT; c++)
        for (size_t i = 0; i < classes[c].n && n < MAX_WORDS; i++)
            sorted[n++] = classes[c].words[i];
    qsort(sorted, n, sizeof *sorted, cmp_fold);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || strcasecmp(sorted[u - 1], sorted[i]) != 0)
            sorted[u++] = sorted[i];
    for (int c = 0; c < EMU_W_CLASS_COUNT; c++)
        for (size_t i = 0; i < classes[c].n && i < 256; i++) {
            const char *w = classes[c].words[i];
            const char **hit = bsearch(&w, sorted, u, sizeof *sorted, cmp_fold);
            keys[c][i] = (int16_t)(hit - sorted);
        }
    nsorted = u;
}

int emu_word_key(uint16_t id)
{
    unsigned c = id >> 10, i = id & 1023;
    if (c >= EMU_W_CLASS_COUNT || i >= classes[c].n)
        return -1;
    return keys[c][i];
}

int emu_word_lookup(const char *word, size_t len)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, word, len);
    buf[len] = 0;
    const char *p = buf;
    const char **hit = bsearch(&p, sorted, nsorted, sizeof *sorted, cmp_fold);
    return hit ? (int)(hit - sorted) : -1;
}

int emu_word_prefix_range(const char *prefix, size_t len, int *lo, int *hi)
{
    size_t a = 0, b = nsorted;
    while (a < b) { /* first word not before the prefix */
        size_t m = a + (b - a) / 2;
        if (strncasecmp(sorted[m], prefix, len) < 0)
            a = m + 1;
        else
            b = m;
    }
    size_t end = a;
    while (end < nsorted && strncasecmp(sorted[end], prefix, len) == 0)
        end++;
    *lo = (int)a;
    *hi = (int)end;
    return end > a && strlen(sorted[a]) == len ? (int)a : -1;
}

size_t emu_name_format(const emu_name *name, char *out, size_t size)
{
    size_t o = 0;
    if (size == 0)
        return 0;
    out[0] = 0;
    for (unsigned i = 0; i < name->n; i++) {
        const char *t = emu_word_text(name->w[i]);
        size_t n = strlen(t);
        if (o + n + 2 > size)
            break;
        if (i)
            out[o++] = ' ';
        memcpy(out + o, t, n);
        o += n;
        out[o] = 0;
    }
    return o;
}

void emu_name_json(jw *w, const emu_name *name)
{
    char buf[128];
    size_t n = emu_name_format(name, buf, sizeof buf);
    jw_strn(w, buf, n);
}

int emu_name_has_key(const emu_name *name, int key)
{
    for (unsigned i = 0; i < name->n; i++)
        if (emu_word_key(name->w[i]) == key)
            return 1;
    return 0;
}

void emu_name_push(emu_name *name, uint16_t id)
{
    if (name->n < EMU_NAME_WORDS)
        name->w[name->n++] = id;
}
