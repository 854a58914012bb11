/*
 * The playlist cover upload: the one operation whose body is not JSON.
 */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "buf.h"
#include "client_priv.h"
#include "ids_priv.h"
#include "send.h"
#include "url.h"

/* A JPEG starts with SOI followed by another marker. */
static int looks_like_jpeg(const unsigned char *p, size_t len)
{
    return len >= 4 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF;
}

static int cover_url(spotc_client *c, spotc__buf *url, const char *id)
{
    spotc__buf_puts(url, c->api_base);
    spotc__buf_puts(url, "/playlists/");
    spotc__url_encode(url, id);
    return spotc__buf_puts(url, "/images");
}

int spotc_playlist_upload_cover(spotc_client *client, const char *playlist_id,
                                const unsigned char *jpeg, size_t len)
{
    if (!client)
        return SPOTC_EINVALID;
    spotc__error_clear(client);
    spotc_id id;
    int rc = spotc__id_require(client, &id, playlist_id, SPOTC_TYPE_PLAYLIST);
    if (rc != 0)
        return rc;
    if (!jpeg || !looks_like_jpeg(jpeg, len))
        return spotc__error_set(client, SPOTC_EINVALID, "the cover image is not a JPEG");
    size_t b64_len = 4 * ((len + 2) / 3);
    if (b64_len > SPOTC_COVER_MAX_BASE64)
        return spotc__error_set(client, SPOTC_EINVALID,
                                "the cover image is too large: %zu bytes of base64, Spotify "
                                "takes at most %d (a JPEG of about 190 KB)",
                                b64_len, SPOTC_COVER_MAX_BASE64);
    char *b64 = malloc(b64_len + 1);
    if (!b64)
        return spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
    EVP_EncodeBlock((unsigned char *)b64, jpeg, (int)len);
    spotc__buf url = SPOTC__BUF_INIT;
    if (cover_url(client, &url, id.id) != 0) {
        rc = spotc__error_set(client, SPOTC_ENOMEM, "out of memory");
    } else {
        spotc__send_req req = {
            .method = "PUT",
            .url = spotc__buf_str(&url),
            .body = b64,
            .body_len = b64_len,
            .content_type = "image/jpeg",
            .bearer = 1,
        };
        rc = spotc__send(client, &req, NULL);
    }
    spotc__buf_free(&url);
    free(b64);
    return rc;
}
