# spotc-emulator --fixtures in the users' state: fixture objects saved to the library, added to
# playlists, played (alone and as contexts) and followed come back verbatim (after jq -S) from
# every route that lists them; --state keeps them across a restart; export loads back.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/emulator_fixture_set.sh"

FX="$TMP/fixtures.json"
fixture_set "$FX"
A=4LH4d3cOWNNsVw41Gqt2kv AR=6UUrUCIZtQeOf8tC0WuzRy AR2=7jy3rLJdDQY21OgRLCZ9sD
T1=3mFZyTjLCyBT3CNEVHeVOu T2=1lBvGa3KDhPzEATT1HpnmW S=5CfCWKI5pZ28U0uOzXkDHe
E1=512ojhOuo1ktJprKbVcKyQ E2=0Q86acNRm6V9GYx55SXKwf P=37i9dQZF1DXcBWIGoYBM5M
P_OLD=1OldStylePlaylist00001 B=7iHfbu1YPACw6oZPAFJtqe FXUSER=fixtureuser
SCOPES="user-library-modify user-library-read user-follow-modify user-follow-read
playlist-modify-public playlist-modify-private playlist-read-private user-modify-playback-state
user-read-playback-state user-read-currently-playing user-read-recently-played
user-read-playback-position"

# user_token: a token of the demo user with every scope these tests need, into $TOKEN.
user_token() {
    req POST /_emulator/token -d "$(jq -n --arg s "$SCOPES" '{user: "demo", scope: ($s | gsub("\n"; " "))}')"
    expect 200
    TOKEN=$(jq -r .access_token <<<"$BODY")
}

# call METHOD PATH [JSON]: api with an optional JSON body.
call() {
    if [ $# -ge 3 ]; then
        api "$1" "$2" -H 'Content-Type: application/json' -d "$3"
    else
        api "$1" "$2"
    fi
}

# skip_queue: the seeded player has two tracks queued, which "next" plays before the
# context: play them away.
skip_queue() {
    call POST /v1/me/player/next
    expect 204
    call POST /v1/me/player/next
    expect 204
}

# verbatim WHAT JQ_ON_ANSWER JQ_ON_FIXTURE: the last answer's part equals the fixture's
# (keys sorted), and the part is not empty (a missing object must not pass as null == null).
verbatim() {
    local got want
    got=$(jq -S "$2" <<<"$BODY") || fail "$1: not JSON: ${BODY:0:300}"
    want=$(jq -S "$3" "$FX")
    [ -n "$got" ] && [ "$got" != null ] && [ "$got" != "[]" ] || fail "$1: nothing at $2: ${BODY:0:400}"
    [ "$got" = "$want" ] || fail "$1: not the fixture: $(diff <(echo "$want") <(echo "$got") | head -c 800)"
}

start st --fixtures "$FX" --public-url https://api.spotify.com
sample
user_token

# --- /me/library: fixture URIs of every kind saved, listed verbatim, checked, removed ------------
LIB_URIS="spotify:track:$T1,spotify:album:$A,spotify:show:$S,spotify:episode:$E1,spotify:audiobook:$B,spotify:track:$TRACK"
call PUT "/v1/me/library?uris=$LIB_URIS"
expect 200
call GET /v1/me/tracks
expect 200 "[.items[] | select(.track.id == \"$T1\")][0] | keys == [\"added_at\", \"track\"]" \
    "[.items[] | select(.track.id == \"$T1\")][0].added_at | test(\"^[0-9]{4}-[0-9]{2}-[0-9]{2}T.*Z$\")"
verbatim "saved track" "[.items[].track | select(.id == \"$T1\")]" '[.tracks[0]]'
call GET /v1/me/albums
verbatim "saved album" "[.items[].album | select(.id == \"$A\")]" '.albums'
call GET /v1/me/shows
verbatim "saved show (simplified)" "[.items[].show | select(.id == \"$S\")]" '[.shows[0] | del(.episodes)]'
call GET /v1/me/episodes
verbatim "saved episode" "[.items[].episode | select(.id == \"$E1\")]" '[.episodes[0]]'
call GET /v1/me/audiobooks
verbatim "saved audiobook" "[.items[].audiobook | select(.id == \"$B\")]" '.audiobooks'
call GET "/v1/me/library/contains?uris=$LIB_URIS,spotify:track:$T2"
expect 200 '. == [true, true, true, true, true, true, false]'
call GET "/v1/me/episodes/contains?ids=$E1,$E2"
expect 200 '. == [true, false]'
call DELETE "/v1/me/library?uris=spotify:episode:$E1,spotify:album:$A"
expect 200
call GET "/v1/me/library/contains?uris=spotify:episode:$E1,spotify:album:$A,spotify:track:$T1"
expect 200 '. == [false, false, true]'
# The older routes take them too (episodes and audiobooks here; the fixture test has the rest).
call PUT "/v1/me/episodes?ids=$E2"
expect 200
call GET /v1/me/episodes
verbatim "saved episode (PUT /me/episodes)" "[.items[].episode | select(.id == \"$E2\")]" '[.episodes[1]]'
call DELETE "/v1/me/audiobooks?ids=$B"
expect 200
call GET "/v1/me/audiobooks/contains?ids=$B"
expect 200 '. == [false]'
# Unknown URIs keep Spotify's errors.
call PUT "/v1/me/library?uris=spotify:track:0000000000000000000000"
expect 400 '.error.message == "Payload contains a non-existing ID"'
call PUT "/v1/me/library?uris=spotify:track:nope"
expect 400 '.error.message == "Invalid base62 id"'

# --- following: fixture artists through /me/following and /me/library --------------------------
call PUT "/v1/me/following?type=artist&ids=$AR"
expect 204
call PUT "/v1/me/library?uris=spotify:artist:$AR2"
expect 200
call GET "/v1/me/following?type=artist&limit=50"
expect 200 ".artists.total >= 2"
verbatim "followed artists" "[.artists.items[] | select(.id == \"$AR\" or .id == \"$AR2\")] | sort_by(.id)" '.artists | sort_by(.id)'
call GET "/v1/me/following/contains?type=artist&ids=$AR,$AR2,$ARTIST"
expect 200 '.[0] == true' '.[1] == true'
call GET "/v1/me/library/contains?uris=spotify:artist:$AR"
expect 200 '. == [true]'
# The after cursor walks through fixture artists too, in ID order.
call GET "/v1/me/following?type=artist&limit=50&after=$AR"
expect 200 "[.artists.items[].id] | index(\"$AR\") == null" "[.artists.items[].id] | all(. > \"$AR\")"
call DELETE "/v1/me/following?type=artist&ids=$AR2"
expect 204
call GET "/v1/me/following/contains?type=artist&ids=$AR2"
expect 200 '. == [false]'
call PUT "/v1/me/following?type=artist&ids=0000000000000000000000"
expect 400 '.error.message == "Payload contains a non-existing ID"'

# --- following: fixture playlists and users ----------------------------------------------------
# A simplified playlist: its items page (under items or the older tracks) as {href, total}, the
# href without the page's offset and limit.
SIMPLE_PL='with_entries(if (.key == "items" or .key == "tracks") and (.value | type) == "object"
    then .value = {href: (.value.href | sub("[?].*"; "")), total: .value.total} else . end)'
call PUT "/v1/playlists/$P/followers" '{"public":true}'
expect 200
call GET "/v1/playlists/$P/followers/contains?ids=demo"
expect 200 '. == [true]'
call GET "/v1/playlists/$P_OLD/followers/contains"
expect 200 '. == [false]'
call GET "/v1/me/playlists?limit=50"
verbatim "a followed fixture playlist in /me/playlists" "[.items[] | select(.id == \"$P\")]" "[.playlists[0] | $SIMPLE_PL]"
call GET "/v1/users/$FXUSER/playlists"
expect 200 '.total == 2'
verbatim "a fixture user's playlists" .items "[.playlists[] | $SIMPLE_PL]"
call GET "/v1/users/demo/playlists?limit=50"
verbatim "a publicly followed fixture playlist on the profile" "[.items[] | select(.id == \"$P\")]" "[.playlists[0] | $SIMPLE_PL]"
call PUT "/v1/me/library?uris=spotify:playlist:$P_OLD"
expect 200
call GET "/v1/me/library/contains?uris=spotify:playlist:$P_OLD,spotify:playlist:$P"
expect 200 '. == [true, true]'
call GET "/v1/playlists/$P"
verbatim "a followed fixture playlist stays as given" . '.playlists[0]'
call DELETE "/v1/playlists/$P/followers"
expect 200
call GET "/v1/playlists/$P/followers/contains"
expect 200 '. == [false]'
call PUT "/v1/playlists/0000000000000000000000/followers"
expect 404
call PUT "/v1/me/following?type=user&ids=$FXUSER"
expect 204
call GET "/v1/me/following/contains?type=user&ids=$FXUSER,mara"
expect 200 '. == [true, true]'
call DELETE "/v1/me/following?type=user&ids=$FXUSER"
expect 204
call GET "/v1/me/library/contains?uris=spotify:user:$FXUSER"
expect 200 '. == [false]'
call PUT "/v1/me/library?uris=spotify:user:$FXUSER"
expect 200
call GET "/v1/me/following/contains?type=user&ids=$FXUSER"
expect 200 '. == [true]'
call PUT "/v1/me/following?type=user&ids=nobody-at-all"
expect 400 '.error.message == "Payload contains a non-existing ID"'

# --- playlists: fixture tracks and episodes added, read back verbatim ----------------------------
call POST /v1/me/playlists '{"name":"With fixtures","public":false}'
expect 201
MINE=$(jq -r .id <<<"$BODY")
call POST "/v1/playlists/$MINE/items" "{\"uris\":[\"spotify:track:$T2\",\"spotify:episode:$E1\",\"spotify:track:$TRACK\"]}"
expect 201 '.snapshot_id | length > 0'
call POST "/v1/playlists/$MINE/tracks?uris=spotify:track:$T1"
expect 201
call GET "/v1/playlists/$MINE/items"
expect 200 '.total == 4' ".items[2].item.id == \"$TRACK\""
verbatim "playlist item: fixture track" '.items[0].item' '.tracks[1]'
verbatim "playlist item: fixture episode" '.items[1].item' '.episodes[0]'
verbatim "playlist item (older /tracks)" '.items[3].item' '.tracks[0]'
# /items pages carry the object under `item` only (the older `track` is /tracks' key).
expect 200 '.items | all(has("track") | not)'
call GET "/v1/playlists/$MINE"
verbatim "full playlist's items" '[.items.items[0].item, .items.items[1].item]' '[.tracks[1], .episodes[0]]'
call GET "/v1/playlists/$MINE/tracks"
verbatim "playlist via /tracks" '.items[0].track' '.tracks[1]'
# Removing a fixture item by its URI.
call DELETE "/v1/playlists/$MINE/items" "{\"items\":[{\"uri\":\"spotify:track:$T1\"}]}"
expect 200
call GET "/v1/playlists/$MINE/items"
expect 200 '.total == 3' "[.items[].item.id] | index(\"$T1\") == null"
# Fewer than four items: the cover is the first item's album's, here the fixture's.
call GET "/v1/playlists/$MINE"
verbatim "a playlist's cover from its first item, a fixture" .images '[.tracks[1].album.images[0]]'
call POST "/v1/playlists/$MINE/items?uris=spotify:track:0000000000000000000000"
expect 400 '.error.message == "Payload contains a non-existing ID"'
call POST "/v1/playlists/$MINE/items?uris=spotify:album:$A"
expect 400
# Fixture playlists are read-only: someone else's playlist. Their cover is the file's.
call POST "/v1/playlists/$P/items?uris=spotify:track:$T1"
expect 403
call PUT "/v1/playlists/$P" '{"name":"Renamed"}'
expect 403
call PUT "/v1/playlists/$P/items" "{\"uris\":[\"spotify:track:$T1\"]}"
expect 403
call GET "/v1/playlists/$P/images"
verbatim "a fixture playlist's cover" . '.playlists[0].images'
call GET "/v1/playlists/$P"
verbatim "a fixture playlist after refused changes" . '.playlists[0]'

# --- the player: fixture albums, playlists, shows and artists as the context ---------------------
# ctx_is KIND ID JQ: the player's context is the fixture object's (type, href, uri, external_urls).
ctx_is() {
    verbatim "context $1" '.context | {href, uri, external_urls}' "$3 | {href, uri, external_urls}"
    expect 200 ".context.type == \"$1\""
}
# plays WHAT BODY WANT: PUT /me/player/play with BODY; the player's item is then fixture WANT.
plays() {
    call PUT /v1/me/player/play "$2"
    expect 204
    call GET "/v1/me/player?additional_types=track,episode"
    expect 200 '.is_playing == true'
    verbatim "$1" .item "$3"
}
skip_queue
plays "album context" "{\"context_uri\":\"spotify:album:$A\"}" '.tracks[0]'
ctx_is album "$A" '.albums[0]'
call POST /v1/me/player/next
expect 204
call GET /v1/me/player/currently-playing
verbatim "album context: next item" .item '.tracks[1]'
ctx_is album "$A" '.albums[0]'
plays "album context: offset by uri" \
    "{\"context_uri\":\"spotify:album:$A\",\"offset\":{\"uri\":\"spotify:track:$T2\"}}" '.tracks[1]'
plays "playlist context" "{\"context_uri\":\"spotify:playlist:$P\"}" '.tracks[0]'
ctx_is playlist "$P" '.playlists[0]'
call GET /v1/me/player/queue
verbatim "playlist context: currently playing" .currently_playing '.tracks[0]'
# Played for more than 30 s, then skipped: recently played names the fixture playlist.
req POST /_emulator/clock -d '{"advance": 40}'
call POST /v1/me/player/next
expect 204
call GET "/v1/me/player?additional_types=episode"
verbatim "playlist context: the episode after" .item '.episodes[0]'
call GET /v1/me/player/recently-played
verbatim "recently played from a fixture playlist" '.items[0].track' '.tracks[0]'
verbatim "recently played: the playlist context" '.items[0].context | {href, uri, external_urls}' \
    '.playlists[0] | {href, uri, external_urls}'
plays "older playlist (tracks) context" "{\"context_uri\":\"spotify:playlist:$P_OLD\"}" '.tracks[1]'
plays "show context" "{\"context_uri\":\"spotify:show:$S\",\"offset\":{\"position\":1}}" '.episodes[1]'
ctx_is show "$S" '.shows[0]'
plays "artist context" "{\"context_uri\":\"spotify:artist:$AR\"}" '.tracks[0]'
ctx_is artist "$AR" '.artists[0]'
# The user's own playlist, holding fixture items, as the context.
plays "own playlist with fixture items" "{\"context_uri\":\"spotify:playlist:$MINE\"}" '.tracks[1]'
call PUT /v1/me/player/play '{"context_uri":"spotify:album:0000000000000000000000"}'
expect 404 '.error.message == "Context not found"'
call PUT /v1/me/player/play '{"context_uri":"spotify:playlist:0000000000000000000000"}'
expect 404

# --- links: without --public-url, the fixtures' API links point at the emulator -----------------
start local --fixtures "$FX"
user_token
skip_queue
call PUT /v1/me/player/play "{\"context_uri\":\"spotify:playlist:$P\"}"
expect 204
call GET /v1/me/player
expect 200 ".context.href == \"$URL/v1/playlists/$P\"" ".context.uri == \"spotify:playlist:$P\"" \
    ".item.href == \"$URL/v1/tracks/$T1\"" ".item.album.href == \"$URL/v1/albums/$A\""
call PUT "/v1/me/library?uris=spotify:artist:$AR"
expect 200
call GET "/v1/me/following?type=artist&limit=50"
expect 200 "[.artists.items[] | select(.id == \"$AR\")][0].href == \"$URL/v1/artists/$AR\""

# --- --state keeps all of it: the same answers after a restart ------------------------------------
# snapshot NAME: the answers of the routes above, keys sorted, into $TMP/NAME.
snapshot() {
    local out="$TMP/$1" p
    : >"$out"
    for p in /v1/me/tracks /v1/me/episodes "/v1/me/following?type=artist&limit=50" \
        "/v1/playlists/$MINE/items" "/v1/me/player?additional_types=episode" \
        /v1/me/player/recently-played "/v1/me/playlists?limit=50" \
        "/v1/me/library/contains?uris=$LIB_URIS,spotify:playlist:$P,spotify:user:$FXUSER"; do
        call GET "$p"
        expect 200
        jq -S 'if type == "object" then del(.timestamp, .progress_ms, .device) else . end' <<<"$BODY" >>"$out"
    done
}
STATE="$TMP/state.json"
start p1 --fixtures "$FX" --public-url https://api.spotify.com --state "$STATE"
user_token
call PUT "/v1/me/library?uris=spotify:track:$T1,spotify:artist:$AR,spotify:episode:$E2,spotify:playlist:$P,spotify:user:$FXUSER"
expect 200
call POST /v1/me/playlists '{"name":"Kept","public":false}'
expect 201
MINE=$(jq -r .id <<<"$BODY")
call POST "/v1/playlists/$MINE/items" "{\"uris\":[\"spotify:track:$T2\",\"spotify:episode:$E1\"]}"
expect 201
skip_queue
call PUT /v1/me/player/play "{\"context_uri\":\"spotify:playlist:$P\"}"
expect 204
req POST /_emulator/clock -d '{"advance": 40}'
call POST /v1/me/player/next
expect 204
call PUT /v1/me/player/pause
expect 204
snapshot before
grep -q "$T1" "$TMP/before" && grep -q "$AR" "$TMP/before" && grep -q "$P" "$TMP/before" ||
    fail "the snapshot misses the fixture objects"
call GET "/v1/me/library/contains?uris=spotify:playlist:$P,spotify:user:$FXUSER"
expect 200 '. == [true, true]'
stop "$PID_p1"
start p2 --fixtures "$FX" --public-url https://api.spotify.com --state "$STATE"
user_token
snapshot after
diff "$TMP/before" "$TMP/after" >"$TMP/diff" || fail "not the same after a restart: $(head -c 800 "$TMP/diff")"
call GET "/v1/me/player?additional_types=episode"
verbatim "restored player item" .item '.episodes[0]'
ctx_is playlist "$P" '.playlists[0]'
stop "$PID_p2"
# The file names fixture objects by URI, not by their place in the fixture files.
jq -e --arg t "spotify:track:$T1" --arg p "spotify:playlist:$P" --arg u "spotify:user:$FXUSER" \
    '.spotc_emulator_state == 2 and ([.. | strings] | index($t) and index($p) and index($u))' \
    "$STATE" >/dev/null || fail "the state file does not name the fixtures by URI"
# Without the fixtures, the state that names them is refused (exit status 2), not misread.
expect_status 2 "$SPOTC_EMULATOR" --port 0 --state "$STATE"
contains "$ERR" "$STATE"
contains "$ERR" "no fixtures are loaded"

# --- the fixture files reordered and objects inserted between runs: the same objects ---------------
# (a state that numbered fixture objects by place would now name the inserted ones.)
NEW_T=0NewTrack000000000000a NEW_AR=0NewArtist00000000000a NEW_P=0NewPlaylist0000000000
FX_MOVED="$TMP/fixtures-moved.json"
jq --arg t "$NEW_T" --arg ar "$NEW_AR" --arg p "$NEW_P" '
    def renamed($type; $id): .id = $id | .uri = "spotify:\($type):\($id)" | .name = "Inserted \($type)"
        | .href = "https://api.spotify.com/v1/\($type)s/\($id)"
        | .external_urls.spotify = "https://open.spotify.com/\($type)/\($id)";
    .tracks = [.tracks[0] | renamed("track"; $t)] + (.tracks | reverse)
    | .artists = [.artists[0] | renamed("artist"; $ar)] + (.artists | reverse)
    | .playlists = [.playlists[1] | renamed("playlist"; $p)] + (.playlists | reverse)
    | .episodes |= reverse
    | .users = [.users[0] | .id = "another" | .uri = "spotify:user:another"] + .users' "$FX" >"$FX_MOVED"
start moved --fixtures "$FX_MOVED" --public-url https://api.spotify.com --state "$STATE"
user_token
snapshot moved
diff "$TMP/before" "$TMP/moved" >"$TMP/diff" ||
    fail "other objects after the fixtures were reordered: $(head -c 800 "$TMP/diff")"
call GET "/v1/me/library/contains?uris=spotify:track:$NEW_T,spotify:artist:$NEW_AR,spotify:playlist:$NEW_P,spotify:user:another"
expect 200 '. == [false, false, false, false]'
stop "$PID_moved"

# --- a fixture the state names is gone: the start fails, naming the file and the reference --------
jq --arg t "$T1" '.tracks |= map(select(.id != $t))' "$FX" >"$TMP/fixtures-less.json"
expect_status 2 "$SPOTC_EMULATOR" --port 0 --fixtures "$TMP/fixtures-less.json" --state "$STATE"
contains "$ERR" "$STATE"
contains "$ERR" "spotify:track:$T1"
contains "$ERR" "no fixture loaded has this ID"

# --- formats: a newer one is refused; format 1 (fixtures by place) still loads, with a warning ----
jq '.spotc_emulator_state = 3' "$STATE" >"$TMP/v3.json"
expect_status 2 "$SPOTC_EMULATOR" --port 0 --fixtures "$FX" --state "$TMP/v3.json"
contains "$ERR" "format 3"
# Format 1 numbered a fixture playlist 2^31 + its place; this file holds the followed $P so.
jq --arg p "spotify:playlist:$P" '.spotc_emulator_state = 1 | walk(if . == $p then 2147483648 else . end)' \
    "$STATE" >"$TMP/v1.json"
start v1 --fixtures "$FX" --public-url https://api.spotify.com --state "$TMP/v1.json"
contains "$(cat "$TMP/v1.err")" "by their place"
user_token
call GET "/v1/me/library/contains?uris=spotify:playlist:$P,spotify:track:$T1"
expect 200 '. == [true, true]'
stop "$PID_v1"
jq -e --arg p "spotify:playlist:$P" '.spotc_emulator_state == 2 and ([.. | strings] | index($p))' \
    "$TMP/v1.json" >/dev/null || fail "a format 1 file is not saved again as format 2"

# --- export, then load: a playlist holding fixture objects reads back the same ------------------
start ex --fixtures "$FX" --public-url https://api.spotify.com --state "$STATE"
user_token
call GET "/v1/playlists/$MINE"
expect 200
KEPT=$(jq -S 'del(.followers)' <<<"$BODY")
req GET /_emulator/export
expect 200 ".playlists | map(.id) | index(\"$MINE\") != null"
cp "$TMP/body" "$TMP/export.json"
start back --fixtures "$TMP/export.json" --public-url https://api.spotify.com
user_token
call GET "/v1/playlists/$MINE"
expect 200
[ "$(jq -S 'del(.followers)' <<<"$BODY")" = "$KEPT" ] || fail "the exported playlist does not read back the same"
verbatim "exported playlist's fixture item" '.items.items[0].item' '.tracks[1]'
echo ok
