/**
 * @file spotc/ids.h
 * @brief Spotify IDs from URIs, open.spotify.com URLs or bare base62 IDs.
 *
 * Pure functions: no client, no network. Used before any request is sent so
 * that a malformed ID never reaches the network.
 */
#ifndef SPOTC_IDS_H
#define SPOTC_IDS_H

#include "common.h"

SPOTC_BEGIN_DECL

typedef enum spotc_item_type {
    SPOTC_TYPE_ANY = 0, /**< as `expected`: accept any type (a bare ID then has no type) */
    SPOTC_TYPE_TRACK,
    SPOTC_TYPE_ALBUM,
    SPOTC_TYPE_ARTIST,
    SPOTC_TYPE_PLAYLIST,
    SPOTC_TYPE_SHOW,
    SPOTC_TYPE_EPISODE,
    SPOTC_TYPE_AUDIOBOOK,
    SPOTC_TYPE_CHAPTER,
    SPOTC_TYPE_USER,
} spotc_item_type;

/** Longest ID kept (user IDs may be longer than 22 base62 characters). */
#define SPOTC_ID_MAX 128

typedef struct spotc_id {
    spotc_item_type type; /**< SPOTC_TYPE_ANY when a bare ID was given with expected ANY */
    char id[SPOTC_ID_MAX + 1];
} spotc_id;

/**
 * Parse `spotify:TYPE:ID`, `https://open.spotify.com/[intl-xx/]TYPE/ID[?si=...]`
 * or a bare 22-character base62 ID (any other string for users).
 * @param[out] out the parsed ID.
 * @param input the text (borrowed).
 * @param expected the type the caller needs, or SPOTC_TYPE_ANY. A URI/URL of another type is
 * refused.
 * @param errbuf if not NULL, receives a message that quotes the input on failure.
 * @return 0 or SPOTC_EINVALID.
 */
SPOTC_EXTERN int spotc_id_parse(spotc_id *out, const char *input, spotc_item_type expected,
                                char *errbuf, size_t errbuf_len);

/** @return "track", "album" ... for a type (static storage), or NULL for SPOTC_TYPE_ANY. */
SPOTC_EXTERN const char *spotc_id_type_to_name(spotc_item_type type);

/** @return the type for a name ("track" ...), or SPOTC_TYPE_ANY when unknown. */
SPOTC_EXTERN spotc_item_type spotc_id_type_from_name(const char *name);

/**
 * Write the URI `spotify:TYPE:ID` of an ID into buf.
 * @return 0, or SPOTC_EINVALID if the type is ANY or buf is too small.
 */
SPOTC_EXTERN int spotc_id_format_uri(char *buf, size_t buflen, const spotc_id *id);

SPOTC_END_DECL

#endif
