/* The library-wide functions without a module: spotc_version() and spotc_free()
 * (spotc_strerror() lives with the error model). */
#include <stdlib.h>

#include <spotc/common.h>

const char *spotc_version(void)
{
    return SPOTC_VERSION;
}

/* The library's allocator is malloc today; callers go through this function so
 * that it may change (a custom allocator, a Windows DLL with its own heap). */
void spotc_free(void *p)
{
    free(p);
}
