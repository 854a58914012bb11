/**
 * @file tokens.h
 * @brief The token table: access tokens (app or user) and refresh tokens.
 *
 * One record type serves both kinds of access token: a client-credentials token has an
 * empty @c user and no scopes; a user token (from /_emulator/token now, from the
 * authorization-code and refresh grants of the accounts service later) carries the user,
 * the granted scopes and a refresh token that can mint the next access token.
 * Thread-safe: an internal rwlock guards the table; lookups copy the record out.
 * Bounded: at most EMU_TOKENS_PER_GRANTEE of each kind per app and user.
 */
#ifndef SPOTC_EMU_TOKENS_H
#define SPOTC_EMU_TOKENS_H

#include <stddef.h>
#include <stdint.h>

#define EMU_TOKEN_LEN 118   /**< access tokens: "BQ" + 116 base62 characters */
#define EMU_REFRESH_LEN 131 /**< refresh tokens: "AQ" + 129 base62 characters */
#define EMU_USER_MAX 64
#define EMU_SCOPE_MAX 512
#define EMU_TOKEN_LIFETIME_S 3600
/** Live access tokens, and refresh tokens, one app holds for one user (or for itself): a
 *  flood of token requests cannot grow the table without bound; past it the oldest token
 *  of that app and user dies, as if revoked. Expired ones are dropped as new ones come. */
#define EMU_TOKENS_PER_GRANTEE 1000
/** Refresh tokens die six months after the user's authorization; refreshing never extends it. */
#define EMU_REFRESH_LIFETIME_S (183LL * 24 * 3600)

/** How the user's authorization was obtained: decides rotation and client authentication. */
typedef enum emu_auth_flow {
    EMU_FLOW_CONTROL = 0, /**< /_emulator/token: refreshable with or without the secret */
    EMU_FLOW_PKCE,        /**< PKCE: refresh with client_id alone; every refresh rotates */
    EMU_FLOW_SECRET,      /**< code flow with the secret: refresh needs it; no rotation */
} emu_auth_flow;

typedef struct emu_token_info {
    int app;                   /**< index of the app (config apps[]) it was issued to */
    char user[EMU_USER_MAX];   /**< "" for client credentials */
    char scope[EMU_SCOPE_MAX]; /**< granted scopes, space separated */
    int64_t expires_ms;        /**< emulator time */
    int64_t issued_ms;
    int64_t authorized_ms; /**< when the user authorized the app; 0 = now (set at issue) */
    emu_auth_flow flow;
} emu_token_info;

typedef struct emu_tokens emu_tokens;

emu_tokens *emu_tokens_new(void);
void emu_tokens_free(emu_tokens *t);

/**
 * Issue an access token for @p info (expires_ms is set from @p now_ms). Drops the app and
 * user's tokens that died, and their oldest one when they hold EMU_TOKENS_PER_GRANTEE.
 * @param[out] access EMU_TOKEN_LEN + 1 bytes
 * @param[out] refresh EMU_REFRESH_LEN + 1 bytes, or NULL for no refresh token
 * @return 0, or -1 (out of memory, no randomness)
 */
int emu_tokens_issue(emu_tokens *t, emu_token_info *info, int64_t now_ms, char *access,
                     char *refresh);
/** Copy the record of an access token. 0, or -1 when unknown. */
int emu_tokens_lookup(emu_tokens *t, const char *access, emu_token_info *out);
/** Copy the record behind a refresh token. 0, or -1 when unknown. */
int emu_tokens_refresh_lookup(emu_tokens *t, const char *refresh, emu_token_info *out);
/** Forget a refresh token (rotation). */
void emu_tokens_refresh_revoke(emu_tokens *t, const char *refresh);
/** Forget a refresh token atomically: 1 for the one caller that removed it, 0 for others
 *  (so two concurrent refreshes never both spend a single-use token). */
int emu_tokens_refresh_spend(emu_tokens *t, const char *refresh);
/** Fill @p out with @p prefix (2 characters) and random base62 characters up to @p len
 *  (at most 258) from the CSPRNG, NUL-terminated. 0, or -1 (no randomness). */
int emu_tokens_random(char *out, const char *prefix, size_t len);
/* --state (state_file.h): every token, a token put back, and a counter of changes. */
typedef void (*emu_token_visit)(const char *token, const emu_token_info *info, int refresh,
                                void *arg);
/** Call @p fn for every access token, then every refresh token (refresh = 1), under the
 *  table's read lock: @p fn must not call back into the table. */
void emu_tokens_each(emu_tokens *t, emu_token_visit fn, void *arg);
/** Put back a saved token. 0, or -1 out of memory. */
int emu_tokens_restore(emu_tokens *t, const char *token, const emu_token_info *info, int refresh);
/** A number that changes whenever a token is issued, spent or revoked. */
uint64_t emu_tokens_generation(emu_tokens *t);
/** Number of live access tokens (tests, stats). */
size_t emu_tokens_count(emu_tokens *t);

#endif
