/* The emulator's header parsers (src/emulator/server/headers.c, pure code). Run under
 * the sanitizer build too: the padding cases once wrote before the buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/emulator/server/headers.c"

static int basic(const char *value, char *id, char *secret)
{
    return emu_header_basic(value, id, 64, secret, 64);
}

static void test_basic_valid(void **state)
{
    (void)state;
    char id[64], secret[64];
    /* "spotc-demo:spotc-demo-secret" */
    assert_int_equal(basic("Basic c3BvdGMtZGVtbzpzcG90Yy1kZW1vLXNlY3JldA==", id, secret), 0);
    assert_string_equal(id, "spotc-demo");
    assert_string_equal(secret, "spotc-demo-secret");
    assert_int_equal(basic("basic   YTpi", id, secret), 0); /* "a:b", scheme in any case */
    assert_string_equal(id, "a");
    assert_string_equal(secret, "b");
    assert_int_equal(basic("Basic YTo=", id, secret), 0); /* "a:" has an empty secret */
    assert_string_equal(secret, "");
}

static void test_basic_padding(void **state)
{
    (void)state;
    char id[64] = "x", secret[64] = "y";
    /* Padding alone, too much padding, padding in the middle: refused, nothing written
     * outside the buffers (ASan/UBSan check the second part). */
    const char *bad[] = {"Basic ====", "Basic =", "Basic ==", "Basic A===", "Basic AA=A",
                         "Basic ====YTpi", "Basic YTpi====", "Basic =YTp", "Basic ", "Basic",
                         "Basic YTp", "Basic !!!!", "Basic YWI=", /* "ab": no colon */
                         "Basic YQBiOmM=", /* "a\0b:c" */ "Bearer YTpi", "", NULL};
    for (size_t i = 0; bad[i]; i++) {
        assert_int_equal(basic(bad[i], id, secret), -1);
        assert_string_equal(id, "");
        assert_string_equal(secret, "");
    }
    assert_int_equal(basic(NULL, id, secret), -1);
}

static void test_basic_lengths(void **state)
{
    (void)state;
    char id[4], secret[4];
    assert_int_equal(emu_header_basic("Basic YWJjOmRlZg==", id, 4, secret, 4), 0); /* abc:def */
    assert_int_equal(emu_header_basic("Basic YWJjZDplZg==", id, 4, secret, 4), -1); /* abcd:ef */
    assert_int_equal(emu_header_basic("Basic YWI6Y2RlZg==", id, 4, secret, 4), -1); /* ab:cdef */
    char *huge = malloc(6 + EMU_BASIC_MAX + 5);
    assert_non_null(huge);
    memcpy(huge, "Basic ", 6);
    memset(huge + 6, 'A', EMU_BASIC_MAX + 4);
    huge[6 + EMU_BASIC_MAX + 4] = 0;
    assert_int_equal(emu_header_basic(huge, id, 4, secret, 4), -1);
    free(huge);
}

static void test_bearer(void **state)
{
    (void)state;
    const char *tok;
    assert_int_equal(emu_header_bearer("Bearer abc", &tok), EMU_BEARER_OK);
    assert_string_equal(tok, "abc");
    assert_int_equal(emu_header_bearer("  bearer\tabc", &tok), EMU_BEARER_OK);
    assert_string_equal(tok, "abc");
    assert_int_equal(emu_header_bearer(NULL, &tok), EMU_BEARER_NONE);
    assert_null(tok);
    assert_int_equal(emu_header_bearer("   ", &tok), EMU_BEARER_NONE);
    assert_int_equal(emu_header_bearer("Bearer", &tok), EMU_BEARER_NONE);
    assert_int_equal(emu_header_bearer("Bearer   ", &tok), EMU_BEARER_NONE);
    assert_int_equal(emu_header_bearer("Basic YTpi", &tok), EMU_BEARER_BAD_SCHEME);
    assert_int_equal(emu_header_bearer("Bearerabc", &tok), EMU_BEARER_BAD_SCHEME);
    assert_int_equal(emu_header_bearer("Bear", &tok), EMU_BEARER_BAD_SCHEME);
}

static void test_media_type(void **state)
{
    (void)state;
    const char *form = "application/x-www-form-urlencoded";
    assert_true(emu_header_media_type_is(form, form));
    assert_true(emu_header_media_type_is("Application/X-WWW-Form-URLEncoded; charset=UTF-8", form));
    assert_true(emu_header_media_type_is(" image/jpeg", "image/jpeg"));
    assert_false(emu_header_media_type_is("image/jpegx", "image/jpeg"));
    assert_false(emu_header_media_type_is("image/jpe", "image/jpeg"));
    assert_false(emu_header_media_type_is("", "image/jpeg"));
    assert_false(emu_header_media_type_is(NULL, "image/jpeg"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic_valid),   cmocka_unit_test(test_basic_padding),
        cmocka_unit_test(test_basic_lengths), cmocka_unit_test(test_bearer),
        cmocka_unit_test(test_media_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
