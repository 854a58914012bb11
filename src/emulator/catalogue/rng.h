/**
 * @file rng.h
 * @brief Deterministic pseudo-random numbers for the synthetic catalogue (splitmix64).
 *
 * Every object draws from its own stream, seeded from (seed, type, index), so an object's
 * content never depends on how many others were generated before it, and the same seed
 * gives the same catalogue on any machine.
 */
#ifndef SPOTC_EMU_RNG_H
#define SPOTC_EMU_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct emu_rng {
    uint64_t s;
} emu_rng;

static inline uint64_t emu_mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static inline uint64_t emu_rng_next(emu_rng *r)
{
    r->s += 0x9e3779b97f4a7c15ULL;
    return emu_mix64(r->s);
}

/** A number in [0, n); n > 0. */
static inline uint64_t emu_rng_below(emu_rng *r, uint64_t n)
{
    return emu_rng_next(r) % n;
}

/** A number in [lo, hi]. */
static inline int64_t emu_rng_range(emu_rng *r, int64_t lo, int64_t hi)
{
    return lo + (int64_t)emu_rng_below(r, (uint64_t)(hi - lo + 1));
}

/** The stream of object @p index of kind @p salt under @p seed. */
static inline emu_rng emu_rng_for(uint64_t seed, uint64_t salt, uint64_t index)
{
    emu_rng r = {emu_mix64(seed * 0x100000001b3ULL ^ emu_mix64(salt + 1) ^ (index << 1))};
    return r;
}

/*
 * FNV-1a over bytes or a string, continued from @p h. Callers pass their own starting value:
 * it is part of the IDs, URLs and positions a seed gives, so each keeps the one it had.
 */
#define EMU_FNV_BASIS 0xcbf29ce484222325ULL

static inline uint64_t emu_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ULL;
    return h;
}

static inline uint64_t emu_hash_str(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h;
}

#endif
