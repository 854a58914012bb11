/* The fixed table of emulator users (see users.h). */
#include "users.h"

#include <stdio.h>
#include <string.h>

#include "rng.h"

static const emu_user users[] = {
    [EMU_USER_DEMO] = {"demo", "Demo User", "US", EMU_PRODUCT_PREMIUM, 42, 1},
    [EMU_USER_FREE] = {"free", "Free Listener", "SE", EMU_PRODUCT_FREE, 3, 1},
    {"mara", "Mara Quinlan", "GB", EMU_PRODUCT_PREMIUM, 1280, 1},
    {"otto", "Otto Brenner", "DE", EMU_PRODUCT_PREMIUM, 311, 1},
    {"lena", "Lena Okafor", "FR", EMU_PRODUCT_FREE, 57, 1},
    {"kenji", NULL, "JP", EMU_PRODUCT_PREMIUM, 8, 1},
    {"spotify", "Spotify", "SE", EMU_PRODUCT_PREMIUM, 4200000, 0},
};
#define NUSERS (sizeof users / sizeof *users)

size_t emu_users_count(void)
{
    return NUSERS;
}

const emu_user *emu_user_at(size_t i)
{
    return i < NUSERS ? &users[i] : NULL;
}

int emu_user_find(const char *id)
{
    for (size_t i = 0; id && i < NUSERS; i++)
        if (strcmp(users[i].id, id) == 0)
            return (int)i;
    return -1;
}

const emu_user *emu_user_lookup(const char *id)
{
    int i = emu_user_find(id);
    return i < 0 ? NULL : &users[i];
}

/* Compare without an early exit on the first difference (the length still shows). */
static int same_secret(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    unsigned diff = na != nb;
    for (size_t i = 0; i < na && i < nb; i++)
        diff |= (unsigned char)a[i] ^ (unsigned char)b[i];
    return diff == 0;
}

int emu_user_login(const char *name, const char *password)
{
    int i = emu_user_find(name);
    if (i < 0 || !users[i].can_login || !password || !same_secret(password, users[i].id))
        return -1;
    return i;
}

const char *emu_product_name(emu_product p)
{
    return p == EMU_PRODUCT_FREE ? "free" : "premium";
}

void emu_user_account_id(const emu_user *u, char out[EMU_ID_LEN + 1])
{
    static const char b62[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    emu_rng r = {emu_hash_str(EMU_FNV_BASIS, u->id)};
    for (int i = 0; i < EMU_ID_LEN; i++)
        out[i] = b62[emu_rng_below(&r, 62)];
    out[EMU_ID_LEN] = 0;
}

void emu_user_email(const emu_user *u, char *out, size_t outsz)
{
    snprintf(out, outsz, "%s@example.com", u->id);
}
