/* How a --state file names objects (see state_refs.h). */
#include "state_refs.h"

#include <stdio.h>
#include <string.h>

#include "fixtures_refs.h"
#include "users.h"

/* ---- writing ---- */

static void write_uri(jw *w, const char *type, const char *id)
{
    jw_strf(w, "spotify:%s:%s", type, id);
}

static const char *fx_id(const json_t *obj)
{
    return json_string_value(json_object_get(obj, "id"));
}

void emu_sref_write_object(jw *w, const emu_catalogue *cat, emu_type t, size_t idx)
{
    const json_t *o = emu_fx_at(cat, t, idx);
    if (o)
        write_uri(w, emu_type_name(t), fx_id(o));
    else
        jw_int(w, (long long)idx);
}

void emu_sref_write_ref(jw *w, const emu_catalogue *cat, uint32_t ref)
{
    emu_fx_kind k;
    const json_t *o = emu_fx_of_ref(cat, ref, &k);
    if (o)
        write_uri(w, emu_fx_kind_type(k), fx_id(o));
    else
        jw_int(w, ref);
}

void emu_sref_write_context(jw *w, const emu_catalogue *cat, int kind, uint32_t idx)
{
    const json_t *o = emu_fx_context(cat, kind, idx);
    if (o)
        write_uri(w, emu_fx_kind_type(emu_fx_context_kind(kind)), fx_id(o));
    else
        jw_int(w, idx);
}

void emu_sref_write_user(jw *w, const emu_catalogue *cat, uint32_t user)
{
    const emu_fixtures *fx = cat->fixtures;
    size_t first = emu_users_count();
    if (fx && user >= first && user - first < fx->n[EMU_FX_USER])
        write_uri(w, "user", fx->items[EMU_FX_USER][user - first].id);
    else
        jw_int(w, user);
}

/* ---- reading ---- */

static int fail(emu_sref_reader *r, const char *what, const json_t *v, const char *why)
{
    if (json_is_string(v))
        snprintf(r->err, r->errsz, "%s names %s: %s", what, json_string_value(v), why);
    else if (json_is_integer(v))
        snprintf(r->err, r->errsz, "%s names %" JSON_INTEGER_FORMAT ": %s", what,
                 json_integer_value(v), why);
    else
        snprintf(r->err, r->errsz, "%s: %s", what, why);
    return -1;
}

/* The ID in URI @p uri when it is "spotify:TYPE:ID" with TYPE @p type, or NULL. */
static const char *uri_id(const char *uri, const char *type)
{
    size_t tl = strlen(type);
    if (strncmp(uri, "spotify:", 8) != 0 || strncmp(uri + 8, type, tl) != 0 || uri[8 + tl] != ':')
        return NULL;
    return uri + 9 + tl;
}

/* The place among the fixtures of kind @p k of the one URI @p v names. */
static int fixture_place(emu_sref_reader *r, const json_t *v, emu_fx_kind k, const char *what,
                         size_t *place)
{
    const char *id = json_is_string(v) ? uri_id(json_string_value(v), emu_fx_kind_type(k)) : NULL;
    if (!id)
        return fail(r, what, v, "not an index or a fixture URI of the right type");
    const emu_fixtures *fx = r->s->cat->fixtures;
    const emu_fx *e = emu_fx_find(fx, k, id);
    if (!e)
        return fail(r, what, v,
                    fx ? "no fixture loaded has this ID (start with the fixtures the state was "
                         "saved with, or remove the state file)"
                       : "no fixtures are loaded (start with the --fixtures the state was saved "
                         "with, or remove the state file)");
    *place = (size_t)(e - fx->items[k]);
    return 0;
}

/* Index @p i of type @p t: the catalogue's; in format 1 also a fixture's place after them. */
static int check_index(emu_sref_reader *r, emu_type t, json_int_t i, const json_t *v,
                       const char *what)
{
    const emu_catalogue *cat = r->s->cat;
    emu_fx_kind k = emu_fx_kind_of(t);
    size_t nfx = r->format == 1 && cat->fixtures && k != EMU_FX_KINDS ? cat->fixtures->n[k] : 0;
    if (i < 0 || (unsigned long long)i >= cat->count[t] + nfx)
        return fail(r, what, v, "not an object of this catalogue");
    r->by_place += (size_t)i >= cat->count[t];
    return 0;
}

int emu_sref_read_object(emu_sref_reader *r, const json_t *v, emu_type t, const char *what,
                         size_t *idx)
{
    if (json_is_integer(v)) {
        if (check_index(r, t, json_integer_value(v), v, what) < 0)
            return -1;
        *idx = (size_t)json_integer_value(v);
        return 0;
    }
    emu_fx_kind k = emu_fx_kind_of(t);
    size_t place;
    if (k == EMU_FX_KINDS)
        return fail(r, what, v, "not an index");
    if (fixture_place(r, v, k, what, &place) < 0)
        return -1;
    *idx = r->s->cat->count[t] + place;
    return 0;
}

/* The catalogue type a fixture URI names ("spotify:track:..."), or -1. */
static int uri_type(const json_t *v)
{
    const char *uri = json_string_value(v);
    for (int t = 0; uri && t < EMU_T_COUNT; t++)
        if (emu_fx_kind_of((emu_type)t) != EMU_FX_KINDS && uri_id(uri, emu_type_name((emu_type)t)))
            return t;
    return -1;
}

int emu_sref_read_ref(emu_sref_reader *r, const json_t *v, const char *what, uint32_t *ref)
{
    size_t idx;
    if (json_is_string(v)) {
        int t = uri_type(v);
        if (t < 0)
            return fail(r, what, v, "not a fixture URI");
        if (emu_sref_read_object(r, v, (emu_type)t, what, &idx) < 0)
            return -1;
        *ref = EMU_REF(t, idx);
        return 0;
    }
    json_int_t i = json_integer_value(v);
    if (!json_is_integer(v) || i < 0 || i > UINT32_MAX || EMU_REF_TYPE((uint32_t)i) >= EMU_T_COUNT)
        return fail(r, what, v, "not a ref or a fixture URI");
    if (check_index(r, EMU_REF_TYPE((uint32_t)i), (json_int_t)EMU_REF_INDEX((uint32_t)i), v, what) <
        0)
        return -1;
    *ref = (uint32_t)i;
    return 0;
}

/* A playlist: the state's by index, a fixture's by URI (format 1: EMU_FX_PL | its place). */
static int read_playlist(emu_sref_reader *r, const json_t *v, const char *what, uint32_t *idx)
{
    size_t place;
    if (json_is_string(v)) {
        if (fixture_place(r, v, EMU_FX_PLAYLIST, what, &place) < 0)
            return -1;
        *idx = EMU_FX_PL | (uint32_t)place;
        return 0;
    }
    json_int_t i = json_integer_value(v);
    int fx_place = r->format == 1 && i >= 0 && i <= UINT32_MAX && (i & EMU_FX_PL) &&
                   emu_fx_context(r->s->cat, EMU_PCTX_PLAYLIST, (uint32_t)i);
    if (!json_is_integer(v) || i < 0 || ((size_t)i >= r->s->nplaylists && !fx_place))
        return fail(r, what, v, "no such playlist");
    r->by_place += fx_place;
    *idx = (uint32_t)i;
    return 0;
}

int emu_sref_read_context(emu_sref_reader *r, json_int_t kind, const json_t *v, const char *what,
                          uint32_t *idx)
{
    size_t i;
    if (kind < EMU_PCTX_NONE || kind > EMU_PCTX_SHOW)
        return fail(r, what, v, "an unknown kind of context");
    switch (kind) {
    case EMU_PCTX_NONE:
        if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > UINT32_MAX)
            return fail(r, what, v, "not a context index");
        *idx = (uint32_t)json_integer_value(v);
        return 0;
    case EMU_PCTX_PLAYLIST:
        return read_playlist(r, v, what, idx);
    default:
        if (emu_sref_read_object(r, v, (emu_type)emu_context_type((int)kind), what, &i) < 0)
            return -1;
        *idx = (uint32_t)i;
        return 0;
    }
}

int emu_sref_read_user(emu_sref_reader *r, const json_t *v, const char *what, uint32_t *user)
{
    size_t place, first = emu_users_count();
    if (json_is_string(v)) {
        if (fixture_place(r, v, EMU_FX_USER, what, &place) < 0)
            return -1;
        *user = (uint32_t)(first + place);
        return 0;
    }
    const emu_fixtures *fx = r->s->cat->fixtures;
    json_int_t i = json_integer_value(v);
    if (!json_is_integer(v) || r->format != 1 || !fx || i < (json_int_t)first ||
        (size_t)i - first >= fx->n[EMU_FX_USER])
        return fail(r, what, v, "not a fixture user's URI");
    r->by_place++;
    *user = (uint32_t)i;
    return 0;
}
