/**
 * @file exit.h
 * @brief spotc's exit codes, and the one mapping from library error codes to them.
 *
 * Scripts rely on these numbers: they are documented in spotc(1) and never renumbered.
 */
#ifndef SPOTC_CLI_EXIT_H
#define SPOTC_CLI_EXIT_H

#include <spotc.h>

enum cli_exit {
    CLI_EXIT_OK = 0,
    CLI_EXIT_ERROR = 1,        /**< anything not listed below */
    CLI_EXIT_USAGE = 2,        /**< bad command line or argument (malformed ID ...) */
    CLI_EXIT_AUTH = 3,         /**< no or refused credentials, expired token */
    CLI_EXIT_NOT_FOUND = 4,    /**< 404 (also no active device) */
    CLI_EXIT_RATE_LIMITED = 5, /**< 429 and the wait is longer than spotc may wait */
    CLI_EXIT_NETWORK = 6,      /**< connect, DNS, TLS, reset, timeout */
    CLI_EXIT_FORBIDDEN = 7,    /**< 403: scope, Premium, removed for development-mode apps */
    CLI_EXIT_HTTP = 8,         /**< any other HTTP error status from Spotify */
    CLI_EXIT_BAD_RESPONSE = 9, /**< a response that is not the JSON expected */
};

/** @return the exit code for a negative SPOTC_E* code (0 for 0). */
static inline int cli_exit_code(int spotc_code)
{
    switch (spotc_code) {
    case SPOTC_OK:
        return CLI_EXIT_OK;
    case SPOTC_EINVALID:
        return CLI_EXIT_USAGE;
    case SPOTC_EAUTH:
    case SPOTC_ELOGIN:
    case SPOTC_ESTATE:
    case SPOTC_EDENIED:
        return CLI_EXIT_AUTH;
    case SPOTC_ENOTFOUND:
    case SPOTC_ENODEVICE:
        return CLI_EXIT_NOT_FOUND;
    case SPOTC_ERATELIMIT:
        return CLI_EXIT_RATE_LIMITED;
    case SPOTC_ENETWORK:
        return CLI_EXIT_NETWORK;
    case SPOTC_EFORBIDDEN:
    case SPOTC_EPREMIUM:
        return CLI_EXIT_FORBIDDEN;
    case SPOTC_EHTTP:
        return CLI_EXIT_HTTP;
    case SPOTC_EJSON:
        return CLI_EXIT_BAD_RESPONSE;
    default:
        return CLI_EXIT_ERROR;
    }
}

#endif
