/*
 * The token store: the interface's default implementation on files.
 * $XDG_STATE_HOME/spotc/NAME (default ~/.local/state/spotc/token.json), a
 * directory 0700 and a file 0600 from its creation, replaced atomically
 * (temporary file, rename, then fsync of the file and the directory), and an
 * flock() on NAME.lock held by the client around reload-refresh-save.
 */
#include "auth_internal.h"
#include "buf.h"
#include "json_load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <jansson.h>
#include <openssl/crypto.h>

#define TOKEN_FILE_MAX 65536
/* 9999-12-31T23:59:59Z */
#define SPOTC__EXPIRES_AT_MAX 253402300799LL

typedef struct file_store {
    spotc_token_store pub; /* first, so the public pointer is the store's */
    char *dir, *path, *lock_path;
    int lock_fd;
    int lock_depth; /* lock() nests within one store */
} file_store;

/* ------------------------------------------------------------- tokens */

void spotc_token_clear(spotc_token *t)
{
    if (!t)
        return;
    spotc__secret_free(t->access_token);
    spotc__secret_free(t->refresh_token);
    free(t->scope);
    free(t->client_id);
    free(t->user);
    memset(t, 0, sizeof *t);
}

int spotc_token_copy(spotc_token *out, const spotc_token *src)
{
    if (!out || !src)
        return SPOTC_EINVALID;
    int ok = 1;
    spotc_token t = {
        .access_token = spotc__strdup_or_null(src->access_token, &ok),
        .refresh_token = spotc__strdup_or_null(src->refresh_token, &ok),
        .expires_at = src->expires_at,
        .scope = spotc__strdup_or_null(src->scope, &ok),
        .client_id = spotc__strdup_or_null(src->client_id, &ok),
        .user = spotc__strdup_or_null(src->user, &ok),
    };
    if (!ok) {
        spotc_token_clear(&t);
        return SPOTC_ENOMEM;
    }
    *out = t;
    return 0;
}

/* --------------------------------------------------------------- JSON */

static int set_optional(json_t *o, const char *key, const char *value)
{
    return json_object_set_new(o, key, value ? json_string(value) : json_null());
}

/* The file's bytes (the caller wipes and frees), or NULL when out of memory. */
static char *token_to_json(const spotc_token *t)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = set_optional(o, "access_token", t->access_token) |
              set_optional(o, "refresh_token", t->refresh_token) |
              json_object_set_new(o, "expires_at", json_integer((json_int_t)t->expires_at)) |
              set_optional(o, "scope", t->scope) | set_optional(o, "client_id", t->client_id) |
              set_optional(o, "user", t->user);
    char *s = bad ? NULL : json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    /* Short of memory, jansson may return a text with bytes missing (seen: a key
     * dropped), which would be a lost login once renamed over the good file. */
    if (s && spotc__json_verify(o, s, strlen(s), JSON_REJECT_DUPLICATES) != 0) {
        spotc__secret_free(s);
        s = NULL;
    }
    json_decref(o);
    return s;
}

static char *take_string(const json_t *o, const char *key, int *ok)
{
    const char *s = json_string_value(json_object_get(o, key));
    return spotc__strdup_or_null(s && *s ? s : NULL, ok);
}

/* expires_at, when the file has one, is a time some clock reaches: from 1970
 * to the end of year 9999. Anything else (a hand-edited or damaged file) would
 * overflow the arithmetic of every reader. @return 0, or -1 when out of range. */
static int expires_in_range(const json_t *exp, int64_t *out)
{
    *out = 0;
    if (!exp || json_is_null(exp))
        return 0;
    if (!json_is_integer(exp) || json_integer_value(exp) < 0 ||
        json_integer_value(exp) > SPOTC__EXPIRES_AT_MAX)
        return -1;
    *out = (int64_t)json_integer_value(exp);
    return 0;
}

static int token_from_json(spotc_token *out, const char *bytes, size_t len, char *eb, size_t ebn)
{
    json_t *o = NULL;
    json_error_t err;
    int rc = spotc__json_loadb(&o, bytes, len, JSON_REJECT_DUPLICATES, &err);
    if (rc == 0 && spotc__json_verify(o, bytes, len, JSON_REJECT_DUPLICATES) != 0) {
        json_decref(o);
        rc = SPOTC_ENOMEM; /* a token cut short in memory must never be used or saved */
    }
    if (rc == SPOTC_ENOMEM)
        return spotc__errbuf(eb, ebn, SPOTC_ENOMEM, "out of memory");
    int64_t expires_at;
    if (!json_is_object(o) || !json_is_string(json_object_get(o, "access_token"))) {
        json_decref(o);
        return spotc__errbuf(eb, ebn, SPOTC_EJSON, "not a token file");
    }
    if (expires_in_range(json_object_get(o, "expires_at"), &expires_at) < 0) {
        json_decref(o);
        return spotc__errbuf(eb, ebn, SPOTC_EJSON,
                             "its expires_at is not a time between 1970 and 9999");
    }
    int ok = 1;
    spotc_token t = {
        .access_token = take_string(o, "access_token", &ok),
        .refresh_token = take_string(o, "refresh_token", &ok),
        .expires_at = expires_at,
        .scope = take_string(o, "scope", &ok),
        .client_id = take_string(o, "client_id", &ok),
        .user = take_string(o, "user", &ok),
    };
    json_decref(o);
    if (!ok || !t.access_token) {
        spotc_token_clear(&t);
        return ok ? spotc__errbuf(eb, ebn, SPOTC_EJSON, "its access_token is empty")
                  : SPOTC_ENOMEM;
    }
    *out = t;
    return 0;
}

/* ---------------------------------------------------------- directory */

/* a + b + c as a new string, or NULL when out of memory. */
static char *concat3(const char *a, const char *b, const char *c)
{
    spotc__buf buf = SPOTC__BUF_INIT;
    spotc__buf_puts(&buf, a);
    spotc__buf_puts(&buf, b);
    spotc__buf_puts(&buf, c);
    return spotc__buf_take(&buf);
}

/* mkdir -p, each new level 0700 (XDG base directory spec).
 * @return 0, -1 (errno says why) or SPOTC_ENOMEM. */
static int make_dirs(const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return SPOTC_ENOMEM;
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            free(p);
            return -1;
        }
        *s = '/';
    }
    int rc = mkdir(p, 0700) != 0 && errno != EEXIST ? -1 : 0;
    free(p);
    return rc;
}

/* The directory exists, is ours and is 0700 (tightened when looser). */
static int ensure_dir(file_store *fs, char *eb, size_t ebn)
{
    struct stat st;
    int made = make_dirs(fs->dir);
    if (made == SPOTC_ENOMEM)
        return spotc__errbuf(eb, ebn, SPOTC_ENOMEM, "out of memory");
    if (made != 0 || stat(fs->dir, &st) != 0)
        return spotc__errbuf(eb, ebn, SPOTC_EIO, "cannot create the token directory %s: %s",
                             fs->dir, strerror(errno));
    if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid())
        return spotc__errbuf(eb, ebn, SPOTC_EIO,
                             "the token directory %s is not a directory of this user", fs->dir);
    if ((st.st_mode & 0777) != 0700 && chmod(fs->dir, 0700) != 0)
        return spotc__errbuf(eb, ebn, SPOTC_EIO, "cannot make %s private (0700): %s", fs->dir,
                             strerror(errno));
    return 0;
}

/* --------------------------------------------------------------- save */

static int write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Write bytes to a new file 0600 (never an existing one).
 * @return its descriptor, still open for the fsync after the rename, or -1. */
static int write_new_file(const char *path, const char *bytes)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return -1;
    if (fchmod(fd, 0600) != 0 || write_all(fd, bytes, strlen(bytes)) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    return fd;
}

static void fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* Remove NAME.tmp.* files a writer killed before its rename left behind (with
 * tokens in them). Only under the lock, when no other writer of ours can be
 * between its write and its rename. */
static void remove_stale_tmp(const file_store *fs)
{
    if (fs->lock_depth == 0)
        return;
    const char *name = strrchr(fs->path, '/') + 1;
    size_t n = strlen(name);
    DIR *d = opendir(fs->dir);
    if (!d)
        return;
    int dfd = dirfd(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (strncmp(e->d_name, name, n) == 0 && strncmp(e->d_name + n, ".tmp.", 5) == 0)
            (void)unlinkat(dfd, e->d_name, 0);
    closedir(d);
}

/* A temporary file's name must be unguessable, not a key: the kernel's getrandom()
 * gives its bytes for one system call, where RAND_bytes() would first set up
 * OpenSSL's DRBG (5.8 million instructions, a quarter of a one-shot `spotc track
 * ID` that gets an app token and stores it). RAND_bytes() only when the kernel
 * has no randomness ready yet (early boot). */
static int name_bytes(unsigned char *buf, size_t n)
{
    if (getrandom(buf, n, GRND_NONBLOCK) == (ssize_t)n)
        return 0;
    return spotc__random_bytes(buf, n);
}

static int file_save(const spotc_token *token, void *payload, char *eb, size_t ebn)
{
    file_store *fs = payload;
    if (!token || !token->access_token)
        return spotc__errbuf(eb, ebn, SPOTC_EINVALID, "no access token to store");
    int rc = ensure_dir(fs, eb, ebn);
    if (rc != 0)
        return rc;
    char *json = token_to_json(token);
    /* A fresh random name: O_EXCL then never meets a file planted in advance. */
    unsigned char rnd[6];
    char suffix[9] = "";
    if (name_bytes(rnd, sizeof rnd) == 0)
        spotc__base64url(suffix, rnd, sizeof rnd);
    char *tmp = concat3(fs->path, ".tmp.", suffix);
    if (!json || !tmp || !*suffix) {
        spotc__secret_free(json);
        free(tmp);
        return SPOTC_ENOMEM;
    }
    remove_stale_tmp(fs);
    /* Renamed first, synced after: a refresh token the service has just
     * rotated exists nowhere else, so it must be in place before anything
     * slow (an fsync takes milliseconds). A process killed after the rename
     * loses nothing: the kernel has the bytes. The fsyncs then make it durable
     * against a crash of the machine. */
    int fd = write_new_file(tmp, json);
    if (fd < 0 || rename(tmp, fs->path) != 0) {
        rc = spotc__errbuf(eb, ebn, SPOTC_EIO, "cannot write the token file %s: %s", fs->path,
                           strerror(errno));
        unlink(tmp);
    } else if (fsync(fd) != 0) {
        rc = spotc__errbuf(eb, ebn, SPOTC_EIO, "cannot sync the token file %s: %s", fs->path,
                           strerror(errno));
    } else {
        fsync_dir(fs->dir);
    }
    if (fd >= 0)
        close(fd);
    spotc__secret_free(json);
    free(tmp);
    return rc;
}

/* --------------------------------------------------------------- load */

static int check_file(const file_store *fs, int fd, char *eb, size_t ebn)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return spotc__errbuf(eb, ebn, SPOTC_EIO, "%s is not a regular file", fs->path);
    if (st.st_uid != geteuid())
        return spotc__errbuf(eb, ebn, SPOTC_EIO,
                             "%s belongs to another user: refused (log in again: spotc auth "
                             "login)",
                             fs->path);
    if (st.st_mode & 077)
        return spotc__errbuf(eb, ebn, SPOTC_EIO,
                             "%s may be read by others (mode %04o): refused; its tokens may "
                             "have leaked, so log out and log in again (spotc auth logout; "
                             "spotc auth login), or chmod 600 it",
                             fs->path, (unsigned)(st.st_mode & 07777));
    if (st.st_size > TOKEN_FILE_MAX)
        return spotc__errbuf(eb, ebn, SPOTC_EIO, "%s is too large to be a token file", fs->path);
    return 0;
}

static int read_fd(int fd, char *buf, size_t size, size_t *len)
{
    *len = 0;
    for (;;) {
        ssize_t n = read(fd, buf + *len, size - *len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (n == 0 || (*len += (size_t)n) == size)
            return 0;
    }
}

static int file_load(spotc_token *out, void *payload, char *eb, size_t ebn)
{
    file_store *fs = payload;
    memset(out, 0, sizeof *out);
    char why[96] = "";
    /* O_NONBLOCK: a FIFO in the file's place would block open() for ever;
     * check_file() then refuses anything but a regular file. */
    int fd = open(fs->path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
    if (fd < 0 && errno == ENOENT)
        return spotc__errbuf(eb, ebn, SPOTC_ENOTFOUND,
                             "not logged in (no token in %s): spotc auth login", fs->path);
    if (fd < 0)
        return spotc__errbuf(eb, ebn, SPOTC_EIO, "cannot read %s: %s", fs->path,
                             errno == ELOOP ? "it is a symbolic link" : strerror(errno));
    int rc = check_file(fs, fd, eb, ebn);
    char *buf = rc == 0 ? malloc(TOKEN_FILE_MAX) : NULL;
    size_t len = 0;
    if (rc == 0 && !buf)
        rc = SPOTC_ENOMEM;
    else if (rc == 0 && read_fd(fd, buf, TOKEN_FILE_MAX, &len) != 0)
        rc = spotc__errbuf(eb, ebn, SPOTC_EIO, "cannot read %s: %s", fs->path, strerror(errno));
    else if (rc == 0 && (rc = token_from_json(out, buf, len, why, sizeof why)) == SPOTC_EJSON)
        spotc__errbuf(eb, ebn, rc, "%s: %s (log in again: spotc auth login)", fs->path, why);
    close(fd);
    if (buf) {
        OPENSSL_cleanse(buf, len);
        free(buf);
    }
    return rc;
}

/* ---------------------------------------------------- lock and clear */

static int file_lock(void *payload, char *eb, size_t ebn)
{
    file_store *fs = payload;
    if (fs->lock_depth > 0) {
        fs->lock_depth++;
        return 0;
    }
    int rc = ensure_dir(fs, eb, ebn);
    if (rc != 0)
        return rc;
    int fd = open(fs->lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
    if (fd < 0)
        return spotc__errbuf(eb, ebn, SPOTC_EIO, "cannot open the lock %s: %s", fs->lock_path,
                             strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return spotc__errbuf(eb, ebn, SPOTC_EIO, "the lock %s is not a regular file",
                             fs->lock_path);
    }
    while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
        ;
    if (rc != 0) {
        int e = errno;
        close(fd);
        return spotc__errbuf(eb, ebn, SPOTC_EIO, "cannot lock %s: %s", fs->lock_path, strerror(e));
    }
    fs->lock_fd = fd;
    fs->lock_depth = 1;
    return 0;
}

static void file_unlock(void *payload)
{
    file_store *fs = payload;
    if (fs->lock_depth == 0 || --fs->lock_depth > 0)
        return;
    flock(fs->lock_fd, LOCK_UN);
    close(fs->lock_fd);
    fs->lock_fd = -1;
}

static int file_clear(void *payload, char *eb, size_t ebn)
{
    file_store *fs = payload;
    if (unlink(fs->path) != 0 && errno != ENOENT)
        return spotc__errbuf(eb, ebn, SPOTC_EIO, "cannot remove %s: %s", fs->path, strerror(errno));
    return 0;
}

/* ------------------------------------------------------ construction */

/* $XDG_STATE_HOME/spotc (when absolute, as the spec asks), else ~/.local/state/spotc. */
static char *default_dir(void)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        return concat3(xdg, "/spotc", "");
    if (home && home[0] == '/')
        return concat3(home, "/.local/state/spotc", "");
    return NULL;
}

static int valid_name(const char *name)
{
    return *name && !strchr(name, '/') && strcmp(name, ".") != 0 && strcmp(name, "..") != 0 &&
           strlen(name) < 200;
}

int spotc_token_store_file_new(spotc_token_store **out, const spotc_token_store_file_options *opts)
{
    static const spotc_token_store_file_options defaults = SPOTC_TOKEN_STORE_FILE_OPTIONS_INIT;
    if (!out)
        return SPOTC_EINVALID;
    *out = NULL;
    if (!opts)
        opts = &defaults;
    const char *name = opts->name ? opts->name : "token.json";
    if (opts->version != SPOTC_TOKEN_STORE_FILE_OPTIONS_VERSION || !valid_name(name) ||
        (opts->dir && opts->dir[0] != '/'))
        return SPOTC_EINVALID;
    char *dir = opts->dir ? strdup(opts->dir) : default_dir();
    if (!dir)
        return opts->dir ? SPOTC_ENOMEM : SPOTC_EINVALID; /* no HOME */
    for (size_t n = strlen(dir); n > 1 && dir[n - 1] == '/'; n--)
        dir[n - 1] = '\0';
    file_store *fs = calloc(1, sizeof *fs);
    if (fs) {
        fs->dir = dir;
        fs->path = concat3(dir, "/", name);
        fs->lock_path = fs->path ? concat3(fs->path, ".lock", "") : NULL;
    }
    if (!fs || !fs->lock_path) {
        if (fs)
            free(fs->path);
        free(fs);
        free(dir);
        return SPOTC_ENOMEM;
    }
    fs->lock_fd = -1;
    fs->pub = (spotc_token_store){.version = SPOTC_TOKEN_STORE_VERSION,
                                  .load = file_load,
                                  .save = file_save,
                                  .lock = file_lock,
                                  .unlock = file_unlock,
                                  .clear = file_clear,
                                  .payload = fs};
    *out = &fs->pub;
    return 0;
}

static file_store *as_file_store(const spotc_token_store *store)
{
    return store && store->load == file_load ? (file_store *)store->payload : NULL;
}

const char *spotc_token_store_file_get_path(const spotc_token_store *store)
{
    file_store *fs = as_file_store(store);
    return fs ? fs->path : NULL;
}

void spotc_token_store_file_free(spotc_token_store *store)
{
    file_store *fs = as_file_store(store);
    if (!fs)
        return;
    if (fs->lock_depth > 0) {
        fs->lock_depth = 1;
        file_unlock(fs);
    }
    free(fs->dir);
    free(fs->path);
    free(fs->lock_path);
    free(fs);
}
