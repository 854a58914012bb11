/*
 * An RFC 4180 reader: fields separated by commas, records by CRLF or LF (spreadsheets and
 * Exportify write either), a quoted field may hold commas, doubled quotes and line breaks.
 * A UTF-8 byte order mark before the header is dropped. Reads one record at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "export.h"

struct csv_reader {
    FILE *in;
    char *buf; /* the record's fields, each NUL-terminated, one after the other */
    size_t len, cap;
    size_t *starts; /* offsets of the fields in buf */
    const char **fields;
    size_t nfields, fcap;
    long line, next_line;
    int first;
};

csv_reader *csv_reader_new(FILE *in)
{
    csv_reader *r = calloc(1, sizeof *r);
    if (r) {
        r->in = in;
        r->next_line = 1;
        r->first = 1;
    }
    return r;
}

void csv_reader_free(csv_reader *r)
{
    if (!r)
        return;
    free(r->buf);
    free(r->starts);
    free(r->fields);
    free(r);
}

long csv_reader_line(const csv_reader *r)
{
    return r->line;
}

static int put(csv_reader *r, char c)
{
    if (r->len == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 256;
        char *b = realloc(r->buf, cap);
        if (!b)
            return -1;
        r->buf = b;
        r->cap = cap;
    }
    r->buf[r->len++] = c;
    return 0;
}

static int start_field(csv_reader *r)
{
    if (r->nfields == r->fcap) {
        size_t cap = r->fcap ? r->fcap * 2 : 32;
        size_t *s = realloc(r->starts, cap * sizeof *s);
        if (!s)
            return -1;
        r->starts = s;
        r->fcap = cap;
    }
    r->starts[r->nfields++] = r->len;
    return 0;
}

/* Drop a UTF-8 byte order mark. @return 0, or -1 for a first byte 0xEF that does not start
 * one (only one byte can be pushed back, and no CSV header starts so). */
static int skip_bom(csv_reader *r)
{
    int c = getc(r->in);
    if (c == 0xEF)
        return getc(r->in) == 0xBB && getc(r->in) == 0xBF ? 0 : -1;
    if (c != EOF)
        ungetc(c, r->in);
    return 0;
}

/* One quoted field's content after its opening quote. @return 0, or -1 unterminated. */
static int quoted(csv_reader *r)
{
    int c;
    while ((c = getc(r->in)) != EOF) {
        if (c == '"') {
            int n = getc(r->in);
            if (n != '"') {
                if (n != EOF)
                    ungetc(n, r->in);
                return 0;
            }
        } else if (c == '\n') {
            r->next_line++;
        }
        if (put(r, (char)c) < 0)
            return -1;
    }
    return -1;
}

/* Read the fields of one record into buf. @return 1 a record, 0 the end, -1 malformed. */
static int read_record(csv_reader *r)
{
    int c = getc(r->in);
    if (c == EOF)
        return 0;
    ungetc(c, r->in);
    if (start_field(r) < 0)
        return -1;
    while ((c = getc(r->in)) != EOF && c != '\n') {
        if (c == '"' && r->len == r->starts[r->nfields - 1]) {
            if (quoted(r) < 0)
                return -1;
        } else if (c == ',') {
            if (put(r, 0) < 0 || start_field(r) < 0)
                return -1;
        } else if (c != '\r' && put(r, (char)c) < 0) {
            return -1;
        }
    }
    r->next_line++;
    return put(r, 0) < 0 ? -1 : 1;
}

int csv_reader_next(csv_reader *r, const char *const **fields)
{
    if (r->first) {
        r->first = 0;
        if (skip_bom(r) < 0)
            return r->line = 1, -1;
    }
    r->len = r->nfields = 0;
    r->line = r->next_line;
    int rc = read_record(r);
    if (rc <= 0)
        return rc;
    const char **f = realloc(r->fields, r->nfields * sizeof *f);
    if (!f)
        return -1;
    r->fields = f;
    for (size_t i = 0; i < r->nfields; i++)
        f[i] = r->buf + r->starts[i];
    *fields = f;
    return (int)r->nfields;
}
