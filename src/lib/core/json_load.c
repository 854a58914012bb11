/*
 * Parsing JSON bytes so that a shortage of memory is told apart from a bad body.
 * jansson (2.14) does not say when it ran out of memory: its error is then
 * "unknown" or a syntax error at some token. Bad bytes fail at the same place
 * every time, so a failed parse is tried once more: a success, or a failure
 * elsewhere, means the first one was memory. Two alike failures are memory too
 * when jansson's allocator cannot give a block the size of the input (memory has
 * run out, and the parse failed where it first needed some).
 *
 * Worse, jansson's lexer drops a byte it cannot store (lex_save() ignores the
 * failure of strbuffer_append_byte()), so a parse may succeed with a string cut
 * short: a refresh token one character short is a lost login once it is saved.
 * Where that matters (token files and token responses, which are small) the
 * document is checked against a second parse: spotc__json_verify().
 */
#include <string.h>

#include <jansson.h>

#include "json_load.h"
#include <spotc/error.h>

static int memory_left(size_t len)
{
    json_malloc_t alloc;
    json_free_t release;
    json_get_alloc_funcs(&alloc, &release);
    void *probe = alloc(len + 64);
    release(probe);
    return probe != NULL;
}

int spotc__json_loadb(json_t **out, const char *bytes, size_t len, size_t flags, json_error_t *err)
{
    *out = json_loadb(bytes, len, flags, err);
    if (*out)
        return 0;
    json_error_t again_err;
    *out = json_loadb(bytes, len, flags, &again_err);
    if (*out)
        return 0; /* the first failure was memory; this time there was enough */
    int same = json_error_code(err) == json_error_code(&again_err) && err->line == again_err.line &&
               err->column == again_err.column && strcmp(err->text, again_err.text) == 0;
    if (!same || json_error_code(err) == json_error_out_of_memory || !memory_left(len))
        return SPOTC_ENOMEM;
    return SPOTC_EJSON;
}

int spotc__json_verify(const json_t *doc, const char *bytes, size_t len, size_t flags)
{
    json_error_t err;
    json_t *again = json_loadb(bytes, len, flags, &err);
    int same = again && json_equal((json_t *)doc, again);
    json_decref(again);
    return same ? 0 : SPOTC_ENOMEM;
}
