/* Helpers for the user-state routes (see routes_user.h). */
#include "routes_user.h"

#include <stdlib.h>
#include <string.h>

#include "fixtures_refs.h"
#include "state_saver.h"
#include "users.h"

int emu_token_user(const emu_call *c)
{
    return c->token.user[0] ? emu_user_find(c->token.user) : -1;
}

int emu_me(emu_call *c)
{
    int u = emu_token_user(c);
    if (u < 0)
        emu_reply_error(c, 401, "Unauthorized.");
    return u;
}

int emu_require_scope(emu_call *c, const char *scope)
{
    if (emu_call_has_scope(c, scope))
        return 0;
    emu_reply_error(c, 403, "Insufficient client scope");
    return -1;
}

emu_state *emu_lock_read(emu_call *c)
{
    pthread_rwlock_rdlock(&c->ctx->state_lock);
    return c->ctx->state;
}

emu_state *emu_lock_write(emu_call *c)
{
    pthread_rwlock_wrlock(&c->ctx->state_lock);
    atomic_fetch_add(&c->ctx->state_writes, 1);
    emu_state_changed(c->ctx); /* --state writes it out (state_saver.h) */
    return c->ctx->state;
}

void emu_unlock(emu_call *c)
{
    pthread_rwlock_unlock(&c->ctx->state_lock);
}

/* The body as JSON; a bare array becomes {"ids": array} when @p ids_array is set. */
static json_t *load_body(emu_call *c, int required, int ids_array)
{
    if (!c->req->body_len) {
        if (required) {
            emu_reply_error(c, 400, "Missing body");
            return NULL;
        }
        return json_object();
    }
    json_error_t je;
    json_t *root = json_loadb(c->req->body, c->req->body_len, JSON_DECODE_ANY, &je);
    if (ids_array && json_is_array(root)) {
        json_t *o = json_object();
        if (o && json_object_set_new(o, "ids", root) == 0) /* takes root, even on failure */
            return o;
        if (!o)
            json_decref(root);
        json_decref(o);
        emu_reply_error(c, 500, "Server error");
        return NULL;
    }
    if (!json_is_object(root)) {
        json_decref(root);
        emu_reply_error(c, 400, "Error parsing JSON.");
        return NULL;
    }
    return root;
}

json_t *emu_json_body(emu_call *c, int required)
{
    return load_body(c, required, 0);
}

json_t *emu_ids_body(emu_call *c)
{
    return load_body(c, 0, 1);
}

json_t *emu_me_body(emu_call *c, int required, int *me)
{
    *me = emu_me(c);
    return *me < 0 ? NULL : emu_json_body(c, required);
}

void emu_strlist_free(emu_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

static int push(emu_strlist *l, const char *s, size_t n)
{
    char **v = realloc(l->v, (l->n + 1) * sizeof *v);
    if (!v)
        return -1;
    l->v = v;
    if (!(l->v[l->n] = strndup(s, n)))
        return -1;
    l->n++;
    return 0;
}

static int split_query(const char *q, emu_strlist *out)
{
    for (const char *p = q; *p;) {
        size_t len = strcspn(p, ",");
        const char *s = p;
        size_t n = len;
        while (n && *s == ' ')
            s++, n--;
        while (n && s[n - 1] == ' ')
            n--;
        if (n && push(out, s, n) < 0)
            return -1;
        p += len + (p[len] == ',');
    }
    return 0;
}

/* 0, -1 out of memory, -2 not an array of strings. */
static int from_body(json_t *body, const char *name, emu_strlist *out)
{
    json_t *arr = body ? json_object_get(body, name) : NULL;
    if (!arr || json_is_null(arr))
        return 0;
    if (!json_is_array(arr))
        return -2;
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        if (!json_is_string(v))
            return -2;
        if (push(out, json_string_value(v), json_string_length(v)) < 0)
            return -1;
    }
    return 0;
}

int emu_list_param(emu_call *c, json_t *body, const char *name, int required, size_t max,
                   const char *too_many, emu_strlist *out)
{
    char msg[96];
    const char *q = emu_query(c, name);
    int have = q != NULL || (body && json_object_get(body, name));
    int rc = q ? split_query(q, out) : from_body(body, name, out);
    if (rc == -2) {
        snprintf(msg, sizeof msg, "Invalid %s: a JSON array of strings is expected", name);
        emu_reply_error(c, 400, msg);
    } else if (rc < 0) {
        emu_reply_error(c, 500, "Server error");
    } else if (required && (!have || out->n == 0)) {
        snprintf(msg, sizeof msg, "Missing required parameter: %s", name);
        emu_reply_error(c, 400, msg);
        rc = -1;
    } else if (out->n > max) {
        emu_reply_error(c, 400, too_many);
        rc = -1;
    }
    if (rc < 0)
        emu_strlist_free(out);
    return rc < 0 ? -1 : 0;
}

int emu_uri_split(const char *uri, int *type, char *id, size_t idsz)
{
    if (strncmp(uri, "spotify:", 8) != 0)
        return -1;
    const char *t = uri + 8, *colon = strchr(t, ':');
    if (!colon || colon == t || (size_t)(colon - t) >= 16)
        return -1;
    char name[16];
    memcpy(name, t, (size_t)(colon - t));
    name[colon - t] = 0;
    if (strcmp(name, "user") == 0)
        *type = EMU_URI_USER;
    else if (strcmp(name, "playlist") == 0)
        *type = EMU_URI_PLAYLIST;
    else if ((*type = emu_type_by_name(name)) < 0)
        return -1;
    size_t n = strlen(colon + 1);
    if (n == 0 || n >= idsz || strchr(colon + 1, ':'))
        return -1;
    memcpy(id, colon + 1, n + 1);
    return 0;
}

int emu_find(const emu_call *c, emu_type t, const char *id, size_t *idx)
{
    return emu_object_find(c->ctx->cat, t, id, idx);
}

int emu_query_long(emu_call *c, const char *name, long min, long max, int required, long *out)
{
    const char *s = emu_query(c, name);
    char msg[96];
    if (!s) {
        if (!required)
            return 0;
        snprintf(msg, sizeof msg, "Missing required parameter: %s", name);
        emu_reply_error(c, 400, msg);
        return -1;
    }
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < min || v > max || strlen(s) > 15) {
        snprintf(msg, sizeof msg, "Invalid %s", name);
        emu_reply_error(c, 400, msg);
        return -1;
    }
    *out = v;
    return 1;
}

void emu_reply_bools(emu_call *c, const int *v, size_t n)
{
    jw w;
    jw_init(&w, 16 + 6 * n);
    jw_arr(&w);
    for (size_t i = 0; i < n; i++)
        jw_bool(&w, v[i]);
    jw_arr_end(&w);
    emu_reply_json(c, 200, &w);
}

void emu_reply_snapshot(emu_call *c, int status, const emu_playlist *pl)
{
    char snap[EMU_PL_SNAPSHOT_LEN + 1];
    emu_pl_snapshot_id(pl, pl->version, snap);
    jw w;
    jw_init(&w, 64);
    jw_obj(&w);
    jw_kstr(&w, "snapshot_id", snap);
    jw_obj_end(&w);
    emu_reply_json(c, status, &w);
}
