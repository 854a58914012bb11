/**
 * @file fields.h
 * @brief The `fields` filter of playlist reads, with Spotify's syntax.
 *
 * A comma-separated list of keys; `a.b` selects b inside a, `a(b,c)` several keys inside
 * a, and the forms nest (`items(added_by.id,track(name,album(name)))`). A selection
 * inside an array applies to each element. `!key` excludes a key: a group made only of
 * exclusions keeps every other key. Unknown keys select nothing.
 *
 * The filter works on the JSON text the handler produced, in one pass, so the writers stay
 * unaware of it. Both functions are pure, for unit tests and the fuzzer.
 */
#ifndef SPOTC_EMU_FIELDS_H
#define SPOTC_EMU_FIELDS_H

#include <stddef.h>

typedef struct emu_fields emu_fields;

/**
 * Parse a `fields` value.
 * @param[out] out the filter (free with emu_fields_free())
 * @return 0; -1 on a syntax error (unbalanced parentheses, an empty key, a trailing comma,
 *         nesting deeper than 16); -2 out of memory.
 */
int emu_fields_parse(const char *spec, emu_fields **out);
void emu_fields_free(emu_fields *f);

/**
 * Keep only the selected parts of a JSON text.
 * @return the filtered text (NUL-terminated, caller frees) and its length in *outlen, or
 *         NULL when @p json is not valid JSON or out of memory.
 */
char *emu_fields_apply(const emu_fields *f, const char *json, size_t len, size_t *outlen);

#endif
