/* Redirect URI rules (see redirect_rules.h). */
#include "redirect_rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int refuse(char *why, size_t whylen, const char *text)
{
    if (why && whylen)
        snprintf(why, whylen, "%s", text);
    return 0;
}

/* Length of a URI scheme at the start of @p s (letters, digits, + - .), 0 when none. */
static size_t scheme_len(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return 0;
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
    return s[n] == ':' ? n : 0;
}

/* 1..65535 written in 1-5 digits, exactly @p n bytes. */
static int port_ok(const char *p, size_t n)
{
    if (n == 0 || n > 5 || strspn(p, "0123456789") < n)
        return 0;
    long v = strtol(p, NULL, 10);
    return v >= 1 && v <= 65535;
}

static int is_localhost(const char *host, size_t n)
{
    static const char lh[] = "localhost";
    const size_t l = sizeof lh - 1;
    return (n == l && strncasecmp(host, lh, l) == 0) ||
           (n > l && host[n - l - 1] == '.' && strncasecmp(host + n - l, lh, l) == 0);
}

/* Rules for http and https: a host, no user info, a valid port, loopback only for http. */
static int web_uri_allowed(const char *rest, int https, char *why, size_t whylen)
{
    if (strncmp(rest, "//", 2) != 0)
        return refuse(why, whylen, "an http(s) redirect URI needs a host (scheme://host/path)");
    const char *auth = rest + 2;
    size_t alen = strcspn(auth, "/?");
    if (memchr(auth, '@', alen))
        return refuse(why, whylen, "a redirect URI must not carry a user name or password");
    size_t hlen = auth[0] == '[' ? strcspn(auth, "]") + 1 : strcspn(auth, ":/?");
    if (hlen > alen || hlen == 0 || (auth[0] == '[' && auth[hlen - 1] != ']'))
        return refuse(why, whylen, "the redirect URI has no valid host");
    if (hlen < alen && (auth[hlen] != ':' || !port_ok(auth + hlen + 1, alen - hlen - 1)))
        return refuse(why, whylen, "the redirect URI's port must be a number from 1 to 65535");
    if (is_localhost(auth, hlen))
        return refuse(why, whylen,
                      "'localhost' is not allowed in a redirect URI (Spotify refuses it): "
                      "use the loopback address, e.g. http://127.0.0.1:PORT/callback");
    int loopback = (hlen == 9 && strncmp(auth, "127.0.0.1", 9) == 0) ||
                   (hlen == 5 && strncmp(auth, "[::1]", 5) == 0);
    if (!https && !loopback)
        return refuse(why, whylen,
                      "plain http is allowed only for the loopback addresses 127.0.0.1 and "
                      "[::1]; use https");
    return 1;
}

int emu_redirect_uri_allowed(const char *uri, char *why, size_t whylen)
{
    size_t len = strlen(uri);
    if (len == 0 || len > EMU_REDIRECT_MAX)
        return refuse(why, whylen, "a redirect URI must be 1 to 1024 characters");
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++)
        if (*p <= 0x20 || *p >= 0x7f)
            return refuse(why, whylen,
                          "a redirect URI must not contain spaces or control "
                          "characters");
    if (strchr(uri, '#'))
        return refuse(why, whylen, "a redirect URI must not have a fragment (#...)");
    size_t sl = scheme_len(uri);
    if (sl == 0)
        return refuse(why, whylen, "a redirect URI must be absolute (scheme:...)");
    int http = sl == 4 && strncasecmp(uri, "http", 4) == 0;
    int https = sl == 5 && strncasecmp(uri, "https", 5) == 0;
    if (!http && !https)
        return uri[sl + 1] ? 1
                           : refuse(why, whylen,
                                    "the redirect URI has nothing after its "
                                    "scheme"); /* an app's own scheme */
    return web_uri_allowed(uri + sl + 1, https, why, whylen);
}

/* The length of "http://127.0.0.1" or "http://[::1]" when @p uri starts with it and goes on
 * with a path, a query or nothing (no port); else 0. */
static size_t portless_loopback_prefix(const char *uri)
{
    static const char *const prefixes[] = {"http://127.0.0.1", "http://[::1]"};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(uri, prefixes[i], n) == 0 && (uri[n] == 0 || uri[n] == '/' || uri[n] == '?'))
            return n;
    }
    return 0;
}

int emu_redirect_uri_matches(const char *registered, const char *requested)
{
    if (strcmp(registered, requested) == 0)
        return 1;
    size_t n = portless_loopback_prefix(registered);
    if (n == 0 || strncmp(registered, requested, n) != 0 || requested[n] != ':')
        return 0;
    const char *port = requested + n + 1;
    size_t plen = strspn(port, "0123456789");
    return port_ok(port, plen) && strcmp(port + plen, registered + n) == 0;
}

int emu_app_redirect_ok(const emu_app *app, const char *requested)
{
    for (size_t i = 0; i < app->nredirect_uris; i++)
        if (emu_redirect_uri_matches(app->redirect_uris[i], requested))
            return 1;
    return 0;
}

static void free_list(char **uris, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(uris[i]);
    free(uris);
}

int emu_app_set_redirects(emu_app *app, const char *list, char *why, size_t whylen)
{
    size_t cap = 1;
    for (const char *p = list; *p; p++)
        cap += *p == ',';
    char **uris = calloc(cap, sizeof *uris);
    size_t n = 0;
    if (!uris)
        return refuse(why, whylen, "out of memory") - 1;
    for (const char *p = list;; p++) {
        size_t len = strcspn(p, ",");
        char *uri = strndup(p, len);
        if (!uri || !emu_redirect_uri_allowed(uri, why, whylen)) {
            if (!uri)
                refuse(why, whylen, "out of memory");
            free(uri);
            free_list(uris, n);
            return -1;
        }
        uris[n++] = uri;
        p += len;
        if (!*p)
            break;
    }
    emu_app_redirects_free(app);
    app->redirect_uris = uris;
    app->nredirect_uris = n;
    return 0;
}

void emu_app_redirects_free(emu_app *app)
{
    free_list(app->redirect_uris, app->nredirect_uris);
    app->redirect_uris = NULL;
    app->nredirect_uris = 0;
}
