/* SHA-256 (auth/sha256.c): the FIPS 180-4 examples (NIST's published test
 * vectors), whole and split into parts at every point. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"

static void hex(char out[2 * SPOTC__SHA256_LEN + 1], const unsigned char *d)
{
    for (size_t i = 0; i < SPOTC__SHA256_LEN; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void check(const spotc__sha256_part *parts, size_t n, const char *want)
{
    unsigned char d[SPOTC__SHA256_LEN];
    char got[2 * SPOTC__SHA256_LEN + 1];
    assert_int_equal(spotc__sha256(d, parts, n), 0);
    hex(got, d);
    assert_string_equal(got, want);
}

/* The message whole, then in two parts split at every offset, then one byte a part. */
static void check_splits(const char *msg, const char *want)
{
    size_t len = strlen(msg);
    check(&(spotc__sha256_part){msg, len}, 1, want);
    for (size_t at = 0; at <= len; at++) {
        spotc__sha256_part two[] = {{msg, at}, {msg + at, len - at}};
        check(two, 2, want);
    }
    spotc__sha256_part *bytes = calloc(len + 1, sizeof *bytes);
    assert_non_null(bytes);
    for (size_t i = 0; i < len; i++)
        bytes[i] = (spotc__sha256_part){msg + i, 1};
    check(bytes, len, want);
    free(bytes);
}

static void one_block(void **state)
{
    (void)state;
    check_splits("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void two_blocks(void **state)
{
    (void)state;
    check_splits("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void empty(void **state)
{
    (void)state;
    const char *want = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    check(NULL, 0, want);
    check(&(spotc__sha256_part){NULL, 0}, 1, want);
}

/* One million 'a': many blocks, fed as 1000 parts of 1000. */
static void million_a(void **state)
{
    (void)state;
    char kilo[1000];
    memset(kilo, 'a', sizeof kilo);
    spotc__sha256_part parts[1000];
    for (size_t i = 0; i < 1000; i++)
        parts[i] = (spotc__sha256_part){kilo, sizeof kilo};
    check(parts, 1000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(one_block),
        cmocka_unit_test(two_blocks),
        cmocka_unit_test(empty),
        cmocka_unit_test(million_a),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
