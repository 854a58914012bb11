/* The emulator's search text folding and scoring (src/emulator/catalogue/fold.c and
 * search_score.c, pure code): accents, case, word prefixes, phrases, relevance. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/emulator/catalogue/fold.c"
#include "../../src/emulator/catalogue/search_score.c"
#include "../../src/emulator/catalogue/words.c"
#include "../../src/emulator/json/jw.c"

static void fold_is(const char *in, size_t outsz, const char *want)
{
    char out[256];
    assert_true(outsz <= sizeof out);
    size_t n = emu_fold(in, strlen(in), out, outsz);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
}

static void test_fold(void **state)
{
    (void)state;
    fold_is("Beyoncé", 64, "beyonce");
    fold_is("  Sigur Rós -- Ágætis byrjun!", 64, "sigur ros agaetis byrjun");
    fold_is("Straße ŁÓDŹ Œuvre", 64, "strasse lodz oeuvre");
    fold_is("AC/DC", 64, "ac dc");
    fold_is("東京 Tokyo", 64, "東京 tokyo");
    fold_is("bad\xff\xfe byte \xc3", 64, "bad byte");
    fold_is("hello world", 8, "hello"); /* a word that does not fit is left out whole */
    fold_is("", 8, "");
    fold_is("¿¡!?", 8, "");
}

/* A free-text term (no vocabulary keys). */
static emu_search_term term(const char *text, int whole, int follows)
{
    emu_search_term t = {.whole = (uint8_t)whole, .follows = (uint8_t)follows,
                         .lo = 0, .hi = 0, .exact = -1};
    snprintf(t.text, sizeof t.text, "%s", text);
    t.len = (uint8_t)strlen(text);
    return t;
}

static int score(const emu_word_set *set, const char *own, const char *related)
{
    emu_sname a, b;
    emu_sname_of_text(&a, own);
    emu_sname_of_text(&b, related);
    const emu_sname *fields[2] = {&a, &b};
    return emu_search_score(set, fields, 2);
}

static void test_score(void **state)
{
    (void)state;
    emu_word_set fir = {.t = {term("fir", 0, 0)}, .n = 1};
    assert_true(score(&fir, "fire", "") > 0);
    assert_true(score(&fir, "satire", "") == 0); /* inside a word: no */
    assert_true(score(&fir, "", "the fire") > 0);
    /* Own name over related names; whole words over prefixes; the exact name first. */
    emu_word_set fire = {.t = {term("fire", 0, 0)}, .n = 1};
    assert_true(score(&fire, "fire", "") > score(&fire, "fire walk", ""));
    assert_true(score(&fire, "fire walk", "") > score(&fire, "firework", ""));
    assert_true(score(&fire, "firework", "") > score(&fire, "walk", "fire"));
    /* A phrase: whole words, in order, side by side, in one name. */
    emu_word_set phrase = {.t = {term("of", 1, 0), term("the", 1, 1), term("fire", 1, 1)}, .n = 3};
    assert_true(score(&phrase, "song of the fire", "") > 0);
    assert_int_equal(score(&phrase, "the fire of", ""), 0);
    assert_int_equal(score(&phrase, "song of the firework", ""), 0);
    assert_int_equal(score(&phrase, "song of", "the fire"), 0);
    /* Every term must match somewhere. */
    emu_word_set two = {.t = {term("fire", 0, 0), term("ice", 0, 0)}, .n = 2};
    assert_true(score(&two, "fire", "ice age") > 0);
    assert_int_equal(score(&two, "fire", "water"), 0);
    emu_word_set none = {.n = 0};
    assert_int_equal(score(&none, "", ""), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_score),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
