/**
 * @file users.h
 * @brief The emulator's user accounts: a fixed table, the same for every seed.
 *
 * A user's Spotify ID is its user name (Spotify's older accounts look like that too), and
 * its password on the emulator's login page is the same name. `demo` is premium with a full
 * library and devices, `free` has the free product and no devices, a few others own public
 * playlists, and `spotify` owns the editorial playlists (it cannot log in).
 * What users do (libraries, playlists, players) lives in state.h; this table never changes,
 * so it is read without locks.
 */
#ifndef SPOTC_EMU_USERS_H
#define SPOTC_EMU_USERS_H

#include <stddef.h>

#include "catalogue.h"

typedef enum emu_product { EMU_PRODUCT_PREMIUM, EMU_PRODUCT_FREE } emu_product;

typedef struct emu_user {
    const char *id;           /**< user name = Spotify user ID = password */
    const char *display_name; /**< NULL is sent as null */
    const char *country;      /**< one of the catalogue's markets */
    emu_product product;
    unsigned followers;
    int can_login; /**< 0 for the editorial owner `spotify` */
} emu_user;

/** Indexes of the well-known users in the table. */
enum { EMU_USER_DEMO = 0, EMU_USER_FREE = 1 };

/** Number of users. */
size_t emu_users_count(void);
/** User @p i (0 <= i < emu_users_count()), borrowed from a static table. */
const emu_user *emu_user_at(size_t i);
/** Index of the user with ID @p id (exact, case-sensitive as Spotify), or -1. */
int emu_user_find(const char *id);
/** The user with ID @p id, or NULL. */
const emu_user *emu_user_lookup(const char *id);
/**
 * Check a login: the password of every user that can log in is its user name.
 * @return the user's index, or -1 (unknown user, no login, wrong password).
 */
int emu_user_login(const char *name, const char *password);
/** "premium" or "free". */
const char *emu_product_name(emu_product p);
/** The stable account_id of GET /me (22 base62 characters + NUL into @p out). */
void emu_user_account_id(const emu_user *u, char out[EMU_ID_LEN + 1]);
/** The user's email address (into @p out). */
void emu_user_email(const emu_user *u, char *out, size_t outsz);

#endif
