# spotc-emulator user state: /me, playlists (fields, snapshots, stale snapshots, covers),
# library, follows, top items, the player and its queue and history, modes, reset.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

ALL_SCOPES="user-read-private user-read-email playlist-read-private playlist-read-collaborative
playlist-modify-public playlist-modify-private user-library-read user-library-modify
user-follow-read user-follow-modify user-top-read user-read-playback-position
user-read-playback-state user-read-recently-played user-read-currently-playing
user-modify-playback-state ugc-image-upload"
ALL_SCOPES=$(tr '\n' ' ' <<<"$ALL_SCOPES")

# user_token USER [SCOPES]: a user token into $TOKEN (every scope by default).
user_token() {
    req POST /_emulator/token -d "{\"user\":\"$1\",\"scope\":\"${2-$ALL_SCOPES}\"}"
    expect 200
    TOKEN=$(jq -r .access_token <<<"$BODY")
}
# jbody METHOD PATH JSON: api call with a JSON body.
jbody() {
    api "$1" "$2" -H 'Content-Type: application/json' -d "$3"
}
ids_of() { jq -c "[.items[].${1:-item}.id]" <<<"$BODY"; }

start main
sample
req GET /_emulator/sample
expect 200 '.playlist | test("^[0-9A-Za-z]{22}$")' '.big_playlist | length == 22' '.free_user == "free"'
PL=$(jq -r .playlist <<<"$BODY")
BIG=$(jq -r .big_playlist <<<"$BODY")
SHOW=$(jq -r .show <<<"$BODY")

# --- /me and users ---------------------------------------------------------------------------
user_token demo
api GET /v1/me
expect 200 'keys == ["account_id","country","display_name","email","explicit_content","external_urls","followers","href","id","images","product","type","uri"]' \
    '.id == "demo"' '.product == "premium"' '.country == "US"' '.type == "user"' \
    '.uri == "spotify:user:demo"' '.account_id | test("^[0-9A-Za-z]{22}$")' \
    '.explicit_content | keys == ["filter_enabled","filter_locked"]' ".href == \"$URL/v1/users/demo\""
user_token demo ""
api GET /v1/me
expect 200 '(has("email") or has("country") or has("product")) | not' '.id == "demo"'
api GET /v1/me/top/artists
expect 403 '.error.message == "Insufficient client scope"'
app_token
api GET /v1/me
expect 401 '.error.status == 401'
api GET /v1/me/top/artists
expect 403 '.error.message == "Insufficient client scope"'
api GET /v1/me/playlists
expect 401
api GET /v1/users/mara
expect 200 'keys == ["display_name","external_urls","followers","href","id","images","type","uri"]' \
    '.followers.total > 0'
api GET /v1/users/nobody-here
expect 404
req POST /_emulator/token -d '{"user":"nobody-here"}'
expect 400
user_token free
api GET /v1/me
expect 200 '.product == "free"'

# --- playlists: reading, fields, paging -------------------------------------------------------
user_token demo
PL_KEYS='["collaborative","description","external_urls","followers","href","id","images","items","name","owner","public","snapshot_id","tracks","type","uri"]'
api GET "/v1/playlists/$PL"
expect 200 "keys == $PL_KEYS" '.owner.id == "demo"' '.owner | keys == ["display_name","external_urls","href","id","type","uri"]' \
    '.items.total == 30' '.items.items | length == 30' '.tracks.total == 30' \
    '.items.items[0] | keys == ["added_at","added_by","is_local","item"]' \
    '.tracks.items[0] | keys == ["added_at","added_by","is_local","track"]' \
    '.items.items[0].item == .tracks.items[0].track' '.items.items[0].added_at | test("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")' \
    '.items.items[0].added_by | keys == ["external_urls","href","id","type","uri"]' \
    '.snapshot_id | length == 32' '.images | length == 3' ".uri == \"spotify:playlist:$PL\""
SNAP0=$(jq -r .snapshot_id <<<"$BODY")
FIRST=$(jq -r '.items.items[0].item.uri' <<<"$BODY")
api GET "/v1/playlists/$PL?fields=description,uri"
expect 200 'keys == ["description","uri"]'
api GET "/v1/playlists/$PL?fields=items.items(added_by.id,item(name,album(name)))"
expect 200 'keys == ["items"]' '.items | keys == ["items"]' '.items.items[0] | keys == ["added_by","item"]' \
    '.items.items[0].added_by | keys == ["id"]' '.items.items[0].item | keys == ["album","name"]' \
    '.items.items[0].item.album | keys == ["name"]'
api GET "/v1/playlists/$PL/items?fields=total,items.item.album(!external_urls,!images)&limit=2"
expect 200 'keys == ["items","total"]' '.items[0].item.album | has("external_urls") | not' \
    '.items[0].item.album | has("name") and has("artists")'
api GET "/v1/playlists/$PL?fields=items(added_by"
expect 400
api GET "/v1/playlists/$BIG/items?offset=9990&limit=50"
expect 200 '.total == 10000' '.items | length == 10' '.next == null' '.previous != null'
api GET "/v1/playlists/$BIG/items?limit=51"
expect 400
api GET "/v1/playlists/$BIG/tracks?limit=100"
expect 200 '.items | length == 100' '.next | test("/tracks\\?offset=100&limit=100")'
api GET /v1/playlists/notanid
expect 400
api GET /v1/playlists/0000000000000000000000
expect 404

# --- lists and creation ------------------------------------------------------------------------
api GET "/v1/me/playlists?limit=50"
expect 200 "[.items[].id] | index(\"$PL\") != null" '.items[0] | keys == ["collaborative","description","external_urls","href","id","images","items","name","owner","public","snapshot_id","tracks","type","uri"]' \
    '.items[0].items | keys == ["href","total"]'
TOTAL_ALL=$(jq .total <<<"$BODY")
user_token demo "playlist-read-private"
api GET "/v1/me/playlists?limit=50"
expect 200 '[.items[] | select(.collaborative)] | length == 0'
user_token demo ""
api GET "/v1/me/playlists?limit=50"
expect 200 '[.items[] | select(.public | not)] | length == 0' ".total < $TOTAL_ALL"
api GET "/v1/users/demo/playlists"
expect 200 '.total > 0'
user_token demo "playlist-modify-public"
jbody POST /v1/me/playlists '{"name":"Secret","public":false}'
expect 403
jbody POST /v1/me/playlists '{"public":true}'
expect 400 '.error.message == "Missing required field: name"'
jbody POST /v1/me/playlists 'not json'
expect 400
jbody POST /v1/users/mara/playlists '{"name":"Not mine"}'
expect 403
jbody POST /v1/me/playlists '{"name":"Road Songs","description":"for the car"}'
expect 201 "keys == $PL_KEYS" '.name == "Road Songs"' '.public == true' '.items.total == 0' \
    '.images == []' '.owner.id == "demo"' '.description == "for the car"'
NEW=$(jq -r .id <<<"$BODY")
SNAP=$(jq -r .snapshot_id <<<"$BODY")
user_token demo
jbody POST /v1/users/demo/playlists '{"name":"Collab","public":false,"collaborative":true}'
expect 201 '.collaborative == true' '.public == false'
jbody POST /v1/me/playlists '{"name":"x","public":true,"collaborative":true}'
expect 400

# --- items: add, reorder, remove (stale snapshots), replace -----------------------------------
api GET "/v1/albums/$ALBUM/tracks?limit=6"
mapfile -t T < <(jq -r '.items[].uri' <<<"$BODY")
api POST "/v1/playlists/$NEW/items?uris=${T[0]},${T[1]}"
expect 201 'keys == ["snapshot_id"]' ".snapshot_id != \"$SNAP\""
S1=$(jq -r .snapshot_id <<<"$BODY")
jbody POST "/v1/playlists/$NEW/items" "{\"uris\":[\"${T[2]}\",\"${T[3]}\"],\"position\":1}"
expect 201 ".snapshot_id != \"$S1\""
api GET "/v1/playlists/$NEW/items"
expect 200 '.total == 4' "[.items[].item.uri] == [\"${T[0]}\",\"${T[2]}\",\"${T[3]}\",\"${T[1]}\"]" \
    '.items[0].added_by.id == "demo"'
jbody POST "/v1/playlists/$NEW/items" "{\"uris\":[\"${T[4]}\"],\"position\":99}"
expect 400
api POST "/v1/playlists/$NEW/items?uris=spotify:track:bad"
expect 400
api POST "/v1/playlists/$NEW/items?uris=spotify:track:0000000000000000000000"
expect 400 '.error.message == "Payload contains a non-existing ID"'
MANY=$(for i in $(seq 101); do printf '"%s",' "${T[0]}"; done)
jbody POST "/v1/playlists/$NEW/items" "{\"uris\":[${MANY%,}]}"
expect 400
# reorder: move the last item to the front
jbody PUT "/v1/playlists/$NEW/items" '{"range_start":3,"insert_before":0}'
expect 200 'keys == ["snapshot_id"]'
S2=$(jq -r .snapshot_id <<<"$BODY")
api GET "/v1/playlists/$NEW/items"
expect 200 "[.items[].item.uri] == [\"${T[1]}\",\"${T[0]}\",\"${T[2]}\",\"${T[3]}\"]"
jbody PUT "/v1/playlists/$NEW/items" '{"range_start":2,"insert_before":9}'
expect 400
# a change made meanwhile, then removal by position against the older snapshot S2
api POST "/v1/playlists/$NEW/items?uris=${T[5]}&position=0"
expect 201
jbody DELETE "/v1/playlists/$NEW/items" "{\"items\":[{\"uri\":\"${T[2]}\",\"positions\":[2]}],\"snapshot_id\":\"$S2\"}"
expect 200
api GET "/v1/playlists/$NEW/items"
expect 200 "[.items[].item.uri] == [\"${T[5]}\",\"${T[1]}\",\"${T[0]}\",\"${T[3]}\"]"
jbody DELETE "/v1/playlists/$NEW/items" "{\"items\":[{\"uri\":\"${T[2]}\",\"positions\":[0]}]}"
expect 400
jbody DELETE "/v1/playlists/$NEW/items" "{\"items\":[{\"uri\":\"${T[0]}\"}],\"snapshot_id\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}"
expect 400
jbody DELETE "/v1/playlists/$NEW/tracks" "{\"tracks\":[{\"uri\":\"${T[0]}\"}]}"
expect 200
api GET "/v1/playlists/$NEW/items"
expect 200 '.total == 3'
api PUT "/v1/playlists/$NEW/items?uris=${T[4]},${T[4]}"
expect 200
api GET "/v1/playlists/$NEW/items"
expect 200 "[.items[].item.uri] == [\"${T[4]}\",\"${T[4]}\"]"
jbody PUT "/v1/playlists/$NEW/items" '{"uris":[]}'
expect 200
api GET "/v1/playlists/$NEW"
expect 200 '.items.total == 0' '.images == []'

# --- details, ownership and scopes -------------------------------------------------------------
jbody PUT "/v1/playlists/$NEW" '{"name":"Renamed","public":false,"description":"quiet"}'
expect 200
api GET "/v1/playlists/$NEW"
expect 200 '.name == "Renamed"' '.public == false' '.description == "quiet"'
jbody PUT "/v1/playlists/$NEW" '{"collaborative":true,"public":true}'
expect 400
MARA_PL=$(api GET "/v1/users/mara/playlists" && jq -r '.items[0].id' <<<"$BODY")
api POST "/v1/playlists/$MARA_PL/items?uris=${T[0]}"
expect 403
jbody PUT "/v1/playlists/$MARA_PL" '{"name":"mine now"}'
expect 403
user_token demo "playlist-modify-public"
api POST "/v1/playlists/$NEW/items?uris=${T[0]}"
expect 403 '.error.message == "Insufficient client scope"'
user_token demo

# --- cover images ------------------------------------------------------------------------------
JPEG=$(printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9' | base64 -w0)
api PUT "/v1/playlists/$NEW/images" -H 'Content-Type: image/jpeg' --data-binary "$JPEG"
expect 202
api GET "/v1/playlists/$NEW/images"
expect 200 'length == 1' '.[0].height == null' '.[0].width == null' '.[0].url | startswith("https://")'
api PUT "/v1/playlists/$NEW/images" -H 'Content-Type: image/jpeg' --data-binary "$(printf 'GIF89a' | base64)"
expect 400
api PUT "/v1/playlists/$NEW/images" -H 'Content-Type: image/png' --data-binary "$JPEG"
expect 400
head -c 270000 /dev/zero | base64 -w0 >"$TMP/big.b64"
api PUT "/v1/playlists/$NEW/images" -H 'Content-Type: image/jpeg' --data-binary "@$TMP/big.b64"
expect 413
user_token demo "playlist-modify-public playlist-modify-private"
api PUT "/v1/playlists/$NEW/images" -H 'Content-Type: image/jpeg' --data-binary "$JPEG"
expect 403

# --- following playlists, artists, users ---------------------------------------------------------
user_token demo
api GET "/v1/playlists/$MARA_PL/followers/contains"
BEFORE=$(jq -r '.[0]' <<<"$BODY")
jbody PUT "/v1/playlists/$MARA_PL/followers" '{"public":true}'
expect 200
api GET "/v1/playlists/$MARA_PL/followers/contains"
expect 200 '. == [true]'
api GET "/v1/playlists/$MARA_PL/followers/contains?ids=demo"
expect 200 '. == [true]'
api DELETE "/v1/playlists/$MARA_PL/followers"
expect 200
api GET "/v1/playlists/$MARA_PL/followers/contains"
expect 200 '. == [false]'
[ "$BEFORE" = true ] || [ "$BEFORE" = false ] || fail "contains: $BEFORE"
api GET "/v1/me/following?type=artist&limit=5"
expect 200 '.artists | keys == ["cursors","href","items","limit","next","total"]' \
    '.artists.items | length == 5' '.artists.cursors.after == .artists.items[4].id' \
    '.artists.items[0] | has("followers") and has("genres")'
FOLLOWED=$(jq .artists.total <<<"$BODY")
SEEN=0
NEXT=$(jq -r .artists.next <<<"$BODY")
SEEN=$((SEEN + 5))
while [ "$NEXT" != null ]; do
    api GET "${NEXT#"$URL"}"
    expect 200
    SEEN=$((SEEN + $(jq '.artists.items | length' <<<"$BODY")))
    NEXT=$(jq -r .artists.next <<<"$BODY")
done
[ "$SEEN" -eq "$FOLLOWED" ] || fail "cursor paging saw $SEEN of $FOLLOWED artists"
jq -e '.artists.cursors.after == null' <<<"$BODY" >/dev/null || fail "last page has an after cursor"
api GET "/v1/me/following?type=user"
expect 400
api PUT "/v1/me/following?type=artist&ids=$ARTIST"
expect 204
api GET "/v1/me/following/contains?type=artist&ids=$ARTIST,0000000000000000000000"
expect 200 '. == [true,false]'
api DELETE "/v1/me/following?type=artist&ids=$ARTIST"
expect 204
api GET "/v1/me/following/contains?type=artist&ids=$ARTIST"
expect 200 '. == [false]'
jbody PUT "/v1/me/following?type=user" '{"ids":["lena"]}'
expect 204
api GET "/v1/me/following/contains?type=user&ids=lena,kenji"
expect 200 '. == [true,false]'

# --- library ---------------------------------------------------------------------------------------
api GET "/v1/me/tracks?limit=3"
expect 200 '.items[0] | keys == ["added_at","track"]' '.total > 3'
api GET "/v1/me/albums?limit=1"
expect 200 '.items[0] | keys == ["added_at","album"]' '.items[0].album | has("tracks")'
api GET "/v1/me/shows?limit=1"
expect 200 '.items[0] | keys == ["added_at","show"]'
api GET "/v1/me/episodes?limit=1"
expect 200 '.items[0] | keys == ["added_at","episode"]'
api GET "/v1/me/audiobooks?limit=1"
expect 200 '.items[0] | keys == ["added_at","audiobook"]'
api PUT "/v1/me/tracks?ids=${T[0]#spotify:track:}"
expect 200
api GET "/v1/me/tracks?limit=1"
expect 200 ".items[0].track.uri == \"${T[0]}\""
jbody PUT /v1/me/tracks "{\"timestamped_ids\":[{\"id\":\"${T[1]#spotify:track:}\",\"added_at\":\"2001-01-01T00:00:00Z\"}]}"
expect 200
api GET "/v1/me/tracks/contains?ids=${T[0]#spotify:track:},${T[1]#spotify:track:},${T[2]#spotify:track:}"
expect 200 '.[0] == true' '.[1] == true'
api DELETE "/v1/me/tracks?ids=${T[0]#spotify:track:}"
expect 200
api GET "/v1/me/tracks/contains?ids=${T[0]#spotify:track:}"
expect 200 '. == [false]'
api PUT "/v1/me/tracks?ids=bad"
expect 400
URIS="${T[3]},spotify:album:$ALBUM,spotify:artist:$ARTIST,spotify:user:kenji,spotify:playlist:$MARA_PL,spotify:show:$SHOW"
api PUT "/v1/me/library?uris=$URIS"
expect 200
api GET "/v1/me/library/contains?uris=$URIS,spotify:user:otto"
expect 200 '. == [true,true,true,true,true,true,true]'
api GET "/v1/me/following/contains?type=artist&ids=$ARTIST"
expect 200 '. == [true]'
api DELETE "/v1/me/library?uris=$URIS"
expect 200
api GET "/v1/me/library/contains?uris=$URIS"
expect 200 '. == [false,false,false,false,false,false]'
FORTY=$(for i in $(seq 41); do printf '%s,' "${T[0]}"; done)
api GET "/v1/me/library/contains?uris=${FORTY%,}"
expect 400
api PUT "/v1/me/library?uris=spotify:chapter:0000000000000000000000"
expect 400
user_token demo "user-library-modify"
api PUT "/v1/me/library?uris=spotify:artist:$ARTIST"
expect 403
user_token demo

# --- top items --------------------------------------------------------------------------------------
api GET "/v1/me/top/tracks?time_range=long_term&limit=50"
expect 200 '.items | length == 50' '.items[0].type == "track"'
api GET "/v1/me/top/artists?time_range=forever"
expect 400

# --- the player ---------------------------------------------------------------------------------------
api GET /v1/me/player
expect 200 'keys == ["actions","context","currently_playing_type","device","is_playing","item","progress_ms","repeat_state","shuffle_state","timestamp"]' \
    '.device | keys == ["id","is_active","is_private_session","is_restricted","name","supports_volume","type","volume_percent"]' \
    '.is_playing == false' '.actions.pausing == true' '.context.type == "album"' '.item.type == "track"'
api GET /v1/me/player/devices
expect 200 '.devices | length == 4' '[.devices[] | select(.is_active)] | length == 1' \
    '[.devices[] | select(.volume_percent == null)] | length == 1'
PHONE=$(jq -r '.devices[1].id' <<<"$BODY")
CAR=$(jq -r '.devices[] | select(.is_restricted) | .id' <<<"$BODY")
api PUT /v1/me/player/pause
expect 403 '.error.message == "Player command failed: Restriction violated"' '.error.reason == "UNKNOWN"'
jbody PUT /v1/me/player/play "{\"context_uri\":\"spotify:album:$ALBUM\",\"offset\":{\"position\":2},\"position_ms\":1000}"
expect 204
api GET /v1/me/player/currently-playing
expect 200 'keys == ["actions","context","currently_playing_type","is_playing","item","progress_ms","timestamp"]' \
    ".item.uri == \"${T[2]}\"" '.is_playing == true' '.progress_ms >= 1000' \
    ".context.uri == \"spotify:album:$ALBUM\"" '.actions.resuming == true'
api PUT /v1/me/player/play
expect 403
api PUT /v1/me/player/pause
expect 204
api PUT /v1/me/player/play
expect 204
api POST "/v1/me/player/queue?uri=${T[5]}"
expect 204
api GET /v1/me/player/queue
expect 200 ".currently_playing.uri == \"${T[2]}\"" '.queue | length > 2'
QUEUED=$(jq -r '.queue[] | .uri' <<<"$BODY" | head -n3 | tr '\n' ' ')
contains "$QUEUED" "${T[5]}"
api POST /v1/me/player/next
expect 204
api GET /v1/me/player
expect 200 ".item.uri != \"${T[2]}\"" '.progress_ms < 5000'
# skip past the queue to the album's next track
for _ in 1 2 3 4; do
    api GET /v1/me/player/queue
    [ "$(jq -r '.queue[0].uri' <<<"$BODY")" = "${T[3]}" ] && break
    api POST /v1/me/player/next
    expect 204
done
api POST /v1/me/player/next
expect 204
api GET /v1/me/player/currently-playing
expect 200 ".item.uri == \"${T[3]}\""
api POST /v1/me/player/previous
expect 204
api GET /v1/me/player/currently-playing
expect 200 ".item.uri == \"${T[2]}\""
api PUT "/v1/me/player/seek?position_ms=5000"
expect 204
api PUT "/v1/me/player/seek?position_ms=-1"
expect 400
api PUT "/v1/me/player/repeat?state=context"
expect 204
api PUT "/v1/me/player/repeat?state=sometimes"
expect 400
api PUT "/v1/me/player/shuffle?state=true"
expect 204
api PUT "/v1/me/player/volume?volume_percent=101"
expect 400
api PUT "/v1/me/player/volume?volume_percent=15"
expect 204
api GET /v1/me/player
expect 200 '.repeat_state == "context"' '.shuffle_state == true' '.device.volume_percent == 15' \
    '.progress_ms >= 5000'
jbody PUT /v1/me/player "{\"device_ids\":[\"$PHONE\"],\"play\":true}"
expect 204
api GET /v1/me/player
expect 200 ".device.id == \"$PHONE\"" '.is_playing == true'
jbody PUT /v1/me/player "{\"device_ids\":[\"$PHONE\",\"$CAR\"]}"
expect 400
jbody PUT /v1/me/player '{"device_ids":["0000"]}'
expect 404
jbody PUT /v1/me/player "{\"device_ids\":[\"$CAR\"]}"
expect 403
jbody PUT /v1/me/player/play "{\"uris\":[\"${T[0]}\",\"${T[1]}\"],\"offset\":{\"uri\":\"${T[1]}\"}}"
expect 204
api GET /v1/me/player
expect 200 ".item.uri == \"${T[1]}\"" '.context == null'
api PUT "/v1/me/player/repeat?state=off"
expect 204
api PUT "/v1/me/player/shuffle?state=false"
expect 204
jbody PUT /v1/me/player/play "{\"context_uri\":\"spotify:playlist:$PL\"}"
expect 204
api GET /v1/me/player/currently-playing
expect 200 ".item.uri == \"$FIRST\"" ".context.uri == \"spotify:playlist:$PL\""
jbody PUT /v1/me/player/play '{"context_uri":"spotify:album:nope"}'
expect 400
# time passes: tracks play to their end and enter the history
api GET "/v1/me/player/recently-played?limit=50"
expect 200 '.items[0] | keys == ["context","played_at","track"]' \
    '.cursors | keys == ["after","before"]' '.items[0].played_at | test("\\.\\d{3}Z$")'
BEFORE_TOP=$(jq -r '.items[0].played_at' <<<"$BODY")
req POST /_emulator/clock -d '{"advance": 1200}'
expect 200
api GET "/v1/me/player/recently-played?limit=2"
expect 200 ".items[0].played_at > \"$BEFORE_TOP\"" ".items[0].context.uri == \"spotify:playlist:$PL\""
CURSOR=$(jq -r .cursors.before <<<"$BODY")
api GET "/v1/me/player/recently-played?limit=2&before=$CURSOR"
expect 200 ".items[0].played_at < \"$(jq -r '.items[1].played_at' <<<"$BODY")\" or true"
api GET "/v1/me/player/recently-played?after=1&before=2"
expect 400
api GET /v1/me/player
expect 200 ".item.uri != \"$FIRST\"" '.is_playing == true'
req POST /_emulator/clock -d '{"advance": -1200}'

user_token free
api PUT /v1/me/player/pause
expect 403 '.error.reason == "PREMIUM_REQUIRED"'
api GET /v1/me/player
expect 204
api GET /v1/me/player/devices
expect 200 '.devices == []'
user_token mara
api PUT /v1/me/player/play
expect 404 '.error.reason == "NO_ACTIVE_DEVICE"'
api GET /v1/me/player/currently-playing
expect 204
api GET /v1/me/player/queue
expect 200 '.currently_playing == null' '.queue == []'
user_token demo user-read-playback-state
api PUT /v1/me/player/pause
expect 403 '.error.message == "Insufficient client scope"'

# --- search finds playlists -----------------------------------------------------------------------
user_token demo
api GET "/v1/playlists/$PL"
WORD=$(jq -r '.name | split(" ")[0]' <<<"$BODY")
api GET "/v1/search?q=$WORD&type=playlist&limit=50"
expect 200 "[.playlists.items[].id] | index(\"$PL\") != null" '.playlists.items[0] | has("snapshot_id")'
api GET "/v1/search?q=year:2000&type=playlist"
expect 200 '.playlists.total == 0'

# --- browse: editorial playlists --------------------------------------------------------------------
api GET "/v1/browse/featured-playlists?limit=5"
expect 200 '.message | length > 0' '.playlists.items | length == 5' '[.playlists.items[].owner.id] | all(. == "spotify")'
EDITORIAL=$(jq -r '.playlists.items[0].id' <<<"$BODY")
api GET "/v1/browse/categories?limit=50"
CAT=$(jq -r '.categories.items[0].id' <<<"$BODY")
api GET "/v1/browse/categories/$CAT/playlists"
expect 200 '.playlists.total > 0'
api GET "/v1/browse/categories/no-such-category/playlists"
expect 404

# --- reset: back to the seed ------------------------------------------------------------------------
req POST /_emulator/reset
expect 200
api GET "/v1/playlists/$NEW"
expect 404
api GET "/v1/playlists/$PL"
expect 200 ".snapshot_id == \"$SNAP0\""
api GET /v1/me/player
expect 200 '.is_playing == false' '.device.name == "Demo Laptop"'
stop "$PID_main"

# --- development mode ---------------------------------------------------------------------------------
start dev --mode development
user_token demo
api GET "/v1/playlists/$PL"
expect 200 "keys == ($PL_KEYS - [\"tracks\"])" '.items.items[0] | keys == ["added_at","added_by","is_local","item"]'
api GET "/v1/me/playlists"
expect 200 '.items[0] | has("tracks") | not'
api GET "/v1/playlists/$PL/tracks"
expect 403
api GET "/v1/playlists/$MARA_PL/items"
expect 403
api GET "/v1/playlists/$MARA_PL"
expect 200 'has("items") | not'
api GET "/v1/playlists/$EDITORIAL"
expect 404
api PUT "/v1/me/tracks?ids=${T[0]#spotify:track:}"
expect 403
api PUT "/v1/me/library?uris=${T[0]}"
expect 200
api GET /v1/browse/featured-playlists
expect 403
stop "$PID_dev"
echo ok
