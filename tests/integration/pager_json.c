/*
 * An outside program that walks a pager's items with jansson's own functions:
 * json_t is part of libspotc's API, so `pkg-config --cflags --libs spotc` alone
 * must be enough to compile and link it (Requires: jansson).
 * Usage: pager_json ALBUM_ID; prints each track's name; exit 0, or 1 on error.
 */
#include <stdio.h>

#include <jansson.h>
#include <spotc.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    spotc_client_options o = SPOTC_CLIENT_OPTIONS_INIT;
    spotc_client_options_load_env(&o);
    spotc_client *client = NULL;
    if (spotc_client_new(&client, &o) != 0) {
        fprintf(stderr, "%s\n", spotc_error_last()->message);
        return 1;
    }
    spotc_param params[] = {{"id", argv[1]}};
    spotc_page_options po = SPOTC_PAGE_OPTIONS_INIT;
    po.limit = 2;
    spotc_pager *pager = NULL;
    int rc = spotc_pager_new(&pager, client, "get-an-albums-tracks", params, 1, &po);
    json_t *items;
    size_t count = 0;
    while (rc == 0 && (rc = spotc_pager_next(pager, &items)) == 1) {
        rc = 0;
        size_t i;
        json_t *item;
        json_array_foreach(items, i, item)
        {
            printf("%s\n", json_string_value(json_object_get(item, "name")));
            count++;
        }
    }
    if (rc < 0)
        fprintf(stderr, "%s\n", spotc_client_last_error(client)->message);
    spotc_pager_free(pager);
    spotc_client_free(client);
    return rc < 0 || count == 0 ? 1 : 0;
}
