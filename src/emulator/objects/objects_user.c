/* JSON writers for users (see objects_user.h). */
#include "objects_user.h"

#include <stdio.h>

#include "rng.h"
#include "state.h"
#include "users.h"

/* external_urls, href, id, type and uri of a user. */
static void ref_fields(jw *w, const emu_view *v, const emu_user *u)
{
    jw_kobj(w, "external_urls");
    jw_kstrf(w, "spotify", "https://open.spotify.com/user/%s", u->id);
    jw_obj_end(w);
    jw_kstrf(w, "href", "%s/v1/users/%s", v->ctx->base, u->id);
    jw_kstr(w, "id", u->id);
    jw_kstr(w, "type", "user");
    jw_kstrf(w, "uri", "spotify:user:%s", u->id);
}

static void display_name(jw *w, const emu_user *u)
{
    if (u->display_name)
        jw_kstr(w, "display_name", u->display_name);
    else
        jw_knull(w, "display_name");
}

/* A profile picture for users with a display name (two sizes, as Spotify sends). */
static void images(jw *w, const emu_user *u)
{
    static const int sizes[] = {300, 64};
    uint64_t h = emu_hash_str(EMU_FNV_BASIS, u->id);
    jw_karr(w, "images");
    for (int i = 0; u->display_name && i < 2; i++) {
        jw_obj(w);
        jw_kstrf(w, "url", "https://i.scdn.co/image/ab67757000003b82%016llx%08x",
                 (unsigned long long)h, (unsigned)sizes[i]);
        jw_kint(w, "height", sizes[i]);
        jw_kint(w, "width", sizes[i]);
        jw_obj_end(w);
    }
    jw_arr_end(w);
}

static void followers(jw *w, const emu_view *v, int user)
{
    const emu_state *s = v->ctx->state;
    unsigned long long n = emu_user_at((size_t)user)->followers;
    for (size_t i = 0; i < emu_users_count(); i++)
        n += (unsigned long long)emu_follows_user(&s->users[i], (uint32_t)user);
    jw_kobj(w, "followers");
    jw_knull(w, "href");
    jw_kint(w, "total", (long long)n);
    jw_obj_end(w);
}

void emu_json_user_private(jw *w, const emu_view *v, int user, int with_private, int with_email)
{
    const emu_user *u = emu_user_at((size_t)user);
    char account[EMU_ID_LEN + 1], email[96];
    emu_user_account_id(u, account);
    jw_obj(w);
    jw_kstr(w, "account_id", account);
    if (with_private)
        jw_kstr(w, "country", u->country);
    display_name(w, u);
    if (with_email) {
        emu_user_email(u, email, sizeof email);
        jw_kstr(w, "email", email);
    }
    if (with_private) {
        jw_kobj(w, "explicit_content");
        jw_kbool(w, "filter_enabled", 0);
        jw_kbool(w, "filter_locked", 0);
        jw_obj_end(w);
    }
    ref_fields(w, v, u);
    followers(w, v, user);
    images(w, u);
    if (with_private)
        jw_kstr(w, "product", emu_product_name(u->product));
    jw_obj_end(w);
}

void emu_json_user_public(jw *w, const emu_view *v, int user)
{
    const emu_user *u = emu_user_at((size_t)user);
    jw_obj(w);
    display_name(w, u);
    ref_fields(w, v, u);
    followers(w, v, user);
    images(w, u);
    jw_obj_end(w);
}

void emu_json_user_owner(jw *w, const emu_view *v, int user)
{
    const emu_user *u = emu_user_at((size_t)user);
    jw_obj(w);
    ref_fields(w, v, u);
    display_name(w, u);
    jw_obj_end(w);
}

void emu_json_user_ref(jw *w, const emu_view *v, int user)
{
    jw_obj(w);
    ref_fields(w, v, emu_user_at((size_t)user));
    jw_obj_end(w);
}
