/**
 * @file redirect_rules.h
 * @brief Spotify's redirect URI rules: which URIs an app may register, and whether a
 *        redirect_uri sent to /authorize matches one of them.
 *
 * The rules (Spotify, April 2025): https, or plain http only to the loopback IP literals
 * 127.0.0.1 and [::1]; `localhost` is refused in any scheme; an app's own scheme
 * (`myapp://cb`) is allowed; no fragment. A request matches a registered URI exactly, with
 * one exception: a loopback URI registered without a port matches the same URI with any
 * port. Pure functions, so unit tests and the fuzz harness can reach them directly.
 *
 * Ownership: emu_app_set_redirects() gives the app malloc'd copies that
 * emu_app_redirects_free() releases.
 */
#ifndef SPOTC_EMU_REDIRECT_RULES_H
#define SPOTC_EMU_REDIRECT_RULES_H

#include <stddef.h>

#include "config.h"

#define EMU_REDIRECT_MAX 1024 /**< longest redirect URI accepted */

/** The URI every app registers when none is given (`--app ID:SECRET`). */
#define EMU_DEFAULT_REDIRECT_URI "http://127.0.0.1/callback"

/**
 * May @p uri be registered? On refusal @p why (may be NULL) gets a sentence that says which
 * rule it breaks and, for `localhost`, what to use instead.
 * @return 1 when allowed, 0 when refused.
 */
int emu_redirect_uri_allowed(const char *uri, char *why, size_t whylen);

/** Does @p requested match @p registered (exactly, or the loopback any-port exception)? */
int emu_redirect_uri_matches(const char *registered, const char *requested);

/** Does @p requested match one of the app's registered URIs? */
int emu_app_redirect_ok(const emu_app *app, const char *requested);

/**
 * Register the comma-separated URIs of @p list for @p app (replacing what it had). Every URI
 * must pass emu_redirect_uri_allowed(); on refusal @p why says which and nothing changes.
 * @return 0, or -1 (refused, or out of memory: @p why says which).
 */
int emu_app_set_redirects(emu_app *app, const char *list, char *why, size_t whylen);

/** Free the app's registered URIs. */
void emu_app_redirects_free(emu_app *app);

#endif
