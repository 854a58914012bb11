/*
 * Secrets scrubbed by value from text the client lets out (error messages and
 * trace lines). Redaction by key name (trace.c) misses a secret a server
 * echoes in free text ("invalid code ABC..."), so every secret the client
 * knows is also looked for as it is: the access token, the client secret, and
 * the refresh tokens and authorization codes it has sent lately.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "client_priv.h"

/* Shorter values would match ordinary text; real tokens and codes are long. */
#define SECRET_MIN 8

void spotc__client_remember_secret(spotc_client *c, const char *secret)
{
    if (!c || !secret || strlen(secret) < SECRET_MIN)
        return;
    for (size_t i = 0; i < SPOTC__REMEMBERED_MAX; i++)
        if (c->remembered[i] && strcmp(c->remembered[i], secret) == 0)
            return;
    char *copy = strdup(secret);
    if (!copy)
        return; /* then only redaction by key name applies */
    char **slot = &c->remembered[c->next_remembered++ % SPOTC__REMEMBERED_MAX];
    if (*slot) {
        OPENSSL_cleanse(*slot, strlen(*slot));
        free(*slot);
    }
    *slot = copy;
}

void spotc__client_forget_secrets(spotc_client *c)
{
    for (size_t i = 0; i < SPOTC__REMEMBERED_MAX; i++) {
        if (c->remembered[i]) {
            OPENSSL_cleanse(c->remembered[i], strlen(c->remembered[i]));
            free(c->remembered[i]);
            c->remembered[i] = NULL;
        }
    }
}

/* Replace each occurrence of secret in text by "***", in place (never longer). */
static void scrub_one(char *text, const char *secret)
{
    size_t n = secret ? strlen(secret) : 0;
    if (n < SECRET_MIN)
        return;
    for (char *at = strstr(text, secret); at; at = strstr(at + 3, secret)) {
        memcpy(at, "***", 3);
        memmove(at + 3, at + n, strlen(at + n) + 1);
    }
}

void spotc__scrub(const spotc_client *c, char *text)
{
    if (!c || !text)
        return;
    scrub_one(text, c->token.access_token);
    scrub_one(text, c->client_secret);
    for (size_t i = 0; i < SPOTC__REMEMBERED_MAX; i++)
        scrub_one(text, c->remembered[i]);
}
