#include <stdlib.h>

#include "idlist.h"

int cli_parse_ids(const cli_args *args, spotc_item_type type, spotc_id **storage, const char ***out)
{
    size_t n = (size_t)args->npos;
    *storage = calloc(n ? n : 1, sizeof(spotc_id));
    *out = calloc(n ? n : 1, sizeof(char *));
    if (!*storage || !*out) {
        free(*storage);
        free(*out);
        cli_errorf("out of memory");
        return CLI_EXIT_ERROR;
    }
    for (size_t i = 0; i < n; i++) {
        int rc = cli_parse_id(&(*storage)[i], args->pos[i], type);
        if (rc) {
            free(*storage);
            free(*out);
            return rc;
        }
        (*out)[i] = (*storage)[i].id;
    }
    return 0;
}
