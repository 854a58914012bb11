/* Linear-time glob matching (see glob.h). */
#define _GNU_SOURCE /* memmem */
#include "glob.h"

#include <string.h>

/* With '*' the only wildcard, the leftmost place of each literal piece between stars is
 * always a right choice, so one pass with a linear substring search (glibc's memmem is
 * two-way) decides the match: no backtracking. */
int emu_glob_match(const char *p, const char *s)
{
    size_t plen = strlen(p), slen = strlen(s);
    const char *star = memchr(p, '*', plen);
    if (!star)
        return plen == slen && memcmp(p, s, plen) == 0;
    size_t head = (size_t)(star - p);
    const char *last = strrchr(p, '*');
    size_t tail = plen - (size_t)(last - p) - 1;
    if (head + tail > slen || memcmp(p, s, head) != 0 ||
        memcmp(last + 1, s + slen - tail, tail) != 0)
        return 0;
    const char *pos = s + head, *end = s + slen - tail;
    for (const char *piece = star + 1; piece <= last;) {
        const char *next = memchr(piece, '*', (size_t)(last - piece) + 1);
        size_t n = (size_t)(next - piece);
        if (n) {
            const char *at = memmem(pos, (size_t)(end - pos), piece, n);
            if (!at)
                return 0;
            pos = at + n;
        }
        piece = next + 1;
    }
    return 1;
}
