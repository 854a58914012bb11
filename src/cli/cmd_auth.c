/*
 * spotc auth login|status|token|logout: a user's login in the browser (PKCE by default, so
 * no secret is needed), what is stored, a token for scripts, and forgetting it.
 *
 * stdout carries only what scripts read: the authorize URL with --no-browser (one line),
 * the token of `auth token`, the report of `auth status`. Prompts and news go to stderr.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "output.h"

extern char **environ;

#define SECRET_MAX 512

/* What spotc asks for when --scopes and the config say nothing: enough for every command. */
static const char default_scopes[] =
    "user-read-private user-read-email playlist-read-private playlist-read-collaborative "
    "playlist-modify-public playlist-modify-private user-library-read user-library-modify "
    "user-follow-read user-top-read user-read-recently-played user-read-playback-state "
    "user-read-currently-playing user-modify-playback-state";

enum { O_SCOPES, O_NO_BROWSER, O_PORT, O_TIMEOUT, O_SHOW_DIALOG, O_SECRET_STDIN };

static const cli_option options[] = {
    [O_SCOPES] = {"scopes", "LIST", "login: scopes to ask for (comma or space separated)"},
    [O_NO_BROWSER] = {"no-browser", NULL, "login: print the URL on stdout, open no browser"},
    [O_PORT] = {"port", "N", "login: port of the local listener (default: a free one)"},
    [O_TIMEOUT] = {"timeout", "SECONDS", "login: how long to wait for the browser (300)"},
    [O_SHOW_DIALOG] = {"show-dialog", NULL, "login: make Spotify ask for consent again"},
    [O_SECRET_STDIN] = {"client-secret-stdin", NULL,
                        "login: read the client secret from stdin's first line and use"
                        " the code flow with the secret instead of PKCE"},
    {NULL, NULL, NULL},
};

/* ------------------------------------------------------------------ login */

typedef struct login_ui {
    int no_browser;
    pid_t opener; /* xdg-open, reaped at the end */
} login_ui;

/* xdg-open URL, its output silenced; 0 when it could be started. */
static int open_browser(login_ui *ui, const char *url)
{
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return -1;
    for (int fd = 0; fd <= 2; fd++)
        posix_spawn_file_actions_addopen(&fa, fd, "/dev/null", fd ? O_WRONLY : O_RDONLY, 0);
    char *argv[] = {"xdg-open", (char *)url, NULL};
    int rc = posix_spawnp(&ui->opener, "xdg-open", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        ui->opener = 0;
    return rc == 0 ? 0 : -1;
}

static void show_url(const char *url, void *payload)
{
    login_ui *ui = payload;
    if (!ui->no_browser && open_browser(ui, url) == 0) {
        fprintf(stderr, "Opening the browser to log in. If it does not open, visit:\n%s\n", url);
    } else {
        fputs("Open this URL in a browser, log in and agree:\n", stderr);
        printf("%s\n", url);
        fflush(stdout);
    }
    fputs("Waiting for the browser... (or paste here the address it ends up at)\n", stderr);
}

/* The first line of stdin, read byte by byte so that what follows (a pasted redirect) stays
 * unread for the listener. */
static int read_secret_line(cli_ctx *ctx)
{
    char buf[SECRET_MAX + 1];
    size_t n = 0;
    char ch;
    while (n < SECRET_MAX && read(0, &ch, 1) == 1 && ch != '\n')
        buf[n++] = ch;
    while (n && buf[n - 1] == '\r')
        n--;
    buf[n] = 0;
    int rc = n == 0 || n == SECRET_MAX ? -1 : cli_auth_set_secret(ctx, buf);
    explicit_bzero(buf, sizeof(buf));
    if (rc < 0)
        cli_errorf("--client-secret-stdin: no client secret on the first line of stdin");
    return rc < 0 ? CLI_EXIT_USAGE : rc;
}

/* Spaces or commas between scopes; spotc's own list when none is given. */
static const char *pick_scopes(const cli_args *args, const cli_config *cfg)
{
    if (args->opt[O_SCOPES])
        return args->opt[O_SCOPES];
    return cfg->scopes ? cfg->scopes : default_scopes;
}

/* The login's options from the command line and the configuration. */
static int plan_login(cli_ctx *ctx, const cli_args *args, const cli_config *cfg,
                      spotc_login_options *lo)
{
    int port = 0, timeout = 300;
    if (args->opt[O_PORT] && cli_parse_int(ctx, "--port", args->opt[O_PORT], 1, 65535, &port))
        return CLI_EXIT_USAGE;
    if (args->opt[O_TIMEOUT] &&
        cli_parse_int(ctx, "--timeout", args->opt[O_TIMEOUT], 1, 86400, &timeout))
        return CLI_EXIT_USAGE;
    if (port && cfg->redirect_uri)
        return cli_usage_error(ctx, "--port cannot be used with redirect_uri (%s in %s)",
                               cfg->redirect_uri, cfg->path);
    if (cfg->redirect_uri) {
        char why[256] = "";
        if (spotc_redirect_check_uri(cfg->redirect_uri, why, sizeof(why)) != 0) {
            cli_errorf("redirect_uri %s in %s is refused: %s", cfg->redirect_uri, cfg->path, why);
            return CLI_EXIT_USAGE;
        }
    }
    lo->scope = pick_scopes(args, cfg);
    lo->show_dialog = args->opt[O_SHOW_DIALOG] != NULL;
    lo->use_secret = args->opt[O_SECRET_STDIN] != NULL;
    lo->redirect_uri = cfg->redirect_uri;
    lo->port = port;
    lo->timeout_ms = timeout * 1000;
    lo->paste = 1;
    lo->paste_fd = 0;
    return 0;
}

/* The user's ID from GET /me, with the new tokens (stored already); NULL when it fails. */
static char *whoami(cli_ctx *ctx)
{
    spotc_client *client;
    spotc_response *resp = NULL;
    spotc_client_free(ctx->client); /* the login's client knows no user */
    ctx->client = NULL;
    ctx->login = 0;
    if (cli_client(ctx, &client) != 0 ||
        spotc_operation_call(&resp, client, "get-current-users-profile", NULL, 0, NULL) != 0) {
        spotc_response_free(resp);
        return NULL;
    }
    const char *id = json_string_value(json_object_get(spotc_response_get_json(resp), "id"));
    char *copy = id ? strdup(id) : NULL;
    spotc_response_free(resp);
    return copy;
}

/* The token file's path (the store exists by then). */
static const char *store_path(cli_ctx *ctx)
{
    spotc_token_store *st;
    return cli_token_store(ctx, &st) == 0 ? spotc_token_store_file_get_path(st) : "?";
}

static int save_token(cli_ctx *ctx, const spotc_token *tok)
{
    spotc_token_store *st;
    char eb[512] = "";
    int rc = cli_token_store(ctx, &st);
    if (rc)
        return rc;
    if ((rc = st->save(tok, st->payload, eb, sizeof(eb))) != 0) {
        cli_errorf("cannot store the login: %s", *eb ? eb : spotc_strerror(rc));
        return cli_exit_code(rc);
    }
    return 0;
}

/* Store the tokens, then name the user (GET /me) and store that too. */
static int keep_login(cli_ctx *ctx, spotc_token *tok)
{
    int rc = save_token(ctx, tok);
    if (rc)
        return rc;
    tok->user = whoami(ctx);
    if (tok->user && (rc = save_token(ctx, tok)) != 0)
        return rc;
    fprintf(stderr, "Logged in as %s. The tokens are in %s.\n",
            tok->user ? tok->user : "(a user whose profile could not be read)", store_path(ctx));
    return 0;
}

static int no_client_id(const cli_config *cfg)
{
    cli_errorf("no client id: set SPOTIFY_CLIENT_ID, or client_id in %s",
               cfg->path ? cfg->path : "the configuration file");
    return CLI_EXIT_USAGE;
}

static int auth_login(cli_ctx *ctx, const cli_args *args)
{
    const cli_config *cfg;
    spotc_login_options lo = SPOTC_LOGIN_OPTIONS_INIT;
    login_ui ui = {.no_browser = args->opt[O_NO_BROWSER] != NULL};
    int rc = cli_config_get(ctx, &cfg);
    if (rc || (rc = plan_login(ctx, args, cfg, &lo)) != 0)
        return rc;
    const char *env_id = getenv("SPOTIFY_CLIENT_ID");
    if (!(env_id && *env_id) && !cfg->client_id)
        return no_client_id(cfg);
    if (lo.use_secret && (rc = read_secret_line(ctx)) != 0)
        return rc;
    lo.on_url = show_url;
    lo.payload = &ui;
    ctx->login = 1;
    spotc_client *client;
    if ((rc = cli_client(ctx, &client)) != 0)
        return rc;
    spotc_token tok;
    char eb[512] = "";
    rc = spotc_auth_login(&tok, client, &lo, eb, sizeof(eb));
    if (ui.opener > 0)
        waitpid(ui.opener, NULL, WNOHANG);
    if (rc) {
        cli_errorf("login failed: %s", *eb ? eb : spotc_strerror(rc));
        return rc == SPOTC_ETIMEOUT ? CLI_EXIT_AUTH : cli_exit_code(rc); /* still logged out */
    }
    rc = keep_login(ctx, &tok);
    spotc_token_clear(&tok);
    return rc;
}

/* ------------------------------------------------------- status, token, logout */

/* The stored login; CLI_EXIT_AUTH (reported) when there is none. */
static int load_login(cli_ctx *ctx, spotc_token *out)
{
    spotc_token_store *st;
    char eb[512] = "";
    int rc = cli_token_store(ctx, &st);
    if (rc)
        return rc;
    rc = st->load(out, st->payload, eb, sizeof(eb));
    if (rc == SPOTC_ENOTFOUND) {
        cli_errorf("not logged in: spotc auth login");
        return CLI_EXIT_AUTH;
    }
    if (rc) {
        cli_errorf("%s", *eb ? eb : spotc_strerror(rc));
        return cli_exit_code(rc);
    }
    return 0;
}

static void format_time(char *buf, size_t len, int64_t t)
{
    struct tm tm;
    time_t tt = (time_t)t;
    if (!gmtime_r(&tt, &tm) || !strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(buf, len, "%lld", (long long)t);
}

static int status_json(const cli_ctx *ctx, const spotc_token *t, const char *file)
{
    json_t *o = json_pack("{s:s?, s:s?, s:s?, s:I, s:b, s:b, s:s?}", "user", t->user, "client_id",
                          t->client_id, "scope", t->scope ? t->scope : "", "expires_at",
                          (json_int_t)t->expires_at, "expired",
                          t->expires_at && t->expires_at <= (int64_t)time(NULL), "refreshable",
                          t->refresh_token != NULL, "file", file);
    if (!o) {
        cli_errorf("out of memory");
        return CLI_EXIT_ERROR;
    }
    int rc = cli_print_json(ctx, o);
    json_decref(o);
    return rc;
}

static void status_text(const spotc_token *t, const char *file)
{
    char when[64] = "unknown";
    long long left = t->expires_at ? (long long)(t->expires_at - (int64_t)time(NULL)) : 0;
    if (t->expires_at)
        format_time(when, sizeof(when), t->expires_at);
    printf("user:     %s\n", t->user ? t->user : "(unknown)");
    printf("client:   %s\n", t->client_id ? t->client_id : "(unknown)");
    printf("scopes:   %s\n", t->scope && *t->scope ? t->scope : "(none)");
    if (!t->expires_at)
        printf("expires:  unknown\n");
    else if (left > 0)
        printf("expires:  %s (in %lld min)\n", when, (left + 59) / 60);
    else
        printf("expires:  %s (expired; %s)\n", when,
               t->refresh_token ? "renewed on next use" : "log in again");
    printf("refresh:  %s\n", t->refresh_token ? "stored" : "none");
    printf("file:     %s\n", file);
}

static int auth_status(cli_ctx *ctx, const cli_args *args)
{
    (void)args;
    spotc_token t;
    int rc = load_login(ctx, &t);
    if (rc)
        return rc;
    const char *file = store_path(ctx);
    if (ctx->json)
        rc = status_json(ctx, &t, file);
    else
        status_text(&t, file);
    spotc_token_clear(&t);
    return rc;
}

static int auth_token(cli_ctx *ctx, const cli_args *args)
{
    (void)args;
    spotc_token t;
    int rc = load_login(ctx, &t);
    spotc_client *client;
    if (rc)
        return rc;
    spotc_token_clear(&t);
    if ((rc = cli_client(ctx, &client)) != 0)
        return rc;
    char *tok = NULL;
    if ((rc = spotc_auth_get_access_token(&tok, client)) != 0)
        return cli_fail(ctx, rc);
    printf("%s\n", tok);
    explicit_bzero(tok, strlen(tok));
    spotc_free(tok);
    return 0;
}

static int auth_logout(cli_ctx *ctx, const cli_args *args)
{
    (void)args;
    spotc_token_store *st;
    char eb[512] = "";
    int rc = cli_token_store(ctx, &st);
    if (rc)
        return rc;
    if ((rc = st->clear(st->payload, eb, sizeof(eb))) != 0) {
        cli_errorf("cannot forget the login: %s", *eb ? eb : spotc_strerror(rc));
        return cli_exit_code(rc);
    }
    fputs("Logged out.\n", stderr);
    return 0;
}

/* ------------------------------------------------------------------ dispatch */

static const struct {
    const char *name;
    int (*run)(cli_ctx *ctx, const cli_args *args);
} subcommands[] = {
    {"login", auth_login},
    {"status", auth_status},
    {"token", auth_token},
    {"logout", auth_logout},
};

static int run(cli_ctx *ctx, const cli_args *args)
{
    const char *sub = args->pos[0];
    for (size_t i = 0; i < sizeof(subcommands) / sizeof(*subcommands); i++) {
        if (strcmp(sub, subcommands[i].name) != 0)
            continue;
        for (int o = 0; i != 0 && options[o].name; o++)
            if (args->opt[o])
                return cli_usage_error(ctx, "--%s is an option of 'auth login' only",
                                       options[o].name);
        return subcommands[i].run(ctx, args);
    }
    return cli_usage_error(ctx, "unknown auth command '%s' (login, status, token, logout)", sub);
}

const cli_command cli_cmd_auth = {
    .name = "auth",
    .summary = "log in as a user, show or print the login, log out",
    .usage = "auth login|status|token|logout",
    .description =
        "login: log in as a Spotify user in the browser (authorization code with PKCE, so\n"
        "  no client secret is needed) and store the tokens. The browser is opened with\n"
        "  xdg-open; with --no-browser the authorize URL is printed on stdout instead.\n"
        "  spotc waits for the browser on http://127.0.0.1:PORT/callback, or for the\n"
        "  address the browser ends up at pasted on stdin (for SSH sessions). Exits 0\n"
        "  only once the tokens are stored.\n"
        "status: the user, scopes and expiry of the stored login (never the token).\n"
        "token: print a valid access token on stdout (renewed when needed), for scripts.\n"
        "logout: forget the stored tokens.\n"
        "Other commands act as the logged-in user; without a login they use the app's\n"
        "client credentials. The client id comes from SPOTIFY_CLIENT_ID or client_id in\n"
        "~/.config/spotc/config (see spotc(1)); the tokens live in ~/.local/state/spotc/.",
    .options = options,
    .min_args = 1,
    .max_args = 1,
    .run = run,
};
