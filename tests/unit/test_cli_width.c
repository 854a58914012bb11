/* The CLI's display width and cutting of UTF-8 cells (src/cli/width.c, pure code). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cli/width.c"

static void test_width_ascii_wide_combining(void **state)
{
    (void)state;
    assert_int_equal(cli_display_width(""), 0);
    assert_int_equal(cli_display_width("Miles Davis"), 11);
    assert_int_equal(cli_display_width("Bj\xC3\xB6rk"), 5);                         /* Björk */
    assert_int_equal(cli_display_width("e\xCC\x81"), 1);                            /* e + U+0301 */
    assert_int_equal(cli_display_width("\xE5\xAE\x87\xE5\xA4\x9A\xE7\x94\xB0"), 6); /* 宇多田 */
    assert_int_equal(cli_display_width("\xF0\x9F\x8E\xB5"), 2);                     /* U+1F3B5 */
}

static void test_decode_malformed(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(cli_utf8_decode("\xC3", 1, &cp), 1); /* cut short */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(cli_utf8_decode("\xC0\xAF", 2, &cp), 1); /* overlong */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(cli_utf8_decode("\xED\xA0\x80", 3, &cp), 1); /* surrogate */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(cli_utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1); /* > U+10FFFF */
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(cli_utf8_decode("\xE2\x80\xA6", 3, &cp), 3);
    assert_int_equal(cp, 0x2026);
}

static void test_clean_controls_and_bad_bytes(void **state)
{
    (void)state;
    char *s = cli_cell_clean("a\tb\nc\x1b[31m\xFF");
    assert_string_equal(s, "a b c [31m\xEF\xBF\xBD");
    free(s);
    /* bidi controls from the network (U+202E, U+2066, U+200F) are dropped */
    s = cli_cell_clean("evil\xE2\x80\xAEtxt.exe \xE2\x81\xA6x\xE2\x80\x8F");
    assert_string_equal(s, "eviltxt.exe x");
    free(s);
}

/* JSON output: bidi controls as \u escapes (the same string, shown plainly). */
static void test_json_bidi_escaped(void **state)
{
    (void)state;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    assert_int_equal(cli_write_bidi_escaped(f, "{\"name\":\"a\xE2\x80\xAE" "b \xC3\xA9\"}"), 0);
    fclose(f);
    assert_string_equal(out, "{\"name\":\"a\\u202eb \xC3\xA9\"}");
    free(out);
}

static void check_cut(const char *in, size_t max, const char *want)
{
    char *s = cli_truncate(in, max);
    assert_non_null(s);
    assert_string_equal(s, want);
    assert_true(cli_display_width(s) <= max);
    free(s);
}

static void test_truncate(void **state)
{
    (void)state;
    check_cut("Kind of Blue", 20, "Kind of Blue");
    check_cut("Kind of Blue", 12, "Kind of Blue");
    check_cut("Kind of Blue", 8, "Kind of\xE2\x80\xA6");
    check_cut("Kind of Blue", 1, "\xE2\x80\xA6");
    check_cut("Kind of Blue", 0, "");
    /* A wide character that does not fit whole is left out, not split. */
    check_cut("\xE5\xAE\x87\xE5\xA4\x9A\xE7\x94\xB0", 4, "\xE5\xAE\x87\xE2\x80\xA6");
    /* A combining mark stays with its letter. */
    check_cut("e\xCC\x81"
              "abc",
              2, "e\xCC\x81\xE2\x80\xA6");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width_ascii_wide_combining),
        cmocka_unit_test(test_decode_malformed),
        cmocka_unit_test(test_clean_controls_and_bad_bytes),
        cmocka_unit_test(test_json_bidi_escaped),
        cmocka_unit_test(test_truncate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
