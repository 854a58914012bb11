/*
 * ID parsing: every form people paste, and everything that must be refused
 * with a message that quotes the input.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <spotc.h>

#define TRACK_ID "4iV5W9uYEdYUVa79Axb7Rh"
#define ALBUM_ID "1A2GTWGtFfWp7KSQTwWOyo"

static void expect_ok(const char *input, spotc_item_type expected, spotc_item_type type,
                      const char *id)
{
    spotc_id out;
    char err[256] = "untouched";
    int rc = spotc_id_parse(&out, input, expected, err, sizeof err);
    if (rc != 0)
        fail_msg("%s: rc %d (%s)", input, rc, err);
    assert_string_equal(err, "");
    assert_int_equal(out.type, type);
    assert_string_equal(out.id, id);
}

/* Refused, and the message mentions each of the NULL-terminated fragments. */
static void expect_bad(const char *input, spotc_item_type expected, ...)
{
    spotc_id out;
    memset(&out, 0x55, sizeof out);
    char err[512] = "";
    assert_int_equal(spotc_id_parse(&out, input, expected, err, sizeof err), SPOTC_EINVALID);
    assert_true(strlen(err) > 0);
    assert_string_equal(out.id, ""); /* nothing half-parsed is left behind */
    va_list ap;
    va_start(ap, expected);
    for (const char *frag; (frag = va_arg(ap, const char *)) != NULL;)
        if (!strstr(err, frag))
            fail_msg("message for %s lacks \"%s\": %s", input ? input : "NULL", frag, err);
    va_end(ap);
}

static void test_bare_ids(void **state)
{
    (void)state;
    expect_ok(TRACK_ID, SPOTC_TYPE_TRACK, SPOTC_TYPE_TRACK, TRACK_ID);
    expect_ok(TRACK_ID, SPOTC_TYPE_ANY, SPOTC_TYPE_ANY, TRACK_ID);
    expect_ok(ALBUM_ID, SPOTC_TYPE_ALBUM, SPOTC_TYPE_ALBUM, ALBUM_ID);
    expect_ok("0000000000000000000000", SPOTC_TYPE_CHAPTER, SPOTC_TYPE_CHAPTER,
              "0000000000000000000000");
}

static void test_uris(void **state)
{
    (void)state;
    expect_ok("spotify:track:" TRACK_ID, SPOTC_TYPE_TRACK, SPOTC_TYPE_TRACK, TRACK_ID);
    expect_ok("spotify:track:" TRACK_ID, SPOTC_TYPE_ANY, SPOTC_TYPE_TRACK, TRACK_ID);
    expect_ok("spotify:album:" ALBUM_ID, SPOTC_TYPE_ANY, SPOTC_TYPE_ALBUM, ALBUM_ID);
    expect_ok("SPOTIFY:Track:" TRACK_ID, SPOTC_TYPE_TRACK, SPOTC_TYPE_TRACK, TRACK_ID);
    expect_ok("spotify:episode:" TRACK_ID, SPOTC_TYPE_EPISODE, SPOTC_TYPE_EPISODE, TRACK_ID);
    expect_ok("spotify:audiobook:" TRACK_ID, SPOTC_TYPE_ANY, SPOTC_TYPE_AUDIOBOOK, TRACK_ID);
    /* The old user-scoped playlist URI names a playlist. */
    expect_ok("spotify:user:spotify:playlist:37i9dQZF1DXcBWIGoYBM5M", SPOTC_TYPE_PLAYLIST,
              SPOTC_TYPE_PLAYLIST, "37i9dQZF1DXcBWIGoYBM5M");
}

static void test_links(void **state)
{
    (void)state;
    const char *ok[] = {
        "https://open.spotify.com/track/" TRACK_ID,
        "https://open.spotify.com/track/" TRACK_ID "?si=a1b2c3d4e5f6",
        "https://open.spotify.com/track/" TRACK_ID "?si=x&context=spotify%3Aalbum%3Ay",
        "https://open.spotify.com/intl-de/track/" TRACK_ID "?si=abc",
        "https://open.spotify.com/intl-pt/track/" TRACK_ID,
        "https://open.spotify.com/embed/track/" TRACK_ID,
        "https://open.spotify.com/track/" TRACK_ID "/",
        "https://open.spotify.com/track/" TRACK_ID "#t=30",
        "http://open.spotify.com/track/" TRACK_ID,
        "HTTPS://OPEN.SPOTIFY.COM/track/" TRACK_ID,
        "open.spotify.com/track/" TRACK_ID,
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        expect_ok(ok[i], SPOTC_TYPE_TRACK, SPOTC_TYPE_TRACK, TRACK_ID);
        expect_ok(ok[i], SPOTC_TYPE_ANY, SPOTC_TYPE_TRACK, TRACK_ID);
    }
    expect_ok("https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M?si=1", SPOTC_TYPE_ANY,
              SPOTC_TYPE_PLAYLIST, "37i9dQZF1DXcBWIGoYBM5M");
    expect_ok("https://open.spotify.com/user/bob/playlist/37i9dQZF1DXcBWIGoYBM5M",
              SPOTC_TYPE_PLAYLIST, SPOTC_TYPE_PLAYLIST, "37i9dQZF1DXcBWIGoYBM5M");
}

static void test_user_ids(void **state)
{
    (void)state;
    expect_ok("smedjan", SPOTC_TYPE_USER, SPOTC_TYPE_USER, "smedjan");
    expect_ok("john.doe_99-x", SPOTC_TYPE_USER, SPOTC_TYPE_USER, "john.doe_99-x");
    expect_ok("spotify:user:smedjan", SPOTC_TYPE_USER, SPOTC_TYPE_USER, "smedjan");
    expect_ok("spotify:user:smedjan", SPOTC_TYPE_ANY, SPOTC_TYPE_USER, "smedjan");
    expect_ok("https://open.spotify.com/user/smedjan?si=abc", SPOTC_TYPE_USER, SPOTC_TYPE_USER,
              "smedjan");
    expect_ok("demo", SPOTC_TYPE_USER, SPOTC_TYPE_USER, "demo");
    /* A 22-character user name is still a user name. */
    expect_ok(TRACK_ID, SPOTC_TYPE_USER, SPOTC_TYPE_USER, TRACK_ID);
    expect_bad("bob smith", SPOTC_TYPE_USER, "\"bob smith\"", "user", NULL);
    expect_bad("bob/../x", SPOTC_TYPE_USER, "'/'", NULL);
    char longname[SPOTC_ID_MAX + 2];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    expect_bad(longname, SPOTC_TYPE_USER, "too long", NULL);
    longname[SPOTC_ID_MAX] = '\0';
    expect_ok(longname, SPOTC_TYPE_USER, SPOTC_TYPE_USER, longname);
}

static void test_wrong_type(void **state)
{
    (void)state;
    expect_bad("spotify:album:" ALBUM_ID, SPOTC_TYPE_TRACK, "an album", "not a track",
               "\"spotify:album:" ALBUM_ID "\"", NULL);
    expect_bad("https://open.spotify.com/artist/" TRACK_ID "?si=1", SPOTC_TYPE_ALBUM,
               "not an album", NULL);
    expect_bad("spotify:user:bob", SPOTC_TYPE_TRACK, "user", NULL);
    expect_bad("spotify:bogus:" TRACK_ID, SPOTC_TYPE_ANY, "unknown item type", NULL);
    expect_bad("https://open.spotify.com/bogus/" TRACK_ID, SPOTC_TYPE_ANY, "unknown", NULL);
    expect_bad("spotify:local:artist:album:title:200", SPOTC_TYPE_TRACK, NULL);
}

static void test_bad_lengths_and_characters(void **state)
{
    (void)state;
    expect_bad("4iV5W9uYEdYUVa79Axb7R", SPOTC_TYPE_TRACK, "21 characters", "22",
               "\"4iV5W9uYEdYUVa79Axb7R\"", NULL);
    expect_bad("4iV5W9uYEdYUVa79Axb7Rhh", SPOTC_TYPE_TRACK, "23 characters", NULL);
    expect_bad("x", SPOTC_TYPE_TRACK, "has 1 character;", NULL);
    expect_bad("spotify:track:4iV5W9uYEdYUVa79Axb7R", SPOTC_TYPE_TRACK, "21 characters", NULL);
    expect_bad("4iV5W9uYEdYUVa79Axb7R!", SPOTC_TYPE_TRACK, "'!'", "base62", NULL);
    expect_bad("4iV5W9uYEdYUVa79Axb7R_", SPOTC_TYPE_TRACK, "'_'", NULL);
    expect_bad(TRACK_ID " ", SPOTC_TYPE_TRACK, "0x20", NULL);
    expect_bad(" " TRACK_ID, SPOTC_TYPE_TRACK, NULL);
    expect_bad(TRACK_ID "\n", SPOTC_TYPE_TRACK, "\\x0a", NULL);
    expect_bad("4iV5W9uYEdYUVa79Axb7\xc3\xa9", SPOTC_TYPE_TRACK, "\\xc3", NULL);
    expect_bad("abc", SPOTC_TYPE_TRACK, "\"abc\"", "spotify:track:ID", "open.spotify.com/track/ID",
               NULL);
    expect_bad("abc", SPOTC_TYPE_ANY, "spotify:TYPE:ID", NULL);
}

static void test_malformed_forms(void **state)
{
    (void)state;
    expect_bad("", SPOTC_TYPE_TRACK, "empty", NULL);
    expect_bad("spotify:", SPOTC_TYPE_TRACK, NULL);
    expect_bad("spotify:track", SPOTC_TYPE_TRACK, "spotify:TYPE:ID", NULL);
    expect_bad("spotify:track:", SPOTC_TYPE_TRACK, "empty", NULL);
    expect_bad("spotify:track:" TRACK_ID ":extra", SPOTC_TYPE_TRACK, "after the ID", NULL);
    expect_bad("spotify::" TRACK_ID, SPOTC_TYPE_TRACK, NULL);
    expect_bad("https://open.spotify.com/track/" TRACK_ID "/extra", SPOTC_TYPE_TRACK,
               "after the ID", NULL);
    expect_bad("https://open.spotify.com/track/", SPOTC_TYPE_TRACK, "empty", NULL);
    expect_bad("https://open.spotify.com/track", SPOTC_TYPE_TRACK, "open.spotify.com/TYPE/ID",
               NULL);
    expect_bad("https://open.spotify.com", SPOTC_TYPE_TRACK, NULL);
    expect_bad("https://open.spotify.com/", SPOTC_TYPE_TRACK, NULL);
    expect_bad("https://example.com/track/" TRACK_ID, SPOTC_TYPE_TRACK, "open.spotify.com", NULL);
    expect_bad("https://open.spotify.com.evil.example/track/" TRACK_ID, SPOTC_TYPE_TRACK, NULL);
    expect_bad("ftp://open.spotify.com/track/" TRACK_ID, SPOTC_TYPE_TRACK, NULL);
    expect_bad("https://open.spotify.com/intl-de/", SPOTC_TYPE_TRACK, NULL);
    expect_bad("https://open.spotify.com/intl-de/track", SPOTC_TYPE_TRACK, NULL);
}

static void test_null_and_tiny_buffers(void **state)
{
    (void)state;
    spotc_id out;
    char err[128];
    assert_int_equal(spotc_id_parse(&out, NULL, SPOTC_TYPE_TRACK, err, sizeof err), SPOTC_EINVALID);
    assert_non_null(strstr(err, "no track ID"));
    assert_int_equal(spotc_id_parse(NULL, TRACK_ID, SPOTC_TYPE_TRACK, err, sizeof err),
                     SPOTC_EINVALID);
    assert_int_equal(spotc_id_parse(&out, "x", SPOTC_TYPE_TRACK, NULL, 0), SPOTC_EINVALID);
    assert_int_equal(spotc_id_parse(&out, TRACK_ID, SPOTC_TYPE_TRACK, NULL, 0), 0);
    /* Messages are cut to the buffer, never past it (ASan would tell). */
    for (size_t n = 1; n < 12; n++) {
        char small[12];
        memset(small, 'z', sizeof small);
        assert_int_equal(spotc_id_parse(&out, "bad id", SPOTC_TYPE_TRACK, small, n),
                         SPOTC_EINVALID);
        assert_int_equal(small[n - 1], '\0');
        if (n < sizeof small)
            assert_int_equal(small[n], 'z');
    }
    /* A type out of range counts as "any". */
    assert_int_equal(spotc_id_parse(&out, TRACK_ID, (spotc_item_type)99, err, sizeof err), 0);
    assert_int_equal(out.type, SPOTC_TYPE_ANY);
}

static void test_quoting_is_bounded(void **state)
{
    (void)state;
    char input[3000];
    memset(input, 'x', sizeof input - 1);
    input[sizeof input - 1] = '\0';
    spotc_id out;
    char err[1024];
    assert_int_equal(spotc_id_parse(&out, input, SPOTC_TYPE_TRACK, err, sizeof err),
                     SPOTC_EINVALID);
    assert_non_null(strstr(err, "..."));
    assert_true(strlen(err) < 300);
    input[200] = '\0';
    assert_int_equal(spotc_id_parse(&out, input, SPOTC_TYPE_TRACK, err, sizeof err),
                     SPOTC_EINVALID);
    assert_non_null(strstr(err, "xxx..."));
    assert_int_equal(spotc_id_parse(&out, "a\"b\\c\x01", SPOTC_TYPE_TRACK, err, sizeof err),
                     SPOTC_EINVALID);
    assert_non_null(strstr(err, "\"a\\\"b\\\\c\\x01\""));
}

static void test_type_names(void **state)
{
    (void)state;
    for (int t = SPOTC_TYPE_TRACK; t <= SPOTC_TYPE_USER; t++) {
        const char *name = spotc_id_type_to_name((spotc_item_type)t);
        assert_non_null(name);
        assert_int_equal(spotc_id_type_from_name(name), t);
    }
    assert_string_equal(spotc_id_type_to_name(SPOTC_TYPE_AUDIOBOOK), "audiobook");
    assert_null(spotc_id_type_to_name(SPOTC_TYPE_ANY));
    assert_null(spotc_id_type_to_name((spotc_item_type)42));
    assert_null(spotc_id_type_to_name((spotc_item_type)-1));
    assert_int_equal(spotc_id_type_from_name("Track"), SPOTC_TYPE_TRACK);
    assert_int_equal(spotc_id_type_from_name("tracks"), SPOTC_TYPE_ANY);
    assert_int_equal(spotc_id_type_from_name(""), SPOTC_TYPE_ANY);
    assert_int_equal(spotc_id_type_from_name(NULL), SPOTC_TYPE_ANY);
}

static void test_to_uri(void **state)
{
    (void)state;
    spotc_id id;
    char buf[64];
    assert_int_equal(
        spotc_id_parse(&id, "https://open.spotify.com/track/" TRACK_ID, SPOTC_TYPE_ANY, NULL, 0),
        0);
    assert_int_equal(spotc_id_format_uri(buf, sizeof buf, &id), 0);
    assert_string_equal(buf, "spotify:track:" TRACK_ID);
    spotc_id back;
    assert_int_equal(spotc_id_parse(&back, buf, SPOTC_TYPE_TRACK, NULL, 0), 0);
    assert_string_equal(back.id, TRACK_ID);
    /* Too small: an error and an empty string, not a cut URI. */
    assert_int_equal(spotc_id_format_uri(buf, 20, &id), SPOTC_EINVALID);
    assert_string_equal(buf, "");
    assert_int_equal(spotc_id_format_uri(buf, 0, &id), SPOTC_EINVALID);
    assert_int_equal(spotc_id_format_uri(NULL, 10, &id), SPOTC_EINVALID);
    assert_int_equal(spotc_id_format_uri(buf, sizeof buf, NULL), SPOTC_EINVALID);
    id.type = SPOTC_TYPE_ANY;
    assert_int_equal(spotc_id_format_uri(buf, sizeof buf, &id), SPOTC_EINVALID);
    id.type = SPOTC_TYPE_USER;
    snprintf(id.id, sizeof id.id, "demo");
    assert_int_equal(spotc_id_format_uri(buf, sizeof buf, &id), 0);
    assert_string_equal(buf, "spotify:user:demo");
    id.id[0] = '\0';
    assert_int_equal(spotc_id_format_uri(buf, sizeof buf, &id), SPOTC_EINVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bare_ids),
        cmocka_unit_test(test_uris),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_user_ids),
        cmocka_unit_test(test_wrong_type),
        cmocka_unit_test(test_bad_lengths_and_characters),
        cmocka_unit_test(test_malformed_forms),
        cmocka_unit_test(test_null_and_tiny_buffers),
        cmocka_unit_test(test_quoting_is_bounded),
        cmocka_unit_test(test_type_names),
        cmocka_unit_test(test_to_uri),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
