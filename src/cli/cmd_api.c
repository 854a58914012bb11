/*
 * spotc api METHOD PATH [key=value ...] [--data JSON|@FILE|-]: any Web API
 * request, Spotify's JSON out. The operation table says where each key=value
 * goes (query or JSON body, typed); keys it does not know go to the query of a
 * GET or DELETE and into the JSON body (as strings) of a POST or PUT.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

enum { OPT_DATA };

static const cli_option options[] = {
    {"data", "BODY", "the request body: JSON text, @FILE to read it from a file, - for stdin"},
    {NULL, NULL, NULL},
};

/* A request being put together. */
typedef struct api_request {
    char method[8];
    char *path; /* below the API base, or an absolute URL */
    const spotc_operation *op;
    spotc_param *query; /* borrowed from argv */
    size_t nquery;
    json_t *body_params; /* typed values of body parameters, or NULL */
    char *body;          /* the body text sent, or NULL */
} api_request;

static void request_free(api_request *r)
{
    free(r->path);
    free(r->query);
    json_decref(r->body_params);
    free(r->body);
}

static int parse_method(const cli_ctx *ctx, const char *text, api_request *r)
{
    static const char *const methods[] = {"GET", "POST", "PUT", "DELETE"};
    size_t len = strlen(text);
    for (size_t i = 0; i < len && i + 1 < sizeof(r->method); i++)
        r->method[i] = (char)toupper((unsigned char)text[i]);
    for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
        if (len < sizeof(r->method) && strcmp(r->method, methods[i]) == 0)
            return 0;
    return cli_usage_error(ctx, "METHOD must be GET, POST, PUT or DELETE, not '%s'", text);
}

/* "/v1/tracks/x", "tracks/x" and "/tracks/x" all mean "/tracks/x"; URLs stay as given. */
static int parse_path(const char *text, api_request *r)
{
    if (strncmp(text, "https://", 8) == 0 || strncmp(text, "http://", 7) == 0) {
        r->path = strdup(text);
        return r->path ? 0 : -1;
    }
    if (text[0] == '/')
        text++;
    if (strncmp(text, "v1", 2) == 0 && (text[2] == '/' || text[2] == '?' || text[2] == '\0'))
        text += 2 + (text[2] == '/');
    r->path = malloc(strlen(text) + 2);
    if (r->path)
        sprintf(r->path, "/%s", text);
    return r->path ? 0 : -1;
}

/* The JSON value of a body parameter, typed as the operation table says. */
static json_t *body_value(const spotc_param_def *def, const char *value)
{
    spotc_param_type type = def ? def->type : SPOTC_T_STRING;
    char *end = NULL;
    switch (type) {
    case SPOTC_T_INT: {
        errno = 0;
        long long n = strtoll(value, &end, 10);
        return errno || end == value || *end ? NULL : json_integer(n);
    }
    case SPOTC_T_BOOL:
        return strcmp(value, "true") == 0    ? json_true()
               : strcmp(value, "false") == 0 ? json_false()
                                             : NULL;
    case SPOTC_T_OBJECT:
        return json_loads(value, JSON_DECODE_ANY, NULL);
    case SPOTC_T_LIST: {
        json_t *list = json_array();
        for (const char *p = value; list && *p;) {
            size_t len = strcspn(p, ",");
            json_array_append_new(list, json_stringn(p, len));
            p += len + (p[len] == ',');
        }
        return list;
    }
    default:
        return json_string(value);
    }
}

static int add_body_param(const cli_ctx *ctx, api_request *r, const spotc_param_def *def,
                          const char *key, const char *value)
{
    if (!r->body_params && !(r->body_params = json_object()))
        return -1;
    json_t *v = body_value(def, value);
    if (!v)
        return cli_usage_error(ctx, "'%s' wants %s, not '%s'", key,
                               def && def->type == SPOTC_T_INT    ? "a whole number"
                               : def && def->type == SPOTC_T_BOOL ? "true or false"
                                                                  : "JSON",
                               value);
    return json_object_set_new(r->body_params, key, v) == 0 ? 0 : -1;
}

static int add_param(const cli_ctx *ctx, api_request *r, char *arg)
{
    char *eq = strchr(arg, '=');
    if (!eq || eq == arg)
        return cli_usage_error(ctx, "expected key=value, not '%s'", arg);
    *eq = '\0'; /* argv is ours to split */
    const char *key = arg, *value = eq + 1;
    const spotc_param_def *def = r->op ? spotc_operation_find_param(r->op, key) : NULL;
    int read_only = strcmp(r->method, "GET") == 0 || strcmp(r->method, "DELETE") == 0;
    spotc_param_in in = def ? def->in : read_only ? SPOTC_IN_QUERY : SPOTC_IN_BODY;
    if (in == SPOTC_IN_PATH)
        return cli_usage_error(ctx, "'%s' is part of the path of %s: write it into PATH", key,
                               r->op->path);
    if (in == SPOTC_IN_BODY)
        return add_body_param(ctx, r, def, key, value);
    r->query[r->nquery++] = (spotc_param){key, value};
    return 0;
}

static char *read_stream(FILE *f)
{
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    while (buf && !feof(f) && !ferror(f)) {
        if (cap - len < 2) {
            char *grown = realloc(buf, cap * 2);
            if (!grown)
                break;
            buf = grown;
            cap *= 2;
        }
        len += fread(buf + len, 1, cap - len - 1, f);
    }
    if (!buf || !feof(f)) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

/* --data: text, @FILE or - (stdin); checked to be JSON before anything is sent. */
static int read_data(const cli_ctx *ctx, const char *data, api_request *r)
{
    if (r->body_params)
        return cli_usage_error(ctx, "--data and body parameters (key=value) exclude each other");
    if (strcmp(data, "-") == 0 || data[0] == '@') {
        FILE *f = data[0] == '@' ? fopen(data + 1, "rb") : stdin;
        r->body = f ? read_stream(f) : NULL;
        int saved = errno;
        if (f && f != stdin)
            fclose(f);
        if (!r->body) {
            cli_errorf("cannot read %s: %s", data[0] == '@' ? data + 1 : "stdin", strerror(saved));
            return CLI_EXIT_ERROR;
        }
    } else if (!(r->body = strdup(data))) {
        return -1;
    }
    json_error_t err;
    json_t *check = json_loads(r->body, JSON_DECODE_ANY, &err);
    if (!check)
        return cli_usage_error(ctx, "--data is not JSON: %s (line %d)", err.text, err.line);
    json_decref(check);
    return 0;
}

static int build_request(const cli_ctx *ctx, const cli_args *args, api_request *r)
{
    int rc = parse_method(ctx, args->pos[0], r);
    if (rc)
        return rc;
    if (parse_path(args->pos[1], r) != 0 ||
        !(r->query = calloc((size_t)args->npos, sizeof(*r->query))))
        return -1;
    r->op = spotc_operation_match(r->method, r->path);
    for (int i = 2; i < args->npos; i++)
        if ((rc = add_param(ctx, r, args->pos[i])) != 0)
            return rc;
    if (args->opt[OPT_DATA])
        return read_data(ctx, args->opt[OPT_DATA], r);
    if (r->body_params && !(r->body = json_dumps(r->body_params, JSON_COMPACT)))
        return -1;
    return 0;
}

static int print_response(const cli_ctx *ctx, spotc_response *resp)
{
    size_t len = 0;
    const char *body = spotc_response_get_body(resp, &len);
    if (len == 0)
        return 0;
    const json_t *json = spotc_response_get_json(resp);
    if (json)
        return cli_print_json(ctx, json);
    fwrite(body, 1, len, stdout);
    if (body[len - 1] != '\n')
        putchar('\n');
    return 0;
}

static int run(cli_ctx *ctx, const cli_args *args)
{
    api_request r = {0};
    spotc_client *client;
    spotc_response *resp = NULL;
    int rc = build_request(ctx, args, &r);
    if (rc < 0) {
        cli_errorf("out of memory");
        rc = CLI_EXIT_ERROR;
    }
    if (rc == 0 && (rc = cli_client(ctx, &client)) == 0) {
        rc = spotc_request_send(&resp, client, r.method, r.path, r.query, r.nquery, r.body);
        rc = rc ? cli_fail_op(ctx, rc, r.op) : print_response(ctx, resp);
    }
    spotc_response_free(resp);
    request_free(&r);
    return rc;
}

const cli_command cli_cmd_api = {
    .name = "api",
    .summary = "send any Web API request and print Spotify's JSON",
    .usage = "api METHOD PATH [KEY=VALUE...] [--data BODY]",
    .description = "Sends one request to the Web API and prints the JSON answer as it came.\n"
                   "METHOD is GET, POST, PUT or DELETE. PATH is below the API base (/tracks/ID,\n"
                   "with or without /v1) or a whole URL under it, e.g. a `next` link.\n"
                   "KEY=VALUE parameters go where Spotify's operation takes them: into the query,\n"
                   "or into the JSON body typed as numbers, booleans or lists (a,b,c). Keys the\n"
                   "operation does not declare go to the query of a GET or DELETE and into the\n"
                   "JSON body of a POST or PUT. --data sends a body as given instead.\n"
                   "A 403 from an operation Spotify no longer serves to development-mode apps\n"
                   "comes with a note saying so.",
    .options = options,
    .min_args = 2,
    .max_args = -1,
    .run = run,
};
