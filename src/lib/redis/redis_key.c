/* Key names: everything of one app under spotc:{CLIENT_ID}: (the braces are a
 * Redis Cluster hash tag: one app's keys, and so its scripts, stay in one slot). */
#include "buf.h"
#include "redis_layer.h"

char *spotc__redis_key(const char *client_id, const char *kind, const char *name)
{
    spotc__buf b = SPOTC__BUF_INIT;
    spotc__buf_printf(&b, "spotc:{%s}:%s", client_id && *client_id ? client_id : "-", kind);
    if (name)
        spotc__buf_printf(&b, ":%s", name);
    return spotc__buf_take(&b);
}
