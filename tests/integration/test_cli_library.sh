# spotc library / follow / unfollow / following / top / me against an emulator, through the
# CLI only, results read back: save -> list -> contains -> remove; follow -> following ->
# unfollow; top tracks and artists with a range; the same library round for a
# development-mode app (sent to /me/library).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
spotc() { "$SPOTC_CLI" --no-header "$@"; }

SCOPES="user-library-read user-library-modify user-follow-read user-follow-modify user-top-read"
SCOPES="$SCOPES user-read-private user-read-email user-read-playback-position"
login() {
    SPOTIFY_ACCESS_TOKEN=$(emu_post /_emulator/token "{\"user\":\"demo\",\"scope\":\"$SCOPES\"}" |
        jq -er .access_token)
    export SPOTIFY_ACCESS_TOKEN
}

# routes ROUTE: requests counted so far to a route ("PUT /v1/me/library").
routes() { emu_get /_emulator/stats | jq --arg r "$1" '[.requests[$r] // {} | .[]] | add // 0'; }

library_round() {
    local track album show episode audiobook
    track=$(sample track) album=$(sample album) show=$(sample show)
    episode=$(sample episode) audiobook=$(sample audiobook)
    local items=("spotify:track:$track" "https://open.spotify.com/album/$album?si=x"
        "spotify:show:$show" "spotify:episode:$episode" "spotify:audiobook:$audiobook")

    # The demo user's library holds some of them already: start from none.
    expect_status 0 spotc --quiet library remove "${items[@]}"
    [ -z "$ERR" ] || fail "--quiet still says: $ERR"
    expect_status 0 spotc library contains "${items[@]}"
    [ "$(cut -f2 <<<"$OUT" | sort -u)" = "false" ] || fail "saved before saving: $OUT"
    expect_status 0 spotc library save "${items[@]}"
    contains "$ERR" "saved 5 items"

    expect_status 0 spotc library contains "${items[@]}"
    [ "$(line_count "$OUT")" -eq 5 ] || fail "contains rows: $OUT"
    [ "$(cut -f1 <<<"$OUT" | head -n1)" = "spotify:track:$track" ] || fail "order: $OUT"
    [ "$(cut -f2 <<<"$OUT" | sort -u)" = "true" ] || fail "not saved: $OUT"

    # Every list reads its item back (newest first, so within the first page).
    expect_status 0 spotc library list tracks --limit 5
    [ "$(head -n1 <<<"$OUT" | cut -f1)" = "$track" ] || fail "tracks: $OUT"
    [ "$(line_count "$OUT")" -le 5 ] || fail "--limit 5 gave: $OUT"
    expect_status 0 spotc library list albums
    grep -q "^$album	" <<<"$OUT" || fail "albums: $OUT"
    local kind id
    for kind in shows episodes audiobooks; do
        id=$(sample "${kind%s}")
        expect_status 0 spotc --json library list "$kind"
        jq -e --arg id "$id" --arg k "${kind%s}" 'map(.[$k].id) | index($id)' <<<"$OUT" \
            >/dev/null || fail "$kind: $OUT"
    done

    expect_status 0 spotc library remove "${items[@]}"
    contains "$ERR" "removed 5 items"
    expect_status 0 spotc library contains "${items[@]}"
    [ "$(cut -f2 <<<"$OUT" | sort -u)" = "false" ] || fail "still saved: $OUT"
    expect_status 0 spotc --fields track.id library list tracks
    ! grep -qx "$track" <<<"$OUT" || fail "removed track still listed: $OUT"
}

emu_start --mode extended
login

# --- library ---------------------------------------------------------------
before=$(routes "PUT /v1/me/library")
library_round
[ "$(routes "PUT /v1/me/library")" -eq $((before + 1)) ] || fail "save: not one /me/library request"

# Every page by default: the whole list, matching the total Spotify gives.
total=$(spotc api GET /me/tracks limit=1 | jq -er .total)
expect_status 0 spotc library list tracks
[ "$(line_count "$OUT")" -eq "$total" ] || fail "all pages: $(line_count "$OUT") of $total"
# Past one round of 200: 250 more tracks (the big sample playlist's), read back
# whole, each once, in rounds; --limit cuts inside the second round.
big=$(sample big_playlist)
for offset in 0 50 100 150 200 250 300 350; do
    spotc api GET "/playlists/$big/items" limit=50 offset=$offset | jq -r '.items[] | (.item // .track).uri'
done >"$TMP/items"
awk '!seen[$0]++ && n++ < 250' "$TMP/items" >"$TMP/uris"
[ "$(wc -l <"$TMP/uris")" -eq 250 ] || fail "not 250 distinct tracks in the big playlist"
mapfile -t uris <"$TMP/uris"
expect_status 0 spotc library save "${uris[@]}"
total=$(spotc api GET /me/tracks limit=1 | jq -er .total)
[ "$total" -gt 250 ] || fail "library total after saving 250: $total"
expect_status 0 spotc --fields track.id library list tracks
[ "$(line_count "$OUT")" -eq "$total" ] || fail "rounds: $(line_count "$OUT") of $total"
[ "$(sort -u <<<"$OUT" | grep -c .)" -eq "$total" ] || fail "rounds repeat items"
expect_status 0 spotc library list tracks --limit 230
[ "$(line_count "$OUT")" -eq 230 ] || fail "--limit 230 gave $(line_count "$OUT")"
expect_status 0 spotc library remove "${uris[@]}"

expect_status 0 spotc --jsonl library list albums --limit 3
[ "$(line_count "$OUT")" -eq 3 ] || fail "--jsonl --limit 3: $OUT"
jq -e 'has("added_at") and (.album.id | length == 22)' <<<"$(head -n1 <<<"$OUT")" >/dev/null ||
    fail "jsonl item: $OUT"

# Refused before anything is sent: a bare ID has no type, a malformed URI, bad subcommands.
sent=$(routes "PUT /v1/me/library")
expect_status 2 spotc library save "$(sample track)"
contains "$ERR" "bare ID"
expect_failure spotc library remove spotify:track:nope
expect_status 2 spotc library list song
contains "$ERR" "tracks albums shows episodes audiobooks"
expect_status 2 spotc library sav spotify:track:x
contains "$ERR" "did you mean 'save'"
[ "$(routes "PUT /v1/me/library")" -eq "$sent" ] || fail "a refused call sent a request"

# --- follows -----------------------------------------------------------------
artist=$(sample artist)
user=$(sample free_user)
expect_status 0 spotc following
! grep -q "^$artist	" <<<"$OUT" || fail "followed before following: $OUT"
expect_status 0 spotc follow artist "https://open.spotify.com/artist/$artist"
expect_status 0 spotc follow user "$user"
expect_status 0 spotc following
grep -q "^$artist	" <<<"$OUT" || fail "following: $OUT"
expect_status 0 spotc library contains "spotify:artist:$artist" "spotify:user:$user"
[ "$(cut -f2 <<<"$OUT" | sort -u)" = "true" ] || fail "follows not seen: $OUT"
expect_status 0 spotc following --limit 1
[ "$(line_count "$OUT")" -eq 1 ] || fail "following --limit 1: $OUT"
expect_status 0 spotc unfollow artist "spotify:artist:$artist"
expect_status 0 spotc unfollow user "$user"
expect_status 0 spotc following
! grep -q "^$artist	" <<<"$OUT" || fail "still following: $OUT"
expect_status 0 spotc library contains "spotify:user:$user"
[ "$(cut -f2 <<<"$OUT")" = "false" ] || fail "user still followed: $OUT"
expect_status 2 spotc follow band "$artist"
expect_status 2 spotc follow artist

# --- top and me ---------------------------------------------------------------
for range in short medium long; do
    expect_status 0 spotc --json top tracks --range "$range" --limit 5
    jq -e 'length > 0 and length <= 5 and all(.[]; .type == "track")' <<<"$OUT" >/dev/null ||
        fail "top tracks --range $range: $OUT"
done
short=$(spotc top artists --range short --fields id)
long=$(spotc top artists --range long --fields id)
[ -n "$short" ] && [ -n "$long" ] || fail "top artists empty"
[ "$short" != "$long" ] || fail "the range changes nothing"
expect_status 0 spotc top artists
[ "$(line_count "$OUT")" -eq "$(spotc api GET /me/top/artists limit=1 | jq -er .total)" ] ||
    fail "top artists: not every page: $OUT"
expect_status 2 spotc top artists --range forever
contains "$ERR" "short medium long"
expect_status 2 spotc top track
contains "$ERR" "did you mean 'tracks'"
expect_status 0 spotc me --fields id,email
[ "$OUT" = "demo	demo@example.com" ] || fail "me: $OUT"

# --- a development-mode app: the same round through /me/library -----------------
kill "$EMU_PID"; wait "$EMU_PID" 2>/dev/null || true
emu_start --mode development
login
library_round
[ "$(routes "PUT /v1/me/library")" -ge 1 ] || fail "development mode: no /me/library"
echo PASS
