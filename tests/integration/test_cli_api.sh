# spotc api: any operation, raw JSON out; parameters placed and typed as the
# operation table says; --data; the note on operations removed for
# development-mode apps.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
# These tests read the TSV rows; the header row is test_cli_output's.
spotc() { "$SPOTC_CLI" --no-header "$@"; }
emu_start

track=$(sample track)
query=$(sample query)

# The same request written four ways.
for path in "/tracks/$track" "/v1/tracks/$track" "tracks/$track" "$SPOTC_API_BASE/tracks/$track"; do
    expect_status 0 spotc api get "$path"
    [ "$(jq -r .id <<<"$OUT")" = "$track" ] || fail "$path: $OUT"
    [ "$(line_count "$OUT")" -eq 1 ] || fail "piped JSON should be compact: $OUT"
done

# key=value go to the query of a GET; a query string in PATH works as well.
expect_status 0 spotc api GET /search q="$query" type=track limit=2
[ "$(jq '.tracks.items | length' <<<"$OUT")" -eq 2 ] || fail "search: $OUT"
next=$(jq -r .tracks.next <<<"$OUT")
expect_status 0 spotc api GET "/search?q=$query&type=album&limit=1"
[ "$(jq '.albums.items | length' <<<"$OUT")" -eq 1 ] || fail "query string: $OUT"
# A next link, as given.
expect_status 0 spotc api GET "$next"
[ "$(jq .tracks.offset <<<"$OUT")" -eq 2 ] || fail "next link: $OUT"
# A batched operation with its ID list.
expect_status 0 spotc api GET /tracks ids="$track,$track" market=DE
[ "$(jq '.tracks | length' <<<"$OUT")" -eq 2 ] || fail "several tracks: $OUT"

# Errors: Spotify's message and status on stderr, the exit code of the kind.
expect_status 4 spotc api GET /tracks/0000000000000000000000
contains "$ERR" "spotc: "
contains "$ERR" "HTTP 404"
[ -z "$OUT" ] || fail "nothing on stdout on error: $OUT"

# Body parameters are typed from the operation table (a client-credentials token
# cannot play music, so only the request is checked, in the trace).
expect_failure spotc --verbose api PUT /me/player/play device_id=dev1 position_ms=1500 \
    "uris=spotify:track:$track,spotify:track:$track" 'offset={"position":1}'
contains "$ERR" "> PUT /v1/me/player/play?device_id=dev1 "
body=$(grep '^> {' <<<"$ERR" | sed 's/^> //')
jq -e --arg t "spotify:track:$track" \
    '.position_ms == 1500 and .uris == [$t, $t] and .offset.position == 1 and (has("device_id") | not)' \
    <<<"$body" >/dev/null || fail "typed body: $body"
expect_failure spotc --verbose api POST /me/playlists name='Road trip' public=false
body=$(grep '^> {' <<<"$ERR" | sed 's/^> //')
jq -e '.name == "Road trip" and .public == false' <<<"$body" >/dev/null || fail "body: $body"
# A key the operation does not take is an error (it would be ignored by Spotify), with the
# keys it takes and the closest one; nothing is sent.
expect_status 2 spotc --verbose api GET "/tracks/$track" colour=blue
contains "$ERR" "get-track (GET /tracks/{id}) takes no 'colour'; it takes: market"
not_contains "$ERR" "> GET"
expect_status 2 spotc api GET /search q=x typ=track
contains "$ERR" "did you mean 'type'?"
# A path no operation serves: keys go to the query of a GET, as given.
expect_failure spotc --verbose api GET /no-such-thing colour=blue
contains "$ERR" "colour=blue"

# --paginate: every item of every page, one JSON object a line, through the pager.
big=$(sample big_playlist)
expect_status 0 spotc api GET "/playlists/$big/items" --paginate
total=$(spotc api GET "/playlists/$big/items" limit=1 | jq .total)
[ "$(line_count "$OUT")" -eq "$total" ] || fail "--paginate gave $(line_count "$OUT") of $total items"
jq -se 'all(.[]; .item.id | type == "string")' <<<"$OUT" >/dev/null || fail "items: $(head -n2 <<<"$OUT")"
[ "$(jq -r .item.id <<<"$OUT" | sort -u | wc -l)" -gt 1 ] || fail "the same item over and over"
expect_status 0 spotc api GET "/playlists/$big/items" --paginate limit=7 offset=9990
[ "$(line_count "$OUT")" -eq $((total - 9990)) ] || fail "offset: $OUT"
expect_status 0 spotc api GET "/albums/$(sample album)/tracks" --paginate --json
jq -e 'type == "array" and length > 0 and all(.[]; .type == "track")' <<<"$OUT" >/dev/null ||
    fail "--paginate --json: $OUT"
expect_status 2 spotc api GET "/tracks/$track" --paginate
contains "$ERR" "--paginate needs a paged GET operation; get-track is not one"
expect_status 2 spotc api GET "/playlists/$big/items" --paginate colour=blue
contains "$ERR" "takes no 'colour'"

# --list: the operation table, with parameters (! required) and scopes; a word filters it.
expect_status 0 "$SPOTC_CLI" api --list
[ "$(line_count "$OUT")" -eq 98 ] || fail "97 operations and a header: $(line_count "$OUT")"
grep -q "^get-track	GET	/tracks/{id}	market	" <<<"$OUT" || fail "get-track: $(grep get-track <<<"$OUT")"
grep -q "^add-items-to-playlist	POST	.*uris!	playlist-modify-public" <<<"$OUT" ||
    fail "required params and scopes: $(grep add-items <<<"$OUT")"
expect_status 0 spotc api --list --json player
jq -e 'length > 5 and all(.[]; .path | test("player"))' <<<"$OUT" >/dev/null || fail "filter: $OUT"
expect_status 2 spotc api GET
# --data as text, from a file, from stdin: sent as given.
echo '{"uris":["spotify:track:'"$track"'"]}' >"$TMP/body.json"
expect_failure spotc --verbose api PUT /me/player/play --data @"$TMP/body.json"
contains "$ERR" '> {"uris":["spotify:track:'"$track"'"]}'
expect_failure bash -c 'echo "{\"position_ms\": 7}" | "$SPOTC_CLI" --verbose api PUT /me/player/play --data -'
contains "$ERR" '> {"position_ms": 7}'
expect_status 2 spotc api PUT /me/player/play position_ms=1 --data '{}'
contains "$ERR" "exclude each other"
expect_status 2 spotc api PUT /me/player/play position_ms=soon
contains "$ERR" "'position_ms' wants a whole number"

# Development mode: operations Spotify removed answer 403, and spotc says why.
kill "$EMU_PID" && wait "$EMU_PID" || true
emu_start --mode development
rm -f "$TMP/sample.json"
track=$(sample track)
artist=$(sample artist)
expect_status 7 spotc api GET /tracks ids="$track"
contains "$ERR" "HTTP 403"
contains "$ERR" "note: GET /tracks (get-several-tracks) is no longer served to development-mode apps"
# The typed command falls back to one request per ID, in both output formats.
expect_status 0 spotc track "$track" "$track"
[ "$(cut -f1 <<<"$OUT" | tr '\n' ' ')" = "$track $track " ] || fail "one by one: $OUT"
expect_status 4 spotc --json track "$track" 0000000000000000000000 "$track"
[ "$(jq -c 'map(.id)' <<<"$OUT")" = "[\"$track\",null,\"$track\"]" ] || fail "json: $OUT"
expect_status 7 spotc artist "$artist" --top-tracks --json
contains "$ERR" "get-an-artists-top-tracks"
# Operations still served work as before.
expect_status 0 spotc api GET "/tracks/$track"
expect_status 0 spotc track "$track"
echo "ok"
