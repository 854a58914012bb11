/* Fault injection state (see faults.h). */
#include "faults.h"

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "glob.h"
#include "jw.h"
#include "rng.h"

struct emu_faults {
    pthread_mutex_t lock;
    unsigned latency_ms;
    double fail_rate;
    emu_fault_rule *rules;
    size_t nrules;
    atomic_int active; /* anything configured at all: lets the hot path skip the lock */
};

static const char *const kind_names[EMU_FAULT_KIND_COUNT] = {
    "status",         "rate_limit", "rate_limit_no_retry_after", "reset", "truncate", "slow",
    "malformed_json", "latency",
};

const char *emu_fault_kind_name(emu_fault_kind k)
{
    return (unsigned)k < EMU_FAULT_KIND_COUNT ? kind_names[k] : NULL;
}

static void update_active(emu_faults *f)
{
    atomic_store(&f->active, f->latency_ms || f->fail_rate > 0 || f->nrules);
}

emu_faults *emu_faults_new(unsigned latency_ms, double fail_rate)
{
    emu_faults *f = calloc(1, sizeof *f);
    if (!f || pthread_mutex_init(&f->lock, NULL) != 0) {
        free(f);
        return NULL;
    }
    f->latency_ms = latency_ms;
    f->fail_rate = fail_rate;
    update_active(f);
    return f;
}

static void free_rule(emu_fault_rule *r)
{
    free(r->method);
    free(r->path);
}

static void free_rules(emu_faults *f)
{
    for (size_t i = 0; i < f->nrules; i++)
        free_rule(&f->rules[i]);
    free(f->rules);
    f->rules = NULL;
    f->nrules = 0;
}

void emu_faults_free(emu_faults *f)
{
    if (!f)
        return;
    free_rules(f);
    pthread_mutex_destroy(&f->lock);
    free(f);
}

void emu_faults_clear(emu_faults *f)
{
    pthread_mutex_lock(&f->lock);
    free_rules(f);
    f->latency_ms = 0;
    f->fail_rate = 0;
    update_active(f);
    pthread_mutex_unlock(&f->lock);
}

static int get_uint(json_t *o, const char *key, unsigned long max, unsigned long def,
                    unsigned long *out)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v)) {
        *out = def;
        return 0;
    }
    if (!json_is_integer(v) || json_integer_value(v) < 0 ||
        (unsigned long long)json_integer_value(v) > max)
        return -1;
    *out = (unsigned long)json_integer_value(v);
    return 0;
}

static int parse_kind(const char *name)
{
    for (int k = 0; k < EMU_FAULT_KIND_COUNT; k++)
        if (strcmp(kind_names[k], name) == 0)
            return k;
    return -1;
}

/* One rule from JSON; on failure err says why and the rule owns nothing. */
static int parse_rule(json_t *r, emu_fault_rule *out, char *err, size_t errsz)
{
    memset(out, 0, sizeof *out);
    json_t *path = json_object_get(r, "path"), *method = json_object_get(r, "method");
    json_t *kind = json_object_get(r, "fault");
    int k = json_is_string(kind) ? parse_kind(json_string_value(kind)) : -1;
    unsigned long times, status, retry, delay;
    if (!json_is_object(r) || !json_is_string(path) ||
        (method && !json_is_null(method) && !json_is_string(method))) {
        snprintf(err, errsz, "a rule needs a string \"path\" (and an optional \"method\")");
        return -1;
    }
    if (strlen(json_string_value(path)) > EMU_GLOB_MAX ||
        (json_is_string(method) && strlen(json_string_value(method)) > 16)) {
        snprintf(err, errsz, "\"path\" is at most %d characters, \"method\" at most 16",
                 EMU_GLOB_MAX);
        return -1;
    }
    if (k < 0) {
        snprintf(err, errsz,
                 "unknown \"fault\"; use status, rate_limit, "
                 "rate_limit_no_retry_after, reset, truncate, slow, "
                 "malformed_json or latency");
        return -1;
    }
    /* A 1xx is not a final answer: the client would wait for the real one forever. */
    if (get_uint(r, "times", 1000000, 1, &times) || get_uint(r, "status", 599, 503, &status) ||
        get_uint(r, "retry_after", 86400, 1, &retry) ||
        get_uint(r, "delay_ms", 600000, 1000, &delay) || (k == EMU_FAULT_STATUS && status < 200)) {
        snprintf(err, errsz,
                 "times, status (200-599), retry_after and delay_ms must be "
                 "non-negative integers");
        return -1;
    }
    out->path = strdup(json_string_value(path));
    out->method = json_is_string(method) ? strdup(json_string_value(method)) : NULL;
    if (!out->path || (json_is_string(method) && !out->method)) {
        free(out->path);
        free(out->method);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    out->kind = (emu_fault_kind)k;
    out->times = (unsigned)times;
    out->unlimited = times == 0;
    out->status = (int)status;
    out->retry_after = (unsigned)retry;
    out->delay_ms = (unsigned)delay;
    return 0;
}

static int parse_rules(json_t *rules, emu_fault_rule **out, size_t *n, char *err, size_t errsz)
{
    *out = NULL;
    *n = 0;
    if (!rules || json_is_null(rules))
        return 0;
    if (!json_is_array(rules) || json_array_size(rules) > EMU_FAULT_RULES_MAX) {
        snprintf(err, errsz, "\"rules\" must be an array (at most %d)", EMU_FAULT_RULES_MAX);
        return -1;
    }
    *out = calloc(json_array_size(rules) + 1, sizeof **out);
    if (!*out)
        return -1;
    for (size_t i = 0; i < json_array_size(rules); i++) {
        if (parse_rule(json_array_get(rules, i), &(*out)[i], err, errsz) < 0) {
            for (size_t j = 0; j < i; j++)
                free_rule(&(*out)[j]);
            free(*out);
            *out = NULL;
            return -1;
        }
        (*n)++;
    }
    return 0;
}

int emu_faults_set_json(emu_faults *f, const char *body, size_t len, char *err, size_t errsz)
{
    json_error_t je;
    json_t *root = len ? json_loadb(body, len, 0, &je) : json_object();
    if (!json_is_object(root)) {
        snprintf(err, errsz, "the body must be a JSON object");
        json_decref(root);
        return -1;
    }
    unsigned long latency;
    json_t *fr = json_object_get(root, "fail_rate");
    int has_latency = json_object_get(root, "latency_ms") != NULL;
    if (get_uint(root, "latency_ms", 600000, 0, &latency) < 0 ||
        (fr && !(json_is_number(fr) && json_number_value(fr) >= 0 && json_number_value(fr) <= 1))) {
        snprintf(err, errsz, "latency_ms must be a non-negative integer, fail_rate in [0, 1]");
        json_decref(root);
        return -1;
    }
    emu_fault_rule *rules;
    size_t n;
    if (parse_rules(json_object_get(root, "rules"), &rules, &n, err, errsz) < 0) {
        json_decref(root);
        return -1;
    }
    pthread_mutex_lock(&f->lock);
    int full = f->nrules + n > EMU_FAULT_RULES_MAX;
    emu_fault_rule *all =
        n && !full ? realloc(f->rules, (f->nrules + n) * sizeof *all) : f->rules;
    int rc = 0;
    if (full || (n && !all)) {
        if (full)
            snprintf(err, errsz,
                     "at most %d fault rules at a time (%zu waiting); spent rules are removed, "
                     "DELETE /_emulator/faults removes all",
                     EMU_FAULT_RULES_MAX, f->nrules);
        else
            snprintf(err, errsz, "out of memory");
        for (size_t j = 0; j < n; j++)
            free_rule(&rules[j]);
        rc = -1;
    } else {
        if (n) {
            memcpy(all + f->nrules, rules, n * sizeof *all);
            f->rules = all;
            f->nrules += n;
        }
        if (has_latency)
            f->latency_ms = (unsigned)latency;
        if (fr)
            f->fail_rate = json_number_value(fr);
        update_active(f);
    }
    pthread_mutex_unlock(&f->lock);
    free(rules);
    json_decref(root);
    return rc;
}

char *emu_faults_summary_json(emu_faults *f, size_t *len)
{
    jw w;
    jw_init(&w, 128);
    pthread_mutex_lock(&f->lock);
    jw_obj(&w);
    jw_kint(&w, "latency_ms", f->latency_ms);
    jw_key(&w, "fail_rate");
    jw_double(&w, f->fail_rate);
    jw_kint(&w, "rules", (long long)f->nrules);
    jw_kint(&w, "max_rules", EMU_FAULT_RULES_MAX);
    jw_obj_end(&w);
    pthread_mutex_unlock(&f->lock);
    return jw_finish(&w, len);
}

char *emu_faults_json(emu_faults *f, size_t *len)
{
    jw w;
    jw_init(&w, 512);
    pthread_mutex_lock(&f->lock);
    jw_obj(&w);
    jw_kint(&w, "latency_ms", f->latency_ms);
    jw_key(&w, "fail_rate");
    jw_double(&w, f->fail_rate);
    jw_karr(&w, "rules");
    for (size_t i = 0; i < f->nrules; i++) {
        const emu_fault_rule *r = &f->rules[i];
        jw_obj(&w);
        if (r->method)
            jw_kstr(&w, "method", r->method);
        jw_kstr(&w, "path", r->path);
        jw_kint(&w, "times", r->unlimited ? 0 : r->times);
        jw_kstr(&w, "fault", kind_names[r->kind]);
        jw_kint(&w, "status", r->status);
        jw_kint(&w, "retry_after", r->retry_after);
        jw_kint(&w, "delay_ms", r->delay_ms);
        jw_obj_end(&w);
    }
    jw_arr_end(&w);
    jw_obj_end(&w);
    pthread_mutex_unlock(&f->lock);
    return jw_finish(&w, len);
}

unsigned emu_faults_latency(emu_faults *f)
{
    if (!atomic_load(&f->active))
        return 0;
    pthread_mutex_lock(&f->lock);
    unsigned l = f->latency_ms;
    pthread_mutex_unlock(&f->lock);
    return l;
}

int emu_faults_roll_failure(emu_faults *f)
{
    if (!atomic_load(&f->active))
        return 0;
    static _Thread_local emu_rng rng;
    if (!rng.s)
        rng.s = (uint64_t)time(NULL) ^ (uint64_t)(uintptr_t)&rng;
    pthread_mutex_lock(&f->lock);
    double p = f->fail_rate;
    pthread_mutex_unlock(&f->lock);
    if (p <= 0)
        return 0;
    return (double)(emu_rng_next(&rng) >> 11) / 9007199254740992.0 < p;
}

int emu_faults_match(emu_faults *f, const char *method, const char *path, emu_fault_rule *out)
{
    if (!atomic_load(&f->active))
        return 0;
    int fired = 0;
    pthread_mutex_lock(&f->lock);
    for (size_t i = 0; i < f->nrules; i++) {
        emu_fault_rule *r = &f->rules[i];
        if ((!r->unlimited && r->times == 0) || (r->method && strcasecmp(r->method, method) != 0) ||
            !emu_glob_match(r->path, path))
            continue;
        *out = *r;
        out->method = out->path = NULL;
        if (!r->unlimited && --r->times == 0) { /* spent: reclaimed at once */
            free_rule(r);
            memmove(r, r + 1, (f->nrules - i - 1) * sizeof *r);
            f->nrules--;
            update_active(f);
        }
        fired = 1;
        break;
    }
    pthread_mutex_unlock(&f->lock);
    return fired;
}
