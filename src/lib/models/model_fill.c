/*
 * The one generic parser: fills any model from a JSON object by walking its
 * descriptor (model.h). Two passes: every field first reads as absent, then
 * each value present with the right type is stored. So two fields may share a
 * member (a playlist item's "track" and its newer "item"): the later key
 * present wins, and a missing one never erases the other.
 */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "model.h"

typedef struct filler {
    spotc__arena *a;
    int depth;
} filler;

static int fill_desc(const filler *f, const spotc__model_desc *d, unsigned char *m,
                     const json_t *obj);

/* Members are reached by offset; pointers are stored with memcpy because the
 * member is a `T *` for some model T, never a `void *`. */
static void *at(unsigned char *m, size_t offset)
{
    return m + offset;
}

static void store_ptr(unsigned char *m, size_t offset, const void *p)
{
    memcpy(at(m, offset), &p, sizeof p);
}

/* The value at a key, a dotted path of object keys, or "" (the object itself). */
static json_t *lookup(const json_t *obj, const char *path)
{
    json_t *v = (json_t *)obj;
    if (!*path)
        return v;
    while (v) {
        const char *dot = strchr(path, '.');
        if (!dot)
            return json_object_get(v, path);
        v = json_object_getn(v, path, (size_t)(dot - path));
        path = dot + 1;
    }
    return NULL;
}

/* Whether any of the '|'-separated keys is present, even as null. */
static bool any_present(const json_t *obj, const char *keys)
{
    while (*keys) {
        size_t n = strcspn(keys, "|");
        if (json_object_getn(obj, keys, n))
            return true;
        keys += n + (keys[n] == '|');
    }
    return false;
}

static int int_value(const json_t *v)
{
    if (json_is_integer(v)) {
        json_int_t x = json_integer_value(v);
        return x < INT_MIN || x > INT_MAX ? -1 : (int)x;
    }
    double d = json_real_value(v); /* 0 for non-reals, which are caught below */
    if (json_is_real(v) && d >= (double)INT_MIN && d <= (double)INT_MAX)
        return (int)d;
    return -1;
}

static long long_value(const json_t *v)
{
    if (json_is_integer(v)) {
        json_int_t x = json_integer_value(v);
        return x < LONG_MIN || x > LONG_MAX ? -1 : (long)x;
    }
    double d = json_real_value(v);
    if (json_is_real(v) && d >= (double)LONG_MIN && d < (double)LONG_MAX)
        return (long)d;
    return -1;
}

/* The "type" condition of a SPOTC__OBJECT_IF field. */
static bool type_matches(const json_t *obj, const char *match)
{
    if (!match)
        return true;
    const char *type = json_string_value(json_object_get(obj, "type"));
    bool negate = *match == '!';
    bool same = type && strcmp(type, match + negate) == 0;
    return negate ? !same : same;
}

/* A nested model in the arena, or NULL (with *rc set when out of memory). */
static void *nested(const filler *f, const spotc__model_desc *d, const json_t *obj, int *rc)
{
    unsigned char *m = spotc__arena_calloc(f->a, 1, d->size);
    if (!m) {
        *rc = SPOTC_ENOMEM;
        return NULL;
    }
    *rc = spotc__model_fill_at(f->a, d, m, obj, f->depth);
    return m;
}

/* An array of n elements of `size` bytes in the arena, its count stored. */
static unsigned char *array_new(const filler *f, const spotc__field *fd, unsigned char *m,
                                size_t n, size_t size, int *rc)
{
    unsigned char *v = n ? spotc__arena_calloc(f->a, n, size) : NULL;
    if (n && !v)
        *rc = SPOTC_ENOMEM;
    store_ptr(m, fd->offset, v);
    return v;
}

static void set_count(const spotc__field *fd, unsigned char *m, size_t count)
{
    *(size_t *)at(m, fd->count_offset) = count;
}

static int fill_objects(const filler *f, const spotc__field *fd, unsigned char *m,
                        const json_t *array)
{
    int rc = 0;
    size_t n = json_array_size(array), k = 0, size = fd->model->size;
    unsigned char *v = array_new(f, fd, m, n, size, &rc);
    for (size_t i = 0; v && i < n && rc == 0; i++) {
        const json_t *obj = json_array_get(array, i);
        if (json_is_object(obj))
            rc = spotc__model_fill_at(f->a, fd->model, v + size * k++, obj, f->depth);
    }
    set_count(fd, m, k);
    return rc;
}

static int fill_ptrs(const filler *f, const spotc__field *fd, unsigned char *m, const json_t *array)
{
    int rc = 0;
    size_t n = json_array_size(array), i;
    unsigned char *v = array_new(f, fd, m, n, sizeof(void *), &rc);
    for (i = 0; v && i < n && rc == 0; i++) {
        const json_t *obj = json_array_get(array, i);
        void *item = json_is_object(obj) ? nested(f, fd->model, obj, &rc) : NULL;
        memcpy(v + i * sizeof item, &item, sizeof item);
    }
    set_count(fd, m, v ? i : 0);
    return rc;
}

static int fill_strings(const filler *f, const spotc__field *fd, unsigned char *m,
                        const json_t *array)
{
    int rc = 0;
    size_t n = json_array_size(array), k = 0;
    const char **v = (const char **)(void *)array_new(f, fd, m, n, sizeof *v, &rc);
    for (size_t i = 0; v && i < n; i++)
        if ((v[k] = json_string_value(json_array_get(array, i))))
            k++;
    set_count(fd, m, k);
    return rc;
}

static int fill_numbers(const filler *f, const spotc__field *fd, unsigned char *m,
                        const json_t *array)
{
    int rc = 0;
    size_t n = json_array_size(array), k = 0;
    double *v = (double *)(void *)array_new(f, fd, m, n, sizeof *v, &rc);
    for (size_t i = 0; v && i < n; i++) {
        const json_t *x = json_array_get(array, i);
        if (json_is_number(x))
            v[k++] = json_number_value(x);
    }
    set_count(fd, m, k);
    return rc;
}

static int fill_list(const filler *f, const spotc__field *fd, unsigned char *m, const json_t *page)
{
    int rc = 0;
    store_ptr(m, fd->offset, nested(f, fd->model, page, &rc));
    return rc;
}

/* Pass one: the member reads as absent. Memory from the arena is zeroed,
 * which is already absent for every kind but these. */
static void set_absent(const filler *f, const spotc__field *fd, unsigned char *m)
{
    switch (fd->kind) {
    case SPOTC__K_INT:
    case SPOTC__K_TRISTATE:
        *(int *)at(m, fd->offset) = -1;
        break;
    case SPOTC__K_LONG:
        *(long *)at(m, fd->offset) = -1;
        break;
    case SPOTC__K_DOUBLE:
        *(double *)at(m, fd->offset) = NAN;
        break;
    case SPOTC__K_EMBED:
        fill_desc(f, fd->model, at(m, fd->offset), NULL);
        break;
    default:
        break;
    }
}

/* Pass two: store a value that is present with the right type. */
static int set_value(const filler *f, const spotc__field *fd, unsigned char *m, const json_t *obj)
{
    if (fd->kind == SPOTC__K_PRESENT) {
        *(bool *)at(m, fd->offset) = any_present(obj, fd->key);
        return 0;
    }
    const json_t *v = lookup(obj, fd->key);
    int rc = 0;
    switch (fd->kind) {
    case SPOTC__K_STRING:
        if (json_is_string(v))
            *(const char **)at(m, fd->offset) = json_string_value(v);
        break;
    case SPOTC__K_INT:
        if (json_is_number(v))
            *(int *)at(m, fd->offset) = int_value(v);
        break;
    case SPOTC__K_LONG:
        if (json_is_number(v))
            *(long *)at(m, fd->offset) = long_value(v);
        break;
    case SPOTC__K_DOUBLE:
        if (json_is_number(v))
            *(double *)at(m, fd->offset) = json_number_value(v);
        break;
    case SPOTC__K_BOOL:
        if (json_is_boolean(v))
            *(bool *)at(m, fd->offset) = json_is_true(v);
        break;
    case SPOTC__K_TRISTATE:
        if (json_is_boolean(v))
            *(int *)at(m, fd->offset) = json_is_true(v);
        break;
    case SPOTC__K_JSON:
        if (v && !json_is_null(v))
            store_ptr(m, fd->offset, v);
        break;
    case SPOTC__K_EMBED:
        if (json_is_object(v))
            rc = fill_desc(f, fd->model, at(m, fd->offset), v);
        break;
    case SPOTC__K_OBJECT:
        if (json_is_object(v) && type_matches(v, fd->match))
            store_ptr(m, fd->offset, nested(f, fd->model, v, &rc));
        break;
    case SPOTC__K_OBJECTS:
        if (json_is_array(v))
            rc = fill_objects(f, fd, m, v);
        break;
    case SPOTC__K_PTRS:
        if (json_is_array(v))
            rc = fill_ptrs(f, fd, m, v);
        break;
    case SPOTC__K_STRINGS:
        if (json_is_array(v))
            rc = fill_strings(f, fd, m, v);
        break;
    case SPOTC__K_NUMBERS:
        if (json_is_array(v))
            rc = fill_numbers(f, fd, m, v);
        break;
    case SPOTC__K_LIST:
        if (json_is_object(v))
            rc = fill_list(f, fd, m, v);
        break;
    case SPOTC__K_PRESENT:
        break;
    }
    return rc;
}

static void absent_fields(const filler *f, const spotc__model_desc *d, unsigned char *m)
{
    for (; d; d = d->base)
        for (size_t i = 0; i < d->nfields; i++)
            set_absent(f, &d->fields[i], m);
}

static int value_fields(const filler *f, const spotc__model_desc *d, unsigned char *m,
                        const json_t *obj)
{
    int rc = d->base ? value_fields(f, d->base, m, obj) : 0;
    for (size_t i = 0; i < d->nfields && rc == 0; i++)
        rc = set_value(f, &d->fields[i], m, obj);
    return rc;
}

static int fill_desc(const filler *outer, const spotc__model_desc *d, unsigned char *m,
                     const json_t *obj)
{
    filler f = {outer->a, outer->depth + 1};
    absent_fields(&f, d, m);
    if (d->json_offset != SPOTC__NO_JSON)
        store_ptr(m, d->json_offset, json_is_object(obj) ? obj : NULL);
    if (!json_is_object(obj) || f.depth > SPOTC__MODEL_MAX_DEPTH)
        return 0;
    return value_fields(&f, d, m, obj);
}

int spotc__model_fill_at(spotc__arena *a, const spotc__model_desc *desc, void *model,
                         const json_t *obj, int depth)
{
    const filler f = {a, depth};
    if (desc->item)
        return spotc__list_fill_at(a, desc, model, obj, depth);
    return fill_desc(&f, desc, model, obj);
}

int spotc__model_fill(spotc__arena *a, const spotc__model_desc *desc, void *model,
                      const json_t *obj)
{
    return spotc__model_fill_at(a, desc, model, obj, 0);
}
