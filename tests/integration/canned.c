/* A canned HTTP server (canned.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "canned.h"

static void read_head(int fd, char *req, size_t size)
{
    size_t len = 0;
    ssize_t n;
    req[0] = '\0';
    while (len < size - 1 && (n = recv(fd, req + len, size - 1 - len, 0)) > 0) {
        len += (size_t)n;
        req[len] = '\0';
        if (strstr(req, "\r\n\r\n"))
            break;
    }
}

static void *serve(void *arg)
{
    canned *c = arg;
    for (;;) {
        int fd = accept(c->fd, NULL, NULL);
        if (fd < 0)
            return NULL;
        char req[4096], body[2048], head[320];
        read_head(fd, req, sizeof req);
        c->requests++;
        body[0] = '\0';
        c->headers[0] = '\0';
        int status = c->answer(c, req, body, sizeof body);
        int hn = snprintf(head, sizeof head,
                          "HTTP/1.1 %d Canned\r\nContent-Type: application/json\r\n"
                          "Content-Length: %zu\r\n%sConnection: close\r\n\r\n",
                          status, strlen(body), c->headers);
        (void)!send(fd, head, (size_t)hn, MSG_NOSIGNAL);
        (void)!send(fd, body, strlen(body), MSG_NOSIGNAL);
        close(fd);
    }
}

void canned_start(canned *c, canned_answer answer, void *data)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t sl = sizeof a;
    memset(c, 0, sizeof *c);
    c->answer = answer;
    c->data = data;
    c->fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(c->fd >= 0);
    assert_int_equal(bind(c->fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(c->fd, 64), 0);
    assert_int_equal(getsockname(c->fd, (struct sockaddr *)&a, &sl), 0);
    snprintf(c->base, sizeof c->base, "http://127.0.0.1:%d", ntohs(a.sin_port));
    assert_int_equal(pthread_create(&c->thread, NULL, serve, c), 0);
}

long canned_offset(const char *request)
{
    const char *o = strstr(request, "offset=");
    const char *eol = strstr(request, "\r\n");
    return o && (!eol || o < eol) ? atol(o + 7) : 0;
}

spotc_pager *canned_albums_pager(spotc_client *client, int concurrency)
{
    const spotc_param params[] = {{"id", "0TnOYISbd1XYRBk9myaseg"}};
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.limit = 1;
    po.concurrency = concurrency;
    spotc_pager *p = NULL;
    assert_int_equal(spotc_pager_new(&p, client, "get-an-artists-albums", params, 1, &po), 0);
    return p;
}

long canned_stop(canned *c)
{
    shutdown(c->fd, SHUT_RDWR);
    close(c->fd);
    pthread_join(c->thread, NULL);
    return c->requests;
}
