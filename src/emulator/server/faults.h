/**
 * @file faults.h
 * @brief Injected faults: global latency and failure rate, and scripted per-route rules.
 *
 * Set from the command line (--latency-ms, --fail-rate) and by POST /_emulator/faults;
 * cleared by DELETE /_emulator/faults and /_emulator/reset. Thread-safe (one mutex); the
 * hot path takes it only when something is configured.
 */
#ifndef SPOTC_EMU_FAULTS_H
#define SPOTC_EMU_FAULTS_H

#include <stddef.h>

/** Rules waiting to fire, at most (a spent rule is removed when it fires its last time). */
#define EMU_FAULT_RULES_MAX 1000

typedef enum emu_fault_kind {
    EMU_FAULT_STATUS,
    EMU_FAULT_RATE_LIMIT,
    EMU_FAULT_RATE_LIMIT_NO_RETRY_AFTER,
    EMU_FAULT_RESET,
    EMU_FAULT_TRUNCATE,
    EMU_FAULT_SLOW,
    EMU_FAULT_MALFORMED_JSON,
    EMU_FAULT_LATENCY,
    EMU_FAULT_KIND_COUNT
} emu_fault_kind;

/** One scripted rule; the strings are owned by the rule set. */
typedef struct emu_fault_rule {
    char *method;   /**< NULL = any method */
    char *path;     /**< glob: '*' matches any characters, '/' included */
    unsigned times; /**< matching requests left; 0 = every one */
    int unlimited;
    emu_fault_kind kind;
    int status;           /**< for EMU_FAULT_STATUS (default 503) */
    unsigned retry_after; /**< for EMU_FAULT_RATE_LIMIT (default 1) */
    unsigned delay_ms;    /**< for SLOW and LATENCY (default 1000) */
} emu_fault_rule;

typedef struct emu_faults emu_faults;

emu_faults *emu_faults_new(unsigned latency_ms, double fail_rate);
void emu_faults_free(emu_faults *f);

/**
 * Apply a POST /_emulator/faults body: latency_ms and fail_rate replace the current values,
 * rules are appended (refused as a whole when more than EMU_FAULT_RULES_MAX would wait).
 * @param[out] err a message for the 400 answer when the body is refused
 * @return 0, or -1 (nothing was changed)
 */
int emu_faults_set_json(emu_faults *f, const char *body, size_t len, char *err, size_t errsz);
/** Remove all faults, global ones included. */
void emu_faults_clear(emu_faults *f);
/** The current configuration as JSON, every rule listed (caller frees), or NULL. */
char *emu_faults_json(emu_faults *f, size_t *len);
/** The answer to a POST: latency, failure rate and the number of rules waiting (caller
 *  frees), or NULL. Bounded whatever the rules hold. */
char *emu_faults_summary_json(emu_faults *f, size_t *len);

/** Global latency to add to every request. */
unsigned emu_faults_latency(emu_faults *f);
/** Non-zero when this request should fail with 503 by the failure rate. */
int emu_faults_roll_failure(emu_faults *f);
/**
 * Find the first rule matching @p method and @p path and use it up once.
 * @param[out] out a copy of the rule (its strings are not valid after the call)
 * @return 1 when a rule fired, 0 otherwise
 */
int emu_faults_match(emu_faults *f, const char *method, const char *path, emu_fault_rule *out);

/** "status", "rate_limit", ...; NULL for an unknown kind. */
const char *emu_fault_kind_name(emu_fault_kind k);

#endif
