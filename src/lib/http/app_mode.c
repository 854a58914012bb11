/*
 * The development-mode form of operations and the switch to it (app_mode.h).
 *
 * The switch lives at the operation-call level, so that every typed function
 * (all built on spotc_operation_call() or the batch engine) inherits it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_mode.h"
#include "buf.h"
#include "call.h"
#include "client_priv.h"

#define LEARNT_BITS (sizeof(((spotc__app_mode *)0)->learnt) * 8)

void spotc__app_mode_init(spotc__app_mode *m, spotc_app_mode mode)
{
    memset(m, 0, sizeof *m);
    m->mode = mode;
}

/* Every operation lives in the one table, so its index is its offset. */
static size_t op_index(const spotc_operation *op)
{
    return (size_t)(op - spotc_operation_get_at(0));
}

static int learnt(const spotc__app_mode *m, const spotc_operation *op)
{
    size_t i = op_index(op);
    return i < LEARNT_BITS && ((m->learnt[i / 64] >> (i % 64)) & 1u);
}

void spotc__app_mode_learn(spotc_client *client, const spotc_operation *op)
{
    size_t i = op_index(op);
    if (client->app_mode.mode == SPOTC_APP_MODE_AUTO && i < LEARNT_BITS)
        client->app_mode.learnt[i / 64] |= (uint64_t)1 << (i % 64);
}

const spotc_operation *spotc__app_mode_single(const spotc_operation *op)
{
    if (!op->deprecated || op->replacement || !op->batch_param || !op->items_key ||
        strcmp(op->method, "GET") != 0)
        return NULL;
    char path[128];
    snprintf(path, sizeof path, "%s/x", op->path);
    const spotc_operation *one = spotc_operation_match("GET", path);
    return one && one != op && !one->deprecated ? one : NULL;
}

int spotc__app_mode_has_form(const spotc_operation *op)
{
    if (op->deprecated)
        return op->replacement ? spotc_operation_find(op->replacement) != NULL
                               : spotc__app_mode_single(op) != NULL;
    return op->dev_limit_max > 0;
}

int spotc__app_mode_switched(const spotc_client *client, const spotc_operation *op)
{
    const spotc__app_mode *m = &client->app_mode;
    if (m->mode == SPOTC_APP_MODE_EXTENDED || !spotc__app_mode_has_form(op))
        return 0;
    return m->mode == SPOTC_APP_MODE_DEVELOPMENT || learnt(m, op);
}

int spotc__app_mode_refused(const spotc_client *client, const spotc_operation *op, int rc)
{
    const spotc__app_mode *m = &client->app_mode;
    if (rc >= 0 || m->mode != SPOTC_APP_MODE_AUTO || !spotc__app_mode_has_form(op) || learnt(m, op))
        return 0;
    int status = client->err.pub.http_status;
    if (op->deprecated)
        return rc == SPOTC_EFORBIDDEN && status == 403;
    return status == 400; /* a page limit above the development one */
}

/* ------------------------------------------------------------ item types */

static const char *param_value(const spotc_param *params, size_t n, const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (params[i].key && strcmp(params[i].key, key) == 0)
            return params[i].value;
    return NULL;
}

spotc_item_type spotc__app_mode_item_type(const spotc_operation *op, const spotc_param *params,
                                          size_t nparams)
{
    /* Only ID lists are of one type; URI lists (playlists, /me/library) are mixed. */
    if (!op->batch_param || strcmp(op->batch_param, "ids") != 0)
        return SPOTC_TYPE_ANY;
    if (strcmp(op->path, "/audio-features") == 0)
        return SPOTC_TYPE_TRACK;
    /* "/me/tracks/contains" -> "tracks" -> track */
    char seg[32] = "";
    for (const char *s = op->path; *s;) {
        s += *s == '/';
        size_t n = strcspn(s, "/");
        if (n && n < sizeof seg && strncmp(s, "contains", n) != 0) {
            memcpy(seg, s, n);
            seg[n] = '\0';
        }
        s += n;
    }
    size_t len = strlen(seg);
    if (len > 1 && seg[len - 1] == 's')
        seg[len - 1] = '\0';
    spotc_item_type t = spotc_id_type_from_name(seg);
    if (t == SPOTC_TYPE_ANY && params) {
        const char *type = param_value(params, nparams, "type"); /* follow: artist or user */
        t = type ? spotc_id_type_from_name(type) : SPOTC_TYPE_ANY;
    }
    return t;
}

/* ------------------------------------------------------------ call forms */

static void put(spotc__call_form *f, const char *key, const char *value)
{
    f->params[f->n].key = key;
    f->params[f->n++].value = value;
}

/* "a,b" -> "spotify:TYPE:a,spotify:TYPE:b" (elements already URIs kept). */
static char *ids_to_uris(const char *ids, spotc_item_type type)
{
    spotc__buf b = SPOTC__BUF_INIT;
    const char *name = spotc_id_type_to_name(type);
    for (const char *s = ids; *s;) {
        size_t n = strcspn(s, ",");
        if (b.len)
            spotc__buf_putc(&b, ',');
        if (strncmp(s, "spotify:", 8) != 0)
            spotc__buf_printf(&b, "spotify:%s:", name);
        spotc__buf_printf(&b, "%.*s", (int)n, s);
        s += n + (s[n] == ',');
    }
    return spotc__buf_take(&b);
}

/* The `uris` of a form that goes to /me/library: from an ID list or a playlist. */
static int library_uris(spotc__call_form *f, const spotc_operation *op, const spotc_param *params,
                        size_t n)
{
    const char *ids = param_value(params, n, "ids");
    const char *playlist = param_value(params, n, "playlist_id");
    spotc_item_type type = spotc__app_mode_item_type(op, params, n);
    if (ids && type != SPOTC_TYPE_ANY)
        f->owned = ids_to_uris(ids, type);
    else if (!ids && playlist && !strchr(playlist, ','))
        f->owned = ids_to_uris(playlist, SPOTC_TYPE_PLAYLIST);
    else
        return 0; /* nothing to convert: the call goes as asked */
    if (!f->owned)
        return SPOTC_ENOMEM;
    put(f, "uris", f->owned);
    return 1;
}

/* A page limit cut to what the form's operation takes. */
static const char *cut_limit(spotc__call_form *f, const char *value, int dev)
{
    long limit = strtol(value, NULL, 10);
    int max = f->op->limit_max;
    if (dev && f->op->dev_limit_max && f->op->dev_limit_max < max)
        max = f->op->dev_limit_max;
    if (limit <= max)
        return value;
    snprintf(f->limit, sizeof f->limit, "%d", max);
    return f->limit;
}

/* Copy the parameters the form's operation takes (see app_mode.h). */
static void copy_params(spotc__call_form *f, const spotc_operation *op, const spotc_param *params,
                        size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *key = params[i].key, *value = params[i].value;
        if (!key || !value)
            continue;
        if (strcmp(key, "tracks") == 0 && spotc_operation_find_param(f->op, "items"))
            key = "items"; /* remove-tracks-playlist -> remove-items-playlist */
        else if (strcmp(key, "limit") == 0)
            value = cut_limit(f, value, f->op == op);
        if (spotc_operation_find_param(f->op, key) || !spotc_operation_find_param(op, key))
            put(f, key, value);
    }
}

int spotc__call_form_build(spotc__call_form *f, const spotc_operation *op,
                           const spotc_param *params, size_t nparams)
{
    memset(f, 0, sizeof *f);
    if (nparams + 1 > sizeof f->params / sizeof f->params[0] || (nparams && !params))
        return 0;
    if (op->deprecated && op->replacement)
        f->op = spotc_operation_find(op->replacement);
    else if (!op->deprecated && op->dev_limit_max)
        f->op = op;
    if (!f->op)
        return 0;
    if (f->op == op) { /* only a limit to cut */
        const char *limit = param_value(params, nparams, "limit");
        if (!limit || strtol(limit, NULL, 10) <= op->dev_limit_max)
            return 0;
    }
    if (spotc_operation_find_param(f->op, "uris") && !spotc_operation_find_param(op, "uris")) {
        int rc = library_uris(f, op, params, nparams);
        if (rc <= 0)
            return rc;
    }
    copy_params(f, op, params, nparams);
    return 1;
}

void spotc__call_form_free(spotc__call_form *f)
{
    free(f->owned);
    memset(f, 0, sizeof *f);
}

/* ------------------------------------------------------------ spotc_operation_call */

static int send_form(spotc_response **out, spotc_client *client, const spotc__call_form *f,
                     const char *body)
{
    return spotc__call_send(out, client, f->op, f->params, f->n, body);
}

int spotc__app_mode_call(spotc_response **out, spotc_client *client, const spotc_operation *op,
                         const spotc_param *params, size_t nparams, const char *body)
{
    spotc__call_form f;
    int switched = spotc__app_mode_switched(client, op);
    int rc = switched ? 0 : spotc__call_send(out, client, op, params, nparams, body);
    if (!switched && !spotc__app_mode_refused(client, op, rc))
        return rc;
    if (op->batch_param && strcmp(op->batch_param, "ids") == 0 && !body) {
        /* Single reads, or /me/library in chunks of its own maximum. */
        if (!switched)
            spotc__app_mode_learn(client, op);
        return spotc__app_mode_call_batch(out, client, op, params, nparams);
    }
    int has = spotc__call_form_build(&f, op, params, nparams);
    if (has < 0)
        return spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
    if (has == 0) /* nothing to switch to for these parameters */
        return switched ? spotc__call_send(out, client, op, params, nparams, body) : rc;
    if (!switched) {
        int refused = client->err.pub.http_status;
        spotc__trace(client, "* %s refused (HTTP %d) in auto mode: sending %s from now on", op->id,
                     refused, f.op->id);
        rc = send_form(out, client, &f, body);
        if (rc == 0 || client->err.pub.http_status != refused)
            spotc__app_mode_learn(client, op);
    } else {
        rc = send_form(out, client, &f, body);
    }
    spotc__call_form_free(&f);
    return rc;
}
