/* The JSON checker behind spotc_pager_next_text (json_scan.c, page_text.c): it accepts
 * exactly what jansson accepts, compacts without changing a value, and finds a page's
 * items in order with the paging members parsed. fuzz_json_scan compares it with jansson
 * on arbitrary bytes; these are the cases worth naming. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jansson.h>

#include "json_scan.h"
#include "page_text.h"
#include "response.h"

/* @return 1 when jansson parses s (JSON_DECODE_ANY, as responses are parsed). */
static int jansson_ok(const char *s, size_t len)
{
    json_t *v = json_loadb(s, len, JSON_DECODE_ANY, NULL);
    json_decref(v);
    return v != NULL;
}

static void check_as_jansson(const char *s, int expect_ok)
{
    size_t len = strlen(s);
    if (jansson_ok(s, len) != expect_ok)
        fail_msg("jansson itself: %s", s);
    if ((spotc__json_check(s, len) == 0) != expect_ok)
        fail_msg("the scan %s: %s", expect_ok ? "refuses" : "accepts", s);
}

static void test_accepts_what_jansson_accepts(void **state)
{
    (void)state;
    static const char *const good[] = {
        "{}",
        "[]",
        " {\"a\" : [1, -0, 2.5e-3, 1E+2, true, false, null, \"x\"]}\n",
        "0",
        "\"\"",
        "\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\\\\\\\"\"",
        "\"caf\xc3\xa9 \xf0\x9f\x98\x80\"",
        "9223372036854775807",
        "-9223372036854775808",
        "1e-400",
        "{\"a\":1,\"a\":2}",
        "[[[[[[[[[[]]]]]]]]]]",
        "123456789012345678",
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        check_as_jansson(good[i], 1);
}

static void test_refuses_what_jansson_refuses(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        " ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "[1 2]",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "tru",
        "truex",
        "nul",
        "[true1]",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u0000\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"a\tb\"",
        "\"\xc0\xaf\"",
        "\"\xe0\x80\xaf\"",
        "\"\xed\xa0\x80\"",
        "\"\xf4\x90\x80\x80\"",
        "\"\xff\"",
        "\"\xc3\"",
        "9223372036854775808",
        "-9223372036854775809",
        "1e400",
        "-1.5e999",
        "{} {}",
        "[1] x",
        "{\"a\":1}}",
        "NaN",
        "[\xc3\xa9]",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        check_as_jansson(bad[i], 0);
}

/* jansson skips a NUL byte after a number or a literal (its stream's quirk); the scan
 * refuses it rather than hand it on inside an item's text. */
static void test_nul_after_number_refused(void **state)
{
    (void)state;
    static const char nul[] = "[1, -0.5\0]";
    assert_true(jansson_ok(nul, sizeof nul - 1));
    assert_int_equal(spotc__json_check(nul, sizeof nul - 1), -1);
    static const char nul_in_string[] = "[\"a\0\"]";
    assert_false(jansson_ok(nul_in_string, sizeof nul_in_string - 1));
    assert_int_equal(spotc__json_check(nul_in_string, sizeof nul_in_string - 1), -1);
}

/* jansson counts every value, scalars too, as a level, and refuses past 2048. */
static void test_depth_limit_as_jansson(void **state)
{
    (void)state;
    for (int depth = 2046; depth <= 2050; depth++) {
        for (int scalar = 0; scalar < 2; scalar++) {
            size_t len = (size_t)depth * 2 + (size_t)scalar;
            char *s = malloc(len + 1);
            assert_non_null(s);
            memset(s, '[', (size_t)depth);
            if (scalar)
                s[depth] = '1';
            memset(s + depth + scalar, ']', (size_t)depth);
            s[len] = 0;
            assert_int_equal(spotc__json_check(s, len) == 0, jansson_ok(s, len));
            free(s);
        }
    }
}

static void test_compact_keeps_strings(void **state)
{
    (void)state;
    char s[] = "{ \"a b\" :\t[ 1 ,\n\"x \\\" y\\\\\" , {\r\n} ] }";
    size_t len = spotc__json_compact(s, strlen(s));
    assert_int_equal(len, strlen("{\"a b\":[1,\"x \\\" y\\\\\",{}]}"));
    assert_memory_equal(s, "{\"a b\":[1,\"x \\\" y\\\\\",{}]}", len);
}

static spotc_response *response(const char *body)
{
    spotc_response *r = spotc__response_new();
    assert_non_null(r);
    assert_int_equal(spotc__buf_puts(&r->body, body), 0);
    return r;
}

static const char page[] =
    "{ \"href\": \"h\", \"items\": [ {\"added_at\": \"2024\", \"item\": {\"name\": \"a b\"}},\n"
    "null, {\"item\": null} ], \"limit\": 3, \"next\": \"http:\\/\\/x\\/?offset=3\","
    " \"offset\": 0, \"total\": 7 }";

static void test_page_items_in_order(void **state)
{
    (void)state;
    spotc_response *r = response(page);
    spotc__page_text t = {0};
    assert_int_equal(spotc__page_text_scan(r, "", &t), 0);
    assert_true(t.ok);
    assert_int_equal(t.n, 3);
    static const char *const want[] = {"{\"added_at\":\"2024\",\"item\":{\"name\":\"a b\"}}",
                                       "null", "{\"item\":null}"};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(t.items[i].len, strlen(want[i]));
        assert_memory_equal(t.items[i].p, want[i], t.items[i].len);
    }
    /* The document is the page, with stand-ins for the items. */
    json_t *doc = r->json;
    assert_true(r->json_tried);
    assert_string_equal(json_string_value(json_object_get(doc, "next")), "http://x/?offset=3");
    assert_int_equal(json_integer_value(json_object_get(doc, "total")), 7);
    json_t *items = json_object_get(doc, "items");
    assert_int_equal(json_array_size(items), 3);
    assert_true(json_is_object(json_array_get(items, 0)));
    assert_true(json_is_null(json_array_get(items, 1)));
    spotc__page_text_free(&t);
    spotc_response_free(r);
}

/* A page already parsed keeps its document; the items are still found. */
static void test_page_parsed_before(void **state)
{
    (void)state;
    spotc_response *r = response(page);
    json_t *full = spotc_response_get_json(r);
    assert_non_null(full);
    spotc__page_text t = {0};
    assert_int_equal(spotc__page_text_scan(r, "", &t), 0);
    assert_true(t.ok);
    assert_ptr_equal(r->json, full);
    assert_int_equal(t.n, 3);
    spotc__page_text_free(&t);
    spotc_response_free(r);
}

static void test_page_under_key(void **state)
{
    (void)state;
    spotc_response *r = response("{\"x\":[1],\"tracks\":{\"items\":[{\"a\":1}],\"total\":1}}");
    spotc__page_text t = {0};
    assert_int_equal(spotc__page_text_scan(r, "tracks", &t), 0);
    assert_true(t.ok);
    assert_int_equal(t.n, 1);
    assert_memory_equal(t.items[0].p, "{\"a\":1}", 7);
    assert_int_equal(json_array_size(json_object_get(r->json, "x")), 1);
    assert_int_equal(
        json_integer_value(json_object_get(json_object_get(r->json, "tracks"), "total")), 1);
    spotc__page_text_free(&t);
    spotc_response_free(r);
}

/* Bad JSON is left to the ordinary parse, which says where it is wrong. */
static void test_bad_page_left_to_parse(void **state)
{
    (void)state;
    spotc_response *r = response("{\"items\":[{\"a\":1},{\"b\":\"\\u0000\"}],\"total\":2}");
    spotc__page_text t = {0};
    assert_int_equal(spotc__page_text_scan(r, "", &t), 0);
    assert_false(t.ok);
    assert_false(r->json_tried);
    assert_null(spotc_response_get_json(r));
    spotc__page_text_free(&t);
    spotc_response_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accepts_what_jansson_accepts),
        cmocka_unit_test(test_refuses_what_jansson_refuses),
        cmocka_unit_test(test_depth_limit_as_jansson),
        cmocka_unit_test(test_nul_after_number_refused),
        cmocka_unit_test(test_compact_keeps_strings),
        cmocka_unit_test(test_page_items_in_order),
        cmocka_unit_test(test_page_parsed_before),
        cmocka_unit_test(test_page_under_key),
        cmocka_unit_test(test_bad_page_left_to_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
