/*
 * spotc_request_send() and spotc_operation_call(): URLs and bodies for the Web API.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "app_mode.h"
#include "buf.h"
#include "call.h"
#include "client_priv.h"
#include "send.h"
#include "url.h"

static int method_ok(const char *m)
{
    return m && (strcmp(m, "GET") == 0 || strcmp(m, "POST") == 0 || strcmp(m, "PUT") == 0 ||
                 strcmp(m, "DELETE") == 0);
}

/* Send to a full URL below the API base with the client's token. */
static int send_api(spotc_response **out, spotc_client *c, const char *method, const char *url,
                    const char *body)
{
    spotc__send_req req = {
        .method = method,
        .url = url,
        .body = body,
        .body_len = body ? strlen(body) : 0,
        .content_type = body ? "application/json" : NULL,
        .bearer = 1,
    };
    return spotc__send(c, &req, out);
}

/* The URL for a path below the API base, or an absolute URL that must be
 * below it: the token is never sent to another host. */
static int base_url(spotc_client *c, spotc__buf *url, const char *path)
{
    if (!path || !*path)
        return spotc__error_set(c, SPOTC_EINVALID, "no path given");
    if (!spotc__url_chars_ok(path))
        return spotc__error_set(c, SPOTC_EINVALID,
                                "the path has spaces or control characters: percent-encode them");
    if (strncmp(path, "http://", 7) == 0 || strncmp(path, "https://", 8) == 0) {
        if (!spotc__url_below(path, c->api_base))
            return spotc__error_set(c, SPOTC_EINVALID,
                                    "refusing to send the token to a URL outside the API base %s",
                                    c->api_base);
        return spotc__buf_puts(url, path);
    }
    if (path[0] != '/')
        return spotc__error_set(c, SPOTC_EINVALID, "the path must start with '/': %.200s", path);
    spotc__buf_puts(url, c->api_base);
    return spotc__buf_puts(url, path);
}

static int check_body(spotc_client *c, const char *method, const char *body)
{
    if (!body)
        return 0;
    if (strcmp(method, "GET") == 0)
        return spotc__error_set(c, SPOTC_EINVALID, "a GET request has no body");
    json_error_t err;
    json_t *j = json_loads(body, JSON_DECODE_ANY, &err);
    if (!j)
        return spotc__error_set(c, SPOTC_EINVALID,
                                "the body is not valid JSON (line %d, column %d: %s)", err.line,
                                err.column, err.text);
    json_decref(j);
    return 0;
}

int spotc_request_send(spotc_response **out, spotc_client *client, const char *method,
                       const char *path, const spotc_param *query, size_t nquery, const char *body)
{
    if (out)
        *out = NULL;
    if (!client)
        return SPOTC_EINVALID;
    spotc__error_clear(client);
    if (!method_ok(method))
        return spotc__error_set(client, SPOTC_EINVALID,
                                "unknown method (use GET, POST, PUT or DELETE)");
    if (nquery && !query)
        return spotc__error_set(client, SPOTC_EINVALID, "query parameters missing");
    for (size_t i = 0; i < nquery; i++)
        if (!query[i].key || !*query[i].key)
            return spotc__error_set(client, SPOTC_EINVALID, "a query parameter has no name");
    spotc__buf url = SPOTC__BUF_INIT;
    int rc = base_url(client, &url, path);
    if (rc == 0)
        rc = check_body(client, method, body);
    if (rc == 0 && spotc__url_query(&url, query, nquery) != 0)
        rc = spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
    if (rc == 0)
        rc = send_api(out, client, method, spotc__buf_str(&url), body);
    spotc__buf_free(&url);
    return rc;
}

/* ------------------------------------------------------------ spotc_operation_call */

/* What spotc_operation_call() collects from the parameters before sending. */
typedef struct call_parts {
    const spotc_operation *op;
    spotc_param *path;  /* path template values */
    spotc_param *query; /* query pairs */
    size_t npath, nquery;
    json_t *body; /* body members, or NULL */
} call_parts;

static int bad(spotc_client *c, const call_parts *p, const char *what, const char *name)
{
    return spotc__error_set(c, SPOTC_EINVALID, "%s: %s '%.100s'", p->op->id, what, name);
}

static int check_scalar(spotc_client *c, const call_parts *p, const spotc_param_def *d,
                        const char *v)
{
    if (d->type == SPOTC_T_INT) {
        /* 64 bits: recently played's after/before are times in ms since the epoch */
        char *end;
        errno = 0;
        (void)strtoll(v, &end, 10);
        if (!*v || *end || errno == ERANGE)
            return bad(c, p, "not an integer, parameter", d->name);
    } else if (d->type == SPOTC_T_BOOL) {
        if (strcmp(v, "true") != 0 && strcmp(v, "false") != 0)
            return bad(c, p, "not true or false, parameter", d->name);
    }
    return 0;
}

/* A body member of the parameter's type: lists become arrays of strings. */
static json_t *body_value(const spotc_param_def *d, const char *v)
{
    switch (d->type) {
    case SPOTC_T_INT:
        return json_integer(strtoll(v, NULL, 10));
    case SPOTC_T_BOOL:
        return json_boolean(strcmp(v, "true") == 0);
    case SPOTC_T_OBJECT:
        return json_loads(v, JSON_DECODE_ANY, NULL);
    case SPOTC_T_LIST: {
        json_t *a = json_array();
        for (const char *s = v; a && *s;) {
            size_t n = strcspn(s, ",");
            if (n && json_array_append_new(a, json_stringn(s, n)) != 0) {
                json_decref(a);
                return NULL;
            }
            s += n + (s[n] == ',');
        }
        return a;
    }
    default:
        return json_string(v);
    }
}

static int add_body(spotc_client *c, call_parts *p, const spotc_param_def *d, const char *v)
{
    if (d->type == SPOTC_T_OBJECT) {
        json_t *probe = json_loads(v, JSON_DECODE_ANY, NULL);
        if (!probe)
            return bad(c, p, "not valid JSON, parameter", d->name);
        json_decref(probe);
    }
    if (!p->body && !(p->body = json_object()))
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    json_t *val = body_value(d, v);
    if (!val || json_object_set_new(p->body, d->name, val) != 0)
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    return 0;
}

static int given_twice(const spotc_param *params, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (strcmp(params[j].key, params[i].key) == 0)
            return 1;
    return 0;
}

static int sort_param(spotc_client *c, call_parts *p, const spotc_param *params, size_t i)
{
    const spotc_param *kv = &params[i];
    if (!kv->key || !kv->value)
        return spotc__error_set(c, SPOTC_EINVALID, "%s: a parameter without name or value",
                                p->op->id);
    const spotc_param_def *d = spotc_operation_find_param(p->op, kv->key);
    if (!d)
        return bad(c, p, "unknown parameter", kv->key);
    if (given_twice(params, i))
        return bad(c, p, "parameter given twice", kv->key);
    int rc = check_scalar(c, p, d, kv->value);
    if (rc != 0)
        return rc;
    if (d->in == SPOTC_IN_PATH)
        p->path[p->npath++] = *kv;
    else if (d->in == SPOTC_IN_QUERY)
        p->query[p->nquery++] = *kv;
    else
        return add_body(c, p, d, kv->value);
    return 0;
}

static int has_param(const spotc_param *params, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (params[i].key && strcmp(params[i].key, name) == 0)
            return 1;
    return 0;
}

/* Every required parameter is there (body ones may come in the raw body). */
static int check_required(spotc_client *c, const call_parts *p, const spotc_param *params, size_t n,
                          const char *raw_body)
{
    for (size_t i = 0; i < p->op->nparams; i++) {
        const spotc_param_def *d = &p->op->params[i];
        if (!d->required || has_param(params, n, d->name))
            continue;
        if (d->in == SPOTC_IN_BODY && raw_body)
            continue;
        return bad(c, p, "missing required parameter", d->name);
    }
    return 0;
}

/* The client's market for operations that take one, unless given. */
static void add_market(spotc_client *c, call_parts *p, const spotc_param *params, size_t n)
{
    const spotc_param_def *d = spotc_operation_find_param(p->op, "market");
    if (c->market && d && d->in == SPOTC_IN_QUERY && !has_param(params, n, "market")) {
        p->query[p->nquery].key = "market";
        p->query[p->nquery++].value = c->market;
    }
}

static int collect(spotc_client *c, call_parts *p, const spotc_param *params, size_t n,
                   const char *raw_body)
{
    p->path = calloc(n + 1, sizeof *p->path);
    p->query = calloc(n + 1, sizeof *p->query);
    if (!p->path || !p->query)
        return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        int rc = sort_param(c, p, params, i);
        if (rc != 0)
            return rc;
    }
    add_market(c, p, params, n);
    return check_required(c, p, params, n, raw_body);
}

static int call_url(spotc_client *c, const call_parts *p, spotc__buf *url)
{
    char missing[64];
    spotc__buf_puts(url, c->api_base);
    int rc = spotc__url_expand(url, p->op->path, p->path, p->npath, missing, sizeof missing);
    if (rc == SPOTC_EINVALID)
        return bad(c, p, "missing path parameter", missing);
    if (rc == 0)
        rc = spotc__url_query(url, p->query, p->nquery);
    return rc == 0 ? 0 : spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
}

int spotc__call_build(spotc_client *client, const spotc_operation *op, const spotc_param *params,
                      size_t nparams, const char *body, spotc__buf *url, char **json)
{
    *json = NULL;
    if (nparams && !params)
        return spotc__error_set(client, SPOTC_EINVALID, "parameters missing");
    call_parts p = {.op = op};
    int rc = collect(client, &p, params, nparams, body);
    if (rc == 0)
        rc = check_body(client, p.op->method, body);
    if (rc == 0)
        rc = call_url(client, &p, url);
    if (rc == 0 && !body && p.body && !(*json = json_dumps(p.body, JSON_COMPACT)))
        rc = spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
    json_decref(p.body);
    free(p.path);
    free(p.query);
    return rc;
}

int spotc__call_send(spotc_response **out, spotc_client *client, const spotc_operation *op,
                     const spotc_param *params, size_t nparams, const char *body)
{
    spotc__buf url = SPOTC__BUF_INIT;
    char *json = NULL;
    int rc = spotc__call_build(client, op, params, nparams, body, &url, &json);
    if (rc == 0)
        rc = send_api(out, client, op->method, spotc__buf_str(&url), body ? body : json);
    free(json);
    spotc__buf_free(&url);
    return rc;
}

int spotc_operation_call(spotc_response **out, spotc_client *client, const char *operation_id,
                         const spotc_param *params, size_t nparams, const char *body)
{
    if (out)
        *out = NULL;
    if (!client)
        return SPOTC_EINVALID;
    spotc__error_clear(client);
    const spotc_operation *op = operation_id ? spotc_operation_find(operation_id) : NULL;
    if (!op)
        return spotc__error_set(client, SPOTC_EINVALID, "unknown operation '%.100s'",
                                operation_id ? operation_id : "(null)");
    /* The app's mode may send the operation's development-mode form instead (app_mode.h). */
    return spotc__app_mode_call(out, client, op, params, nparams, body);
}
