/* The fault rules' glob matcher (src/emulator/server/glob.c): its meaning, and its cost on
 * hostile patterns (a backtracking matcher took 18 s on the last case). */
#define _GNU_SOURCE /* glob.c uses memmem; it must come before the first system header */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../src/emulator/server/glob.c"

static void test_meaning(void **state)
{
    (void)state;
    static const struct {
        const char *p, *s;
        int want;
    } cases[] = {
        {"/v1/tracks/abc", "/v1/tracks/abc", 1}, {"/v1/tracks/abc", "/v1/tracks/ab", 0},
        {"/v1/tracks/*", "/v1/tracks/abc", 1},   {"/v1/tracks/*", "/v1/tracks/", 1},
        {"/v1/tracks/*", "/v1/track", 0},         {"*", "", 1},
        {"*", "/anything/at/all", 1},             {"", "", 1},
        {"", "/", 0},                             {"/v1/*/tracks", "/v1/albums/x/tracks", 1},
        {"/v1/*/tracks", "/v1/albums/x/track", 0}, {"*a*b*c*", "xxaxxbxxcxx", 1},
        {"*a*b*c*", "xxcxxbxxaxx", 0},            {"a*a", "a", 0},
        {"a*a", "aa", 1},                         {"**", "x", 1},
        {"*ab", "aab", 1},                        {"ab*ab", "abab", 1},
        {"ab*ab", "aba", 0},                      {"*/me/*", "/v1/me/tracks", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (emu_glob_match(cases[i].p, cases[i].s) != cases[i].want)
            fail_msg("'%s' against '%s': want %d", cases[i].p, cases[i].s, cases[i].want);
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_hostile_cost(void **state)
{
    (void)state;
    /* "*a*a*a...*b" against "aaaa...": every star once had to retry every position. */
    size_t plen = 30000, slen = 60000;
    char *p = malloc(plen + 1), *s = malloc(slen + 1);
    assert_non_null(p);
    assert_non_null(s);
    for (size_t i = 0; i < plen; i++)
        p[i] = i % 2 ? 'a' : '*';
    p[plen - 1] = 'b';
    p[plen] = 0;
    memset(s, 'a', slen);
    s[slen] = 0;
    double t0 = seconds();
    assert_false(emu_glob_match(p, s));
    memset(p, 'a', plen); /* one long literal after a star */
    p[0] = '*';
    p[plen - 1] = 'b';
    assert_false(emu_glob_match(p, s));
    s[slen - 1] = 'b';
    assert_true(emu_glob_match(p, s));
    double took = seconds() - t0;
    assert_true(took < 0.5); /* linear: microseconds to milliseconds, even under sanitizers */
    free(p);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meaning),
        cmocka_unit_test(test_hostile_cost),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
