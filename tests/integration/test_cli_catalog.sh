# spotc search/track/album/artist against an emulator: TSV in a pipe, aligned
# tables with --table, Spotify's JSON with --json, IDs as URIs and URLs.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
# These tests read the TSV rows; the header row is test_cli_output's.
spotc() { "$SPOTC_CLI" --no-header "$@"; }
emu_start

track=$(sample track)
album=$(sample album)
artist=$(sample artist)
query=$(sample query)

# --- search ---------------------------------------------------------------
artist_name=$(spotc --json artist "$artist" | jq -er .name)
expect_status 0 spotc search "$query"
# Piped: TSV, each line the item type then the ID; the default types are track, album, artist.
grep -q "^track	$track	" <<<"$OUT" || fail "no track row: $OUT"
! grep -qv '^\(track\|album\|artist\)	[0-9A-Za-z]\{22\}	' <<<"$OUT" || fail "unexpected lines: $OUT"

expect_status 0 spotc search "$artist_name" --type artist --limit 2
[ "$(line_count "$OUT")" -le 2 ] || fail "--limit 2 gave: $OUT"
grep -q "^artist	$artist	$artist_name	" <<<"$OUT" || fail "--type artist gave: $OUT"
! grep -qv '^artist	' <<<"$OUT" || fail "--type artist gave: $OUT"

expect_status 0 spotc --json search "$query" --type track,album --limit 3
jq -e '.tracks.items | length <= 3 and length > 0' <<<"$OUT" >/dev/null || fail "json: $OUT"
jq -e '.albums.items | length > 0' <<<"$OUT" >/dev/null || fail "json albums: $OUT"
jq -e 'has("artists") | not' <<<"$OUT" >/dev/null || fail "artists not asked for: $OUT"
[ "$(line_count "$OUT")" -eq 1 ] || fail "piped JSON should be one compact line"
first=$(jq -r '.tracks.items[0].id' <<<"$OUT")
second=$(jq -r '.tracks.items[1].id // empty' <<<"$OUT")

# --offset moves the window: the second result comes first.
if [ -n "$second" ]; then
    expect_status 0 spotc search "$query" --type track --limit 1 --offset 1 --json
    [ "$(jq -r '.tracks.items[0].id' <<<"$OUT")" = "$second" ] || fail "--offset 1: $OUT"
fi
# Several words make one query; global options may come first.
expect_status 0 spotc --json search "$query" "$query" --type track --limit 1
jq -e '.tracks.href | test("q=")' <<<"$OUT" >/dev/null || fail "query words: $OUT"

# Other types are tables too.
expect_status 0 spotc search "$query" --type playlist,show,episode,audiobook --limit 2
! grep -v '^$' <<<"$OUT" | grep -qv '^\(playlist\|show\|episode\|audiobook\)	' ||
    fail "other types: $OUT"

# --table: aligned, a heading per type, the header row; without COLUMNS nothing is cut.
expect_status 0 env -u COLUMNS "$SPOTC_CLI" --table search "$query" --limit 5
contains "$OUT" "Tracks ("
contains "$OUT" "Albums ("
contains "$OUT" "Artists ("
grep -q '^ID  *NAME  *ARTISTS  *ALBUM  *DURATION$' <<<"$OUT" || fail "track header: $OUT"
not_contains "$OUT" "…"
natural=$(LC_ALL=C.UTF-8 wc -L <<<"$OUT")
# With COLUMNS=80, names are cut with an ellipsis to fit; IDs are whole.
expect_status 0 env COLUMNS=80 "$SPOTC_CLI" --table search "$query" --limit 5
widest=$(LC_ALL=C.UTF-8 wc -L <<<"$OUT")
[ "$widest" -le 80 ] || fail "table wider than COLUMNS=80 ($widest): $OUT"
[ "$natural" -le 80 ] || contains "$OUT" "…"
grep -q "^$first " <<<"$OUT" || fail "IDs are never cut: $OUT"

# --- track ----------------------------------------------------------------
expect_status 0 spotc track "$track"
[ "$(cut -f1 <<<"$OUT")" = "$track" ] || fail "track TSV: $OUT"
[ "$(awk -F'\t' '{ print NF }' <<<"$OUT")" -eq 5 ] || fail "5 columns: $OUT"
name=$(cut -f2 <<<"$OUT")

expect_status 0 spotc track "$track" --json
[ "$(jq -r .id <<<"$OUT")" = "$track" ] || fail "track json: $OUT"
[ "$(jq -r .name <<<"$OUT")" = "$name" ] || fail "the table and JSON disagree: $name"
jq -e '.album.id and (.artists | length > 0)' <<<"$OUT" >/dev/null || fail "full track: $OUT"

# The same track as a URI and as open.spotify.com links.
for form in "spotify:track:$track" "https://open.spotify.com/track/$track" \
    "https://open.spotify.com/intl-de/track/$track?si=abc123"; do
    expect_status 0 spotc track "$form"
    [ "$(cut -f1 <<<"$OUT")" = "$track" ] || fail "$form: $OUT"
done

# Several IDs: in order, batched; JSON is an array.
other=$(jq -r '.tracks.items[1].id // .tracks.items[0].id' \
    <<<"$(spotc --json search "$query" --type track --limit 2)")
expect_status 0 spotc track "$track" "spotify:track:$other" "$track"
[ "$(cut -f1 <<<"$OUT" | tr '\n' ' ')" = "$track $other $track " ] || fail "order: $OUT"
expect_status 0 spotc --json track "$track" "$other"
[ "$(jq -r 'map(.id) | join(" ")' <<<"$OUT")" = "$track $other" ] || fail "array: $OUT"

# On a terminal (a pty from script(1)): a table with its header, JSON indented.
if command -v script >/dev/null 2>&1; then
    tty_out=$(script -qec "'$SPOTC_CLI' track $track" /dev/null </dev/null | tr -d '\r')
    grep -q '^ID  *NAME  *ARTISTS  *ALBUM  *DURATION$' <<<"$tty_out" || fail "tty table: $tty_out"
    grep -q "^$track  " <<<"$tty_out" || fail "tty row: $tty_out"
    tty_out=$(script -qec "'$SPOTC_CLI' --json track $track" /dev/null </dev/null | tr -d '\r')
    [ "$(line_count "$tty_out")" -gt 5 ] || fail "tty JSON not indented: $tty_out"
    [ "$(jq -r .id <<<"$tty_out")" = "$track" ] || fail "tty JSON: $tty_out"
fi
# --table without a terminal shows the header.
expect_status 0 spotc --table track "$track"
grep -q '^ID  *NAME' <<<"$OUT" || fail "table header: $OUT"

# --- album ----------------------------------------------------------------
expect_status 0 spotc --json album "$album"
total=$(jq -r .total_tracks <<<"$OUT")
album_name=$(jq -r .name <<<"$OUT")
[ "$(jq -r .id <<<"$OUT")" = "$album" ] || fail "album json: $OUT"

expect_status 0 spotc album "spotify:album:$album"
[ "$(cut -f1,2 <<<"$OUT")" = "$album	$album_name" ] || fail "album TSV: $OUT"
[ "$(cut -f6 <<<"$OUT")" = "$total" ] || fail "album track count: $OUT"

# --tracks, piped: only the tracks, all of them (following the pages).
expect_status 0 spotc album "$album" --tracks
[ "$(line_count "$OUT")" -eq "$total" ] || fail "album tracks ($total): $OUT"
[ "$(head -n1 <<<"$OUT" | cut -f2)" = "1" ] || fail "track numbers: $OUT"
expect_status 0 spotc album "$album" --tracks --limit 1
[ "$(line_count "$OUT")" -eq 1 ] || fail "--limit 1: $OUT"
expect_status 0 spotc album "$album" --tracks --json
[ "$(jq length <<<"$OUT")" -eq "$total" ] || fail "album tracks json: $OUT"
jq -e 'all(.[]; .type == "track")' <<<"$OUT" >/dev/null || fail "track objects: $OUT"
# On a table: the album, then its tracks, each under a heading.
expect_status 0 spotc --table album "$album" --tracks
contains "$OUT" "Album"
contains "$OUT" "Tracks"
contains "$OUT" "$album_name"

# --- artist ---------------------------------------------------------------
expect_status 0 spotc --json artist "$artist"
[ "$(jq -r .name <<<"$OUT")" = "$artist_name" ] || fail "artist json: $OUT"
expect_status 0 spotc artist "$artist"
[ "$(cut -f1,2 <<<"$OUT")" = "$artist	$artist_name" ] || fail "artist TSV: $OUT"

expect_status 0 spotc --json artist "$artist" --albums
nalbums=$(jq length <<<"$OUT")
[ "$nalbums" -gt 0 ] || fail "artist albums json: $OUT"
jq -e 'all(.[]; .type == "album")' <<<"$OUT" >/dev/null || fail "album objects: $OUT"
expect_status 0 spotc artist "$artist" --albums
[ "$(line_count "$OUT")" -eq "$nalbums" ] || fail "artist albums TSV ($nalbums): $OUT"
expect_status 0 spotc artist "$artist" --albums --limit 1 --json
[ "$(jq length <<<"$OUT")" -eq 1 ] || fail "--limit 1: $OUT"

expect_status 0 spotc artist "$artist" --top-tracks --json --market DE
jq -e 'length > 0 and all(.[]; .type == "track")' <<<"$OUT" >/dev/null || fail "top: $OUT"
expect_status 0 spotc --table artist "$artist" --top-tracks
contains "$OUT" "Top tracks"
contains "$OUT" "$artist_name"

# --- not found --------------------------------------------------------------
missing=0000000000000000000000
expect_status 4 spotc track "$missing"
contains "$ERR" "spotc: "
contains "$ERR" "404"
expect_status 4 spotc --json album "$missing"
expect_status 4 spotc artist "$missing" --albums
# One unknown ID among several: the others are printed, the unknown one named.
expect_status 4 spotc track "$track" "$missing"
[ "$(cut -f1 <<<"$OUT")" = "$track" ] || fail "known track still printed: $OUT"
contains "$ERR" "$missing"
echo "ok"
