/*
 * The authorize URL (RFC 6749 section 4.1.1 with PKCE, RFC 7636 section 4.3)
 * and Spotify's rules for redirect URIs.
 */
#include "auth_internal.h"
#include "url.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Scopes may be given separated by spaces or commas (as people type them on a
 * command line); Spotify wants them separated by single spaces. NULL for none. */
static char *join_scopes(const char *scope, int *oom)
{
    static const char sep[] = " ,\t\r\n";
    spotc__buf b = SPOTC__BUF_INIT;
    for (const char *p = scope; p && *(p += strspn(p, sep));) {
        size_t n = strcspn(p, sep);
        if (b.len > 0)
            spotc__buf_putc(&b, ' ');
        spotc__buf_add(&b, p, n);
        p += n;
    }
    if (b.len == 0 && !b.oom)
        return NULL;
    char *joined = spotc__buf_take(&b);
    *oom = joined == NULL;
    return joined;
}

static int is_challenge(const char *s)
{
    if (strlen(s) != SPOTC_PKCE_CHALLENGE_LEN)
        return 0;
    for (const char *p = s; *p; p++)
        if (!strchr(spotc__base64url_alphabet, *p))
            return 0;
    return 1;
}

static int check_options(const spotc_authorize_options *o, char *eb, size_t ebn)
{
    if (!o || o->version != SPOTC_AUTHORIZE_OPTIONS_VERSION)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "authorize options missing or of an "
                             "unknown version");
    if (!o->client_id || !*o->client_id)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID, "a client id is required to log in");
    if (!o->state || !*o->state)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID, "a state is required in the authorize URL");
    if (o->code_challenge && !is_challenge(o->code_challenge))
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "the PKCE challenge must be 43 base64url characters (S256)");
    const char *base = o->accounts_base;
    if (base && !spotc__url_base_ok(base))
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID,
                             "the accounts base must be an http(s) URL: %s", base);
    return spotc_redirect_check_uri(o->redirect_uri, eb, ebn);
}

int spotc_auth_build_url(char **out, const spotc_authorize_options *opts, char *errbuf,
                         size_t errbuf_len)
{
    if (!out)
        return SPOTC_EINVALID;
    *out = NULL;
    int rc = check_options(opts, errbuf, errbuf_len);
    if (rc != 0)
        return rc;
    const char *base = opts->accounts_base ? opts->accounts_base : SPOTC_DEFAULT_ACCOUNTS_BASE;
    size_t blen = strlen(base);
    while (blen > 0 && base[blen - 1] == '/')
        blen--;
    int oom = 0;
    char *scope = join_scopes(opts->scope, &oom);
    const int pkce = opts->code_challenge != NULL;
    const spotc_param params[] = {
        {"client_id", opts->client_id},
        {"response_type", "code"},
        {"redirect_uri", opts->redirect_uri},
        {"state", opts->state},
        {"scope", scope},
        {"show_dialog", opts->show_dialog ? "true" : NULL},
        {"code_challenge_method", pkce ? "S256" : NULL},
        {"code_challenge", opts->code_challenge},
    };
    spotc__buf b = SPOTC__BUF_INIT;
    spotc__buf_add(&b, base, blen);
    spotc__buf_puts(&b, "/authorize");
    spotc__url_query(&b, params, sizeof params / sizeof params[0]);
    free(scope);
    *out = oom ? NULL : spotc__buf_take(&b);
    spotc__buf_free(&b);
    return *out ? 0 : SPOTC_ENOMEM;
}

/* ------------------------------------------------------ redirect URI rules */

static int scheme_len(const char *uri)
{
    size_t i = 0;
    if (!((uri[0] >= 'a' && uri[0] <= 'z') || (uri[0] >= 'A' && uri[0] <= 'Z')))
        return -1;
    while (uri[i] && uri[i] != ':') {
        char c = uri[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '-' || c == '.'))
            return -1;
        i++;
    }
    return uri[i] == ':' ? (int)i : -1;
}

/* The host of `scheme://host[:port]/...` (no userinfo allowed), copied into host. */
static int authority_host(const char *rest, char *host, size_t hostlen)
{
    if (strncmp(rest, "//", 2) != 0)
        return -1;
    rest += 2;
    size_t n = strcspn(rest, "/?#");
    if (memchr(rest, '@', n))
        return -1;
    size_t h;
    if (rest[0] == '[') {
        const char *close = memchr(rest, ']', n);
        if (!close)
            return -1;
        h = (size_t)(close - rest) + 1;
    } else {
        h = strcspn(rest, ":/?#");
    }
    if (h == 0 || h >= hostlen)
        return -1;
    memcpy(host, rest, h);
    host[h] = '\0';
    const char *port = rest + h;
    if (*port == ':') {
        size_t digits = strspn(port + 1, "0123456789");
        if (digits == 0 || digits > 5 || port + 1 + digits != rest + n)
            return -1;
    } else if (port != rest + n) {
        return -1;
    }
    return 0;
}

int spotc_redirect_check_uri(const char *uri, char *errbuf, size_t errbuf_len)
{
    if (!uri || !*uri)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID, "a redirect URI is required");
    for (const unsigned char *p = (const unsigned char *)uri; *p; p++)
        if (*p <= ' ' || *p == 0x7f)
            return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID,
                                 "the redirect URI contains a space or a control character");
    int sl = scheme_len(uri);
    if (sl < 0)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID,
                             "the redirect URI has no scheme (http://127.0.0.1:PORT/callback "
                             "or https://...)");
    int http = sl == 4 && strncasecmp(uri, "http", 4) == 0;
    int https = sl == 5 && strncasecmp(uri, "https", 5) == 0;
    if (!http && !https)
        return 0; /* an app's own scheme: Spotify allows it */
    char host[256];
    if (authority_host(uri + sl + 1, host, sizeof host) != 0)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID,
                             "the redirect URI has no valid host: %s", uri);
    if (strcasecmp(host, "localhost") == 0 || strcasecmp(host, "localhost.") == 0)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID,
                             "Spotify refuses `localhost` in redirect URIs: use the loopback "
                             "address instead, e.g. http://127.0.0.1:8888/callback");
    if (http && strcmp(host, "127.0.0.1") != 0 && strcmp(host, "[::1]") != 0)
        return spotc__errbuf(errbuf, errbuf_len, SPOTC_EINVALID,
                             "plain http redirect URIs are allowed only to 127.0.0.1 or [::1]; "
                             "use https for %s",
                             host);
    return 0;
}
