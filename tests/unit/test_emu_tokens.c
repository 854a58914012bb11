/* The emulator's token table and key ring (src/emulator/accounts/tokens.c, keyring.c):
 * expired tokens are dropped as new ones come, and one app and user hold at most
 * EMU_TOKENS_PER_GRANTEE of each kind, whatever a client asks for. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/emulator/accounts/keyring.c"
#include "../../src/emulator/accounts/tokens.c"
#include "../../src/emulator/json/map.c"

static void test_keyring_order(void **state)
{
    (void)state;
    emu_keyring r;
    char key[8], evicted[8];
    emu_keyring_init(&r, sizeof key, 40);
    for (int i = 0; i < 10; i++) {
        snprintf(key, sizeof key, "k%d", i);
        assert_int_equal(emu_keyring_push(&r, key, evicted), 0);
    }
    for (int i = 0; i < 5; i++)
        emu_keyring_pop(&r);
    for (int i = 10; i < 100; i++) { /* grows while wrapped around, then evicts */
        snprintf(key, sizeof key, "k%d", i);
        int rc = emu_keyring_push(&r, key, evicted);
        assert_int_equal(rc, i >= 45);
        if (rc == 1) {
            snprintf(key, sizeof key, "k%d", i - 40);
            assert_string_equal(evicted, key);
        }
    }
    assert_int_equal(r.len, 40);
    for (int i = 60; i < 100; i++) {
        snprintf(key, sizeof key, "k%d", i);
        assert_string_equal(emu_keyring_front(&r), key);
        emu_keyring_pop(&r);
    }
    assert_null(emu_keyring_front(&r));
    emu_keyring_pop(&r); /* empty: no-op */
    emu_keyring_free(&r);
}

static void test_cap_per_grantee(void **state)
{
    (void)state;
    emu_tokens *t = emu_tokens_new();
    assert_non_null(t);
    char first[EMU_TOKEN_LEN + 1], tok[EMU_TOKEN_LEN + 1];
    char rfirst[EMU_REFRESH_LEN + 1], rt[EMU_REFRESH_LEN + 1];
    emu_token_info demo = {.app = 0}, out;
    snprintf(demo.user, sizeof demo.user, "demo");
    emu_token_info other = {.app = 1};
    assert_int_equal(emu_tokens_issue(t, &other, 1000, tok, NULL), 0);
    assert_int_equal(emu_tokens_issue(t, &demo, 1000, first, rfirst), 0);
    for (int i = 0; i < EMU_TOKENS_PER_GRANTEE + 500; i++)
        assert_int_equal(emu_tokens_issue(t, &demo, 1000, tok, rt), 0);
    assert_int_equal(emu_tokens_count(t), EMU_TOKENS_PER_GRANTEE + 1);
    assert_int_equal(emu_tokens_lookup(t, first, &out), -1);        /* the oldest died */
    assert_int_equal(emu_tokens_refresh_lookup(t, rfirst, &out), -1);
    assert_int_equal(emu_tokens_lookup(t, tok, &out), 0);           /* the newest lives */
    assert_int_equal(emu_tokens_refresh_lookup(t, rt, &out), 0);
    emu_tokens_free(t);
}

static void test_expired_dropped(void **state)
{
    (void)state;
    emu_tokens *t = emu_tokens_new();
    assert_non_null(t);
    char old[EMU_TOKEN_LEN + 1], tok[EMU_TOKEN_LEN + 1], rt[EMU_REFRESH_LEN + 1];
    emu_token_info info = {.app = 0}, out;
    for (int i = 0; i < 100; i++)
        assert_int_equal(emu_tokens_issue(t, &info, 0, old, NULL), 0);
    /* An hour of life and an hour of grace later, they are still told apart... */
    assert_int_equal(emu_tokens_issue(t, &info, 2 * 3600 * 1000, tok, NULL), 0);
    assert_int_equal(emu_tokens_count(t), 101);
    assert_int_equal(emu_tokens_lookup(t, old, &out), 0);
    /* ...and gone with the next token after that. */
    assert_int_equal(emu_tokens_issue(t, &info, 2 * 3600 * 1000 + 1, tok, rt), 0);
    assert_int_equal(emu_tokens_count(t), 2);
    assert_int_equal(emu_tokens_lookup(t, old, &out), -1);
    /* Spent refresh tokens leave the ring as well as the table. */
    assert_int_equal(emu_tokens_refresh_spend(t, rt), 1);
    assert_int_equal(emu_tokens_issue(t, &info, 2 * 3600 * 1000 + 2, tok, rt), 0);
    emu_tokens_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keyring_order),
        cmocka_unit_test(test_cap_per_grantee),
        cmocka_unit_test(test_expired_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
