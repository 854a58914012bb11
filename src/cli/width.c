/*
 * Terminal display width of UTF-8 text. wcwidth() depends on the locale (under
 * LANG=C it refuses everything beyond ASCII), so the ranges that matter for
 * names in a music catalogue are kept here: combining marks take no column,
 * East Asian wide characters and emoji take two.
 */
#include <stdlib.h>
#include <string.h>

#include "width.h"

#define REPLACEMENT 0xFFFDu

typedef struct range {
    uint32_t first, last;
} range;

static const range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},   {0x0610, 0x061A}, {0x064B, 0x065F},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},   {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},   {0x20D0, 0x20FF}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

static const range wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x2614, 0x2615},   {0x2648, 0x2653},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},
    {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},
    {0x26F2, 0x26F5},   {0x26FA, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x2753, 0x2755},   {0x2757, 0x2757},
    {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},
    {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
    {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xA960, 0xA97F},
    {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x17000, 0x18AFF},
    {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF},
    {0x1F7E0, 0x1F7EB}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x3FFFD},
};

static int in_ranges(uint32_t cp, const range *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].first)
            hi = mid;
        else if (cp > r[mid].last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int cli_codepoint_width(uint32_t cp)
{
    if (in_ranges(cp, zero_width, sizeof(zero_width) / sizeof(zero_width[0])))
        return 0;
    if (in_ranges(cp, wide, sizeof(wide) / sizeof(wide[0])))
        return 2;
    return 1;
}

size_t cli_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    static const uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    size_t n;
    uint32_t c;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    } else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        n = 2, c = s[0] & 0x1F;
    } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
        n = 3, c = s[0] & 0x0F;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        n = 4, c = s[0] & 0x07;
    } else {
        *cp = REPLACEMENT;
        return 1;
    }
    if (len < n) {
        *cp = REPLACEMENT;
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = REPLACEMENT;
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    /* Overlong forms, surrogates and values past U+10FFFF are malformed. */
    if (c < min_for_len[n] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
        *cp = REPLACEMENT;
        return 1;
    }
    *cp = c;
    return n;
}

size_t cli_display_width(const char *s)
{
    size_t width = 0, len = strlen(s);
    while (len > 0) {
        uint32_t cp;
        size_t n = cli_utf8_decode(s, len, &cp);
        width += (size_t)cli_codepoint_width(cp);
        s += n;
        len -= n;
    }
    return width;
}

/* Append the UTF-8 encoding of cp to out; @return the bytes written (<= 4). */
static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
}

/* Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE ...) reorder what a
 * terminal shows after them: a name from the network could make the rest of
 * a line, or of the error, read otherwise than it is. They are dropped. */
static int is_bidi_control(uint32_t cp)
{
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

char *cli_cell_clean(const char *s)
{
    size_t len = strlen(s);
    /* A malformed byte (1 in) becomes U+FFFD (3 out): at most 3 times the input. */
    char *out = malloc(3 * len + 1), *o = out;
    if (!out)
        return NULL;
    while (len > 0) {
        uint32_t cp;
        size_t n = cli_utf8_decode(s, len, &cp);
        if (!is_bidi_control(cp))
            o += utf8_encode(is_control(cp) ? ' ' : cp, o);
        s += n;
        len -= n;
    }
    *o = '\0';
    return out;
}

char *cli_truncate(const char *s, size_t max)
{
    static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026, one column */
    size_t len = strlen(s);
    char *out = malloc(len + sizeof(ellipsis));
    if (!out)
        return NULL;
    if (cli_display_width(s) <= max) {
        memcpy(out, s, len + 1);
        return out;
    }
    size_t used = 0, width = 0;
    while (used < len && max > 0) {
        uint32_t cp;
        size_t n = cli_utf8_decode(s + used, len - used, &cp);
        size_t w = (size_t)cli_codepoint_width(cp);
        if (width + w > max - 1) /* keep one column for the ellipsis */
            break;
        width += w;
        used += n;
    }
    memcpy(out, s, used);
    if (max > 0)
        memcpy(out + used, ellipsis, sizeof(ellipsis));
    else
        out[used] = '\0';
    return out;
}

int cli_write_bidi_escaped(FILE *f, const char *s)
{
    size_t len = strlen(s);
    while (len > 0) {
        uint32_t cp;
        size_t n = cli_utf8_decode(s, len, &cp);
        if (is_bidi_control(cp))
            fprintf(f, "\\u%04x", (unsigned)cp);
        else
            fwrite(s, 1, n, f);
        s += n;
        len -= n;
    }
    return ferror(f) ? -1 : 0;
}
