# The scopes of `spotc auth login`: every scope spotc's commands need by default (follows,
# library, playlists, covers, player, top, recently played), `--scopes +A,B` adds to that
# list, `--scopes A,B` replaces it; a 403 for a missing scope names it and the login to run.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
source "$(dirname "$0")/auth_lib.sh"
emu_start
unset SPOTIFY_CLIENT_SECRET
mkdir -p "$HOME"

# scopes_asked [spotc args]: the scope parameter of the authorize URL, one scope a line.
scopes_asked() {
    login_start "$@"
    [ -n "$AUTH_URL" ] || fail "no authorize URL: $(cat "$TMP/login.err")"
    kill "$LOGIN_PID" 2>/dev/null || true # only the URL matters here
    exec 7>&-
    wait "$LOGIN_PID" 2>/dev/null || true
    sed -n 's/.*[?&]scope=\([^&]*\).*/\1/p' <<<"$AUTH_URL" | sed 's/%20/\n/g; s/+/\n/g'
}
defaults=$(scopes_asked)
for scope in user-read-private user-read-email playlist-read-private playlist-read-collaborative \
    playlist-modify-public playlist-modify-private ugc-image-upload user-library-read \
    user-library-modify user-follow-read user-follow-modify user-top-read \
    user-read-recently-played user-read-playback-state user-read-currently-playing \
    user-modify-playback-state; do
    grep -qx "$scope" <<<"$defaults" || fail "the default login does not ask for $scope: $defaults"
done
added=$(scopes_asked --scopes +app-remote-control,streaming)
[ "$(head -n "$(line_count "$defaults")" <<<"$added")" = "$defaults" ] || fail "+ keeps the defaults: $added"
[ "$(tail -n2 <<<"$added" | tr '\n' ' ')" = "app-remote-control streaming " ] || fail "+ adds: $added"
replaced=$(scopes_asked --scopes user-read-email,streaming)
[ "$(tr '\n' ' ' <<<"$replaced")" = "user-read-email streaming " ] || fail "replaced: $replaced"

# A login without a scope an operation needs: the 403 names it and the login to run.
token=$(curl -fsS -d '{"user":"demo","scope":"user-read-private"}' "$EMU_URL/_emulator/token" |
    jq -r .access_token)
expect_status 7 env SPOTIFY_ACCESS_TOKEN="$token" "$SPOTC_CLI" api GET /me/following type=artist
contains "$ERR" "HTTP 403"
contains "$ERR" "get-followed needs the scope user-follow-read"
contains "$ERR" "spotc auth login --scopes +user-follow-read"
expect_status 7 env SPOTIFY_ACCESS_TOKEN="$token" "$SPOTC_CLI" api GET /me/top/tracks --paginate
contains "$ERR" "spotc auth login --scopes +user-top-read"
# A 403 that is not about scopes gets no such advice.
expect_status 0 env SPOTIFY_ACCESS_TOKEN="$token" "$SPOTC_CLI" api GET /me
not_contains "$ERR" "--scopes"
echo "ok"
