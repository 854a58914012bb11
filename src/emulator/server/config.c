/* Command-line parsing for spotc-emulator (see config.h and docs/spotc-emulator.1). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "redirect_rules.h"

#ifndef SPOTC_EMU_VERSION
#define SPOTC_EMU_VERSION "1.0.0"
#endif

static const char usage[] =
    "usage: spotc-emulator [--port N] [--host ADDR] [--seed N] [--catalog small|large]\n"
    "                      [--app ID:SECRET[:REDIRECT_URI,...]]... [--latency-ms N]\n"
    "                      [--rate-limit N] [--fail-rate P] [--mode extended|development]\n"
    "                      [--public-url URL] [--quota N] [--tls-cert FILE --tls-key FILE]\n"
    "                      [--threads N] [--max-connections N]\n"
    "                      [--max-connections-per-ip N] [--header-timeout S]\n"
    "                      [--body-timeout S] [--idle-timeout S]\n"
    "                      [--fixtures PATH] [--state FILE]\n"
    "A local Spotify Accounts service and Web API; see spotc-emulator(1).\n";

static int add_app(emu_config *cfg, const char *id, size_t idlen, const char *secret,
                   size_t secretlen, const char *redirects)
{
    emu_app *apps = realloc(cfg->apps, (cfg->napps + 1) * sizeof *apps);
    if (!apps)
        return -1;
    cfg->apps = apps;
    char *i = strndup(id, idlen), *s = strndup(secret, secretlen);
    emu_app app = {.id = i, .secret = s};
    if (!i || !s || emu_app_set_redirects(&app, redirects, NULL, 0) < 0) {
        free(i);
        free(s);
        return -1;
    }
    apps[cfg->napps++] = app;
    return 0;
}

int emu_config_add_app(emu_config *cfg, const char *spec)
{
    const char *colon = strchr(spec, ':');
    if (!colon || colon == spec || !colon[1])
        return -1;
    const char *secret = colon + 1, *uris = strchr(secret, ':');
    if (uris && (uris == secret || !uris[1]))
        return -1;
    return add_app(cfg, spec, (size_t)(colon - spec), secret,
                   uris ? (size_t)(uris - secret) : strlen(secret),
                   uris ? uris + 1 : EMU_DEFAULT_REDIRECT_URI);
}

int emu_config_defaults(emu_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->seed = 1;
    cfg->max_connections = 1024;
    cfg->max_per_ip = 128;
    cfg->header_timeout_s = 10;
    cfg->body_timeout_s = 30;
    cfg->idle_timeout_s = 30;
    cfg->host = strdup("127.0.0.1");
    if (!cfg->host)
        return -1;
    return add_app(cfg, "spotc-demo", 10, "spotc-demo-secret", 17, EMU_DEFAULT_REDIRECT_URI);
}

void emu_config_free(emu_config *cfg)
{
    for (size_t i = 0; i < cfg->napps; i++) {
        free(cfg->apps[i].id);
        free(cfg->apps[i].secret);
        emu_app_redirects_free(&cfg->apps[i]);
    }
    free(cfg->apps);
    free(cfg->host);
    free(cfg->public_url);
    free(cfg->tls_cert);
    free(cfg->tls_key);
    free(cfg->fixtures);
    free(cfg->state_file);
    memset(cfg, 0, sizeof *cfg);
}

static int parse_ull(const char *s, unsigned long long max, unsigned long long *out)
{
    char *end;
    if (!s || !*s || *s == '-')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > max)
        return -1;
    *out = v;
    return 0;
}

static int set_str(char **dst, const char *v)
{
    free(*dst);
    *dst = strdup(v);
    return *dst ? 0 : -1;
}

enum {
    OPT_PORT = 256,
    OPT_HOST,
    OPT_SEED,
    OPT_CATALOG,
    OPT_APP,
    OPT_LATENCY,
    OPT_RATE,
    OPT_FAIL,
    OPT_MODE,
    OPT_PUBLIC,
    OPT_QUOTA,
    OPT_CERT,
    OPT_KEY,
    OPT_THREADS,
    OPT_MAX_CONN,
    OPT_MAX_PER_IP,
    OPT_HEADER_TIMEOUT,
    OPT_BODY_TIMEOUT,
    OPT_IDLE_TIMEOUT,
    OPT_FIXTURES,
    OPT_STATE,
    OPT_HELP,
    OPT_VERSION
};

static const struct option options[] = {
    {"port", required_argument, NULL, OPT_PORT},
    {"host", required_argument, NULL, OPT_HOST},
    {"seed", required_argument, NULL, OPT_SEED},
    {"catalog", required_argument, NULL, OPT_CATALOG},
    {"app", required_argument, NULL, OPT_APP},
    {"latency-ms", required_argument, NULL, OPT_LATENCY},
    {"rate-limit", required_argument, NULL, OPT_RATE},
    {"fail-rate", required_argument, NULL, OPT_FAIL},
    {"mode", required_argument, NULL, OPT_MODE},
    {"public-url", required_argument, NULL, OPT_PUBLIC},
    {"quota", required_argument, NULL, OPT_QUOTA},
    {"tls-cert", required_argument, NULL, OPT_CERT},
    {"tls-key", required_argument, NULL, OPT_KEY},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"max-connections", required_argument, NULL, OPT_MAX_CONN},
    {"max-connections-per-ip", required_argument, NULL, OPT_MAX_PER_IP},
    {"header-timeout", required_argument, NULL, OPT_HEADER_TIMEOUT},
    {"body-timeout", required_argument, NULL, OPT_BODY_TIMEOUT},
    {"idle-timeout", required_argument, NULL, OPT_IDLE_TIMEOUT},
    {"fixtures", required_argument, NULL, OPT_FIXTURES},
    {"state", required_argument, NULL, OPT_STATE},
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

/* One option; returns 0, or -1 with a message already printed. */
static int apply(emu_config *cfg, int opt, const char *v, FILE *err)
{
    unsigned long long n;
    switch (opt) {
    case OPT_PORT:
        if (parse_ull(v, 65535, &n) < 0)
            break;
        cfg->port = (int)n;
        return 0;
    case OPT_HOST:
        return set_str(&cfg->host, v);
    case OPT_SEED:
        if (parse_ull(v, UINT64_MAX, &n) < 0)
            break;
        cfg->seed = n;
        return 0;
    case OPT_CATALOG:
        if (strcmp(v, "small") && strcmp(v, "large"))
            break;
        cfg->catalogue = strcmp(v, "large") == 0 ? EMU_CATALOGUE_LARGE : EMU_CATALOGUE_SMALL;
        return 0;
    case OPT_APP:
        if (emu_config_add_app(cfg, v) < 0) {
            fprintf(err, "spotc-emulator: --app wants ID:SECRET[:REDIRECT_URI,...] (redirect "
                         "URIs: https, or http://127.0.0.1 or http://[::1]; not localhost)\n");
            return -1;
        }
        return 0;
    case OPT_LATENCY:
    case OPT_RATE:
    case OPT_QUOTA:
    case OPT_THREADS:
        if (parse_ull(v, opt == OPT_THREADS ? 64 : 100000000, &n) < 0)
            break;
        *(opt == OPT_LATENCY ? &cfg->latency_ms
          : opt == OPT_RATE  ? &cfg->rate_limit
          : opt == OPT_QUOTA ? &cfg->quota
                             : &cfg->threads) = (unsigned)n;
        return 0;
    case OPT_MAX_CONN:
    case OPT_MAX_PER_IP:
        if (parse_ull(v, 1000000, &n) < 0 || n == 0)
            break;
        *(opt == OPT_MAX_CONN ? &cfg->max_connections : &cfg->max_per_ip) = (unsigned)n;
        return 0;
    case OPT_HEADER_TIMEOUT:
    case OPT_BODY_TIMEOUT:
    case OPT_IDLE_TIMEOUT:
        if (parse_ull(v, 86400, &n) < 0)
            break;
        *(opt == OPT_HEADER_TIMEOUT ? &cfg->header_timeout_s
          : opt == OPT_BODY_TIMEOUT ? &cfg->body_timeout_s
                                    : &cfg->idle_timeout_s) = (unsigned)n;
        return 0;
    case OPT_FAIL: {
        char *end;
        double p = strtod(v, &end);
        if (*end || !(p >= 0.0 && p <= 1.0))
            break;
        cfg->fail_rate = p;
        return 0;
    }
    case OPT_MODE:
        if (strcmp(v, "extended") && strcmp(v, "development"))
            break;
        cfg->mode = strcmp(v, "development") == 0 ? EMU_MODE_DEVELOPMENT : EMU_MODE_EXTENDED;
        return 0;
    case OPT_PUBLIC: {
        size_t l = strlen(v);
        while (l && v[l - 1] == '/')
            l--; /* the base is joined with "/v1/..." */
        if (strncmp(v, "http://", 7) && strncmp(v, "https://", 8))
            break;
        free(cfg->public_url);
        cfg->public_url = strndup(v, l);
        return cfg->public_url ? 0 : -1;
    }
    case OPT_CERT:
        return set_str(&cfg->tls_cert, v);
    case OPT_KEY:
        return set_str(&cfg->tls_key, v);
    case OPT_FIXTURES:
        return set_str(&cfg->fixtures, v);
    case OPT_STATE:
        return set_str(&cfg->state_file, v);
    }
    fprintf(err, "spotc-emulator: bad value for --%s: '%s'\n", options[opt - OPT_PORT].name, v);
    return -1;
}

int emu_config_parse(emu_config *cfg, int argc, char **argv, FILE *out, FILE *err)
{
    if (emu_config_defaults(cfg) < 0)
        return -1;
    optind = 1;
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        if (opt == OPT_HELP) {
            fputs(usage, out);
            return 1;
        }
        if (opt == OPT_VERSION) {
            fprintf(out, "spotc-emulator %s\n", SPOTC_EMU_VERSION);
            return 1;
        }
        if (opt == '?' || opt == ':') {
            fprintf(err, "spotc-emulator: unknown or incomplete option '%s'\n%s", argv[optind - 1],
                    usage);
            return -1;
        }
        if (apply(cfg, opt, optarg, err) < 0)
            return -1;
    }
    if (optind < argc) {
        fprintf(err, "spotc-emulator: unexpected argument '%s'\n%s", argv[optind], usage);
        return -1;
    }
    if (!cfg->tls_cert != !cfg->tls_key) {
        fprintf(err, "spotc-emulator: --tls-cert and --tls-key go together\n");
        return -1;
    }
    return 0;
}
