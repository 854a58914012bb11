# spotc library export/import through the CLI only: demo's library exported (saved items,
# followed artists, owned playlists whole, followed ones as references) and restored into
# otto's account; read back, every saved item and follow is there and every owned playlist
# exists again with the same items in the same order.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
emu_start
scopes="playlist-read-private playlist-modify-public playlist-modify-private user-library-read user-library-modify user-follow-read user-follow-modify user-read-playback-position"
as() {
    SPOTIFY_ACCESS_TOKEN=$(curl -fsS -d "{\"user\":\"$1\",\"scope\":\"$scopes\"}" \
        "$EMU_URL/_emulator/token" | jq -er .access_token)
    export SPOTIFY_ACCESS_TOKEN
}
as demo
expect_status 0 spotc library export -o "$TMP/demo.json"
jq -e '.user.id == "demo" and (.tracks | length) == 120 and (.albums | length) == 30 and
       (.shows | length) == 9 and (.episodes | length) == 21 and (.audiobooks | length) == 6 and
       (.artists | length) > 0 and ([.playlists[] | select(.followed)] | length) > 0 and
       ([.playlists[] | select(.playlist)] | length) >= 4 and
       ([.playlists[] | .items | length] | max) == 10000' "$TMP/demo.json" >/dev/null ||
    fail "export: $(jq -c '{user, t: (.tracks | length), p: [.playlists[] | keys]}' "$TMP/demo.json")"

as otto
expect_status 0 spotc library import "$TMP/demo.json"
expect_status 0 spotc library export -o "$TMP/otto.json"
# One pass of jq over each (large) document: "section uri" lines, sorted.
saved='(.tracks[] | "tracks \(.track.uri)"), (.albums[] | "albums \(.album.uri)"),
       (.shows[] | "shows \(.show.uri)"), (.episodes[] | "episodes \(.episode.uri)"),
       (.audiobooks[] | "audiobooks \(.audiobook.uri)"), (.artists[] | "artists \(.uri)"),
       (.playlists[] | "playlists \(.followed.uri // .playlist.uri)")'
jq -r "$saved" "$TMP/demo.json" | grep -v '^playlists null' | grep -v "^playlists spotify:playlist:" >"$TMP/demo.saved" || true
jq -r '.playlists[] | .followed.uri // empty | "playlists \(.)"' "$TMP/demo.json" >>"$TMP/demo.saved"
jq -r "$saved" "$TMP/otto.json" >"$TMP/otto.saved"
sort -o "$TMP/demo.saved" "$TMP/demo.saved"
sort -o "$TMP/otto.saved" "$TMP/otto.saved"
[ "$(grep -c '^tracks ' "$TMP/demo.saved")" = 120 ] || fail "demo's saved tracks: $(head -3 "$TMP/demo.saved")"
missing=$(comm -23 "$TMP/demo.saved" "$TMP/otto.saved")
[ -z "$missing" ] || fail "missing after the import: $(head -5 <<<"$missing")"
# Each owned playlist of demo's is one of otto's now, items in order.
jq -c '.playlists[] | select(.playlist) | [.playlist.name, [.items[].item.uri]]' "$TMP/demo.json" |
    sort >"$TMP/a"
jq -c '.playlists[] | select(.playlist and .playlist.owner.id == "otto") |
       [.playlist.name, [.items[].item.uri]]' "$TMP/otto.json" | sort >"$TMP/b"
[ "$(comm -23 "$TMP/a" "$TMP/b" | wc -l)" = 0 ] ||
    fail "owned playlists not restored: $(comm -23 "$TMP/a" "$TMP/b" | cut -c1-200)"
expect_status 2 spotc library import "$TMP/a"
contains "$ERR" "not a spotc library export"
echo ok
