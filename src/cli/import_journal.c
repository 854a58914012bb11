/*
 * The journal of an import, FILE.spotc-import beside the file imported: which playlist the
 * items go to, its length before the first add, and which source (item count and a hash of
 * the URI list). It holds no progress count: the playlist's own length is the truth, read
 * back on --resume, so a crash between an add landing and any bookkeeping loses nothing.
 * Written once, atomically, before the first add; removed when the import completes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"

char *import_journal_path(const char *file)
{
    size_t len = strlen(file) + sizeof ".spotc-import";
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s.spotc-import", file);
    return p;
}

int import_journal_load(const char *path, import_journal *j)
{
    memset(j, 0, sizeof *j);
    if (access(path, F_OK) != 0)
        return 0;
    json_error_t err;
    json_t *doc = json_load_file(path, 0, &err);
    const char *id = json_string_value(json_object_get(doc, "playlist_id"));
    const char *hash = json_string_value(json_object_get(doc, "hash"));
    json_t *base = json_object_get(doc, "base"), *count = json_object_get(doc, "count");
    int ok = id && strlen(id) < sizeof j->playlist_id && hash && json_is_integer(base) &&
             json_is_integer(count);
    if (ok) {
        snprintf(j->playlist_id, sizeof j->playlist_id, "%s", id);
        j->base = (long)json_integer_value(base);
        j->count = (size_t)json_integer_value(count);
        j->hash = strtoul(hash, NULL, 16);
    }
    json_decref(doc);
    if (!ok)
        cli_errorf("%s: not a spotc import journal; delete it to start over", path);
    return ok ? 1 : -1;
}

int import_journal_save(const char *path, const import_journal *j)
{
    char hash[32], tmp[4096];
    snprintf(hash, sizeof hash, "%lx", j->hash);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    json_t *doc = json_pack("{s:s, s:I, s:I, s:s}", "playlist_id", j->playlist_id, "base",
                            (json_int_t)j->base, "count", (json_int_t)j->count, "hash", hash);
    int rc = doc && json_dump_file(doc, tmp, JSON_COMPACT) == 0 && rename(tmp, path) == 0 ? 0 : -1;
    json_decref(doc);
    if (rc < 0)
        cli_errorf("%s: cannot write the import journal: %s", path, strerror(errno));
    return rc;
}
