/* Reading values out of checked JSON text (src/cli/json_text.c), which the CSV export reads
 * its columns with: the same values a parse gives (jansson is the reference), the last of
 * duplicate keys, escapes and surrogate pairs, integers as the CSV shows them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../../src/cli/json_text.c"

static spotc_json_text text(const char *s)
{
    return (spotc_json_text){s, strlen(s)};
}

static void assert_text(spotc_json_text v, const char *want)
{
    assert_int_equal(v.len, strlen(want));
    assert_memory_equal(v.p, want, v.len);
}

static void assert_string_as_jansson(const char *json_string)
{
    char *s = NULL;
    assert_int_equal(jtext_string(text(json_string), &s), 0);
    json_t *j = json_loads(json_string, JSON_DECODE_ANY, NULL);
    assert_non_null(j);
    assert_string_equal(s, json_string_value(j));
    json_decref(j);
    free(s);
}

static void test_get_nested_and_last(void **state)
{
    (void)state;
    const char *o = "{\"a\":{\"b\":[1,{\"c\":\"}\"}],\"x\":\"\\\"]\"},\"n\":null,\"a2\":1,\"n\":2}";
    assert_text(jtext_get(text(o), "n"), "2"); /* the last, as a parse keeps */
    assert_text(jtext_get(jtext_get(text(o), "a"), "x"), "\"\\\"]\"");
    assert_null(jtext_get(text(o), "missing").p);
    assert_null(jtext_get(text("[1]"), "a").p);
    assert_null(jtext_get((spotc_json_text){NULL, 0}, "a").p);
    assert_text(jtext_get(text("{\"\\u0061\":true}"), "a"), "true"); /* an escaped key */
    assert_text(jtext_get(text("{ \"a\" : [ 1 , 2 ] , \"b\" : 3 }"), "b"), "3");
}

static void test_index_as_get(void **state)
{
    (void)state;
    char o[2048] = "{";
    for (int i = 0; i < JTEXT_MEMBERS + 5; i++)
        snprintf(o + strlen(o), sizeof o - strlen(o), "%s\"k%d\":%d", i ? "," : "", i, i);
    strcat(o, ",\"k3\":\"again\"}");
    jtext_object index;
    jtext_index(&index, text(o));
    assert_true(index.more);
    assert_text(jtext_field(&index, "k44"), "44");
    assert_text(jtext_field(&index, "k3"), "\"again\"");
    jtext_index(&index, text("{\"a\":1,\"b\":{\"c\":2},\"a\":3}"));
    assert_false(index.more);
    assert_int_equal(index.n, 3);
    assert_text(jtext_field(&index, "a"), "3");
    assert_text(jtext_field(&index, "b"), "{\"c\":2}");
    jtext_index(&index, text("null"));
    assert_int_equal(index.n, 0);
    assert_null(jtext_field(&index, "a").p);
}

static void test_array_in_order(void **state)
{
    (void)state;
    spotc_json_text a = text("[{\"u\":\"a,b\"}, null ,\"]\",[1,[2]],3]");
    static const char *const want[] = {"{\"u\":\"a,b\"}", "null", "\"]\"", "[1,[2]]", "3"};
    size_t at = 0, n = 0;
    spotc_json_text e;
    while (jtext_next(a, &at, &e))
        assert_text(e, want[n++]);
    assert_int_equal(n, 5);
    at = 0;
    assert_int_equal(jtext_next(text("[]"), &at, &e), 0);
    at = 0;
    assert_int_equal(jtext_next(text("{}"), &at, &e), 0);
    at = 0;
    assert_int_equal(jtext_next((spotc_json_text){NULL, 0}, &at, &e), 0); /* absent */
}

static void test_strings_as_jansson(void **state)
{
    (void)state;
    assert_string_as_jansson("\"plain\"");
    assert_string_as_jansson("\"Hello, \\\"World\\\"\\nagain\"");
    assert_string_as_jansson("\"\\\\\\/\\b\\f\\r\\t\"");
    assert_string_as_jansson("\"caf\\u00e9 \\u20ac \\ud83d\\ude00 \\u00E9\"");
    assert_string_as_jansson("\"raw UTF-8: caf\xc3\xa9 \xf0\x9f\x98\x80\"");
    assert_string_as_jansson("\"ends with a backslash \\\\\"");
    char *s = (char *)1;
    assert_int_equal(jtext_string(text("12"), &s), 0);
    assert_null(s);
}

static void test_scalars_as_the_csv_shows(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"12", "12"}, {"-7", "-7"}, {"-0", "0"}, {"true", "true"}, {"false", "false"}, {"1.5", ""},
        {"2e3", ""},  {"null", ""}, {"{}", ""},  {"[1]", ""},      {"\"x\"", "x"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *s = NULL;
        assert_int_equal(jtext_scalar(text(cases[i][0]), &s), 0);
        assert_string_equal(s, cases[i][1]);
        free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_get_nested_and_last),      cmocka_unit_test(test_index_as_get),
        cmocka_unit_test(test_array_in_order),           cmocka_unit_test(test_strings_as_jansson),
        cmocka_unit_test(test_scalars_as_the_csv_shows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
