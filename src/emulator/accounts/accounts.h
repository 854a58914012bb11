/**
 * @file accounts.h
 * @brief Accounts service pieces shared by /api/token, /authorize and the control API.
 */
#ifndef SPOTC_EMU_ACCOUNTS_H
#define SPOTC_EMU_ACCOUNTS_H

#include "router.h"

/**
 * Issue an access token for @p info (and a refresh token for a user) and answer with the
 * token endpoint's JSON: access_token, token_type, expires_in, and for users
 * refresh_token and scope.
 * @return 0, or -1 after answering 500.
 */
int emu_accounts_issue(emu_call *c, emu_token_info *info, int with_refresh);

/**
 * grant_type=authorization_code (grant_code.c): spend a code from /authorize.
 * @param app the client's app index, as identified by /api/token
 * @param secret_ok the client authenticated with its secret
 */
void emu_grant_authorization_code(emu_call *c, const emu_kvlist *form, int app, int secret_ok);

/** Non-zero when every space-separated word of @p scope is a scope Spotify defines. */
int emu_scopes_valid(const char *scope);

/** Non-zero when @p name can be a user name (1-64 of [A-Za-z0-9._-]). */
int emu_user_name_valid(const char *name);

#endif
