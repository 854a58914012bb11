/*
 * The batch engine (batch_engine.h): any number of items through a batch operation.
 *
 * Items are parsed before anything is sent; chunks go out in rounds (several
 * chunks of a read at once through the multi-interface sender, one chunk of a
 * write at a time so the caller's order is the server's); answers land in their
 * input slots; the first failure is kept and named at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_mode.h"
#include "batch_engine.h"
#include "buf.h"
#include "call.h"
#include "client_priv.h"
#include "send.h"

#define URI_MAX (SPOTC_ID_MAX + 32)
#define PARAMS_MAX 16

typedef enum result_kind { KIND_READ, KIND_CONTAINS, KIND_WRITE } result_kind;

/* The first failed chunk, named when the call ends. */
typedef struct failure {
    int rc; /* 0: none */
    spotc__chunk chunk;
    size_t number, of; /* its number (1-based) and the chunks of its plan */
    spotc__error_store err;
} failure;

typedef struct run {
    spotc_client *client;
    const spotc__batch_spec *spec;
    spotc__batch_result *out;
    const spotc_operation *asked; /* the operation the caller named */
    const spotc_operation *op;    /* the one sent now (asked, its replacement or single read) */
    int single;                   /* op takes one item a request (`id`) */
    int uris;                     /* items travel as URIs */
    int objects;                  /* the list is [{"uri": ...}] */
    size_t max;
    result_kind kind;
    const char **ids;       /* bare IDs, into parsed */
    const char **wire_uris; /* URIs, into uri_store; NULL for an item without a type */
    spotc_id *parsed;
    char (*uri_store)[URI_MAX];
    failure fail;
} run;

static int oom(spotc_client *c)
{
    return spotc__error_set(c, SPOTC_ENOMEM, "out of memory");
}

/* ------------------------------------------------------------ planning */

static const char *list_key(const run *r)
{
    return r->single ? "id" : r->op->batch_param;
}

/* What to send for the asked operation, in its own or its development form. */
static void plan(run *r, int switched)
{
    const spotc_operation *one = switched ? spotc__app_mode_single(r->asked) : NULL;
    r->op = r->asked;
    if (one)
        r->op = one;
    else if (switched && r->asked->replacement)
        r->op = spotc_operation_find(r->asked->replacement);
    r->single = one != NULL;
    r->max = r->single ? 1 : (size_t)r->op->batch_max;
    const spotc_param_def *d = spotc_operation_find_param(r->op, list_key(r));
    r->objects = !r->single && d && d->type == SPOTC_T_OBJECT;
    r->uris = !r->single && strcmp(list_key(r), "ids") != 0;
}

static result_kind kind_of(const spotc_operation *op)
{
    if (strcmp(op->method, "GET") != 0)
        return KIND_WRITE;
    return op->items_key ? KIND_READ : KIND_CONTAINS;
}

/* The operation, or its replacement, takes URIs. */
static int may_need_uris(const spotc_operation *op)
{
    const spotc_operation *rep = op->replacement ? spotc_operation_find(op->replacement) : NULL;
    return strcmp(op->batch_param, "ids") != 0 ||
           (rep && rep->batch_param && strcmp(rep->batch_param, "ids") != 0);
}

/* ------------------------------------------------------------ checking */

static int check_spec(spotc_client *c, const spotc__batch_spec *spec, const spotc_operation *op)
{
    if (!op || !op->batch_param || op->batch_max <= 0)
        return spotc__error_set(c, SPOTC_EINVALID, "'%.100s' is not a batch operation",
                                spec->operation_id ? spec->operation_id : "(null)");
    if ((spec->count && !spec->items) || (spec->nparams && !spec->params) ||
        spec->nparams + 3 > PARAMS_MAX)
        return spotc__error_set(c, SPOTC_EINVALID, "%s: items or parameters missing", op->id);
    if (spec->concurrency < 0 || spec->concurrency > SPOTC__BATCH_CONCURRENCY_MAX)
        return spotc__error_set(c, SPOTC_EINVALID, "%s: concurrency %d is not between 0 and %d",
                                op->id, spec->concurrency, SPOTC__BATCH_CONCURRENCY_MAX);
    for (size_t i = 0; i < spec->nparams; i++) {
        const char *k = spec->params[i].key;
        if (k && (strcmp(k, op->batch_param) == 0 || strcmp(k, "position") == 0))
            return spotc__error_set(c, SPOTC_EINVALID,
                                    "%s: '%s' comes from the items and the position, not the "
                                    "parameters",
                                    op->id, k);
    }
    if (spec->has_position && (spec->position < 0 || !spotc_operation_find_param(op, "position")))
        return spotc__error_set(c, SPOTC_EINVALID, "%s takes no position %ld", op->id,
                                spec->position);
    return 0;
}

/* Parse every item before anything is sent. */
static int parse_items(run *r)
{
    const spotc__batch_spec *spec = r->spec;
    spotc_item_type own = spotc__app_mode_item_type(r->asked, spec->params, spec->nparams);
    spotc_item_type want = spec->type != SPOTC_TYPE_ANY ? spec->type : own;
    int need_uris = may_need_uris(r->asked);
    for (size_t i = 0; i < spec->count; i++) {
        spotc_id *id = &r->parsed[i];
        char err[256];
        if (!spec->items[i] || spotc_id_parse(id, spec->items[i], want, err, sizeof err) < 0)
            return spotc__error_set(r->client, SPOTC_EINVALID, "%s: item %zu: %s", r->asked->id,
                                    i + 1, spec->items[i] ? err : "missing");
        if (id->type == SPOTC_TYPE_ANY)
            id->type = own;
        r->ids[i] = id->id;
        if (id->type != SPOTC_TYPE_ANY && spotc_id_format_uri(r->uri_store[i], URI_MAX, id) == 0)
            r->wire_uris[i] = r->uri_store[i];
        else if (need_uris)
            return spotc__error_set(r->client, SPOTC_EINVALID,
                                    "%s: item %zu ('%.100s') is a bare ID: give a spotify: URI "
                                    "or a link, which say the type",
                                    r->asked->id, i + 1, spec->items[i]);
    }
    return 0;
}

/* ------------------------------------------------------------ one round */

/* The caller's parameters the sent operation takes (see app_mode.h). */
static size_t chunk_params(const run *r, spotc_param *p, const char *list,
                           const spotc__chunk *chunk, char *pos, size_t pos_len)
{
    size_t n = 0;
    for (size_t i = 0; i < r->spec->nparams; i++) {
        const spotc_param *kv = &r->spec->params[i];
        if (!kv->key || spotc_operation_find_param(r->op, kv->key) ||
            !spotc_operation_find_param(r->asked, kv->key))
            p[n++] = *kv;
    }
    p[n].key = list_key(r);
    p[n++].value = list;
    if (chunk->position >= 0 && spotc_operation_find_param(r->op, "position")) {
        snprintf(pos, pos_len, "%ld", chunk->position);
        p[n].key = "position";
        p[n++].value = pos;
    }
    return n;
}

/* The requests of one round. */
typedef struct round {
    spotc__chunk chunk[SPOTC__BATCH_CONCURRENCY_MAX];
    size_t number[SPOTC__BATCH_CONCURRENCY_MAX]; /* 1-based chunk numbers */
    spotc__send_req req[SPOTC__BATCH_CONCURRENCY_MAX];
    spotc__buf url[SPOTC__BATCH_CONCURRENCY_MAX];
    char *body[SPOTC__BATCH_CONCURRENCY_MAX];
    spotc_response *resp[SPOTC__BATCH_CONCURRENCY_MAX];
    int rc[SPOTC__BATCH_CONCURRENCY_MAX];
    size_t n;
} round;

static void round_free(round *rd)
{
    for (size_t i = 0; i < rd->n; i++) {
        spotc__buf_free(&rd->url[i]);
        free(rd->body[i]);
        spotc_response_free(rd->resp[i]);
    }
    memset(rd, 0, sizeof *rd);
}

static int build_request(run *r, round *rd, size_t i)
{
    const spotc__chunk *chunk = &rd->chunk[i];
    const char *const *wire = r->uris ? r->wire_uris : r->ids;
    char *list = spotc__batch_join(wire, chunk, r->objects);
    if (!list)
        return oom(r->client);
    spotc_param p[PARAMS_MAX];
    char pos[24];
    size_t n = chunk_params(r, p, list, chunk, pos, sizeof pos);
    rd->url[i] = (spotc__buf)SPOTC__BUF_INIT;
    int rc = spotc__call_build(r->client, r->op, p, n, NULL, &rd->url[i], &rd->body[i]);
    free(list);
    rd->req[i] = (spotc__send_req){
        .method = r->op->method,
        .url = spotc__buf_str(&rd->url[i]),
        .body = rd->body[i],
        .body_len = rd->body[i] ? strlen(rd->body[i]) : 0,
        .content_type = rd->body[i] ? "application/json" : NULL,
        .bearer = 1,
    };
    return rc;
}

/* ------------------------------------------------------------ answers */

/* Put one successful answer in place. @return 0 or an error (on the client). */
static int take_answer(run *r, const spotc__chunk *chunk, spotc_response *resp)
{
    json_t *doc = NULL;
    if (r->kind == KIND_WRITE) {
        doc = spotc_response_get_json(resp); /* may be empty (204) */
        if (doc) {
            json_decref(r->out->last);
            r->out->last = json_incref(doc);
        }
        return 0;
    }
    int rc = spotc__response_json_required(r->client, resp, &doc);
    if (rc < 0)
        return rc;
    if (r->single)
        return json_array_set(r->out->items, chunk->first, doc) == 0 ? 0 : oom(r->client);
    json_t *got = r->kind == KIND_READ ? json_object_get(doc, r->asked->items_key) : doc;
    rc = spotc__batch_merge(r->out->items, chunk->first, chunk->count, got);
    if (rc == SPOTC_ENOMEM)
        return oom(r->client);
    if (rc < 0)
        return spotc__error_set(r->client, SPOTC_EJSON,
                                "Spotify's answer does not hold the %zu %s asked for", chunk->count,
                                r->kind == KIND_READ ? r->asked->items_key : "booleans");
    return 0;
}

/* Keep the first failure (its error moved off the client) to name it at the end. */
static void record_failure(run *r, const spotc__chunk *chunk, size_t number, int rc)
{
    r->out->failed += chunk->count;
    if (r->fail.rc)
        return;
    r->fail.rc = rc;
    r->fail.chunk = *chunk;
    r->fail.number = number;
    spotc__error_store_move(&r->fail.err, &r->client->err);
}

/* Settle the answers of a round in order.
 * @return 0 to go on, 1 to stop (a failure), 2 when auto mode must switch at
 *         *switch_at (the first refused chunk). */
static int settle(run *r, round *rd, int may_switch, size_t *switch_at)
{
    int stop = 0;
    for (size_t i = 0; i < rd->n; i++) {
        const spotc__chunk *chunk = &rd->chunk[i];
        int rc = rd->rc[i];
        if (rc == 0)
            rc = take_answer(r, chunk, rd->resp[i]);
        if (rc == SPOTC_ENOTFOUND && r->single)
            rc = 0; /* an unknown ID: null, as a several-item read answers */
        if (rc == 0) {
            r->out->done += chunk->count;
            continue;
        }
        /* The client's error is the first failed request's (spotc__send_batch). */
        if (may_switch && !r->fail.rc && spotc__app_mode_refused(r->client, r->asked, rc)) {
            *switch_at = chunk->first;
            return 2;
        }
        record_failure(r, chunk, rd->number[i], rc);
        stop |= !r->spec->keep_going;
    }
    return stop;
}

/* ------------------------------------------------------------ the loop */

/* Writes one at a time; reads as asked, or at the client's adaptive pace. */
static size_t round_size(const run *r)
{
    if (r->kind == KIND_WRITE)
        return 1;
    if (r->spec->concurrency)
        return (size_t)r->spec->concurrency;
    return spotc__pace_round(r->client, SPOTC__BATCH_CONCURRENCY_MAX, SPOTC__PACE_START);
}

/* Send the items [from, count) as planned.
 * @return 0 (done, failures recorded), 2 with *switch_at, or a negative code
 *         for a request that could not be built (nothing of it sent). */
static int send_from(run *r, size_t from, int may_switch, size_t *switch_at)
{
    const spotc__batch_spec *spec = r->spec;
    size_t nchunks = spotc__batch_chunks(spec->count - from, r->max);
    /* In auto mode an operation that may be refused is probed with one chunk,
     * so a refusal costs one request, not a round of them. */
    size_t per_round = may_switch && spotc__app_mode_has_form(r->asked) ? 1 : round_size(r);
    if (!r->fail.rc)
        r->fail.of = nchunks; /* a failure is named with the chunks of its plan */
    for (size_t k = 0; k < nchunks;) {
        round rd;
        memset(&rd, 0, sizeof rd);
        int rc = 0;
        for (; rd.n < per_round && k < nchunks && rc == 0; rd.n++, k++) {
            spotc__batch_chunk(&rd.chunk[rd.n], from, spec->count, r->max, k,
                               spec->has_position ? spec->position : -1);
            rd.number[rd.n] = k + 1;
            rc = build_request(r, &rd, rd.n);
        }
        if (rc == 0) {
            unsigned long mark = spotc__pace_mark(r->client);
            spotc__send_batch(r->client, rd.req, rd.n, rd.resp, rd.rc);
            if (r->kind != KIND_WRITE && !spec->concurrency)
                spotc__pace_settle(r->client, mark, rd.n);
            r->out->requests += rd.n;
            rc = settle(r, &rd, may_switch, switch_at);
        }
        round_free(&rd);
        per_round = round_size(r);
        if (spec->progress && rc >= 0)
            spec->progress(r->out->done, spec->count, spec->progress_payload);
        if (rc != 0)
            return rc == 1 ? 0 : rc;
    }
    return 0;
}

/* Name the failed chunk in the client's error (batch_engine.h). */
static int name_failure(run *r)
{
    failure *f = &r->fail;
    spotc__error_store_move(&r->client->err, &f->err);
    const spotc_error *e = spotc_client_last_error(r->client);
    char method[16] = "", path[512] = "";
    snprintf(method, sizeof method, "%s", e->method ? e->method : "");
    snprintf(path, sizeof path, "%s", e->path ? e->path : "");
    const char *const *wire = r->uris ? r->wire_uris : r->ids;
    char *list = spotc__batch_join(wire, &f->chunk, 0);
    int code = r->out->done ? SPOTC_EPARTIAL : f->rc;
    const char *msg = e->message && *e->message ? e->message : spotc_strerror(f->rc);
    char after[96];
    if (r->spec->keep_going)
        snprintf(after, sizeof after, "%zu items in failed chunks", r->out->failed);
    else
        snprintf(after, sizeof after, "nothing sent after it");
    spotc__error_set_http(
        r->client, code, e->http_status, e->reason, e->oauth_error, e->retry_after,
        "%s: chunk %zu of %zu (items %zu-%zu: %s) failed: %s; %zu of %zu items "
        "done, %s",
        r->asked->id, f->number, f->of, f->chunk.first + 1, f->chunk.first + f->chunk.count,
        list ? list : "?", msg, r->out->done, r->spec->count, after);
    free(list);
    if (method[0])
        spotc__error_set_request(r->client, method, path[0] ? path : NULL);
    return code;
}

/* Send everything, switching once to the development form on a refusal. */
static int send_all(run *r)
{
    int switched = spotc__app_mode_switched(r->client, r->asked);
    plan(r, switched);
    r->out->switched = switched;
    size_t at = 0;
    int may_switch = !switched && r->client->app_mode.mode == SPOTC_APP_MODE_AUTO;
    int rc = send_from(r, 0, may_switch, &at);
    if (rc != 2)
        return rc;
    int refused = r->client->err.pub.http_status;
    spotc__trace(r->client, "* %s refused (HTTP %d) in auto mode: using its development form",
                 r->asked->id, refused);
    plan(r, 1);
    r->out->switched = 1;
    rc = send_from(r, at, 0, &at);
    if (rc == 0 && (r->out->done > at || r->fail.err.pub.http_status != refused))
        spotc__app_mode_learn(r->client, r->asked);
    return rc;
}

static int run_alloc(run *r, size_t count)
{
    size_t n = count ? count : 1;
    r->parsed = calloc(n, sizeof *r->parsed);
    r->ids = calloc(n, sizeof *r->ids);
    r->wire_uris = calloc(n, sizeof *r->wire_uris);
    r->uri_store = calloc(n, sizeof *r->uri_store);
    return r->parsed && r->ids && r->wire_uris && r->uri_store ? 0 : oom(r->client);
}

static void run_free(run *r)
{
    free(r->parsed);
    free(r->ids);
    free(r->wire_uris);
    free(r->uri_store);
    spotc__error_store_free(&r->fail.err);
}

/* A result array of count nulls (reads) or falses (contains). */
static int result_array(run *r)
{
    if (r->kind == KIND_WRITE)
        return 0;
    json_t *fill = r->kind == KIND_READ ? json_null() : json_false();
    r->out->items = json_array();
    for (size_t i = 0; r->out->items && i < r->spec->count; i++)
        if (json_array_append(r->out->items, fill) != 0)
            return oom(r->client);
    return r->out->items ? 0 : oom(r->client);
}

int spotc__batch_call(spotc__batch_result *out, spotc_client *client, const spotc__batch_spec *spec)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!out || !client || !spec)
        return SPOTC_EINVALID;
    spotc__error_clear(client);
    run r = {.client = client, .spec = spec, .out = out};
    spotc__error_store_init(&r.fail.err);
    r.asked = spec->operation_id ? spotc_operation_find(spec->operation_id) : NULL;
    int rc = check_spec(client, spec, r.asked);
    if (rc == 0) {
        r.kind = kind_of(r.asked);
        rc = run_alloc(&r, spec->count);
    }
    if (rc == 0)
        rc = parse_items(&r);
    if (rc == 0)
        rc = result_array(&r);
    if (rc == 0 && spec->count)
        rc = send_all(&r);
    if (rc == 0 && r.fail.rc)
        rc = name_failure(&r);
    else if (rc == 0)
        spotc__error_clear(client);
    run_free(&r);
    return rc;
}

void spotc__batch_result_clear(spotc__batch_result *r)
{
    if (!r)
        return;
    json_decref(r->items);
    json_decref(r->last);
    memset(r, 0, sizeof *r);
}
