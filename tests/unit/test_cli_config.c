/* spotc's configuration file (src/cli/config.c): parsing, and the private-file rule for a
 * client secret. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/cli/config.c"

/* Stubs for what config.c uses from the rest of the tool. */
static char last_error[512];
void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
}
int cli_client(cli_ctx *ctx, spotc_client **out)
{
    (void)ctx;
    *out = NULL;
    return 0;
}

static void test_parse(void **state)
{
    (void)state;
    cli_config c = {0};
    char err[256] = "";
    const char *text = "# spotc\n\n  client_id = abc \nredirect_uri=http://127.0.0.1:8/cb\r\n"
                       "\tscopes = user-read-private, user-read-email\nclient_id = last\n";
    assert_int_equal(cli_config_parse(&c, text, err, sizeof err), 0);
    assert_string_equal(c.client_id, "last");
    assert_string_equal(c.redirect_uri, "http://127.0.0.1:8/cb");
    assert_string_equal(c.scopes, "user-read-private, user-read-email");
    assert_null(c.client_secret);
    cli_config_clear(&c);
    assert_int_equal(cli_config_parse(&c, "", err, sizeof err), 0);
    assert_null(c.client_id);
}

static void test_parse_errors(void **state)
{
    (void)state;
    static const struct {
        const char *text, *want;
    } bad[] = {
        {"client_id = a\nclientid = b\n", "line 2: unknown key 'clientid'"},
        {"just words\n", "line 1: expected 'key = value'"},
        {"scopes =   \n", "line 1: 'scopes' has no value"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        cli_config c = {0};
        char err[256] = "";
        assert_int_equal(cli_config_parse(&c, bad[i].text, err, sizeof err), -1);
        assert_non_null(strstr(err, bad[i].want));
        cli_config_clear(&c);
    }
}

/* A mistyped line may hold a secret before its '=': the error never quotes it. */
static void test_parse_error_hides_secret(void **state)
{
    (void)state;
    cli_config c = {0};
    char err[256] = "";
    assert_int_equal(cli_config_parse(&c, "client_secret: s3cr3tvalue=x\n", err, sizeof err), -1);
    assert_null(strstr(err, "s3cr3t"));
    assert_non_null(strstr(err, "line 1"));
    cli_config_clear(&c);
}

/* Write the config in a fresh XDG_CONFIG_HOME with the given mode, then read it. */
static int read_with_mode(const char *text, mode_t mode, cli_config *c)
{
    char dir[] = "/tmp/spotc-config-XXXXXX", path[512];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/spotc", dir);
    assert_int_equal(mkdir(path, 0700), 0);
    strcat(path, "/config");
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(chmod(path, mode), 0);
    setenv("XDG_CONFIG_HOME", dir, 1);
    last_error[0] = 0;
    int rc = cli_config_read(c);
    unlink(path);
    path[strlen(path) - 7] = 0;
    rmdir(path);
    rmdir(dir);
    return rc;
}

static void test_secret_needs_private_file(void **state)
{
    (void)state;
    cli_config c;
    const char *with_secret = "client_id = a\nclient_secret = s3cret\n";
    assert_int_equal(read_with_mode(with_secret, 0644, &c), CLI_EXIT_ERROR);
    assert_non_null(strstr(last_error, "chmod 600"));
    assert_null(strstr(last_error, "s3cret"));
    assert_null(c.client_id);
    assert_int_equal(read_with_mode(with_secret, 0604, &c), CLI_EXIT_ERROR);
    assert_int_equal(read_with_mode(with_secret, 0620, &c), CLI_EXIT_ERROR);
    assert_int_equal(read_with_mode(with_secret, 0600, &c), 0);
    assert_string_equal(c.client_secret, "s3cret");
    cli_config_clear(&c);
    /* Without a secret, any mode will do. */
    assert_int_equal(read_with_mode("client_id = a\n", 0644, &c), 0);
    assert_string_equal(c.client_id, "a");
    assert_true(strstr(c.path, "/spotc/config") != NULL);
    cli_config_clear(&c);
    /* A missing file is an empty configuration. */
    setenv("XDG_CONFIG_HOME", "/nonexistent-spotc-test", 1);
    assert_int_equal(cli_config_read(&c), 0);
    assert_null(c.client_id);
    cli_config_clear(&c);
    assert_int_equal(read_with_mode("oops\n", 0600, &c), CLI_EXIT_USAGE);
    assert_non_null(strstr(last_error, "line 1"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_parse_error_hides_secret),
        cmocka_unit_test(test_secret_needs_private_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
