# spotc playlist export/import through the CLI only: JSON and Exportify CSV round trips
# (episodes, local files, null items, names with commas, quotes, newlines and formulas), an
# Exportify CSV written by hand, and the refusal to start over an interrupted import.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
source "$(dirname "$0")/export_lib.sh"

# The seed's IDs, to build fixtures from (the same for every run of the same seed).
emu_start
track=$(sample track)
episode=$(sample episode)
playlist=$(sample playlist)
track2=$(emu_token | { read -r t; curl -fsS -H "Authorization: Bearer $t" \
    "$EMU_URL/v1/playlists/$playlist/items?limit=1&offset=1" | jq -er '.items[0].item.id'; })
kill "$EMU_PID"; wait "$EMU_PID" || true

# A fixture playlist with every kind of item: a track whose name needs quoting and one that
# looks like a formula, an episode, a local file and a null item.
mixed=MixedPlaylistFixture01
jq -n --arg t "$track" --arg t2 "$track2" --arg e "$episode" --arg m "$mixed" '{playlists: [{
  id: $m, type: "playlist", name: "Mixed, \"quoted\"", description: "fixture", public: true,
  collaborative: false, owner: {id: "demo", type: "user", uri: "spotify:user:demo"},
  uri: ("spotify:playlist:" + $m), snapshot_id: "fixture",
  items: {total: 5, items: [
   {added_at: "2024-01-01T00:00:00Z", added_by: {id: "demo"}, is_local: false,
    item: {type: "track", id: $t, uri: ("spotify:track:" + $t), name: "Hello, \"World\"\nagain",
           artists: [{uri: "spotify:artist:a", name: "A, B"}], duration_ms: 1000, explicit: false}},
   {added_at: "2024-01-02T00:00:00Z", added_by: {id: "demo"}, is_local: false,
    item: {type: "episode", id: $e, uri: ("spotify:episode:" + $e), name: "An episode",
           show: {uri: "spotify:show:s", name: "The Show"}, release_date: "2024-01-01"}},
   {added_at: "2024-01-03T00:00:00Z", added_by: {id: "demo"}, is_local: true,
    item: {type: "track", id: null, uri: "spotify:local:Artist:Album:Local+Song:215",
           name: "Local Song", is_local: true}},
   {added_at: "2024-01-04T00:00:00Z", added_by: {id: "demo"}, is_local: false, item: null},
   {added_at: "2024-01-05T00:00:00Z", added_by: {id: "demo"}, is_local: false,
    item: {type: "track", id: $t2, uri: ("spotify:track:" + $t2), name: "=SUM(1,2)"}}]}}]}' \
    >"$TMP/fixtures.json"
emu_start --fixtures "$TMP/fixtures.json"
as_demo

# --- export: JSON is lossless, CSV is Exportify's --------------------------------------------
expect_status 0 spotc playlist export "$mixed" -o "$TMP/mixed.json"
jq -e '.playlist.name == "Mixed, \"quoted\"" and (.playlist | has("items") | not)' \
    "$TMP/mixed.json" >/dev/null || fail "metadata: $(head -c 300 "$TMP/mixed.json")"
jq -e '.items | length == 5 and .[2].is_local and .[3].item == null and
       .[1].item.type == "episode" and .[0].added_at == "2024-01-01T00:00:00Z"' \
    "$TMP/mixed.json" >/dev/null || fail "items: $(cat "$TMP/mixed.json")"
# Every item exactly as the API gives it (market from the token, as the export asks), in order:
# an item dropped, doubled, reordered or changed fails here.
api_items() {
    emu_token | { read -r t; curl -fsS -H "Authorization: Bearer $t" \
        "$EMU_URL/v1/playlists/$1/items?limit=50&offset=$2&market=from_token" | jq -cS .items; }
}
[ "$(jq -cS .items "$TMP/mixed.json")" = "$(api_items "$mixed" 0)" ] ||
    fail "items differ from the API's: $(jq -cS .items "$TMP/mixed.json")"
expect_status 0 spotc playlist export "spotify:playlist:$mixed" --format csv -o "$TMP/mixed.csv"
csv_column "$TMP/mixed.csv" "Track URI" >"$TMP/uris"
[ "$(cat "$TMP/uris")" = "spotify:track:$track
spotify:episode:$episode
spotify:local:Artist:Album:Local+Song:215

spotify:track:$track2" ] || fail "CSV URIs: $(cat "$TMP/uris")"
[ "$(head -n1 "$TMP/mixed.csv" | tr -d '\r')" = "Track URI,Track Name,Artist URI(s),Artist Name(s),Album URI,Album Name,Album Artist URI(s),Album Artist Name(s),Album Release Date,Album Image URL,Disc Number,Track Number,Track Duration (ms),Track Preview URL,Explicit,Popularity,ISRC,Added By,Added At" ] ||
    fail "CSV header: $(head -n1 "$TMP/mixed.csv")"
[ "$(csv_column "$TMP/mixed.csv" "Track Name" | head -n2)" = 'Hello, "World"
again' ] || fail "quoted name: $(cat "$TMP/mixed.csv")"
grep -qx "'=SUM(1,2)" <<<"$(csv_column "$TMP/mixed.csv" "Track Name")" || fail "formula guard"
grep -qx "The Show" <<<"$(csv_column "$TMP/mixed.csv" "Album Name")" || fail "episode's show"
grep -qx "spotify:user:demo" <<<"$(csv_column "$TMP/mixed.csv" "Added By")" || fail "added by"

# --- import: local files and null items reported one a line and skipped, exit 1 ---------------
for f in mixed.json mixed.csv; do
    expect_status 1 spotc playlist import "$TMP/$f" --name "copy of $f"
    new=$OUT
    [ "$(grep -c 'a local file: spotify:local:' <<<"$ERR")" = 1 ] || fail "$f local: $ERR"
    [ "$(grep -c 'no track or episode' <<<"$ERR")" = 1 ] || fail "$f null: $ERR"
    contains "$ERR" "2 items skipped"
    expect_status 0 spotc playlist export "$new" -o "$TMP/back.json"
    [ "$(jq -c '[.items[].item.uri]' "$TMP/back.json")" = \
      "[\"spotify:track:$track\",\"spotify:episode:$episode\",\"spotify:track:$track2\"]" ] ||
        fail "$f imported: $(jq -c '[.items[].item.uri]' "$TMP/back.json")"
    jq -e --arg n "copy of $f" '.playlist.name == $n' "$TMP/back.json" >/dev/null || fail "name"
    [ ! -e "$TMP/$f.spotc-import" ] || fail "journal left after a complete import"
done

# --- round trip of the sample playlist: same items, same metadata but service-assigned ones -----
for format in json csv; do
    expect_status 0 spotc playlist export "$playlist" --format $format -o "$TMP/src.$format"
    expect_status 0 spotc playlist import "$TMP/src.$format" --name "Mellow Holiday"
    copy=$OUT
    expect_status 0 spotc playlist export "$copy" --format $format -o "$TMP/copy.$format"
    if [ $format = json ]; then
        jq -c '[.items[].item.uri]' "$TMP/src.json" >"$TMP/a"
        jq -c '[.items[].item.uri]' "$TMP/copy.json" >"$TMP/b"
        keep='.playlist | {name, description, public, collaborative, type}'
        [ "$(jq -c "$keep" "$TMP/src.json")" = "$(jq -c "$keep" "$TMP/copy.json")" ] ||
            fail "metadata differs: $(jq -c "$keep" "$TMP/src.json") vs $(jq -c "$keep" "$TMP/copy.json")"
        [ "$(jq '.items | length' "$TMP/src.json")" = 30 ] || fail "30 items expected"
        [ "$(jq -cS .items "$TMP/src.json")" = "$(api_items "$playlist" 0)" ] ||
            fail "the sample playlist's items differ from the API's"
    else
        csv_column "$TMP/src.csv" "Track URI" >"$TMP/a"
        csv_column "$TMP/copy.csv" "Track URI" >"$TMP/b"
        [ "$(cat "$TMP/a")" = "$(api_items "$playlist" 0 | jq -r '.[].item.uri')" ] ||
            fail "the CSV's URIs differ from the API's"
        [ "$(csv_column "$TMP/src.csv" "Album Name")" = "$(api_items "$playlist" 0 | jq -r '.[].item.album.name')" ] ||
            fail "the CSV's album names differ from the API's"
    fi
    cmp -s "$TMP/a" "$TMP/b" || fail "$format round trip differs: $(diff "$TMP/a" "$TMP/b" | head)"
done

# --- an Exportify-made CSV (CRLF, BOM, quoted commas and newlines, extra columns) --------------
printf '\xef\xbb\xbf"Track URI","Track Name","Artist URI(s)","Artist Name(s)","Album Name"\r\n' \
    >"$TMP/exportify.csv"
printf '"spotify:track:%s","Song, with ""quotes""","spotify:artist:x","Tom, Jerry","Line one\r\nline two"\r\n' \
    "$track2" >>"$TMP/exportify.csv"
printf '"spotify:episode:%s","Episode","","","Show"\r\n' "$episode" >>"$TMP/exportify.csv"
printf '"spotify:track:%s","Plain","spotify:artist:y","Y","Z"\r\n' "$track" >>"$TMP/exportify.csv"
printf '"spotify:album:%s","An album is not an item","","",""\r\n' "$track" >>"$TMP/exportify.csv"
expect_status 1 spotc playlist import "$TMP/exportify.csv"
contains "$ERR" "line 6: not a track or episode URI: spotify:album:$track, skipped"
expect_status 0 spotc playlist export "$OUT" -o "$TMP/exportify.json"
[ "$(jq -c '[.items[].item.uri]' "$TMP/exportify.json")" = \
  "[\"spotify:track:$track2\",\"spotify:episode:$episode\",\"spotify:track:$track\"]" ] ||
    fail "Exportify import: $(jq -c '[.items[].item.uri]' "$TMP/exportify.json")"
jq -e '.playlist.name == "exportify.csv"' "$TMP/exportify.json" >/dev/null || fail "default name"

# --- --into appends to an existing playlist ----------------------------------------------------
expect_status 0 spotc playlist import "$TMP/src.json" --into "$copy"
expect_status 0 spotc playlist export "$copy" --format csv
[ "$(csv_column /dev/stdin "Track URI" <<<"$OUT" | wc -l)" = 60 ] || fail "--into: not 60 items"

# --- diff: added, removed, moved; IDs and files alike --------------------------------------------
expect_status 0 spotc --json playlist diff "$playlist" "$TMP/src.json"
[ "$OUT" = "[]" ] || fail "a playlist and its export differ: $OUT"
# Swap the first two items, drop the third, add the mixed fixture's first item at the end.
jq --slurpfile m "$TMP/mixed.json" '.items = [.items[1], .items[0]] + .items[3:] + [$m[0].items[0]]' \
    "$TMP/src.json" >"$TMP/changed.json"
third=$(jq -r '.items[2].item.uri' "$TMP/src.json")
expect_status 0 spotc --json playlist diff "$TMP/src.json" "$TMP/changed.json"
[ "$(jq -c '[.[] | [.change, .from, .to, .uri]]' <<<"$OUT")" = \
  "[[\"moved\",2,1,$(jq -c '.items[1].item.uri' "$TMP/src.json")],[\"added\",null,30,\"spotify:track:$track\"],[\"removed\",3,null,\"$third\"]]" ] ||
    fail "diff: $OUT"
expect_status 0 spotc --table playlist diff "$TMP/changed.json" "$playlist"
grep -q '^CHANGE  *FROM  *TO  *URI' <<<"$OUT" || fail "diff table: $OUT"

# --- usage ----------------------------------------------------------------------------------------
expect_status 2 spotc playlist import "$TMP/src.json" --name a --into "$copy"
expect_status 2 spotc playlist import "$TMP/src.json" --resume
contains "$ERR" "no interrupted import to resume"
expect_status 2 spotc playlist export "$playlist" --format xml
expect_status 2 spotc playlist import "$TMP/a"
contains "$ERR" 'no "Track URI" column'
echo "ok"
