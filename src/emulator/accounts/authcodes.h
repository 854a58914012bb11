/**
 * @file authcodes.h
 * @brief Authorization codes handed out by /authorize and spent at /api/token.
 *
 * A code is single use and short lived (EMU_CODE_LIFETIME_S of emulator time): taking it
 * removes it, whether the exchange then succeeds or not, so a replayed code always fails.
 * Thread-safe (one mutex). Records are copied in and out.
 */
#ifndef SPOTC_EMU_AUTHCODES_H
#define SPOTC_EMU_AUTHCODES_H

#include <stdint.h>

#include "redirect_rules.h"
#include "tokens.h"

#define EMU_CODE_LEN 128        /**< "AQ" + 126 base62 characters */
#define EMU_CODE_LIFETIME_S 600 /**< ten minutes */
#define EMU_CHALLENGE_LEN 43    /**< base64url(SHA-256), no padding */
/** Codes waiting to be exchanged, at most; past it the oldest dies (a flood of /authorize
 *  cannot grow the table; a real user exchanges a code within seconds). */
#define EMU_CODES_MAX 10000

/** What the user granted at /authorize, to be turned into tokens. */
typedef struct emu_authcode {
    int app;
    char user[EMU_USER_MAX];
    char scope[EMU_SCOPE_MAX];
    char redirect_uri[EMU_REDIRECT_MAX + 1]; /**< exactly as sent to /authorize */
    char challenge[EMU_CHALLENGE_LEN + 1];   /**< PKCE S256 challenge, "" for the secret flow */
    int64_t expires_ms;                      /**< set by emu_authcodes_issue() */
} emu_authcode;

typedef struct emu_authcodes emu_authcodes;

emu_authcodes *emu_authcodes_new(void);
void emu_authcodes_free(emu_authcodes *a);

/**
 * Store @p rec under a new random code that expires EMU_CODE_LIFETIME_S after @p now_ms.
 * @param[out] code EMU_CODE_LEN + 1 bytes
 * @return 0, or -1 (out of memory, no randomness)
 */
int emu_authcodes_issue(emu_authcodes *a, emu_authcode *rec, int64_t now_ms, char *code);

/** Results of emu_authcodes_take(). */
enum { EMU_CODE_OK = 0, EMU_CODE_UNKNOWN = -1, EMU_CODE_EXPIRED = -2 };

/**
 * Remove the code and copy its record out.
 * @return EMU_CODE_OK, EMU_CODE_UNKNOWN (never issued or already spent), EMU_CODE_EXPIRED.
 */
int emu_authcodes_take(emu_authcodes *a, const char *code, int64_t now_ms, emu_authcode *out);

#endif
