# spotc player through the CLI only, every change read back with `player status` (or
# `player queue`, `player recent`): play, pause, seek, volume, shuffle, repeat, transfer by
# name, queue; the messages for no active device, no Premium and a refused command.
# The emulator's demo user is Premium, paused on the sample album with "Demo Laptop" active.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
emu_start

SCOPES="user-read-playback-state user-read-currently-playing user-modify-playback-state user-read-recently-played"
token_of() {
    curl -fsS -d "{\"user\":\"$1\",\"scope\":\"$SCOPES\"}" "$EMU_URL/_emulator/token" | jq -r .access_token
}
DEMO=$(token_of demo)
as() { local t=$1; shift; SPOTIFY_ACCESS_TOKEN=$t "$SPOTC_CLI" "$@"; }
player() { as "$DEMO" player "$@"; }
# status FIELD: one field of `player status`, as TSV without a header.
status() {
    expect_status 0 player status --fields "$1" --no-header
    echo "$OUT"
}
album=$(sample album)
track=$(sample track)

# --- status and devices ------------------------------------------------------------------
expect_status 0 player status
[ "$(head -n1 <<<"$OUT" | cut -f1,6)" = "$(printf 'is_playing\tdevice.name')" ] || fail "header: $OUT"
[ "$(status is_playing)" = false ] || fail "starts paused"
[ "$(status device.name)" = "Demo Laptop" ] || fail "active device"
[ "$(status context.uri)" = "spotify:album:$album" ] || fail "context"
expect_status 0 player status --json
jq -e '.device.name == "Demo Laptop" and .item.type == "track"' <<<"$OUT" >/dev/null || fail "--json: $OUT"
expect_status 0 player devices --fields name --no-header
[ "$OUT" = "$(printf 'Demo Laptop\nDemo Phone\nKitchen Speaker\nCar Stereo')" ] || fail "devices: $OUT"

# --- play and pause ----------------------------------------------------------------------
expect_status 0 player play
[ "$(status is_playing)" = true ] || fail "play resumes"
# resuming what plays: refused by the state, which the message names with what would work
expect_status 7 player play
contains "$ERR" "it is playing"
contains "$ERR" "spotc player pause"
expect_status 0 player pause
[ "$(status is_playing)" = false ] || fail "pause"
expect_status 7 player pause
contains "$ERR" "it is paused on"
contains "$ERR" "'spotc player play' resumes it"

# --- seek (ms and m:ss), volume, shuffle, repeat --------------------------------------------
expect_status 0 player seek 1:30
[ "$(status progress_ms)" = 90000 ] || fail "seek 1:30"
expect_status 0 player seek 12345
[ "$(status progress_ms)" = 12345 ] || fail "seek ms"
expect_status 2 player seek 1:75
contains "$ERR" "not a position"
expect_status 0 player volume 37
[ "$(status device.volume_percent)" = 37 ] || fail "volume"
expect_status 2 player volume 101
expect_status 0 player shuffle on
[ "$(status shuffle_state)" = true ] || fail "shuffle on"
expect_status 0 player shuffle off
[ "$(status shuffle_state)" = false ] || fail "shuffle off"
for mode in track context off; do
    expect_status 0 player repeat "$mode"
    [ "$(status repeat_state)" = "$mode" ] || fail "repeat $mode"
done
expect_status 2 player repeat trak
contains "$ERR" "did you mean 'track'"

# --- play items and contexts, next, prev --------------------------------------------------
mapfile -t tracks < <(as "$DEMO" album "$album" --tracks --fields id --no-header)
[ "${#tracks[@]}" -ge 3 ] || fail "album tracks: ${tracks[*]}"
expect_status 0 player play "spotify:track:${tracks[0]}" "${tracks[1]}" --offset "${tracks[1]}"
[ "$(status item.id)" = "${tracks[1]}" ] || fail "play items from an offset URI"
[ "$(status is_playing)" = true ] || fail "playing"
expect_status 0 player play --context "spotify:album:$album" --offset 2
[ "$(status item.id)" = "${tracks[2]}" ] || fail "play a context from offset 2"
expect_status 0 player seek 5000
expect_status 0 player prev
[ "$(status item.id)" = "${tracks[2]}" ] || fail "prev 5 s in restarts the item"
expect_status 0 player prev
[ "$(status item.id)" = "${tracks[1]}" ] || fail "prev at the start goes back"
expect_status 2 player play "$track" --context "spotify:album:$album"
expect_status 2 player pause --offset 3
contains "$ERR" "not an option of 'player pause'"

# --- transfer by name, --device by name ---------------------------------------------------
expect_status 0 player transfer "kitchen speaker"
[ "$(status device.name)" = "Kitchen Speaker" ] || fail "transfer by name"
expect_status 0 player play --device "DEMO PHONE" --context "spotify:album:$album"
[ "$(status device.name)" = "Demo Phone" ] || fail "--device by name"
expect_status 4 player pause --device "Toaster"
contains "$ERR" 'no device is called "Toaster"'
contains "$ERR" "Kitchen Speaker"

# --- queue and recent ---------------------------------------------------------------------
expect_status 0 player queue "spotify:track:$track"
expect_status 0 player queue --fields id --no-header
grep -qx "$track" <<<"$OUT" || fail "queued track not in the queue: $OUT"
# an item counts as played after 30 s: skipping it then makes it the latest play
playing=$(status item.id)
expect_status 0 player seek 0:40
expect_status 0 player next
expect_status 0 player recent --limit 3 --fields track.id --no-header
[ "$(line_count "$OUT")" -eq 3 ] || fail "recent --limit 3: $OUT"
[ "$(head -n1 <<<"$OUT")" = "$playing" ] || fail "the item skipped is the latest play: $OUT"
expect_status 0 player recent --json
jq -e 'length >= 50 and (.[0].played_at | type == "string")' <<<"$OUT" >/dev/null ||
    fail "recent --json: $(head -c 300 <<<"$OUT")"

# --- no active device: say so and what to run ------------------------------------------------
MARA=$(token_of mara)
expect_status 4 as "$MARA" player pause
contains "$ERR" "no device is active"
contains "$ERR" "spotc player devices"
contains "$ERR" "spotc player transfer NAME"
expect_status 4 as "$MARA" player status
contains "$ERR" "no device is active"
# and following the advice works
name=$(as "$MARA" player devices --fields name --no-header | head -n1)
expect_status 0 as "$MARA" player transfer "$name"
expect_status 0 as "$MARA" player status --fields device.name --no-header
[ "$OUT" = "$name" ] || fail "after the transfer: $OUT"

# --- not Premium ------------------------------------------------------------------------
expect_status 7 as "$(token_of free)" player play
contains "$ERR" "Premium"

# --- completion: repeat's values and --device's names come from the command table --------
"$SPOTC_CLI" completion bash >"$TMP/spotc.bash" || fail "completion bash failed"
complete_words() {
    SPOTIFY_ACCESS_TOKEN=$DEMO SCRIPT="$TMP/spotc.bash" PATH="$(dirname "$SPOTC_CLI"):$PATH" bash -c '
        source "$SCRIPT"
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _spotc
        [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" "|"' _ "$@"
}
[ "$(complete_words spotc player repeat "")" = "context|off|track|" ] ||
    fail "repeat values: '$(complete_words spotc player repeat "")'"
[ "$(complete_words spotc player pause --device Demo)" = "Demo Laptop|Demo Phone|" ] ||
    fail "--device names: '$(complete_words spotc player pause --device Demo)'"

# --- no login at all ----------------------------------------------------------------------
expect_status 3 spotc player status
echo ok
