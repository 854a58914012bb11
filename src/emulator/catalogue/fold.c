/* Case and accent folding for search (see fold.h). */
#include "fold.h"

#include <stdint.h>
#include <string.h>

/* Base letters of U+00C0..U+017F, two characters at most ("ss", "ae"); "" = not a letter. */
static const char *const latin[0x180 - 0xC0] = {
    /* C0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    /* D0 */ "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
    /* E0 */ "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    /* F0 */ "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    /* 100 */ "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    /* 110 */ "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    /* 120 */ "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    /* 130 */ "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    /* 140 */ "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    /* 150 */ "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    /* 160 */ "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    /* 170 */ "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};

/* Decode one UTF-8 sequence at s[0..n): the code point and its length, or length 0. */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                                                   : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || len > n || (len == 2 && c < 0xC2))
        return 0;
    uint32_t v = len == 1 ? c : c & (0x7Fu >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = v << 6 | (s[i] & 0x3Fu);
    }
    *cp = v;
    return len;
}

/* Append @p len bytes; the pending separator first. 0 when they do not fit. */
static int put_word(char *out, size_t outsz, size_t *o, int *space, const char *s, size_t len)
{
    size_t need = len + (*space && *o > 0);
    if (*o + need >= outsz)
        return 0;
    if (*space && *o > 0)
        out[(*o)++] = ' ';
    *space = 0;
    memcpy(out + *o, s, len);
    *o += len;
    return 1;
}

size_t emu_fold(const char *s, size_t n, char *out, size_t outsz)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0, word_start = 0;
    int space = 0;
    if (outsz == 0)
        return 0;
    while (i < n) {
        uint32_t cp = 0;
        size_t len = utf8_next(u + i, n - i, &cp);
        const char *text = (const char *)u + i;
        size_t tlen = len;
        char lower;
        if (len == 0) {
            len = 1, tlen = 0; /* an invalid byte separates words */
        } else if (cp < 0x80) {
            int alnum = (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
            lower = (char)(cp >= 'A' && cp <= 'Z' ? cp | 0x20 : cp);
            text = &lower;
            tlen = alnum ? 1 : 0;
        } else if (cp >= 0xC0 && cp < 0x180) {
            text = latin[cp - 0xC0];
            tlen = strlen(text);
        } else if (cp < 0xC0) {
            tlen = 0; /* Latin-1 punctuation and symbols */
        }
        i += len;
        if (tlen == 0) {
            space = 1;
            continue;
        }
        if (space || o == 0)
            word_start = o;
        if (!put_word(out, outsz, &o, &space, text, tlen)) {
            o = word_start; /* the word does not fit: drop it whole */
            break;
        }
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = 0;
    return o;
}
