/**
 * @file state_refs.h
 * @brief How a --state file names objects: catalogue objects by index, fixture objects by URI.
 *
 * The state numbers fixture objects after the catalogue's by their place in the fixture files
 * (fixtures_refs.h), which is fine while one process runs but not across runs: reorder the
 * files or insert an object and the same number names another object. So the file names a
 * catalogue object by its index (the seed fixes those, and the file records the seed) and a
 * fixture object by its URI ("spotify:track:ID", "spotify:playlist:ID", "spotify:user:ID"),
 * resolved by ID at load. A URI that no loaded fixture has fails the load with a message
 * naming it: dropping it would lose the user's state at the next save, for instance after a
 * mistyped --fixtures path.
 *
 * Format 1 files (before this) numbered fixture objects by place; they are still read, by
 * place, and the reader counts those references so the caller can warn.
 *
 * Thread safety: none; the writers run under the state lock, the readers before serving.
 * Ownership: everything is borrowed.
 */
#ifndef SPOTC_EMU_STATE_REFS_H
#define SPOTC_EMU_STATE_REFS_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "jw.h"
#include "state.h"

#define EMU_STATE_FORMAT 2 /**< fixture objects by URI; 1 numbered them by place */

/* ---- writing ---- */

/** Object @p idx of catalogue type @p t: its index, or its URI when a fixture's. */
void emu_sref_write_object(jw *w, const emu_catalogue *cat, emu_type t, size_t idx);
/** A ref (type << 27 | index): the ref, or the fixture's URI. */
void emu_sref_write_ref(jw *w, const emu_catalogue *cat, uint32_t ref);
/** A playback context's index (or a followed playlist's: kind EMU_PCTX_PLAYLIST). */
void emu_sref_write_context(jw *w, const emu_catalogue *cat, int kind, uint32_t idx);
/** A followed fixture user (emu_user_follow_find() numbering). */
void emu_sref_write_user(jw *w, const emu_catalogue *cat, uint32_t user);

/* ---- reading ---- */

typedef struct emu_sref_reader {
    const emu_state *s; /**< playlists already loaded (contexts name them by index) */
    int format;         /**< of the file read: 1 or EMU_STATE_FORMAT */
    size_t by_place;    /**< format 1: fixture references read by their place (counted) */
    char *err;          /**< the reason of a failure */
    size_t errsz;
} emu_sref_reader;

/* Each returns 0 and the state's number, or -1 with a reason in r->err that names @p what
 * (for example "a saved item") and the reference. */

/** An object of catalogue type @p t into *idx. */
int emu_sref_read_object(emu_sref_reader *r, const json_t *v, emu_type t, const char *what,
                         size_t *idx);
/** A ref of any catalogue type into *ref. */
int emu_sref_read_ref(emu_sref_reader *r, const json_t *v, const char *what, uint32_t *ref);
/** The index of a context of kind @p kind (an emu_pctx as the file gives it) into *idx. */
int emu_sref_read_context(emu_sref_reader *r, json_int_t kind, const json_t *v, const char *what,
                          uint32_t *idx);
/** A followed fixture user into *user. */
int emu_sref_read_user(emu_sref_reader *r, const json_t *v, const char *what, uint32_t *user);

#endif
