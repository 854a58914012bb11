/**
 * @file config.h
 * @brief spotc-emulator's command-line options.
 *
 * Ownership: emu_config_parse() fills a config whose strings the config owns;
 * emu_config_free() releases them.
 */
#ifndef SPOTC_EMU_CONFIG_H
#define SPOTC_EMU_CONFIG_H

#include <stdint.h>
#include <stdio.h>

#include "catalogue.h"

/** A registered application (client id, secret and redirect URIs). */
typedef struct emu_app {
    char *id;
    char *secret;
    char **redirect_uris; /**< registered for /authorize (redirect_rules.h) */
    size_t nredirect_uris;
} emu_app;

typedef enum emu_mode { EMU_MODE_EXTENDED, EMU_MODE_DEVELOPMENT } emu_mode;

typedef struct emu_config {
    char *host;    /**< address to bind, default 127.0.0.1 */
    int port;      /**< 0 = ephemeral */
    uint64_t seed; /**< default 1 */
    emu_catalogue_size catalogue;
    emu_app *apps; /**< apps[0] is the default spotc-demo */
    size_t napps;
    unsigned latency_ms;
    unsigned rate_limit; /**< requests per rolling 30 s per app; 0 = unlimited */
    double fail_rate;    /**< 0..1 */
    emu_mode mode;
    char *public_url; /**< NULL = the listening address */
    unsigned quota;   /**< requests per developer account per day; 0 = unlimited */
    char *tls_cert, *tls_key;
    unsigned threads; /**< 0 = number of CPUs */
    /* Front-end limits (spotc-emulator(1), LIMITS). */
    unsigned max_connections;  /**< open connections in all (default 1024) */
    unsigned max_per_ip;       /**< open connections from one address (default 128) */
    unsigned header_timeout_s; /**< a request head must arrive within (default 10; 0 = none) */
    unsigned body_timeout_s;   /**< its body within, after the head (default 30; 0 = none) */
    unsigned idle_timeout_s;   /**< silence before a connection is closed (default 30) */
    char *fixtures;   /**< --fixtures: a JSON file or a directory of them, or NULL */
    char *state_file; /**< --state: where user state is kept across restarts, or NULL */
} emu_config;

/**
 * Parse argv. Diagnostics go to @p err.
 * @return 0 to run, 1 when --help/--version was answered (exit 0), -1 on a usage error.
 */
int emu_config_parse(emu_config *cfg, int argc, char **argv, FILE *out, FILE *err);
/** Defaults only (what an empty command line gives). 0 or -1 (out of memory). */
int emu_config_defaults(emu_config *cfg);
/** Register one more app from "ID:SECRET[:REDIRECT_URI,...]" (without URIs it registers
 *  http://127.0.0.1/callback). 0, or -1 when malformed or out of memory. */
int emu_config_add_app(emu_config *cfg, const char *spec);
void emu_config_free(emu_config *cfg);

#endif
