# spotc-emulator: accounts, catalogue endpoints, paging, batches, search, errors.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

start main --app other-app:other-secret
sample

# --- accounts: /api/token -----------------------------------------------------------------
app_token
req POST /api/token -d "grant_type=client_credentials&client_id=other-app&client_secret=other-secret"
expect 200 '.access_token | startswith("BQ")' '.refresh_token == null'
req POST /api/token -u spotc-demo:wrong -d grant_type=client_credentials
expect 401 '.error == "invalid_client"' '.error_description == "Invalid client secret"'
req POST /api/token -d "grant_type=client_credentials&client_id=spotc-demo&client_secret=wrong"
expect 400 '.error == "invalid_client"'
req POST /api/token -u nobody:x -d grant_type=client_credentials
expect 401 '.error == "invalid_client"' '.error_description == "Invalid client"'
req POST /api/token -d grant_type=client_credentials
expect 400 '.error == "invalid_client"'
req POST /api/token -u spotc-demo:spotc-demo-secret -d foo=bar
expect 400 '.error == "unsupported_grant_type"'
req POST /api/token -u spotc-demo:spotc-demo-secret -d grant_type=password
expect 400 '.error == "unsupported_grant_type"'
req POST /api/token -u spotc-demo:spotc-demo-secret -H 'Content-Type: application/json' \
    -d '{"grant_type":"client_credentials"}'
expect 400 '.error == "invalid_request"'
req POST /api/token -u spotc-demo:spotc-demo-secret -d 'grant_type=%zz'
expect 400 '.error == "invalid_request"'
req GET /api/token # the accounts service answers every error in RFC 6749's format
expect 405 '.error == "invalid_request"' '.error_description == "Method not allowed"'
not_contains "$BODY" "spotc-demo-secret"

# --- user tokens from the control API, and the refresh grant --------------------------------
req POST /_emulator/token -d '{"user":"demo","scope":"user-read-private playlist-read-private"}'
expect 200 '.token_type == "Bearer"' '.expires_in == 3600' \
    '.scope == "user-read-private playlist-read-private"' '(.refresh_token | length) > 20'
REFRESH=$(jq -r .refresh_token <<<"$BODY")
req POST /_emulator/token -d '{"scope":"not-a-scope"}'
expect 400
req POST /_emulator/token -d '{"client_id":"nope"}'
expect 400
req POST /api/token -u spotc-demo:spotc-demo-secret -d "grant_type=refresh_token&refresh_token=$REFRESH"
expect 200 '.scope == "user-read-private playlist-read-private"'
req POST /api/token -u spotc-demo:spotc-demo-secret -d "grant_type=refresh_token&refresh_token=bogus"
expect 400 '.error == "invalid_grant"'

# --- 401 variants --------------------------------------------------------------------------
req GET "/v1/tracks/$TRACK"
expect 401 '.error.message == "No token provided"'
req GET "/v1/tracks/$TRACK" -H 'Authorization: Bearer garbage'
expect 401 '.error.message == "Invalid access token"'
req GET "/v1/tracks/$TRACK" -H 'Authorization: Basic Zm9vOmJhcg=='
expect 400 '.error.status == 400'

# --- single objects, with every declared property ------------------------------------------
TRACK_KEYS='["album","artists","available_markets","disc_number","duration_ms","explicit","external_ids","external_urls","href","id","is_local","name","popularity","preview_url","track_number","type","uri"]'
ALBUM_BASE='["album_type","artists","available_markets","external_urls","href","id","images","name","release_date","release_date_precision","total_tracks","type","uri"]'
api GET "/v1/tracks/$TRACK"
expect 200 "keys == $TRACK_KEYS" ".id == \"$TRACK\"" '.preview_url == null' '.type == "track"' \
    ".uri == \"spotify:track:$TRACK\"" ".href == \"$URL/v1/tracks/$TRACK\"" \
    '.external_ids.isrc | test("^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$")' '(has("is_playable") | not)' \
    "(.album | keys) == $ALBUM_BASE" ".album.id == \"$ALBUM\"" '.album.images | length == 3' \
    '.album.images | all(has("url") and has("height") and has("width"))' \
    '.artists[0] | keys == ["external_urls","href","id","name","type","uri"]' \
    '[.. | .href? // empty | strings] | all(startswith("'"$URL"'/v1/"))'
# With a market, a track leaves out available_markets (as Spotify does) and says whether
# it plays there; its album keeps the list, which the OpenAPI document requires of albums.
api GET "/v1/tracks/$TRACK?market=US"
expect 200 '(has("available_markets") | not)' 'has("is_playable")' \
    "(.album | keys) == ($ALBUM_BASE + [\"is_playable\"] | sort) or (.album | keys) == $ALBUM_BASE"
api GET "/v1/albums/$ALBUM"
expect 200 "keys == ($ALBUM_BASE + [\"copyrights\",\"external_ids\",\"genres\",\"label\",\"popularity\",\"tracks\"] | sort)" \
    '(.tracks.items | length) == .total_tracks' ".tracks.items | all(.id != null)" \
    '.copyrights | map(.type) == ["C","P"]' '.external_ids.upc | test("^[0-9]{12}$")' \
    '.genres == []' '.tracks.items[0] | has("album") | not' ".tracks.items[0].id == \"$TRACK\""
api GET "/v1/artists/$ARTIST"
expect 200 'keys == ["external_urls","followers","genres","href","id","images","name","popularity","type","uri"]' \
    '.followers.href == null' '.followers.total > 0' '.genres | length >= 1'
api GET "/v1/albums/$ALBUM/tracks?limit=5"
expect 200 '.items | length == 5' '.limit == 5' '.offset == 0' '.previous == null' '.total == 12'

# --- linked consistently ---------------------------------------------------------------------
api GET "/v1/artists/$ARTIST/albums?include_groups=album,single,compilation"
expect 200 "[.items[].artists[0].id] | all(. == \"$ARTIST\")" ".items | map(.id) | index(\"$ALBUM\") != null" \
    '.items | all(has("album_group"))'
api GET "/v1/artists/$ARTIST/albums?include_groups=bogus"
expect 400
api GET "/v1/artists/$ARTIST/top-tracks"
expect 200 '.tracks | length == 10' "[.tracks[].artists[0].id] | all(. == \"$ARTIST\")" \
    '[.tracks[].popularity] | . == (sort | reverse)'

# --- paging: next and previous work as given ------------------------------------------------
api GET "/v1/albums/$ALBUM/tracks?limit=5&market=US"
SEEN=$(jq -c '[.items[].id]' <<<"$BODY")
NEXT=$(jq -r .next <<<"$BODY")
contains "$NEXT" "market=US"
while [ "$NEXT" != null ]; do
    req GET "${NEXT#"$URL"}" -H "Authorization: Bearer $TOKEN"
    expect 200 '.items | length > 0' '.previous != null'
    SEEN=$(jq -c --argjson a "$SEEN" '$a + [.items[].id]' <<<"$BODY")
    PREV=$(jq -r .previous <<<"$BODY")
    NEXT=$(jq -r .next <<<"$BODY")
done
jq -e 'length == 12 and (unique | length) == 12' <<<"$SEEN" >/dev/null || fail "paging lost items: $SEEN"
req GET "${PREV#"$URL"}" -H "Authorization: Bearer $TOKEN"
expect 200 '.offset == 5'
api GET "/v1/albums/$ALBUM/tracks?limit=51"
expect 400 '.error.message == "Invalid limit"'
api GET "/v1/albums/$ALBUM/tracks?limit=0"
expect 400 '.error.message == "Invalid limit"'
api GET "/v1/albums/$ALBUM/tracks?offset=-1"
expect 400 '.error.message == "Invalid offset"'

# --- several at once, and the batch maxima ---------------------------------------------------
api GET "/v1/tracks?ids=$TRACK,0000000000000000000000,$TRACK"
expect 200 '.tracks | length == 3' '.tracks[1] == null' ".tracks[2].id == \"$TRACK\""
ids() { local n=$1 id=$2 s=$2; for _ in $(seq 2 "$n"); do s="$s,$id"; done; echo "$s"; }
api GET "/v1/tracks?ids=$(ids 50 "$TRACK")"
expect 200 '.tracks | length == 50'
api GET "/v1/tracks?ids=$(ids 51 "$TRACK")"
expect 400 '.error.message == "Too many ids requested"'
api GET "/v1/albums?ids=$(ids 20 "$ALBUM")"
expect 200 '.albums | length == 20'
api GET "/v1/albums?ids=$(ids 21 "$ALBUM")"
expect 400
api GET "/v1/artists?ids=$(ids 50 "$ARTIST")"
expect 200 '.artists | length == 50'
api GET "/v1/artists?ids=$(ids 51 "$ARTIST")"
expect 400
api GET "/v1/tracks?ids=$TRACK,bad!"
expect 400 '.error.message == "invalid id"'
api GET "/v1/tracks"
expect 400

# --- bad input -------------------------------------------------------------------------------
api GET /v1/tracks/short
expect 400 '.error.message == "invalid id"'
api GET /v1/tracks/0000000000000000000000
expect 404 '.error.status == 404'
api GET "/v1/tracks/$ALBUM"
expect 404
api GET /v1/nowhere
expect 404 '.error.message == "Service not found"'
# One trailing slash is ignored, as Spotify does (some clients send /v1/search/?q=...).
api GET "/v1/search/?q=a&type=track&limit=1"
expect 200 '.tracks.limit == 1'
api GET "/v1/tracks/$TRACK/"
expect 200 ".id == \"$TRACK\""
api GET "/v1/tracks//"
expect 404
api DELETE "/v1/tracks/$TRACK"
expect 405 '.error.status == 405'
api GET "/v1/tracks/ab%zz"
expect 400
api GET "/v1/search?q=%E0%A4%A&type=track"
expect 400

# --- market: is_playable and restrictions -----------------------------------------------------
# Find an album that is not available everywhere (about one in seven).
FOUND=
for page in 0 20 40 60 80; do
    api GET "/v1/artists?ids=$ARTIST"
    req GET "/v1/search?q=year:1900-2100&type=album&limit=50&offset=$page" -H "Authorization: Bearer $TOKEN"
    FOUND=$(jq -r '[.albums.items[] | select((.available_markets | length) < 40)][0] // empty |
        [.id, ((["AR","AT","AU","BE","BR","CA","CH","CL","CO","CZ","DE","DK","ES","FI","FR","GB","GR","HU","IE","IN","IT","JP","KR","MX","NL","NO","NZ","PE","PH","PL","PT","RO","SE","SG","TR","TW","US","UY","VN","ZA"] - .available_markets)[0]), .available_markets[0]] | join(" ")' <<<"$BODY")
    [ -n "$FOUND" ] && break
done
[ -n "$FOUND" ] || fail "no market-restricted album in the catalogue"
read -r RALBUM MISSING PRESENT <<<"$FOUND"
api GET "/v1/albums/$RALBUM/tracks?market=$MISSING&limit=1"
expect 200 '.items[0].is_playable == false' '.items[0].restrictions.reason == "market"'
api GET "/v1/albums/$RALBUM?market=$MISSING"
expect 200 '.restrictions.reason == "market"'
api GET "/v1/albums/$RALBUM/tracks?market=$PRESENT&limit=1"
expect 200 '.items[0].is_playable == true' '.items[0] | has("restrictions") | not'
api GET "/v1/tracks/$TRACK?market=XX"
expect 400 '.error.message == "Invalid market code"'

# --- search ------------------------------------------------------------------------------------
api GET "/v1/search?q=$QUERY&type=track"
expect 200 ".tracks.items | map(.id) | index(\"$TRACK\") != null" '.tracks.limit == 20' \
    "(.tracks.items | keys | length) <= 20" "[.tracks.items[].name | ascii_downcase | test(\"\\\\b$(tr 'A-Z' 'a-z' <<<"$QUERY")\\\\b\")] | length > 0"
api GET "/v1/search?q=$(tr 'a-z' 'A-Z' <<<"$QUERY")&type=track"
expect 200 ".tracks.items | map(.id) | index(\"$TRACK\") != null"
api GET "/v1/search?q=$QUERY&type=track,album,artist,playlist,show,episode,audiobook&limit=3"
expect 200 'keys == ["albums","artists","audiobooks","episodes","playlists","shows","tracks"]' \
    '.playlists.items == [] and .playlists.total == 0' '.tracks.items | length <= 3'
api GET "/v1/artists/$ARTIST"
ANAME=$(jq -r .name <<<"$BODY")
api GET "/v1/search?type=album&q=$(jq -rn --arg a "$ANAME" '"artist:\"" + $a + "\"" | @uri')"
expect 200 ".albums.items | length >= 3" ".albums.items | all(.artists[0].name == \"$ANAME\")"
api GET "/v1/albums/$ALBUM"
YEAR=$(jq -r '.release_date[0:4]' <<<"$BODY")
ALNAME=$(jq -r .name <<<"$BODY")
api GET "/v1/search?type=track&q=$(jq -rn --arg a "$ALNAME" --arg y "$YEAR" '"album:\"" + $a + "\" year:" + $y | @uri')"
expect 200 ".tracks.items | map(.album.id) | index(\"$ALBUM\") != null" \
    ".tracks.items | all(.album.release_date[0:4] == \"$YEAR\")"
api GET "/v1/search?type=track&limit=50&q=$(jq -rn '"year:1990-1999" | @uri')"
expect 200 '.tracks.total > 0' '.tracks.items | all(.album.release_date[0:4] | tonumber | . >= 1990 and . <= 1999)'
api GET "/v1/search?type=track&q=track:$QUERY"
expect 200 ".tracks.items | all(.name | ascii_downcase | contains(\"$(tr 'A-Z' 'a-z' <<<"$QUERY")\"))"
api GET "/v1/search?type=album&q=tag:new"
expect 200 '.albums.total > 0' '.albums.items | all(.release_date > "'"$(date -u -d '-15 days' +%F)"'")'
api GET "/v1/search?type=track&q=tag:new"
expect 200 '.tracks.total == 0'
api GET "/v1/search?type=track&q=zzzqqq"
expect 200 '.tracks.total == 0' '.tracks.next == null'
api GET "/v1/search?type=track&q=$QUERY&limit=2"
NEXT=$(jq -r .tracks.next <<<"$BODY")
req GET "${NEXT#"$URL"}" -H "Authorization: Bearer $TOKEN"
expect 200 '.tracks.offset == 2' '.tracks.previous != null'
api GET "/v1/search?type=track&q=a&limit=51"
expect 400 '.error.message == "Invalid limit"'
api GET "/v1/search?type=track&q=a&offset=1001"
expect 400 '.error.message == "Invalid offset"'
api GET "/v1/search?type=track"
expect 400
api GET "/v1/search?q=a"
expect 400
api GET "/v1/search?q=a&type=song"
expect 400

# --- control API: sample and stats -------------------------------------------------------------
req GET /_emulator/sample
expect 200 '[.track,.album,.artist] | all(test("^[0-9A-Za-z]{22}$"))' '.user == "demo"' \
    'has("playlist") and has("show") and has("episode") and has("audiobook") and has("chapter")'
req GET /_emulator/stats
expect 200 '.requests["GET /v1/tracks/{id}"]["200"] >= 1' '.requests["GET /v1/tracks/{id}"]["401"] >= 2' \
    '.grants.client_credentials >= 2' '.grants.refresh_token == 1' '.total > 50' \
    '.requests | keys | all(startswith("GET /_emulator") | not)'
echo ok
