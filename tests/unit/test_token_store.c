/* The file token store, in a temporary XDG_STATE_HOME. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <spotc.h>

static char tmpdir[64];
static char state_home[128];

static int setup(void **state)
{
    (void)state;
    strcpy(tmpdir, "/tmp/spotc-store-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    /* a state home that does not exist yet: the store creates the levels */
    snprintf(state_home, sizeof state_home, "%s/a/state", tmpdir);
    setenv("XDG_STATE_HOME", state_home, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd);
}

static spotc_token_store *new_store(void)
{
    spotc_token_store *s = NULL;
    assert_int_equal(spotc_token_store_file_new(&s, NULL), 0);
    assert_non_null(s);
    return s;
}

static spotc_token sample(const char *access)
{
    spotc_token t = {0};
    t.access_token = strdup(access);
    t.refresh_token = strdup("refresh-1");
    t.expires_at = 1900000000;
    t.scope = strdup("user-read-private user-library-read");
    t.client_id = strdup("spotc-demo");
    assert_non_null(t.access_token);
    return t;
}

static unsigned mode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return (unsigned)(st.st_mode & 07777);
}

static void missing_store(void **state)
{
    (void)state;
    spotc_token_store *s = new_store();
    char want[192];
    snprintf(want, sizeof want, "%s/spotc/token.json", state_home);
    assert_string_equal(spotc_token_store_file_get_path(s), want);
    spotc_token t;
    char err[256] = "";
    assert_int_equal(s->load(&t, s->payload, err, sizeof err), SPOTC_ENOTFOUND);
    assert_non_null(strstr(err, "spotc auth login"));
    assert_null(t.access_token);
    assert_int_equal(s->clear(s->payload, err, sizeof err), 0);
    spotc_token_store_file_free(s);
}

static void save_modes_and_roundtrip(void **state)
{
    (void)state;
    mode_t old = umask(0); /* the modes must not depend on the umask */
    spotc_token_store *s = new_store();
    spotc_token t = sample("access-1"), back;
    char err[256] = "";
    assert_int_equal(s->save(&t, s->payload, err, sizeof err), 0);
    umask(old);
    char dir[192];
    snprintf(dir, sizeof dir, "%s/spotc", state_home);
    assert_int_equal(mode_of(dir), 0700);
    assert_int_equal(mode_of(state_home), 0700);
    assert_int_equal(mode_of(spotc_token_store_file_get_path(s)), 0600);

    assert_int_equal(s->load(&back, s->payload, err, sizeof err), 0);
    assert_string_equal(back.access_token, "access-1");
    assert_string_equal(back.refresh_token, "refresh-1");
    assert_int_equal(back.expires_at, 1900000000);
    assert_string_equal(back.scope, t.scope);
    assert_string_equal(back.client_id, "spotc-demo");
    assert_null(back.user);
    spotc_token_clear(&back);
    spotc_token_clear(&t);
    assert_null(t.access_token);
    spotc_token_store_file_free(s);
}

static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void atomic_replace(void **state)
{
    (void)state;
    spotc_token_store *s = new_store();
    spotc_token a = sample("access-A"), b = sample("access-B"), back;
    free(b.refresh_token);
    b.refresh_token = NULL;
    b.user = strdup("demo");
    const char *path = spotc_token_store_file_get_path(s);
    assert_int_equal(s->save(&a, s->payload, NULL, 0), 0);
    struct stat st1, st2;
    assert_int_equal(stat(path, &st1), 0);
    assert_int_equal(s->save(&b, s->payload, NULL, 0), 0);
    assert_int_equal(stat(path, &st2), 0);
    /* a new file renamed over the old one, not the old one rewritten */
    assert_true(st1.st_ino != st2.st_ino);
    assert_int_equal(st2.st_mode & 0777, 0600);
    char dir[192];
    snprintf(dir, sizeof dir, "%s/spotc", state_home);
    assert_int_equal(count_entries(dir), 1); /* no temporary file left behind */
    assert_int_equal(s->load(&back, s->payload, NULL, 0), 0);
    assert_string_equal(back.access_token, "access-B");
    assert_null(back.refresh_token);
    assert_string_equal(back.user, "demo");
    spotc_token copy;
    assert_int_equal(spotc_token_copy(&copy, &back), 0);
    assert_string_equal(copy.user, "demo");
    assert_true(copy.user != back.user);
    spotc_token_clear(&copy);
    spotc_token_clear(&back);
    assert_int_equal(s->clear(s->payload, NULL, 0), 0);
    assert_int_equal(s->load(&back, s->payload, NULL, 0), SPOTC_ENOTFOUND);
    spotc_token_clear(&a);
    spotc_token_clear(&b);
    spotc_token_store_file_free(s);
}

/* A child tries the lock without waiting: 0 when it got it, 1 when held. */
static int child_trylock(const char *lock_path)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int fd = open(lock_path, O_RDWR);
        if (fd < 0)
            _exit(2);
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            _exit(0);
        _exit(errno == EWOULDBLOCK ? 1 : 3);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void lock_excludes_another_process(void **state)
{
    (void)state;
    spotc_token_store *s = new_store();
    char lock_path[256];
    snprintf(lock_path, sizeof lock_path, "%s.lock", spotc_token_store_file_get_path(s));
    assert_int_equal(s->lock(s->payload, NULL, 0), 0);
    assert_int_equal(mode_of(lock_path), 0600);
    assert_int_equal(child_trylock(lock_path), 1);
    assert_int_equal(s->lock(s->payload, NULL, 0), 0); /* nests */
    s->unlock(s->payload);
    assert_int_equal(child_trylock(lock_path), 1);
    s->unlock(s->payload);
    assert_int_equal(child_trylock(lock_path), 0);
    s->unlock(s->payload); /* one too many: harmless */

    /* a second store on the same file (another client) waits for the first */
    spotc_token_store *other = new_store();
    assert_int_equal(other->lock(other->payload, NULL, 0), 0);
    assert_int_equal(child_trylock(lock_path), 1);
    spotc_token_store_file_free(other); /* releases the lock */
    assert_int_equal(child_trylock(lock_path), 0);
    spotc_token_store_file_free(s);
}

static void refuses_loose_or_bad_files(void **state)
{
    (void)state;
    spotc_token_store *s = new_store();
    spotc_token t = sample("access-1"), back;
    const char *path = spotc_token_store_file_get_path(s);
    assert_int_equal(s->save(&t, s->payload, NULL, 0), 0);
    char err[512] = "";
    assert_int_equal(chmod(path, 0644), 0);
    assert_int_equal(s->load(&back, s->payload, err, sizeof err), SPOTC_EIO);
    assert_non_null(strstr(err, "read by others"));
    assert_null(strstr(err, "access-1"));
    assert_int_equal(chmod(path, 0600), 0);
    assert_int_equal(s->load(&back, s->payload, NULL, 0), 0);
    spotc_token_clear(&back);

    /* a symbolic link is not followed */
    char target[256];
    snprintf(target, sizeof target, "%s/elsewhere", tmpdir);
    assert_int_equal(rename(path, target), 0);
    assert_int_equal(symlink(target, path), 0);
    assert_int_equal(s->load(&back, s->payload, err, sizeof err), SPOTC_EIO);
    assert_non_null(strstr(err, "symbolic link"));
    assert_int_equal(unlink(path), 0);

    /* not a token file */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, "{\"x\":1}", 7), 7);
    close(fd);
    assert_int_equal(s->load(&back, s->payload, err, sizeof err), SPOTC_EJSON);
    assert_null(back.access_token);

    /* a directory others may enter is made private again on save */
    char dir[192];
    snprintf(dir, sizeof dir, "%s/spotc", state_home);
    assert_int_equal(chmod(dir, 0755), 0);
    assert_int_equal(s->save(&t, s->payload, NULL, 0), 0);
    assert_int_equal(mode_of(dir), 0700);
    spotc_token_clear(&t);
    spotc_token_store_file_free(s);
}

static void options(void **state)
{
    (void)state;
    spotc_token_store *s = NULL;
    spotc_token_store_file_options o = SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT;
    char dir[192], want[256];
    snprintf(dir, sizeof dir, "%s/custom/", tmpdir);
    o.dir = dir;
    o.name = "work.json";
    assert_int_equal(spotc_token_store_file_new(&s, &o), 0);
    snprintf(want, sizeof want, "%s/custom/work.json", tmpdir);
    assert_string_equal(spotc_token_store_file_get_path(s), want);
    spotc_token_store_file_free(s);
    spotc_token_store_file_free(NULL);

    o.name = "../escape";
    assert_int_equal(spotc_token_store_file_new(&s, &o), SPOTC_EINVALID);
    o.name = NULL;
    o.dir = "relative/dir";
    assert_int_equal(spotc_token_store_file_new(&s, &o), SPOTC_EINVALID);
    o.dir = NULL;
    o.version = 7;
    assert_int_equal(spotc_token_store_file_new(&s, &o), SPOTC_EINVALID);

    /* the fallback: ~/.local/state/spotc; no HOME and no dir is an error */
    char *saved = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    unsetenv("XDG_STATE_HOME");
    setenv("HOME", tmpdir, 1);
    assert_int_equal(spotc_token_store_file_new(&s, NULL), 0);
    snprintf(want, sizeof want, "%s/.local/state/spotc/token.json", tmpdir);
    assert_string_equal(spotc_token_store_file_get_path(s), want);
    spotc_token_store_file_free(s);
    unsetenv("HOME");
    assert_int_equal(spotc_token_store_file_new(&s, NULL), SPOTC_EINVALID);
    if (saved)
        setenv("HOME", saved, 1);
    free(saved);
    setenv("XDG_STATE_HOME", state_home, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_store),
        cmocka_unit_test(save_modes_and_roundtrip),
        cmocka_unit_test(atomic_replace),
        cmocka_unit_test(lock_excludes_another_process),
        cmocka_unit_test(refuses_loose_or_bad_files),
        cmocka_unit_test(options),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
