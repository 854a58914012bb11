# spotc-emulator search: word prefixes and whole words, case and accents, field filters,
# quoted phrases, relevance then popularity, totals and the offset rule.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

start main
app_token
sample

# search QUERY TYPE [extra]: GET /v1/search with QUERY URI-encoded.
search() {
    api GET "/v1/search?type=$2&q=$(jq -rn --arg q "$1" '$q | @uri')${3:-}"
}
# total QUERY TYPE: the total alone, into N.
total() {
    search "$1" "$2" "&limit=1"
    expect 200
    N=$(jq -r ".${2}s.total" <<<"$BODY")
}

# --- word prefixes and whole words ---------------------------------------------------------
total a track
[ "$N" -gt 1000 ] || fail "q=a found only $N tracks"
search fir track "&limit=50"
expect 200 '.tracks.total > 0' '.tracks.items | map(.name) | index("Fire") != null' \
    '.tracks.items | all([.name, .album.name, .artists[].name] | map(ascii_downcase) | join(" ") | test("\\bfir"))'
total fir track
FIR=$N
total fire track
[ "$FIR" -gt "$N" ] || fail "the prefix fir ($FIR) should find more than the word fire ($N)"
total "zzzqqq" track
[ "$N" -eq 0 ] || fail "a word no name has found $N"
# A word inside another word is no match: "ire" is in "Fire" but starts no word.
search ire track "&limit=50"
expect 200 '.tracks.items | all([.name, .album.name, .artists[].name] | map(ascii_downcase) | join(" ") | test("\\bire"))'

# --- case and accents ---------------------------------------------------------------------
search fire track "&limit=50"
IDS=$(jq -c '[.tracks.items[].id]' <<<"$BODY")
for q in FIRE Fire "fíre" "FÎRÉ"; do
    search "$q" track "&limit=50"
    expect 200 "[.tracks.items[].id] == $IDS"
done

# --- relevance, then popularity ------------------------------------------------------------
# For "fire": tracks named exactly "Fire" first, then other titles with the word, then tracks
# that have it only in their album's or artist's name; popularity descends within each.
search fire track "&limit=50"
expect 200 '.tracks.items[0].name == "Fire"' \
    '[.tracks.items[] | if .name == "Fire" then 0 elif (.name | test("\\bFire\\b")) then 1 else 2 end] | . == sort' \
    '[.tracks.items[] | select(.name == "Fire") | .popularity] | . == (sort | reverse)'
# An album's own name counts more than its artist's name.
search fire album "&limit=50"
expect 200 '[.albums.items[] | if (.name | test("\\bFire\\b")) then 0 else 1 end] | . == sort'

# --- totals are the count of matches --------------------------------------------------------
search fire album "&limit=50"
TOTAL=$(jq .albums.total <<<"$BODY")
[ "$TOTAL" -le 100 ] || fail "fire finds too many albums to walk ($TOTAL)"
COUNT=0
for off in 0 50; do
    search fire album "&limit=50&offset=$off"
    COUNT=$((COUNT + $(jq '.albums.items | length' <<<"$BODY")))
done
[ "$COUNT" -eq "$TOTAL" ] || fail "total $TOTAL but $COUNT albums listed"

# --- quoted phrases -------------------------------------------------------------------------
search '"of the fire"' track "&limit=50"
expect 200 '.tracks.total > 0' \
    '.tracks.items | all([.name, .album.name, .artists[].name] | map(ascii_downcase) | any(test("\\bof the fire\\b")))'
PHRASE=$(jq .tracks.total <<<"$BODY")
total "of the fire" track
[ "$N" -ge "$PHRASE" ] || fail "the words ($N) should find at least the phrase ($PHRASE)"
search '"the fir"' track
expect 200 '.tracks.total == 0'

# --- field filters -------------------------------------------------------------------------
api GET "/v1/artists/$ARTIST"
ANAME=$(jq -r .name <<<"$BODY")
search "artist:\"$ANAME\"" album "&limit=50"
expect 200 '.albums.total >= 3' ".albums.items | all(.artists[0].name == \"$ANAME\")"
FIRST=${ANAME%% *}
search "artist:${FIRST:0:3}" artist "&limit=50"
expect 200 '.artists.total > 0' \
    ".artists.items | all(.name | ascii_downcase | test(\"\\\\b$(tr 'A-Z' 'a-z' <<<"${FIRST:0:3}")\"))"
search "track:fire" track "&limit=50"
expect 200 '.tracks.total > 0' '.tracks.items | all(.name | test("\\bFire\\b"))'
search "album:fire" track "&limit=50"
expect 200 '.tracks.total > 0' '.tracks.items | all(.album.name | test("\\bFire\\b"))'
search "album:fire" artist
expect 200 '.artists.total == 0'
search "year:1999" album "&limit=50"
expect 200 '.albums.total > 0' '.albums.items | all(.release_date[0:4] == "1999")'
search "year:1990-1999" track "&limit=50"
expect 200 '.tracks.total > 0' '.tracks.items | all(.album.release_date[0:4] | tonumber | . >= 1990 and . <= 1999)'
search "year:1999-1990" track
expect 200 '.tracks.total == 0'
api GET "/v1/artists/$ARTIST"
GENRE=$(jq -r '.genres[0]' <<<"$BODY")
search "genre:\"$GENRE\"" artist "&limit=50"
expect 200 ".artists.items | map(.id) | index(\"$ARTIST\") != null" \
    ".artists.items | all(.genres | index(\"$GENRE\") != null)"
search "genre:\"$(tr 'a-z' 'A-Z' <<<"$GENRE")\"" artist "&limit=50"
expect 200 ".artists.items | map(.id) | index(\"$ARTIST\") != null"
api GET "/v1/tracks/$TRACK"
ISRC=$(jq -r .external_ids.isrc <<<"$BODY")
search "isrc:$ISRC" track
expect 200 '.tracks.total >= 1' ".tracks.items[0].id == \"$TRACK\""
api GET "/v1/albums/$ALBUM"
UPC=$(jq -r .external_ids.upc <<<"$BODY")
search "upc:$UPC" album
expect 200 '.albums.total == 1' ".albums.items[0].id == \"$ALBUM\""
search "upc:$UPC" track
expect 200 '.tracks.total == 0'
search "tag:new" album "&limit=50"
expect 200 '.albums.total > 0' '.albums.items | all(.release_date > "'"$(date -u -d '-15 days' +%F)"'")'
# tag:new follows the emulator clock: a month later, those albums are no longer new.
NEWIDS=$(jq -c '[.albums.items[].id]' <<<"$BODY")
req POST /_emulator/clock -d '{"advance": 2592000}'
app_token
search "tag:new" album "&limit=50"
expect 200 '.albums.items | all(.release_date > "'"$(date -u -d '+15 days' +%F)"'")'
req POST /_emulator/reset
search "tag:new" album "&limit=50"
expect 200 "[.albums.items[].id] == $NEWIDS"
# tag:hipster: the least popular tenth of albums.
total "year:1900-2100" album
ALL=$N
search "tag:hipster" album "&limit=20"
H=$(jq .albums.total <<<"$BODY")
[ "$H" -ge $((ALL / 10)) ] && [ "$H" -le $((ALL / 5)) ] || fail "tag:hipster found $H of $ALL albums"
HIDS=$(jq -r '[.albums.items[].id] | join(",")' <<<"$BODY")
api GET "/v1/albums?ids=$HIDS"
HMAX=$(jq '[.albums[].popularity] | max' <<<"$BODY")
search "year:1900-2100" album "&limit=50"
api GET "/v1/albums?ids=$(jq -r '[.albums.items[].id][:20] | join(",")' <<<"$BODY")"
TOPMIN=$(jq '[.albums[].popularity] | min' <<<"$BODY")
[ "$HMAX" -lt "$TOPMIN" ] || fail "hipster albums (max popularity $HMAX) are not the least popular ($TOPMIN)"
search "tag:nonsense" album
expect 200 '.albums.total == 0'
search "fire tag:hipster" album "&limit=50"
expect 200 '.albums.items | all(.name + " " + .artists[0].name | test("\\bFire\\b"))'

# --- offset and limit ----------------------------------------------------------------------
search a track "&limit=50&offset=950"
expect 200 '.tracks.offset == 950' '.tracks.items | length == 50'
search a track "&limit=10&offset=1001"
expect 400 '.error.message == "Invalid offset"'
search a track "&limit=51"
expect 400 '.error.message == "Invalid limit"'
# Pages are stable: page 2 continues page 1 without repeats.
search a track "&limit=50&offset=0"
P1=$(jq -c '[.tracks.items[].id]' <<<"$BODY")
search a track "&limit=50&offset=50"
P2=$(jq -c '[.tracks.items[].id]' <<<"$BODY")
search a track "&limit=50&offset=25"
expect 200 "[.tracks.items[].id] == ($P1[25:] + $P2[:25])"
jq -en "($P1 + $P2) | unique | length == 100" >/dev/null || fail "pages repeat items"

# --- latency on the large catalogue ----------------------------------------------------------
start large --catalog large
app_token
search a track "&limit=50"
expect 200 '.tracks.total > 10000'
T=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
    "$URL/v1/search?type=track&limit=50&q=a")
echo "search q=a over the large catalogue: ${T}s"
# A generous bound (sanitizer builds are ~20 times slower): it catches a blow-up, not drift.
awk -v t="$T" 'BEGIN { exit !(t < 5) }' || fail "search took ${T}s"
echo ok
