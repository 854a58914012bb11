/*
 * The configuration file and the credentials of a run (see config.h): what the file gives,
 * what the environment overrides, a secret from stdin, and the user's token store, which
 * cli_client() attaches when a user is logged in so that every command acts as that user.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_MAX 65536

struct cli_auth {
    int loaded;
    cli_config cfg;
    char *stdin_secret;
    spotc_token_store *store;
    spotc_token_store *app_store; /* the app tokens of the client's id and accounts base */
    int user; /* the client was given the stored login */
};

static char *wipe_free(char *s)
{
    if (s) {
        explicit_bzero(s, strlen(s));
        free(s);
    }
    return NULL;
}

void cli_config_clear(cli_config *c)
{
    free(c->path);
    free(c->client_id);
    wipe_free(c->client_secret);
    free(c->redirect_uri);
    free(c->scopes);
    memset(c, 0, sizeof(*c));
}

static char **config_slot(cli_config *c, const char *key, size_t len)
{
    static const char *const keys[] = {"client_id", "client_secret", "redirect_uri", "scopes"};
    char **slots[] = {&c->client_id, &c->client_secret, &c->redirect_uri, &c->scopes};
    for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++)
        if (strlen(keys[i]) == len && strncmp(keys[i], key, len) == 0)
            return slots[i];
    return NULL;
}

/* [s, s+n) without the blanks around it. */
static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

#define KEY_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"

/* One line; 0, or -1 with the problem in err. */
static int parse_line(cli_config *out, const char *line, size_t n, char *err, size_t errlen)
{
    trim(&line, &n);
    if (n == 0 || line[0] == '#')
        return 0;
    const char *eq = memchr(line, '=', n);
    if (!eq) {
        snprintf(err, errlen, "expected 'key = value'");
        return -1;
    }
    const char *key = line, *value = eq + 1;
    size_t klen = (size_t)(eq - line), vlen = n - klen - 1;
    trim(&key, &klen);
    trim(&value, &vlen);
    char **slot = config_slot(out, key, klen);
    if (!slot && strspn(key, KEY_CHARS) < klen) {
        /* "client_secret: abc=..." would put part of a secret in the message. */
        snprintf(err, errlen, "malformed key (keys are letters, digits and '_'; the line is"
                              " not shown since it may hold a secret)");
        return -1;
    }
    if (!slot) {
        snprintf(err, errlen,
                 "unknown key '%.*s' (known: client_id, client_secret, redirect_uri,"
                 " scopes)",
                 (int)(klen > 40 ? 40 : klen), key);
        return -1;
    }
    if (vlen == 0) {
        snprintf(err, errlen, "'%.*s' has no value", (int)klen, key);
        return -1;
    }
    char *copy = strndup(value, vlen);
    if (!copy) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    wipe_free(*slot); /* the last one wins */
    *slot = copy;
    return 0;
}

int cli_config_parse(cli_config *out, const char *text, char *err, size_t errlen)
{
    int lineno = 1;
    for (const char *p = text; *p; lineno++) {
        size_t n = strcspn(p, "\n");
        char why[160] = "";
        if (memchr(p, '\0', n) || parse_line(out, p, n, why, sizeof(why)) < 0) {
            snprintf(err, errlen, "line %d: %s", lineno, why);
            return -1;
        }
        p += n + (p[n] == '\n');
    }
    return 0;
}

static char *config_path(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char buf[4096];
    if (xdg && xdg[0] == '/')
        snprintf(buf, sizeof(buf), "%s/spotc/config", xdg);
    else if (home && *home)
        snprintf(buf, sizeof(buf), "%s/.config/spotc/config", home);
    else
        return NULL;
    return strdup(buf);
}

/* Read the whole file into a new string; NULL with errno set on failure. */
static char *read_text(int fd, const struct stat *st)
{
    if (st->st_size > CONFIG_MAX) {
        errno = EFBIG;
        return NULL;
    }
    char *text = malloc((size_t)st->st_size + 1);
    size_t len = 0;
    ssize_t r = 1;
    while (text && len < (size_t)st->st_size &&
           (r = read(fd, text + len, (size_t)st->st_size - len)) > 0)
        len += (size_t)r;
    if (text && r < 0) {
        free(text);
        return NULL;
    }
    if (text)
        text[len] = 0;
    return text;
}

/* A secret in a file others may read is a secret no more: refuse the file. */
static int check_private(const cli_config *c, const struct stat *st)
{
    if (!c->client_secret)
        return 0;
    if (st->st_uid != geteuid()) {
        cli_errorf("%s holds client_secret but belongs to another user: refusing it", c->path);
        return CLI_EXIT_ERROR;
    }
    if (st->st_mode & (S_IRWXG | S_IRWXO)) {
        cli_errorf("%s holds client_secret but its group or others may read it (mode %04o):"
                   " refusing it; run: chmod 600 '%s'",
                   c->path, (unsigned)(st->st_mode & 07777), c->path);
        return CLI_EXIT_ERROR;
    }
    return 0;
}

static int read_file(cli_config *out)
{
    /* O_NONBLOCK: a FIFO in the file's place would block open() for ever. */
    int fd = open(out->path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0 && (errno == ENOENT || errno == ENOTDIR))
        return 0;
    struct stat st;
    char *text = NULL;
    int regular = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (regular)
        text = read_text(fd, &st);
    int e = errno;
    if (fd >= 0)
        close(fd);
    if (fd >= 0 && !regular) {
        cli_errorf("cannot read the configuration %s: it is not a regular file", out->path);
        return CLI_EXIT_ERROR;
    }
    if (!text) {
        cli_errorf("cannot read the configuration %s: %s", out->path, strerror(e));
        return CLI_EXIT_ERROR;
    }
    char err[256];
    int rc = cli_config_parse(out, text, err, sizeof(err));
    wipe_free(text);
    if (rc < 0) {
        cli_errorf("%s: %s", out->path, err);
        return CLI_EXIT_USAGE;
    }
    return check_private(out, &st);
}

int cli_config_read(cli_config *out)
{
    memset(out, 0, sizeof(*out));
    out->path = config_path();
    if (!out->path)
        return 0; /* no HOME: nothing to read */
    int rc = read_file(out);
    if (rc)
        cli_config_clear(out);
    return rc;
}

static struct cli_auth *auth_of(cli_ctx *ctx)
{
    if (!ctx->auth)
        ctx->auth = calloc(1, sizeof(*ctx->auth));
    if (!ctx->auth)
        cli_errorf("out of memory");
    return ctx->auth;
}

int cli_config_get(cli_ctx *ctx, const cli_config **out)
{
    struct cli_auth *a = auth_of(ctx);
    if (!a)
        return CLI_EXIT_ERROR;
    if (!a->loaded) {
        int rc = cli_config_read(&a->cfg);
        if (rc)
            return rc;
        a->loaded = 1;
    }
    *out = &a->cfg;
    return 0;
}

int cli_token_store(cli_ctx *ctx, spotc_token_store **out)
{
    struct cli_auth *a = auth_of(ctx);
    if (!a)
        return CLI_EXIT_ERROR;
    if (!a->store) {
        int rc = spotc_token_store_file_new(&a->store, NULL);
        if (rc) {
            cli_errorf("cannot find where to keep the login (set HOME or XDG_STATE_HOME): %s",
                       spotc_strerror(rc));
            return cli_exit_code(rc);
        }
    }
    *out = a->store;
    return 0;
}

/* FNV-1a over "ID\nBASE": a file name per app and accounts service, not a secret. */
static uint64_t name_hash(const char *id, const char *base)
{
    uint64_t h = 14695981039346656037ULL;
    const char *parts[] = {id, "\n", base};
    for (size_t i = 0; i < 3; i++)
        for (const char *p = parts[i]; *p; p++) {
            h ^= (unsigned char)*p;
            h *= 1099511628211ULL;
        }
    return h;
}

int cli_cache_app_token(cli_ctx *ctx, const spotc_client_options *o)
{
    struct cli_auth *a = ctx->auth;
    /* With Redis the app token is shared there already (spotc/redis.h). */
    if (!a || a->user || o->access_token || !o->client_id || !o->client_secret || o->redis_url)
        return 0;
    const char *accounts = o->accounts_base ? o->accounts_base : SPOTC_DEFAULT_ACCOUNTS_BASE;
    char name[40];
    snprintf(name, sizeof(name), "app-%016llx.json",
             (unsigned long long)name_hash(o->client_id, accounts));
    spotc_token_store_file_options so = SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT;
    so.name = name;
    /* Without a place for it (no HOME), the app token is simply not cached. */
    if (!a->app_store && spotc_token_store_file_new(&a->app_store, &so) != 0)
        return 0;
    if (spotc_client_set_app_token_store(ctx->client, a->app_store) != 0) {
        cli_errorf("cannot cache the app token: %s", spotc_client_last_error(ctx->client)->message);
        return CLI_EXIT_ERROR;
    }
    return 0;
}

int cli_auth_set_secret(cli_ctx *ctx, const char *secret)
{
    struct cli_auth *a = auth_of(ctx);
    if (!a)
        return CLI_EXIT_ERROR;
    wipe_free(a->stdin_secret);
    a->stdin_secret = strdup(secret);
    if (!a->stdin_secret) {
        cli_errorf("out of memory");
        return CLI_EXIT_ERROR;
    }
    return 0;
}

/* Is a user logged in? Attach the store then. A store that cannot be read is an error:
 * falling back to the app's credentials would hide it. */
static int attach_user(cli_ctx *ctx, spotc_client_options *o)
{
    spotc_token_store *st;
    int rc = cli_token_store(ctx, &st);
    if (rc)
        return rc;
    spotc_token t;
    char eb[512] = "";
    rc = st->load(&t, st->payload, eb, sizeof(eb));
    if (rc == SPOTC_ENOTFOUND)
        return 0;
    if (rc) {
        cli_errorf("%s", *eb ? eb : spotc_strerror(rc));
        return cli_exit_code(rc);
    }
    spotc_token_clear(&t);
    o->token_store = st;
    ctx->auth->user = 1;
    return 0;
}

int cli_user_client(cli_ctx *ctx, spotc_client **out)
{
    int rc = cli_client(ctx, out);
    if (rc)
        return rc;
    const char *given = getenv("SPOTIFY_ACCESS_TOKEN");
    if (ctx->auth->user || (given && *given))
        return 0;
    cli_errorf("not logged in: this needs a user; run: spotc auth login");
    return CLI_EXIT_AUTH;
}

int cli_auth_prepare(cli_ctx *ctx, spotc_client_options *o)
{
    const cli_config *cfg;
    int rc = cli_config_get(ctx, &cfg);
    if (rc)
        return rc;
    if (!o->client_id)
        o->client_id = cfg->client_id;
    if (ctx->auth->stdin_secret)
        o->client_secret = ctx->auth->stdin_secret;
    else if (!o->client_secret)
        o->client_secret = cfg->client_secret;
    /* A given token wins; a login only needs the app. */
    if (o->access_token || ctx->login)
        return 0;
    return attach_user(ctx, o);
}

void cli_auth_free(cli_ctx *ctx)
{
    struct cli_auth *a = ctx->auth;
    if (!a)
        return;
    cli_config_clear(&a->cfg);
    wipe_free(a->stdin_secret);
    spotc_token_store_file_free(a->store);
    spotc_token_store_file_free(a->app_store);
    free(a);
    ctx->auth = NULL;
}
