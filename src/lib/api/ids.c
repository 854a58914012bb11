/*
 * Spotify IDs from what people paste: URIs, open.spotify.com links, bare IDs.
 *
 * Pure code that runs before any request: a malformed ID must never reach the
 * network, and the message must show the user what they typed (escaped and cut
 * short, since the input may be anything).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ids_priv.h"
#include "internal.h"

/* Base62 IDs of catalogue items are always this long. */
#define BASE62_ID_LEN 22
/* Longer input is refused outright: no link or URI of ours comes close. */
#define INPUT_MAX 1024

static const char *const type_names[] = {
    [SPOTC_TYPE_ANY] = NULL,
    [SPOTC_TYPE_TRACK] = "track",
    [SPOTC_TYPE_ALBUM] = "album",
    [SPOTC_TYPE_ARTIST] = "artist",
    [SPOTC_TYPE_PLAYLIST] = "playlist",
    [SPOTC_TYPE_SHOW] = "show",
    [SPOTC_TYPE_EPISODE] = "episode",
    [SPOTC_TYPE_AUDIOBOOK] = "audiobook",
    [SPOTC_TYPE_CHAPTER] = "chapter",
    [SPOTC_TYPE_USER] = "user",
};
#define NTYPES (sizeof(type_names) / sizeof(type_names[0]))

const char *spotc_id_type_to_name(spotc_item_type type)
{
    return (unsigned)type < NTYPES ? type_names[type] : NULL;
}

/* Type name of `len` bytes at `s`, case-insensitive. */
static spotc_item_type type_from_span(const char *s, size_t len)
{
    for (size_t t = 1; t < NTYPES; t++)
        if (strlen(type_names[t]) == len && strncasecmp(type_names[t], s, len) == 0)
            return (spotc_item_type)t;
    return SPOTC_TYPE_ANY;
}

spotc_item_type spotc_id_type_from_name(const char *name)
{
    return name ? type_from_span(name, strlen(name)) : SPOTC_TYPE_ANY;
}

/* Where parsing stands: the input, what the caller wants, where to report. */
typedef struct parse {
    const char *input;
    spotc_item_type expected;
    char *errbuf;
    size_t errlen;
    int bare; /* neither URI nor link: remind what is accepted */
} parse;

/* Copy the input into dst as a quoted, printable, bounded string. */
static void quote_input(char *dst, size_t dstlen, const char *s)
{
    size_t o = 0;
    dst[o++] = '"';
    for (size_t i = 0; s[i] && o + 8 < dstlen; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i >= 60) {
            o += (size_t)snprintf(dst + o, dstlen - o, "...");
            break;
        }
        if (c == '"' || c == '\\')
            o += (size_t)snprintf(dst + o, dstlen - o, "\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            o += (size_t)snprintf(dst + o, dstlen - o, "\\x%02x", c);
        else
            dst[o++] = (char)c;
    }
    dst[o++] = '"';
    dst[o] = '\0';
}

static int fail(const parse *p, const char *reason)
{
    char msg[512], quoted[128];
    const char *what = spotc_id_type_to_name(p->expected);
    const char *t = what ? what : "TYPE";
    if (!p->input) {
        snprintf(msg, sizeof msg, "no %s ID given", what ? what : "Spotify");
    } else {
        quote_input(quoted, sizeof quoted, p->input);
        if (p->bare)
            snprintf(msg, sizeof msg,
                     "invalid %s ID %s: %s (expected a 22-character base62 ID, a spotify:%s:ID URI "
                     "or an https://open.spotify.com/%s/ID link)",
                     what ? what : "Spotify", quoted, reason, t, t);
        else
            snprintf(msg, sizeof msg, "invalid %s ID %s: %s", what ? what : "Spotify", quoted,
                     reason);
    }
    if (p->errbuf && p->errlen)
        snprintf(p->errbuf, p->errlen, "%s", msg);
    return spotc__error_last_set(SPOTC_EINVALID, "%s", msg);
}

static int is_base62(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* User IDs are free-form usernames from the early days: letters, digits, . _ - */
static int is_user_char(int c)
{
    return is_base62(c) || c == '.' || c == '_' || c == '-';
}

static const char *article(spotc_item_type type)
{
    return strchr("aeiou", spotc_id_type_to_name(type)[0]) ? "an" : "a";
}

/* Check an ID of `len` bytes for `type` and store it. */
static int accept_id(const parse *p, spotc_id *out, spotc_item_type type, const char *id,
                     size_t len)
{
    char reason[160];
    if (p->expected != SPOTC_TYPE_ANY && type != SPOTC_TYPE_ANY && type != p->expected) {
        snprintf(reason, sizeof reason, "it names %s %s, not %s %s", article(type),
                 spotc_id_type_to_name(type), article(p->expected),
                 spotc_id_type_to_name(p->expected));
        return fail(p, reason);
    }
    if (len == 0)
        return fail(p, "the ID is empty");
    if (len > SPOTC_ID_MAX)
        return fail(p, "the ID is too long");
    int user = type == SPOTC_TYPE_USER;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)id[i];
        if (user ? !is_user_char(c) : !is_base62(c)) {
            if (c > 0x20 && c < 0x7f)
                snprintf(reason, sizeof reason, "'%c' is not allowed in a %s ID", c,
                         user ? "user" : "Spotify");
            else
                snprintf(reason, sizeof reason, "byte 0x%02x is not allowed in an ID", c);
            return fail(p, reason);
        }
    }
    if (!user && len != BASE62_ID_LEN) {
        snprintf(reason, sizeof reason, "the ID has %zu character%s; Spotify IDs have %d", len,
                 len == 1 ? "" : "s", BASE62_ID_LEN);
        return fail(p, reason);
    }
    out->type = type;
    memcpy(out->id, id, len);
    out->id[len] = '\0';
    return 0;
}

/* Next segment of s up to any of `stops`; advances *s past it (not past the stop). */
static size_t segment(const char **s, const char *stops, const char **start)
{
    *start = *s;
    size_t n = strcspn(*s, stops);
    *s += n;
    return n;
}

/* spotify:TYPE:ID, or the old spotify:user:NAME:playlist:ID. */
static int parse_uri(const parse *p, spotc_id *out, const char *s)
{
    const char *tname, *id;
    size_t tlen = segment(&s, ":", &tname);
    if (*s != ':')
        return fail(p, "a Spotify URI reads spotify:TYPE:ID");
    s++;
    spotc_item_type type = type_from_span(tname, tlen);
    if (type == SPOTC_TYPE_ANY)
        return fail(p, "unknown item type in the URI");
    size_t idlen = segment(&s, ":", &id);
    if (type == SPOTC_TYPE_USER && strncasecmp(s, ":playlist:", 10) == 0) {
        s += 10;
        type = SPOTC_TYPE_PLAYLIST;
        idlen = segment(&s, ":", &id);
    }
    if (*s)
        return fail(p, "unexpected text after the ID");
    return accept_id(p, out, type, id, idlen);
}

/* Skip one optional path segment that starts with `prefix` (e.g. "intl-"). */
static void skip_optional_segment(const char **s, const char *prefix, size_t maxlen)
{
    size_t plen = strlen(prefix);
    if (strncasecmp(*s, prefix, plen) != 0)
        return;
    size_t n = strcspn(*s, "/?#");
    if (n <= maxlen && (*s)[n] == '/')
        *s += n + 1;
}

/* After an ID in a link: the end, a trailing slash, a query (?si=...) or a fragment. */
static int link_tail_ok(const char *s)
{
    if (*s == '/')
        s++;
    return *s == '\0' || *s == '?' || *s == '#';
}

/* [https://]open.spotify.com/[intl-xx/][embed/]TYPE/ID[/][?...][#...] */
static int parse_link(const parse *p, spotc_id *out, const char *s)
{
    skip_optional_segment(&s, "intl-", 16);
    skip_optional_segment(&s, "embed", 5);
    const char *tname, *id;
    size_t tlen = segment(&s, "/?#", &tname);
    if (*s != '/')
        return fail(p, "a Spotify link reads https://open.spotify.com/TYPE/ID");
    s++;
    spotc_item_type type = type_from_span(tname, tlen);
    if (type == SPOTC_TYPE_ANY)
        return fail(p, "unknown item type in the link");
    size_t idlen = segment(&s, "/?#", &id);
    if (type == SPOTC_TYPE_USER && strncasecmp(s, "/playlist/", 10) == 0) {
        s += 10;
        type = SPOTC_TYPE_PLAYLIST;
        idlen = segment(&s, "/?#", &id);
    }
    if (!link_tail_ok(s))
        return fail(p, "unexpected text after the ID in the link");
    return accept_id(p, out, type, id, idlen);
}

/* Length of a leading "https://", "http://" or "" when there is no scheme. */
static size_t scheme_len(const char *s)
{
    if (strncasecmp(s, "https://", 8) == 0)
        return 8;
    if (strncasecmp(s, "http://", 7) == 0)
        return 7;
    return 0;
}

int spotc_id_parse(spotc_id *out, const char *input, spotc_item_type expected, char *errbuf,
                   size_t errbuf_len)
{
    parse p = {input, expected, errbuf, errbuf_len, 0};
    if ((unsigned)expected >= NTYPES)
        p.expected = SPOTC_TYPE_ANY;
    if (errbuf && errbuf_len)
        errbuf[0] = '\0';
    if (!out)
        return fail(&p, "nowhere to store it");
    memset(out, 0, sizeof *out);
    if (!input)
        return fail(&p, "no ID given");
    if (strlen(input) > INPUT_MAX)
        return fail(&p, "the text is too long");
    if (strncasecmp(input, "spotify:", 8) == 0)
        return parse_uri(&p, out, input + 8);
    size_t scheme = scheme_len(input);
    const char *host = input + scheme;
    if (strncasecmp(host, "open.spotify.com/", 17) == 0)
        return parse_link(&p, out, host + 17);
    if (strncasecmp(host, "open.spotify.com", 16) == 0)
        return fail(&p, "a Spotify link reads https://open.spotify.com/TYPE/ID");
    if (scheme)
        return fail(&p, "only open.spotify.com links are understood");
    p.bare = 1;
    return accept_id(&p, out, p.expected, input, strlen(input));
}

int spotc_id_format_uri(char *buf, size_t buflen, const spotc_id *id)
{
    if (!buf || !id)
        return SPOTC_EINVALID;
    const char *name = spotc_id_type_to_name(id->type);
    if (!name || !id->id[0] || memchr(id->id, '\0', sizeof id->id) == NULL)
        return SPOTC_EINVALID;
    int n = snprintf(buf, buflen, "spotify:%s:%s", name, id->id);
    if (n < 0 || (size_t)n >= buflen) {
        if (buflen)
            buf[0] = '\0';
        return SPOTC_EINVALID;
    }
    return 0;
}

int spotc__id_require(spotc_client *client, spotc_id *out, const char *input, spotc_item_type type)
{
    char err[256];
    int rc = spotc_id_parse(out, input, type, err, sizeof err);
    if (rc < 0)
        return spotc__error_set(client, rc, "%s", err);
    return 0;
}
