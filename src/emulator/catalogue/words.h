/**
 * @file words.h
 * @brief The vocabulary synthetic names are made of, and names as short word sequences.
 *
 * A name is stored as up to EMU_NAME_WORDS word ids (2 bytes each) rather than text, which
 * keeps a 100,000-track catalogue small and makes search a comparison of integers: every
 * word has a case-folded "key", and a query word matches a name when their keys agree.
 */
#ifndef SPOTC_EMU_WORDS_H
#define SPOTC_EMU_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "jw.h"

/** Word classes; a word id is (class << 10) | index into that class's list. */
typedef enum emu_word_class {
    EMU_W_ADJ,
    EMU_W_NOUN,
    EMU_W_VERB,  /**< -ing forms */
    EMU_W_FIRST, /**< given names */
    EMU_W_LAST,  /**< family names */
    EMU_W_GLUE,  /**< the, of, in, ... */
    EMU_W_CLASS_COUNT
} emu_word_class;

#define EMU_NAME_WORDS 5
/** Word ids are below this. */
#define EMU_WORD_IDS (EMU_W_CLASS_COUNT << 10)

typedef struct emu_name {
    uint16_t w[EMU_NAME_WORDS];
    uint8_t n;
} emu_name;

/** Number of words in a class. */
size_t emu_words_count(emu_word_class c);
/** Word id of index @p i (taken modulo the class size) of class @p c. */
uint16_t emu_word_id(emu_word_class c, uint64_t i);
/** The text of a word id ("" for an unknown id). */
const char *emu_word_text(uint16_t id);

/** Build the case-folded search index. Call once before threads start; idempotent. */
void emu_words_init(void);
/** Search key of a word id (same key for the same word in any class/case). */
int emu_word_key(uint16_t id);
/** Search key of free text (one word, any case), or -1 when no name can contain it. */
int emu_word_lookup(const char *word, size_t len);

/**
 * The search keys of the vocabulary words that start with @p prefix (folded: lower case
 * ASCII, see fold.h): [*lo, *hi), empty when none does. Keys sort as their words do, so a
 * prefix's words are one run. @return the key of the word equal to @p prefix, or -1.
 */
int emu_word_prefix_range(const char *prefix, size_t len, int *lo, int *hi);

/** Append a name's text to @p out (NUL-terminated, truncated to @p size). */
size_t emu_name_format(const emu_name *name, char *out, size_t size);
/** Write a name as a JSON string value. */
void emu_name_json(jw *w, const emu_name *name);
/** Non-zero when some word of @p name has search key @p key. */
int emu_name_has_key(const emu_name *name, int key);

/** Add a word to a name (ignored when full). */
void emu_name_push(emu_name *name, uint16_t id);

#endif
