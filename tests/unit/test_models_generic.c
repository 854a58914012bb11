/*
 * The model machinery over every model at once, driven by the descriptor
 * tables themselves: a document whose every field is null, or of the wrong
 * type, reads as absent field by field (the one tolerance rule of
 * spotc/models.h); bodies that are not objects are refused; the tables are
 * sane (offsets inside their structs, nested kinds name a model).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

#include "model.h"

/* The first key of a field's path ("followers" of "followers.total"), or NULL
 * for fields that are not read from a key of their own. */
static char *first_key(const spotc__field *f)
{
    if (f->kind == SPOTC__K_PRESENT || !*f->key)
        return NULL;
    return strndup(f->key, strcspn(f->key, "."));
}

/* A value of the wrong type for a field of this kind. */
static json_t *wrong_value(const spotc__field *f)
{
    switch (f->kind) {
    case SPOTC__K_STRING:
        return json_integer(42);
    case SPOTC__K_INT:
    case SPOTC__K_LONG:
    case SPOTC__K_DOUBLE:
    case SPOTC__K_BOOL:
    case SPOTC__K_TRISTATE:
        return json_string("7");
    case SPOTC__K_EMBED:
    case SPOTC__K_OBJECT:
    case SPOTC__K_LIST:
        return json_pack("[i]", 1);
    default:
        return json_pack("{s:i}", "a", 1);
    }
}

/* Every key of a model (its base's too) set to null, or to a wrong-typed value. */
static void add_keys(json_t *doc, const spotc__model_desc *d, bool wrong)
{
    for (; d; d = d->base) {
        if (d->item) {
            json_object_set_new(doc, "items", wrong ? json_integer(5) : json_null());
            if (d->key)
                json_object_set_new(doc, d->key, wrong ? json_integer(5) : json_null());
        }
        for (size_t i = 0; i < d->nfields; i++) {
            char *key = first_key(&d->fields[i]);
            if (key && !(wrong && d->fields[i].kind == SPOTC__K_JSON))
                json_object_set_new(doc, key, wrong ? wrong_value(&d->fields[i]) : json_null());
            free(key);
        }
    }
}

static const void *ptr_at(const unsigned char *m, size_t offset)
{
    const void *p;
    memcpy(&p, m + offset, sizeof p);
    return p;
}

static void check_absent(const spotc__model_desc *d, const unsigned char *m);
/* Raw JSON fields take a value of any type: absent only when the key is null. */
static bool any_type_is_value;

static void check_field_absent(const spotc__field *f, const unsigned char *m)
{
    const void *at = m + f->offset;
    switch (f->kind) {
    case SPOTC__K_INT:
    case SPOTC__K_TRISTATE:
        assert_int_equal(*(const int *)at, -1);
        break;
    case SPOTC__K_LONG:
        assert_int_equal(*(const long *)at, -1);
        break;
    case SPOTC__K_DOUBLE:
        assert_true(isnan(*(const double *)at));
        break;
    case SPOTC__K_BOOL:
        assert_false(*(const bool *)at);
        break;
    case SPOTC__K_PRESENT:
        break;
    case SPOTC__K_EMBED:
        check_absent(f->model, at);
        break;
    case SPOTC__K_OBJECTS:
    case SPOTC__K_PTRS:
    case SPOTC__K_STRINGS:
    case SPOTC__K_NUMBERS:
        assert_int_equal(*(const size_t *)(const void *)(m + f->count_offset), 0);
        assert_null(ptr_at(m, f->offset));
        break;
    case SPOTC__K_JSON:
        if (!any_type_is_value)
            assert_null(ptr_at(m, f->offset));
        break;
    default: /* strings, objects, lists */
        if (*f->key) /* a self-keyed field reads the object itself */
            assert_null(ptr_at(m, f->offset));
        break;
    }
}

static void check_absent(const spotc__model_desc *d, const unsigned char *m)
{
    if (d->item) {
        const spotc_track_list *l = (const void *)m;
        assert_int_equal(l->count, 0);
        assert_int_equal(l->page.total, -1);
        assert_null(l->page.next);
        return;
    }
    for (; d; d = d->base)
        for (size_t i = 0; i < d->nfields; i++)
            check_field_absent(&d->fields[i], m);
}

static void parse_doc(const spotc__model_desc *d, bool wrong)
{
    json_t *doc = json_object();
    add_keys(doc, d, wrong);
    json_object_set_new(doc, "unknown_field", json_string("ignored"));
    char *text = json_dumps(doc, 0);
    void *m = NULL;
    any_type_is_value = wrong;
    if (spotc__model_parse(&m, d, text, strlen(text)) != 0)
        fail_msg("%s refused %s", d->name, text);
    check_absent(d, m);
    assert_ptr_equal(*(json_t **)(void *)((unsigned char *)m + d->json_offset) != NULL, 1);
    spotc__model_walk(d, m);
    spotc__model_free(m);
    free(text);
    json_decref(doc);
}

static void test_every_field_null(void **state)
{
    (void)state;
    for (size_t i = 0; i < spotc__model_count; i++)
        parse_doc(spotc__models[i], false);
}

static void test_every_field_wrong_type(void **state)
{
    (void)state;
    for (size_t i = 0; i < spotc__model_count; i++)
        parse_doc(spotc__models[i], true);
}

static void test_every_model_empty_and_refused(void **state)
{
    (void)state;
    const char *bad[] = {"[]", "42", "null", "", "{", "\"s\"", "[{}]"};
    for (size_t i = 0; i < spotc__model_count; i++) {
        const spotc__model_desc *d = spotc__models[i];
        void *m = (void *)1;
        assert_int_equal(spotc__model_parse(&m, d, "{}", 2), 0);
        check_absent(d, m);
        spotc__model_free(m);
        for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
            m = (void *)1;
            assert_int_equal(spotc__model_parse(&m, d, bad[k], strlen(bad[k])), SPOTC_EJSON);
            assert_null(m);
        }
        assert_int_equal(spotc__model_parse(&m, d, NULL, 0), SPOTC_EINVALID);
        assert_int_equal(spotc__model_parse(NULL, d, "{}", 2), SPOTC_EINVALID);
        json_t *arr = json_array();
        assert_int_equal(spotc__model_from_json(&m, d, arr), SPOTC_EJSON);
        json_decref(arr);
    }
    spotc__model_free(NULL);
}

/* from_json takes its own reference: the caller's may go first. */
static void test_from_json_keeps_document(void **state)
{
    (void)state;
    json_t *doc = json_pack("{s:s,s:[{s:s}]}", "name", "kept", "artists", "name", "a");
    spotc_track *t = NULL;
    assert_int_equal(spotc__track_from_json(&t, doc), 0);
    json_decref(doc);
    assert_string_equal(t->name, "kept");
    assert_string_equal(t->artists[0].name, "a");
    assert_string_equal(json_string_value(json_object_get(t->json, "name")), "kept");
    assert_ptr_equal(t->artists[0].json, json_array_get(json_object_get(t->json, "artists"), 0));
    spotc_track_free(t);
}

static size_t kind_size(spotc__kind k)
{
    switch (k) {
    case SPOTC__K_INT:
    case SPOTC__K_TRISTATE:
        return sizeof(int);
    case SPOTC__K_LONG:
        return sizeof(long);
    case SPOTC__K_DOUBLE:
        return sizeof(double);
    case SPOTC__K_BOOL:
    case SPOTC__K_PRESENT:
        return sizeof(bool);
    default:
        return sizeof(void *);
    }
}

static void check_table(const spotc__model_desc *d)
{
    if (d->item) {
        assert_true(d->item->size > 0);
        check_table(d->item);
        return;
    }
    for (; d; d = d->base)
        for (size_t i = 0; i < d->nfields; i++) {
            const spotc__field *f = &d->fields[i];
            assert_non_null(f->key);
            if (f->kind == SPOTC__K_EMBED)
                assert_true(f->offset + f->model->size <= d->size);
            else
                assert_true(f->offset + kind_size(f->kind) <= d->size);
            if (f->count_offset)
                assert_true(f->count_offset + sizeof(size_t) <= d->size);
            bool nested = f->kind == SPOTC__K_EMBED || f->kind == SPOTC__K_OBJECT ||
                          f->kind == SPOTC__K_OBJECTS || f->kind == SPOTC__K_PTRS ||
                          f->kind == SPOTC__K_LIST;
            assert_true(nested == (f->model != NULL));
            if (nested)
                check_table(f->model);
        }
}

static void test_tables_are_sane(void **state)
{
    (void)state;
    for (size_t i = 0; i < spotc__model_count; i++)
        check_table(spotc__models[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_field_null),
        cmocka_unit_test(test_every_field_wrong_type),
        cmocka_unit_test(test_every_model_empty_and_refused),
        cmocka_unit_test(test_from_json_keeps_document),
        cmocka_unit_test(test_tables_are_sane),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
