# spotc-emulator --state: user state and tokens survive a restart (SIGTERM, SIGINT) and
# kill -9 (losing at most the last 100 ms); the file is replaced atomically.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

STATE="$TMP/state.json"
SCOPES="playlist-modify-private playlist-modify-public playlist-read-private user-library-modify user-library-read user-follow-modify user-follow-read user-modify-playback-state user-read-playback-state user-read-currently-playing"

# user_token: a token of the demo user with $SCOPES into TOKEN (and REFRESH).
user_token() {
    req POST /_emulator/token -d "{\"user\":\"demo\",\"scope\":\"$SCOPES\"}"
    expect 200
    TOKEN=$(jq -r .access_token <<<"$BODY")
    REFRESH=$(jq -r .refresh_token <<<"$BODY")
}
# saved: wait until the writer has nothing pending (at most 30 s).
saved() {
    for _ in $(seq 1 600); do
        req GET /_emulator/state
        jq -e '.pending_changes == 0 and .writes > 0' >/dev/null <<<"$BODY" && return 0
        sleep 0.05
    done
    fail "the state was not written: $BODY"
}
# snapshot: what a client sees of the user's state, into SNAP.
snapshot() {
    local out="" p
    for p in "/v1/me/playlists?limit=50" "/v1/playlists/$PL" "/v1/playlists/$PL/items?limit=50" \
        "/v1/me/tracks?limit=50" "/v1/me/albums" "/v1/me/following?type=artist" \
        "/v1/me/player/devices" "/v1/me/player/queue"; do
        api GET "$p"
        expect 200
        out+="$p $(jq -S -c . <<<"$BODY")"$'\n'
    done
    api GET /v1/me/player
    expect 200
    out+="player $(jq -S -c 'del(.timestamp)' <<<"$BODY")"$'\n'
    SNAP=$out
}

# --- changes, then a restart answers as before ---------------------------------------------------
start a --state "$STATE" --public-url http://emu.test
sample
user_token
api POST /v1/me/playlists -H 'Content-Type: application/json' -d '{"name":"Kept · ünïcode","description":"across restarts","public":false}'
expect 201
PL=$(jq -r .id <<<"$BODY")
api POST "/v1/playlists/$PL/items" -H 'Content-Type: application/json' \
    -d "{\"uris\":[\"spotify:track:$TRACK\",\"spotify:track:$TRACK\"]}"
expect 201
api PUT "/v1/me/tracks?ids=$TRACK"
expect 200
api PUT "/v1/me/albums?ids=$ALBUM"
expect 200
api PUT "/v1/me/following?type=artist&ids=$ARTIST"
expect 204
api PUT /v1/me/player/play -H 'Content-Type: application/json' -d "{\"uris\":[\"spotify:track:$TRACK\"]}"
expect 204
api PUT "/v1/me/player/volume?volume_percent=37"
expect 204
api PUT "/v1/me/player/shuffle?state=true"
expect 204
api POST "/v1/me/player/queue?uri=spotify:track:$TRACK"
expect 204
api PUT /v1/me/player/pause
expect 204
saved
snapshot
BEFORE=$SNAP
OLD_TOKEN=$TOKEN
stop "$PID_a" TERM
[ ! -e "$STATE.tmp" ] || fail "a temporary file was left behind"
jq -e '.spotc_emulator_state == 2' "$STATE" >/dev/null || fail "the state file is not JSON"

start b --state "$STATE" --public-url http://emu.test
TOKEN=$OLD_TOKEN # the token issued before the restart still works
snapshot
[ "$SNAP" = "$BEFORE" ] || { diff <(echo "$BEFORE" | tr "," "\n") <(echo "$SNAP" | tr "," "\n") | head -40; fail "after a restart"; }
req POST /api/token -u spotc-demo:spotc-demo-secret -d "grant_type=refresh_token&refresh_token=$REFRESH"
expect 200 '.access_token | startswith("BQ")'
# A playlist created now gets a new ID, not one handed out before the restart.
api POST /v1/me/playlists -H 'Content-Type: application/json' -d '{"name":"After"}'
expect 201 ".id != \"$PL\""
stop "$PID_b" INT # SIGINT saves too
start c --state "$STATE"
TOKEN=$OLD_TOKEN
api GET "/v1/me/playlists?limit=50"
expect 200 '[.items[].name] | index("After") != null'
stop "$PID_c"

# --- a state from another seed is refused; a broken file fails the start -------------------------
expect_status 2 "$SPOTC_EMULATOR" --port 0 --state "$STATE" --seed 7
contains "$ERR" "$STATE"
contains "$ERR" "--seed 1"
echo '{"spotc_emulator_state": 1, "seed": ' >"$TMP/broken.json"
expect_status 2 "$SPOTC_EMULATOR" --port 0 --state "$TMP/broken.json"
contains "$ERR" "$TMP/broken.json"
# A tampered file that names objects the catalogue lacks is refused, not trusted.
jq '.users[0].saved[0] = [[99999999, 1]]' "$STATE" >"$TMP/tampered1.json"
expect_status 2 "$SPOTC_EMULATOR" --port 0 --state "$TMP/tampered1.json"
contains "$ERR" "saved item"
jq '.users[0].player.queue = [4294967295]' "$STATE" >"$TMP/tampered2.json"
expect_status 2 "$SPOTC_EMULATOR" --port 0 --state "$TMP/tampered2.json"
contains "$ERR" "player"
jq '.playlists[0].items[0][0] = -5' "$STATE" >"$TMP/tampered3.json"
expect_status 2 "$SPOTC_EMULATOR" --port 0 --state "$TMP/tampered3.json"
contains "$ERR" "playlist item"
# A file that does not exist yet is an empty start, written after the first change.
start d --state "$TMP/new.json"
user_token
saved
[ -s "$TMP/new.json" ] || fail "no state written after a token was issued"
stop "$PID_d"

# --- a saved fixture track is kept too ----------------------------------------------------------------
FXT=4uLU6hMCjMI75M1A2tKUQC
jq -n --arg id "$FXT" '{tracks: [{id: $id, type: "track", name: "Mine", uri: "spotify:track:\($id)"}]}' >"$TMP/fx.json"
start f1 --state "$TMP/withfx.json" --fixtures "$TMP/fx.json"
user_token
api PUT "/v1/me/tracks?ids=$FXT"
expect 200
saved
stop "$PID_f1"
start f2 --state "$TMP/withfx.json" --fixtures "$TMP/fx.json"
api GET "/v1/me/tracks?limit=50"
expect 200 ".items[0].track == {id: \"$FXT\", type: \"track\", name: \"Mine\", uri: \"spotify:track:$FXT\"}"
stop "$PID_f2"

# --- kill -9: at most the last 100 ms lost, never a file that fails to load -----------------------
K="$TMP/kill.json"
start k0 --state "$K"
user_token
stop "$PID_k0"
KEEP=$TOKEN
for i in $(seq 1 24); do
    start "k$i" --state "$K"
    TOKEN=$KEEP
    api POST /v1/me/playlists -H 'Content-Type: application/json' -d "{\"name\":\"kill $i\"}"
    expect 201
    # Half the time kill at once (the change may be lost, the file must still load); else
    # after 250 ms (written: at most 100 ms late, plus the write itself).
    if [ $((i % 2)) -eq 0 ]; then
        sleep 0.25
        WANT="kill $i"
    else
        WANT=
    fi
    # Changes in flight while the process dies: requests the kill cuts short.
    for j in 1 2 3; do
        curl -s -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" \
            "$URL/v1/me/player/volume?volume_percent=$((i + j))" &
    done
    kill -9 "$PID"
    wait "$PID" 2>/dev/null || true
    wait
    [ ! -e "$K" ] || jq -e . "$K" >/dev/null || fail "iteration $i: the state file is torn"
    start "k${i}b" --state "$K"
    TOKEN=$KEEP
    if [ -n "$WANT" ]; then
        api GET "/v1/me/playlists?limit=50"
        expect 200 "[.items[].name] | index(\"$WANT\") != null"
    fi
    kill -9 "$PID"
    wait "$PID" 2>/dev/null || true
done
echo ok
