#include <spotc/common.h>

const char *spotc_version(void)
{
    return SPOTC_VERSION;
}
