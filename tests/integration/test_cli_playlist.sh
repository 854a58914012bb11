# spotc playlist ... through the CLI only, results read back: create -> add -> reorder ->
# remove -> edit -> the items and details read back equal what is expected; add from stdin
# (hundreds of items, in order, at a position); list, show, cover, follow, usage errors.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
emu_start

SPOTIFY_ACCESS_TOKEN=$(emu_post /_emulator/token '{"user":"demo","scope":"playlist-read-private playlist-read-collaborative playlist-modify-public playlist-modify-private ugc-image-upload user-library-read user-library-modify"}' | jq -er .access_token)
export SPOTIFY_ACCESS_TOKEN
big=$(sample big_playlist)
sample_pl=$(sample playlist)

# items PLAYLIST: its item URIs, one a line
items() { spotc playlist items "$1" --fields item.uri --no-header; }

# Six track URIs of the catalogue to work with.
mapfile -t T < <(spotc playlist items "$big" --limit 6 --fields item.uri --no-header)
[ "${#T[@]}" -eq 6 ] || fail "expected 6 track URIs, got ${#T[@]}"

# create: the new playlist's row, its ID first
expect_status 0 spotc playlist create "CLI test" --description "made by a test" --private
pl=$(cut -f1 <<<"$OUT" | tail -n1)
[ -n "$pl" ] || fail "no playlist ID in: $OUT"
contains "$OUT" "CLI test"

# add: a URI, a link and a bare track ID; then one at the top with --position
link="https://open.spotify.com/track/${T[1]##*:}?si=abc"
expect_status 0 spotc playlist add "$pl" "${T[0]}" "$link" "${T[2]##*:}" "${T[3]}"
[ -n "$OUT" ] || fail "add printed no snapshot ID"
expect_status 0 spotc playlist add "$pl" "${T[4]}" --position 0
[ "$(items "$pl")" = "$(printf '%s\n' "${T[4]}" "${T[0]}" "${T[1]}" "${T[2]}" "${T[3]}")" ] ||
    fail "after add: $(items "$pl")"

# reorder: --from 0 --before 4 moves the first item behind the fourth
expect_status 0 spotc playlist reorder "$pl" --from 0 --before 4
[ "$(items "$pl")" = "$(printf '%s\n' "${T[0]}" "${T[1]}" "${T[2]}" "${T[4]}" "${T[3]}")" ] ||
    fail "after reorder: $(items "$pl")"
expect_status 0 spotc playlist reorder "$pl" --from 3 --before 0 --count 2
[ "$(items "$pl")" = "$(printf '%s\n' "${T[4]}" "${T[3]}" "${T[0]}" "${T[1]}" "${T[2]}")" ] ||
    fail "after reorder --count 2: $(items "$pl")"

# remove: every occurrence of each item
expect_status 0 spotc playlist remove "$pl" "${T[3]}" "${T[1]##*:}"
[ "$(items "$pl")" = "$(printf '%s\n' "${T[4]}" "${T[0]}" "${T[2]}")" ] ||
    fail "after remove: $(items "$pl")"

# edit, read back with show
# (Spotify wants collaborative playlists private: it still is)
expect_status 0 spotc playlist edit "$pl" --name "CLI test 2" --collaborative
expect_status 0 spotc --json playlist show "$pl"
[ "$(jq -r '[.name, .description, .public, .collaborative] | @tsv' <<<"$OUT")" = \
    "$(printf 'CLI test 2\tmade by a test\tfalse\ttrue')" ] || fail "after edit: $OUT"
[ "$(jq -r '.items.total' <<<"$OUT")" = 3 ] || fail "show: $OUT"

# add from stdin: 300 items in order, between the first and second items
spotc playlist items "$big" --limit 300 --fields item.uri --no-header >"$TMP/many"
[ "$(wc -l <"$TMP/many")" -eq 300 ] || fail "expected 300 URIs"
expect_status 0 spotc playlist add "$pl" - --position 1 <"$TMP/many"
{ echo "${T[4]}"; cat "$TMP/many"; echo "${T[0]}"; echo "${T[2]}"; } >"$TMP/want"
items "$pl" >"$TMP/got"
cmp -s "$TMP/want" "$TMP/got" || fail "after add from stdin: $(diff "$TMP/want" "$TMP/got" | head)"

# --limit stops early in every format
[ "$(spotc playlist items "$pl" --limit 7 --no-header | wc -l)" -eq 7 ] || fail "--limit 7"
[ "$(spotc --json playlist items "$pl" --limit 60 | jq length)" -eq 60 ] || fail "--json --limit"
[ "$(spotc --jsonl playlist items "$pl" | wc -l)" -eq 303 ] || fail "--jsonl all"

# list: the new playlist is the user's; show of the catalogue's sample
expect_status 0 spotc playlist list --fields id,name,owner.id --no-header
contains "$OUT" "$(printf '%s\tCLI test 2\tdemo' "$pl")"
expect_status 0 spotc playlist list --user demo --fields owner.id --no-header
grep -qx demo <<<"$OUT" || fail "list --user demo: $OUT"
expect_status 0 spotc playlist show "$sample_pl" --fields id --no-header
[ "$OUT" = "$sample_pl" ] || fail "show: $OUT"

# cover: upload a JPEG and read the images back
printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\xff\xd9' >"$TMP/c.jpg"
expect_status 0 spotc playlist cover "$pl" --fields url --no-header
before=$OUT
expect_status 0 spotc playlist cover "$pl" --set "$TMP/c.jpg"
expect_status 0 spotc playlist cover "$pl" --fields url --no-header
[ -n "$OUT" ] && [ "$OUT" != "$before" ] || fail "cover unchanged: $OUT"
echo "not a jpeg" >"$TMP/c.txt"
expect_failure spotc playlist cover "$pl" --set "$TMP/c.txt"
contains "$ERR" "not a JPEG"

# follow / unfollow the catalogue's playlist, seen in list
expect_status 0 spotc playlist unfollow "$sample_pl"
not_contains "$(spotc playlist list --fields id --no-header)" "$sample_pl"
expect_status 0 spotc playlist follow "$sample_pl"
contains "$(spotc playlist list --fields id --no-header)" "$sample_pl"

# mistakes cost no request and say what is wrong
expect_status 2 spotc playlist ad "$pl" "${T[0]}"
contains "$ERR" "did you mean 'add'"
expect_status 2 spotc playlist reorder "$pl" --from 1
contains "$ERR" "--before"
expect_status 2 spotc playlist edit "$pl"
contains "$ERR" "nothing to change"
expect_status 2 spotc playlist create X --public --private
expect_status 2 spotc playlist items "$pl" --position 3
contains "$ERR" "--position is not an option of 'playlist items'"
expect_failure spotc playlist add "$pl" "${T[0]}" spotify:album:4aawyAB9vmqN3uQ7FjRGTy
contains "$ERR" "item 2"
[ "$(items "$pl" | wc -l)" -eq 303 ] || fail "a refused add changed the playlist"
echo PASS
