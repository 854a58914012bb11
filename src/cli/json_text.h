/**
 * @file json_text.h
 * @brief Reading values out of JSON text the library has checked (spotc_pager_next_text),
 *        without building a tree: the CSV export reads 19 values of each item, and
 *        parsing whole pages to read them was most of its time.
 *
 * The text must be valid JSON (as spotc_pager_next_text() hands out); on other text the
 * functions never read outside it, but what they find is unspecified. A text of length 0
 * is "absent", and every function takes it.
 * Ownership: texts point into the caller's; jtext_string()'s result is the caller's (free()).
 */
#ifndef SPOTC_CLI_JSON_TEXT_H
#define SPOTC_CLI_JSON_TEXT_H

#include <spotc.h>

/** @return the value of member `key` of object `o` (the last one, as a parse keeps), or
 *  an absent text when `o` is no object or has no such member. */
spotc_json_text jtext_get(spotc_json_text o, const char *key);

/** An object's members, found once for several lookups (jtext_get() scans the object). */
#define JTEXT_MEMBERS 40
typedef struct jtext_object {
    spotc_json_text text;
    size_t n;
    int more; /**< more members than fit: lookups scan text */
    spotc_json_text key[JTEXT_MEMBERS], value[JTEXT_MEMBERS];
} jtext_object;

/** Find the members of `o` (none when it is no object). */
void jtext_index(jtext_object *index, spotc_json_text o);

/** @return as jtext_get() on the indexed object. */
spotc_json_text jtext_field(const jtext_object *index, const char *key);

/** @return 1 when `v` is an object. */
int jtext_is_object(spotc_json_text v);

/** The elements of an array in turn: *at starts at 0.
 *  @return 1 with *elem, 0 after the last one (or when `array` is no array). */
int jtext_next(spotc_json_text array, size_t *at, spotc_json_text *elem);

/**
 * A string value, unescaped.
 * @param[out] out the string (malloc'd, the caller's), or NULL when `v` is not a string.
 * @return 0, or -1 when out of memory.
 */
int jtext_string(spotc_json_text v, char **out);

/** A scalar as the CSV shows it: a string unescaped, an integer in decimal, true or false;
 *  "" for anything else (reals, null, objects). @return 0 or -1 (out of memory). */
int jtext_scalar(spotc_json_text v, char **out);

#endif
