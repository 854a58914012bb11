/*
 * A worker of the Redis tests and benchmark (not a test itself): one process
 * with N clients (a thread each) of the app in the environment (SPOTIFY_CLIENT_ID,
 * SPOTIFY_CLIENT_SECRET, SPOTC_API_BASE, SPOTC_ACCOUNTS_BASE, SPOTC_REDIS_URL,
 * SPOTC_RATE_BUDGET), each sending K GETs of PATH.
 *
 *   spotc-redis-worker budget CLIENTS REQUESTS PATH
 *   spotc-redis-worker user PATH     one request as user "demo" with the tokens in
 *                                    Redis (spotc_token_store_redis_new)
 *
 * Prints "done OK FAILED" and exits 0 when every request succeeded.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <spotc.h>

typedef struct job {
    const char *path;
    long requests, ok, failed;
} job;

static void *run(void *arg)
{
    job *j = arg;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    spotc_client_options_load_env(&o);
    o.max_rate_limit_wait = 300; /* Redis away: 429s are waited out, never fatal */
    spotc_client *c = NULL;
    if (spotc_client_new(&c, &o) != 0) {
        fprintf(stderr, "worker: cannot make a client\n");
        j->failed = j->requests;
        return NULL;
    }
    for (long i = 0; i < j->requests; i++) {
        int rc = spotc_request_send(NULL, c, "GET", j->path, NULL, 0, NULL);
        if (rc == 0)
            j->ok++;
        else {
            j->failed++;
            fprintf(stderr, "worker: %s\n", spotc_client_last_error(c)->message);
        }
    }
    spotc_client_free(c);
    return NULL;
}

static int budget(int nclients, long requests, const char *path)
{
    pthread_t t[16];
    job jobs[16];
    if (nclients < 1 || nclients > 16)
        return 2;
    for (int i = 0; i < nclients; i++) {
        jobs[i] = (job){.path = path, .requests = requests};
        if (pthread_create(&t[i], NULL, run, &jobs[i]) != 0)
            return 2;
    }
    long ok = 0, failed = 0;
    for (int i = 0; i < nclients; i++) {
        pthread_join(t[i], NULL);
        ok += jobs[i].ok;
        failed += jobs[i].failed;
    }
    printf("done %ld %ld\n", ok, failed);
    return failed ? 1 : 0;
}

static int user(const char *path)
{
    char eb[256] = "";
    spotc_token_store *st = NULL;
    spotc_token_store_redis_options so = SPOTC_TOKEN_STORE_REDIS_OPTIONS_INIT;
    so.url = getenv("SPOTC_REDIS_URL");
    so.client_id = getenv("SPOTIFY_CLIENT_ID");
    so.user = "demo";
    if (spotc_token_store_redis_new(&st, &so, eb, sizeof eb) != 0) {
        fprintf(stderr, "worker: %s\n", eb);
        return 2;
    }
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    spotc_client_options_load_env(&o);
    o.client_secret = NULL; /* a PKCE login: refresh tokens rotate, so a double refresh shows */
    o.token_store = st;
    spotc_client *c = NULL;
    int rc = spotc_client_new(&c, &o);
    if (rc == 0)
        rc = spotc_request_send(NULL, c, "GET", path, NULL, 0, NULL);
    if (rc != 0)
        fprintf(stderr, "worker: %s\n", c ? spotc_client_last_error(c)->message : "no client");
    printf("done %d %d\n", rc == 0, rc != 0);
    spotc_client_free(c);
    spotc_token_store_redis_free(st);
    return rc == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[1], "budget") == 0)
        return budget(atoi(argv[2]), atol(argv[3]), argv[4]);
    if (argc == 3 && strcmp(argv[1], "user") == 0)
        return user(argv[2]);
    fprintf(stderr, "usage: spotc-redis-worker budget CLIENTS REQUESTS PATH | user PATH\n");
    return 2;
}
