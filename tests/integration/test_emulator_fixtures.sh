# spotc-emulator --fixtures: the user's own objects, real-shaped, read back verbatim (after jq -S)
# through every route that returns them; simplified forms; search; links; malformed files.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/emulator_fixture_set.sh"

FX="$TMP/fixtures.json"
fixture_set "$FX"
start fx --fixtures "$FX" --public-url https://api.spotify.com
app_token
sample

# same PATH JQ_ON_ANSWER JQ_ON_FIXTURE: the answer's part equals the fixture's, keys sorted.
same() {
    api GET "$1"
    expect 200
    diff <(jq -S "$2" <<<"$BODY") <(jq -S "$3" "$FX") >"$TMP/diff" ||
        fail "$1: not the fixture: $(head -c 600 "$TMP/diff")"
}
SIMPLE_ALBUM='del(.tracks, .copyrights, .external_ids, .genres, .label, .popularity)'
A=4LH4d3cOWNNsVw41Gqt2kv AR=6UUrUCIZtQeOf8tC0WuzRy T1=3mFZyTjLCyBT3CNEVHeVOu T2=1lBvGa3KDhPzEATT1HpnmW
S=5CfCWKI5pZ28U0uOzXkDHe E1=512ojhOuo1ktJprKbVcKyQ P=37i9dQZF1DXcBWIGoYBM5M P_OLD=1OldStylePlaylist00001
B=7iHfbu1YPACw6oZPAFJtqe CH=0D5wENdkdwbqlrHoaJ9g29

# --- single and several reads ------------------------------------------------------------------
same "/v1/tracks/$T1" . '.tracks[0]'
same "/v1/tracks?ids=$T2,$T1" .tracks '[.tracks[1], .tracks[0]]'
same "/v1/albums/$A" . '.albums[0]'
same "/v1/albums?ids=$A" .albums '.albums'
same "/v1/artists/$AR" . '.artists[0]'
same "/v1/artists?ids=$AR,7jy3rLJdDQY21OgRLCZ9sD" .artists '.artists'
same "/v1/shows/$S" . '.shows[0]'
same "/v1/shows?ids=$S" .shows '[.shows[0] | del(.episodes)]'
same "/v1/episodes/$E1" . '.episodes[0]'
same "/v1/episodes?ids=$E1" .episodes '[.episodes[0]]'
same "/v1/audiobooks/$B" . '.audiobooks[0]'
same "/v1/audiobooks?ids=$B" .audiobooks '.audiobooks'
same "/v1/chapters/$CH" . '.chapters[0]'
same "/v1/playlists/$P" . '.playlists[0]'
same "/v1/playlists/$P_OLD" . '.playlists[1]'
same /v1/browse/categories/fixture-nordic . '.categories[0]'
same /v1/users/fixtureuser . '.users[0]'
same /v1/markets .markets .markets
same /v1/recommendations/available-genre-seeds .genres .genre_seeds

# --- recommendations take what the fixtures give: their genres, artists and tracks as seeds -----
# A genre that only the fixtures' genre_seeds list is a seed; the fixture tracks whose artists
# have it are the answer, full and as given.
same "/v1/recommendations?seed_genres=icelandic" '.tracks | sort_by(.id)' '.tracks | sort_by(.id)'
expect 200 '.seeds == [{afterFilteringSize: 2, afterRelinkingSize: 2, href: null, id: "icelandic", initialPoolSize: 2, type: "GENRE"}]'
# The fixtures' list replaces the emulator's: a genre it does not name is refused.
api GET "/v1/recommendations?seed_genres=indie-pop"
expect 400 '.error.message == "Invalid seed_genres"'
# A fixture artist as the seed: its tracks; the seed links to it.
same "/v1/recommendations?seed_artists=$AR" '.tracks | sort_by(.id)' '.tracks | sort_by(.id)'
expect 200 ".seeds[0] | .type == \"ARTIST\" and .id == \"$AR\" and .href == \"https://api.spotify.com/v1/artists/$AR\""
# A fixture track as the seed: the others by its artists, never the seed itself.
same "/v1/recommendations?seed_tracks=$T1" .tracks '[.tracks[1]]'
expect 200 ".seeds[0] | .type == \"TRACK\" and .id == \"$T1\" and .initialPoolSize == 2 and .afterFilteringSize == 1"
# A fixture artist whose genre the catalogue knows in its own ("rock": indie rock, garage rock
# ...) brings catalogue tracks, which read back by their IDs.
api GET "/v1/recommendations?seed_artists=7jy3rLJdDQY21OgRLCZ9sD&limit=5"
expect 200 '.tracks | length == 5' '.seeds[0].initialPoolSize > 100' 'all(.tracks[]; .type == "track")'
REC=$(jq -r '.tracks[0].id' <<<"$BODY")
api GET "/v1/tracks/$REC"
expect 200 ".id == \"$REC\""
# Fixture tracks have no audio features: only popularity and duration_ms tune them.
api GET "/v1/recommendations?seed_genres=post-rock&target_popularity=58&limit=1"
expect 200 ".tracks[0].id == \"$T2\""
api GET "/v1/recommendations?seed_genres=post-rock&max_popularity=55"
expect 200 "[.tracks[].id] == [\"$T1\"]"
api GET "/v1/recommendations?seed_genres=post-rock&min_energy=0.1"
expect 200 '.tracks == []' '.seeds[0].initialPoolSize == 2'

# --- the fixtures' markets are the markets: every market= is checked against them ---------------
# IS is not in the emulator's own table, US not in the fixtures' list.
for p in "/v1/tracks/$T1" "/v1/tracks/$TRACK" "/v1/albums/$A" "/v1/tracks?ids=$T1,$TRACK" \
    "/v1/search?type=track&q=$QUERY" "/v1/playlists/$P" "/v1/shows/$S/episodes" \
    "/v1/artists/$AR/top-tracks"; do
    sep='?'
    [[ $p == *'?'* ]] && sep='&'
    api GET "$p${sep}market=US"
    expect 400 '.error.message == "Invalid market code"'
    for m in IS SE; do
        api GET "$p${sep}market=$m"
        [ "$STATUS" = 200 ] || fail "$p${sep}market=$m: want HTTP 200, got $STATUS: ${BODY:0:300}"
    done
done
same "/v1/tracks/$T1?market=IS" . '.tracks[0]'
api GET "/v1/recommendations?seed_genres=post-rock&market=US"
expect 400 '.error.message == "Invalid market code"'
api GET "/v1/recommendations?seed_genres=post-rock&market=IS"
expect 200 '.tracks | length == 2'
# Fixtures live beside the catalogue: a batch mixes them, in the order asked.
api GET "/v1/tracks?ids=$T1,$TRACK,0000000000000000000000"
expect 200 ".tracks[0].id == \"$T1\"" ".tracks[1].id == \"$TRACK\"" '.tracks[2] == null'
api GET "/v1/tracks?ids=$T1,nope"
expect 400 '.error.message == "invalid id"'
api GET "/v1/tracks/$TRACK"
expect 200 ".id == \"$TRACK\""

# --- children pages ----------------------------------------------------------------------------
same "/v1/albums/$A/tracks" .items '.albums[0].tracks.items'
same "/v1/albums/$A/tracks?limit=1&offset=1" .items '[.albums[0].tracks.items[1]]'
api GET "/v1/albums/$A/tracks?limit=1"
expect 200 '.total == 2' '.limit == 1' ".next == \"https://api.spotify.com/v1/albums/$A/tracks?offset=1&limit=1\""
same "/v1/playlists/$P/items" .items '.playlists[0].items.items'
same "/v1/playlists/$P/tracks" .items '.playlists[0].items.items'
same "/v1/playlists/$P_OLD/tracks" .items '.playlists[1].tracks.items'
same "/v1/playlists/$P?fields=name,owner(id)" . '.playlists[0] | {name, owner: {id: .owner.id}}'
same "/v1/playlists/$P/items?fields=items(added_at)" . '{items: [.playlists[0].items.items[] | {added_at}]}'
same "/v1/shows/$S/episodes" .items '.shows[0].episodes.items'
same "/v1/audiobooks/$B/chapters" .items '.audiobooks[0].chapters.items'
same "/v1/artists/$AR/albums" .items "[.albums[0] | $SIMPLE_ALBUM + {album_group: \"album\"}]"
same "/v1/artists/$AR/top-tracks" .tracks '[.tracks[1], .tracks[0]]'

# --- search over fixtures ------------------------------------------------------------------------
same "/v1/search?type=track&q=staral" .tracks.items '[.tracks[1]]'
same "/v1/search?type=track&q=STARÁLFUR" .tracks.items '[.tracks[1]]'
same "/v1/search?type=artist&q=sigur%20ros" .artists.items '[.artists[0]]'
same "/v1/search?type=album&q=agaetis" .albums.items "[.albums[0] | $SIMPLE_ALBUM]"
same "/v1/search?type=episode&q=whale" .episodes.items '[.episodes[0] | del(.show)]'
same "/v1/search?type=show&q=nordic%20voices" .shows.items '[.shows[0] | del(.episodes)]'
same "/v1/search?type=audiobook&q=laxness" .audiobooks.items '[.audiobooks[0] | del(.chapters)]'
same "/v1/search?type=track&q=artist:sigur%20year:1999" '.tracks.items | sort_by(.id)' '.tracks | sort_by(.id)'
same "/v1/search?type=track&q=isrc:ISA01999002" .tracks.items '[.tracks[1]]'
same "/v1/search?type=album&q=upc:5099751234567" .albums.items "[.albums[0] | $SIMPLE_ALBUM]"
same "/v1/search?type=artist&q=genre:post-rock" .artists.items '[.artists[0]]'
same "/v1/search?type=track&q=%22svefn%20g%20englar%22" .tracks.items '[.tracks[0]]'
same "/v1/search?type=playlist&q=glacial" .playlists.items '[.playlists[0] | .items = {href: (.items.href | sub("[?].*"; "")), total: .items.total}]'
same "/v1/search?type=playlist&q=nordic%20calm" .playlists.items '[.playlists[0] | .items = {href: (.items.href | sub("[?].*"; "")), total: .items.total}]'
api GET "/v1/search?type=track&q=year:2000-2010%20staral"
expect 200 '.tracks.total == 0'
api GET "/v1/search?type=track&q=englar%20staral"
expect 200 '.tracks.total == 0'

# --- the library: fixture objects are saved, listed verbatim and checked like the catalogue's ------
req POST /_emulator/token -d '{"user":"demo","scope":"user-library-modify user-library-read"}'
expect 200
LTOKEN=$(jq -r .access_token <<<"$BODY")
lib() {
    req "$1" "$2" -H "Authorization: Bearer $LTOKEN"
}
lib PUT "/v1/me/tracks?ids=$T2,$TRACK"
expect 200
lib GET "/v1/me/tracks?limit=50"
expect 200 ".items | map(.track.id) | index(\"$TRACK\") != null"
diff <(jq -S "[.items[].track | select(.id == \"$T2\")]" <<<"$BODY") <(jq -S '[.tracks[1]]' "$FX") >/dev/null ||
    fail "a saved fixture track is not the fixture"
lib GET "/v1/me/tracks/contains?ids=$T2,$T1,$TRACK"
expect 200 '. == [true, false, true]'
lib DELETE "/v1/me/tracks?ids=$T2"
expect 200
lib GET "/v1/me/tracks/contains?ids=$T2"
expect 200 '. == [false]'
lib PUT "/v1/me/albums?ids=$A"
expect 200
lib GET "/v1/me/albums?limit=50"
diff <(jq -S "[.items[].album | select(.id == \"$A\")]" <<<"$BODY") <(jq -S '.albums' "$FX") >/dev/null ||
    fail "a saved fixture album is not the fixture"
lib PUT "/v1/me/shows?ids=$S"
expect 200
lib GET "/v1/me/shows?limit=50"
diff <(jq -S "[.items[].show | select(.id == \"$S\")]" <<<"$BODY") <(jq -S '[.shows[0] | del(.episodes)]' "$FX") >/dev/null ||
    fail "a saved fixture show is not the simplified fixture"
lib PUT "/v1/me/tracks?ids=0000000000000000000000"
expect 400

# --- the player: fixture tracks and episodes play, queue and are remembered, as given -------------
req POST /_emulator/token -d '{"user":"demo","scope":"user-modify-playback-state user-read-playback-state user-read-currently-playing user-read-recently-played"}'
expect 200
PTOKEN=$(jq -r .access_token <<<"$BODY")
player() {
    req "$1" "$2" -H "Authorization: Bearer $PTOKEN" -H 'Content-Type: application/json' "${@:3}"
}
player PUT /v1/me/player/play -d "{\"uris\":[\"spotify:track:$T1\",\"spotify:track:$TRACK\"]}"
expect 204
player GET /v1/me/player
expect 200 '.is_playing == true'
diff <(jq -S .item <<<"$BODY") <(jq -S '.tracks[0]' "$FX") >/dev/null || fail "the player's item is not the fixture"
player POST "/v1/me/player/queue?uri=spotify:episode:$E1"
expect 204
player GET /v1/me/player/queue
expect 200
diff <(jq -S .currently_playing <<<"$BODY") <(jq -S '.tracks[0]' "$FX") >/dev/null || fail "currently_playing is not the fixture"
diff <(jq -S "[.queue[] | select(.id == \"$E1\")][0]" <<<"$BODY") <(jq -S '.episodes[0]' "$FX") >/dev/null ||
    fail "the queued episode is not the fixture"
player GET /v1/me/player/currently-playing
expect 200 ".item.id == \"$T1\"" ".item.duration_ms == 400001"
# Played for more than 30 s, then skipped: the fixture track is in recently played.
req POST /_emulator/clock -d '{"advance": 40}'
player POST /v1/me/player/next
expect 204
player GET /v1/me/player/recently-played
expect 200 ".items[0].track.id == \"$T1\"" ".items[0].context.uri == \"spotify:album:$A\""
diff <(jq -S .items[0].track <<<"$BODY") <(jq -S '.tracks[0]' "$FX") >/dev/null || fail "the recently played fixture is not the fixture"
req POST /_emulator/reset
expect 200
app_token

# --- export: the current state in the fixture format, loaded back as it is ----------------------
req POST /_emulator/token -d '{"user":"demo","scope":"playlist-modify-private playlist-read-private"}'
expect 200
UTOKEN=$(jq -r .access_token <<<"$BODY")
req POST /v1/me/playlists -H "Authorization: Bearer $UTOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"Made here","public":false}'
expect 201
MINE=$(jq -r .id <<<"$BODY")
req POST "/v1/playlists/$MINE/items?uris=spotify:track:$TRACK" -H "Authorization: Bearer $UTOKEN"
expect 201
req GET /_emulator/export
expect 200 ".playlists | map(.id) | index(\"$MINE\") != null" '.markets == ["IS", "SE"]'
cp "$TMP/body" "$TMP/export.json"
for kind in tracks albums artists shows episodes audiobooks chapters categories users; do
    diff <(jq -S ".$kind" "$TMP/export.json") <(jq -S ".$kind" "$FX") >/dev/null ||
        fail "export: $kind differ from the fixtures"
done
api GET "/v1/playlists/$MINE"
MINE_JSON=$(jq -S . <<<"$BODY")
start again --fixtures "$TMP/export.json" --public-url https://api.spotify.com
app_token
same "/v1/tracks/$T1" . '.tracks[0]'
same "/v1/playlists/$P" . '.playlists[0]'
api GET "/v1/playlists/$MINE"
expect 200 '.name == "Made here"' ".items.items[0].item.id == \"$TRACK\""
[ "$(jq -S 'del(.followers)' <<<"$BODY")" = "$(jq -S 'del(.followers)' <<<"$MINE_JSON")" ] ||
    fail "the exported playlist does not read back the same"

# --- links: kept with --public-url https://api.spotify.com, else pointed at the emulator ---------
start local --fixtures "$FX"
app_token
api GET "/v1/albums/$A"
expect 200 ".href == \"$URL/v1/albums/$A\"" ".tracks.href == \"$URL/v1/albums/$A/tracks?offset=0&limit=50\"" \
    ".artists[0].href == \"$URL/v1/artists/$AR\"" \
    ".external_urls.spotify == \"https://open.spotify.com/album/$A\"" \
    '.images[0].url | startswith("https://i.scdn.co/")'

# --- a directory of fixture files ------------------------------------------------------------------
mkdir "$TMP/dir"
jq '{tracks, albums, artists}' "$FX" >"$TMP/dir/a.json"
jq '{playlists, shows, episodes}' "$FX" >"$TMP/dir/b.json"
echo 'not json, and not *.json' >"$TMP/dir/notes.txt"
start dir --fixtures "$TMP/dir"
app_token
api GET "/v1/tracks/$T1"
expect 200 ".id == \"$T1\""
api GET "/v1/playlists/$P"
expect 200 ".id == \"$P\""

# --- malformed fixtures fail the start: the file, the JSON path, the reason -------------------------
# bad_start FILE TEXT...: the emulator refuses FILE with exit status 2 and says each TEXT.
bad_start() {
    local file=$1
    shift
    expect_status 2 "$SPOTC_EMULATOR" --port 0 --fixtures "$file"
    contains "$ERR" "$file"
    local t
    for t in "$@"; do contains "$ERR" "$t"; done
}
jq '.tracks[1].id = "not-an-id"' "$FX" >"$TMP/bad1.json"
bad_start "$TMP/bad1.json" '$.tracks[1].id' 'not a Spotify ID'
jq 'del(.albums[0].name)' "$FX" >"$TMP/bad2.json"
bad_start "$TMP/bad2.json" '$.albums[0].name' 'missing'
jq '.playlists[0].items.items[1] = 7' "$FX" >"$TMP/bad3.json"
bad_start "$TMP/bad3.json" '$.playlists[0].items.items[1]' 'not an object'
jq '.podcasts = []' "$FX" >"$TMP/bad4.json"
bad_start "$TMP/bad4.json" '$.podcasts' 'unknown kind'
jq '.tracks[0].type = "episode"' "$FX" >"$TMP/bad5.json"
bad_start "$TMP/bad5.json" '$.tracks[0].type' '"track"'
jq '.tracks += [.tracks[0]]' "$FX" >"$TMP/bad6.json"
bad_start "$TMP/bad6.json" '$.tracks' "\"$T1\" given twice"
printf '{"tracks": [\n  {"id": }\n]}\n' >"$TMP/bad7.json"
bad_start "$TMP/bad7.json" 'line 2'
jq '.markets = ["SE", 1]' "$FX" >"$TMP/bad8.json"
bad_start "$TMP/bad8.json" '$.markets[1]' 'not a string'
jq '.episodes[1].duration_ms = "long"' "$FX" >"$TMP/bad9.json"
bad_start "$TMP/bad9.json" '$.episodes[1].duration_ms' 'not a non-negative integer'
jq '.playlists[0].items.items[1].item = 5' "$FX" >"$TMP/bad10.json"
bad_start "$TMP/bad10.json" '$.playlists[0].items.items[1].item' 'not an object or null'
# The same ID in two files of a directory: the second file is named, with the first.
mkdir "$TMP/baddir"
jq '{tracks}' "$FX" >"$TMP/baddir/a.json"
jq '{tracks: [.tracks[1]]}' "$FX" >"$TMP/baddir/b.json"
bad_start "$TMP/baddir" "$TMP/baddir/b.json: \$.tracks[0].id: \"$T2\" given twice (first in $TMP/baddir/a.json, \$.tracks[1])"
expect_status 2 "$SPOTC_EMULATOR" --port 0 --fixtures "$TMP/absent.json"
contains "$ERR" "$TMP/absent.json"
echo ok
