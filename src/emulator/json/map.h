/**
 * @file map.h
 * @brief A string-keyed hash map (chained), for tokens, stats and later user state.
 *
 * Not thread-safe by itself: the owner holds its own lock. The map copies keys; values are
 * the caller's pointers, freed through the @c free_value callback given to emu_map_new().
 */
#ifndef SPOTC_EMU_MAP_H
#define SPOTC_EMU_MAP_H

#include <pthread.h>
#include <stddef.h>

typedef struct emu_map emu_map;

/** @param free_value called on values removed or left at emu_map_free(); may be NULL. */
emu_map *emu_map_new(void (*free_value)(void *));
void emu_map_free(emu_map *m);
/** The value under @p key, or NULL. */
void *emu_map_get(const emu_map *m, const char *key);
/** Insert or replace (the old value is freed). 0, or -1 out of memory (value not taken). */
int emu_map_put(emu_map *m, const char *key, void *value);
/** Remove and free; 1 when something was removed. */
int emu_map_del(emu_map *m, const char *key);
size_t emu_map_len(const emu_map *m);
/** Remove every entry. */
void emu_map_clear(emu_map *m);
/** Visit entries in no particular order; a non-zero return from @p fn removes the entry. */
void emu_map_each(emu_map *m, int (*fn)(const char *key, void *value, void *arg), void *arg);

/** A map and the mutex its owner holds around it (and around whatever else it guards). */
typedef struct emu_locked_map {
    pthread_mutex_t lock;
    emu_map *map;
} emu_locked_map;
/** @return 0, or -1 with nothing left to release. */
int emu_locked_map_init(emu_locked_map *m, void (*free_value)(void *));
void emu_locked_map_destroy(emu_locked_map *m);

#endif
