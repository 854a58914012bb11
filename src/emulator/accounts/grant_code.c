/*
 * grant_type=authorization_code at /api/token: spend a code from /authorize (authcodes.h)
 * for a user's tokens. The code is bound to the app, the redirect URI used at /authorize
 * and, with PKCE, to the S256 challenge: the verifier must hash to it. Without PKCE the
 * client must authenticate with its secret. The code is spent even when the exchange then
 * fails, so a leaked code is good for one attempt at most.
 */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <string.h>

#include "accounts.h"
#include "authcodes.h"

/* base64url(SHA-256(verifier)) without padding equals the challenge (in constant time). */
static int verifier_matches(const char *verifier, const char *challenge)
{
    size_t n = strlen(verifier);
    if (n < 43 || n > 128 ||
        strspn(verifier, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                         "0123456789-._~") != n)
        return 0;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    unsigned char b64[64];
    if (EVP_Digest(verifier, n, md, &mdlen, EVP_sha256(), NULL) != 1 || mdlen != 32)
        return 0;
    EVP_EncodeBlock(b64, md, 32); /* 44 characters, the last one '=' */
    for (size_t i = 0; i < EMU_CHALLENGE_LEN; i++)
        b64[i] = b64[i] == '+' ? '-' : b64[i] == '/' ? '_' : b64[i];
    return strlen(challenge) == EMU_CHALLENGE_LEN &&
           CRYPTO_memcmp(b64, challenge, EMU_CHALLENGE_LEN) == 0;
}

/* The code's bindings; answers the error itself and returns -1 when one does not hold. */
static int check_code(emu_call *c, const emu_kvlist *form, const emu_authcode *rec, int rc, int app,
                      int secret_ok)
{
    const char *redirect = emu_kvlist_get(form, "redirect_uri", 0);
    const char *verifier = emu_kvlist_get(form, "code_verifier", 0);
    if (rc == EMU_CODE_EXPIRED)
        emu_reply_oauth_error(c, 400, "invalid_grant", "Authorization code expired");
    else if (rc != EMU_CODE_OK || rec->app != app)
        emu_reply_oauth_error(c, 400, "invalid_grant", "Invalid authorization code");
    else if (strcmp(redirect, rec->redirect_uri) != 0)
        emu_reply_oauth_error(c, 400, "invalid_grant", "Invalid redirect URI");
    else if (rec->challenge[0] && !verifier)
        emu_reply_oauth_error(c, 400, "invalid_request", "code_verifier required");
    else if (rec->challenge[0] && !verifier_matches(verifier, rec->challenge))
        emu_reply_oauth_error(c, 400, "invalid_grant", "code_verifier was incorrect");
    else if (!rec->challenge[0] && !secret_ok)
        emu_reply_oauth_error(c, 400, "unauthorized_client",
                              "This code was issued without code_challenge: the client must "
                              "authenticate with its secret");
    else
        return 0;
    return -1;
}

void emu_grant_authorization_code(emu_call *c, const emu_kvlist *form, int app, int secret_ok)
{
    const char *code = emu_kvlist_get(form, "code", 0);
    const char *redirect = emu_kvlist_get(form, "redirect_uri", 0);
    if (!code || !*code) {
        emu_reply_oauth_error(c, 400, "invalid_request", "code must be supplied");
        return;
    }
    if (!redirect || !*redirect) {
        emu_reply_oauth_error(c, 400, "invalid_request", "redirect_uri must be supplied");
        return;
    }
    emu_authcode rec;
    int rc = emu_authcodes_take(c->ctx->authcodes, code, c->now_ms, &rec);
    if (check_code(c, form, &rec, rc, app, secret_ok) < 0)
        return;
    emu_token_info info = {
        .app = app,
        .authorized_ms = c->now_ms,
        .flow = rec.challenge[0] ? EMU_FLOW_PKCE : EMU_FLOW_SECRET,
    };
    memcpy(info.user, rec.user, sizeof info.user);
    memcpy(info.scope, rec.scope, sizeof info.scope);
    if (emu_accounts_issue(c, &info, 1) == 0)
        emu_stats_grant(c->ctx->stats, EMU_GRANT_AUTHORIZATION_CODE);
}
