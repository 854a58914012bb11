/**
 * @file keyring.h
 * @brief A bounded first-in first-out ring of fixed-width string keys.
 *
 * Tokens and authorization codes of one kind all live equally long, so the order they were
 * issued in is the order they expire in: keeping their keys in a ring lets the owner drop
 * the expired ones from the front (amortised O(1) per issue, no scan of its map under its
 * lock) and drop the oldest live one when the ring is full (a cap that holds whatever a
 * client does). The ring grows by doubling up to its maximum.
 *
 * Not thread-safe: the owner holds its own lock. Ownership: the ring owns its storage;
 * emu_keyring_free() releases it. Keys are copied in.
 */
#ifndef SPOTC_EMU_KEYRING_H
#define SPOTC_EMU_KEYRING_H

#include <stddef.h>

typedef struct emu_keyring {
    char *keys;   /**< cap slots of width bytes */
    size_t width; /**< longest key + 1 */
    size_t cap, max, head, len;
} emu_keyring;

/** An empty ring for keys shorter than @p width that holds at most @p max of them. */
void emu_keyring_init(emu_keyring *r, size_t width, size_t max);
void emu_keyring_free(emu_keyring *r);
/** The oldest key (borrowed until the next change), or NULL when empty. */
const char *emu_keyring_front(const emu_keyring *r);
/** Drop the oldest key (no-op when empty). */
void emu_keyring_pop(emu_keyring *r);
/**
 * Append a copy of @p key (truncated to width - 1 characters). When the ring is full the
 * oldest key is dropped first and copied into @p evicted (width bytes).
 * @return 0, 1 when a key was evicted, -1 out of memory (nothing changed)
 */
int emu_keyring_push(emu_keyring *r, const char *key, char *evicted);

#endif
