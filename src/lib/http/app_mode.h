/*
 * The app's mode (spotc_client_options.mode) and the development-mode form of
 * each operation (internal).
 *
 * Since February 2026 Spotify answers 403 to development-mode apps for 48
 * operations of the table (`deprecated`), and serves them smaller search and
 * artist-album pages (`dev_limit_max`). Each such operation has a form that a
 * development-mode app may send, which this module knows:
 *   - a several-item read (get-several-tracks ...) becomes single reads of the
 *     operation at its path + "/{id}" (the batch engine sends them, batch_engine.h);
 *   - an operation with a `replacement` in the table becomes that operation:
 *     playlists' `/tracks` paths their `/items` twins (the list of
 *     remove-tracks-playlist renamed `items`, a page limit cut to the new
 *     maximum), the type-specific library and follow endpoints /me/library with
 *     URIs (`spotify:TYPE:ID`, the type from the path or the `type` parameter),
 *     following a playlist /me/library with its URI, and
 *     create-playlist-for-user create-playlist;
 *   - a paged operation with a development limit gets its `limit` cut to it.
 * Parameters the new form does not take are dropped (`public`, `user_id`,
 * `type`, `timestamped_ids`); parameters neither form knows are kept, so the
 * call still refuses them.
 *
 * When a form is used: SPOTC_APP_MODE_DEVELOPMENT always; SPOTC_APP_MODE_AUTO
 * after the first refusal (a 403 for removed operations, a 400 for a limit above
 * the development one), which switches that call once and is remembered by the
 * client; SPOTC_APP_MODE_EXTENDED never.
 */
#ifndef SPOTC_APP_MODE_H
#define SPOTC_APP_MODE_H

#include <stdint.h>

#include <spotc.h>

/* The mode and what the client learnt (in the client, client_priv.h). */
typedef struct spotc__app_mode {
    spotc_app_mode mode;
    uint64_t learnt[2]; /* auto mode: operations refused once, by index in the table */
} spotc__app_mode;

void spotc__app_mode_init(spotc__app_mode *m, spotc_app_mode mode);

/* The single-item read that serves a removed several-item read in development
 * mode (get-several-tracks -> get-track), or NULL. */
const spotc_operation *spotc__app_mode_single(const spotc_operation *op);

/* 1 when op has a development-mode form (above). */
int spotc__app_mode_has_form(const spotc_operation *op);

/* 1 when calls of op go straight to its development-mode form. */
int spotc__app_mode_switched(const spotc_client *client, const spotc_operation *op);

/* 1 when `rc` (the client's last error, from sending op as asked) is the
 * refusal that switches an auto-mode call to op's form. */
int spotc__app_mode_refused(const spotc_client *client, const spotc_operation *op, int rc);

/* Remember (auto mode) that op goes to its form from now on. */
void spotc__app_mode_learn(spotc_client *client, const spotc_operation *op);

/* The type of the items of op when they travel as URIs: from the path
 * (/me/tracks -> track) or the `type` parameter (follow), else ANY. */
spotc_item_type spotc__app_mode_item_type(const spotc_operation *op, const spotc_param *params,
                                          size_t nparams);

/* One call's development-mode form: the operation and parameters to send. */
typedef struct spotc__call_form {
    const spotc_operation *op;
    spotc_param params[16];
    size_t n;
    char limit[16];
    char *owned; /* a value built here (a URI list) */
} spotc__call_form;

/* Build the form of one call of op (not for several-item reads, which need one
 * request per item: see spotc__app_mode_single()).
 * @return 1 with a form (free it with spotc__call_form_free()), 0 when op has
 *         none for these parameters, SPOTC_ENOMEM. */
int spotc__call_form_build(spotc__call_form *f, const spotc_operation *op,
                           const spotc_param *params, size_t nparams);
void spotc__call_form_free(spotc__call_form *f);

/* spotc_operation_call() after the operation is found: send op or its form as the mode
 * says, switching once on a refusal in auto mode. */
int spotc__app_mode_call(spotc_response **out, spotc_client *client, const spotc_operation *op,
                         const spotc_param *params, size_t nparams, const char *body);

/* spotc_operation_call() of an operation with an `ids` list in its development form:
 * through the batch engine, answered in the operation's own shape
 * (app_mode_batch.c). */
int spotc__app_mode_call_batch(spotc_response **out, spotc_client *client,
                               const spotc_operation *op, const spotc_param *params,
                               size_t nparams);

#endif
