/**
 * @file spotc.h
 * @brief libspotc: a C client for the Spotify Web API. Include this one header.
 */
#ifndef SPOTC_H
#define SPOTC_H

#include "spotc/common.h"
#include "spotc/error.h"
#include "spotc/client.h"
#include "spotc/ids.h"
#include "spotc/models.h"
#include "spotc/operations.h"
#include "spotc/request.h"
#include "spotc/paging.h"
#include "spotc/batch.h"
#include "spotc/catalog.h"
#include "spotc/media.h"
#include "spotc/browse.h"
#include "spotc/playlist.h"
#include "spotc/library.h"
#include "spotc/follow.h"
#include "spotc/user.h"
#include "spotc/player.h"
#include "spotc/auth.h"
#include "spotc/redis.h"

#endif
