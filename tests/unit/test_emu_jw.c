/* The emulator's JSON writer (src/emulator/json/jw.c, pure code): strings are always valid JSON. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/emulator/json/jw.c"

/* The JSON text jw writes for the string @p s of @p n bytes (compared, then freed). */
static void check(const char *s, size_t n, const char *want)
{
    jw w;
    jw_init(&w, 16);
    jw_strn(&w, s, n);
    size_t len = 0;
    char *got = jw_finish(&w, &len);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_escapes(void **state)
{
    (void)state;
    check("a\"b\\c\n\x01", 7, "\"a\\\"b\\\\c\\n\\u0001\"");
}

static void test_valid_utf8_kept(void **state)
{
    (void)state;
    check("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8e\xb5", 14,
          "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x8e\xb5\"");
}

/* Echoed input (a URI in an error message) may hold any byte; a strict JSON parser refuses
 * invalid UTF-8, so the client could not read the error at all. */
static void test_invalid_utf8_replaced(void **state)
{
    (void)state;
    check("a\xff"
          "b",
          3, "\"a\\ufffdb\"");
    check("\xc3", 1, "\"\\ufffd\""); /* cut short at the end */
    check("\xc3"
          "a",
          2, "\"\\ufffda\"");                              /* cut short by an ASCII byte */
    check("\xc0\xaf", 2, "\"\\ufffd\\ufffd\"");            /* overlong */
    check("\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\""); /* a UTF-16 surrogate */
    check("\xf4\x90\x80\x80", 4, "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* beyond U+10FFFF */
}

/* jw_int converts by hand (no snprintf): the extremes, zero and negatives. */
static void test_ints(void **state)
{
    (void)state;
    jw w;
    jw_init(&w, 4);
    jw_arr(&w);
    const long long v[] = {0, 7, -1, 1234567890123LL, INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        jw_int(&w, v[i]);
    jw_arr_end(&w);
    size_t len = 0;
    char *got = jw_finish(&w, &len);
    assert_non_null(got);
    assert_string_equal(got, "[0,7,-1,1234567890123,9223372036854775807,-9223372036854775808]");
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ints),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_valid_utf8_kept),
        cmocka_unit_test(test_invalid_utf8_replaced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
