#!/usr/bin/env bash
# `cmake --install` into a temporary prefix gives a usable library: headers, a
# shared library with a soname, a pkg-config file and a CMake package that an
# outside program (examples/search.c) builds against and runs with.
source "$(dirname "$0")/lib.sh"
: "${SPOTC_BUILD_DIR:?set by ctest}" "${SPOTC_SOURCE_DIR:?set by ctest}"

PREFIX="$TMP/prefix"
cmake --install "$SPOTC_BUILD_DIR" --prefix "$PREFIX" >"$TMP/install.log" 2>&1 ||
    fail "cmake --install failed: $(cat "$TMP/install.log")"

[ -f "$PREFIX/include/spotc.h" ] || fail "include/spotc.h not installed"
[ -f "$PREFIX/include/spotc/client.h" ] || fail "include/spotc/ not installed"
PC=$(find "$PREFIX" -name spotc.pc | head -n1)
[ -n "$PC" ] || fail "spotc.pc not installed"
LIBDIR=$(dirname "$(dirname "$PC")")
[ -f "$LIBDIR/libspotc.a" ] || fail "libspotc.a not installed"
SO=$(find "$LIBDIR" -name 'libspotc.so.*.*' | head -n1)
[ -n "$SO" ] || fail "libspotc.so not installed"
SONAME=$(readelf -d "$SO" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$SONAME" = libspotc.so.1 ] || fail "soname is '$SONAME', want libspotc.so.1"
[ -e "$LIBDIR/$SONAME" ] || fail "no $SONAME link"
# Only the public API is exported from the shared library.
if nm -D --defined-only "$SO" | awk '{print $3}' | grep -v '^spotc_[a-z]' | grep -q '^spotc'; then
    fail "internal symbols exported: $(nm -D --defined-only "$SO" | grep ' spotc__' | head -3)"
fi
[ -f "$PREFIX/share/man/man3/libspotc.3" ] || fail "libspotc.3 not installed"
# Shell completions, where each shell looks for them.
for f in bash-completion/completions/spotc zsh/site-functions/_spotc fish/vendor_completions.d/spotc.fish; do
    [ -s "$PREFIX/share/$f" ] || fail "share/$f not installed"
done
grep -q 'complete -F _spotc spotc' "$PREFIX/share/bash-completion/completions/spotc" ||
    fail "the bash completion is not the generated script"

# Build as the library was built (compiler, sanitizers), or linking fails.
cache() { sed -n "s/^$1:[A-Z]*=//p" "$SPOTC_BUILD_DIR/CMakeCache.txt"; }
CC_USED=$(cache CMAKE_C_COMPILER)
EXTRA=()
if [ "$(cache SPOTC_SANITIZE)" = ON ]; then EXTRA+=(-fsanitize=address,undefined); fi

# pkg-config, pointed at the temporary prefix first.
PKG_CONFIG_PATH="$(dirname "$PC")${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
FLAGS=$(pkg-config --cflags --libs spotc) || fail "pkg-config does not know spotc"
contains "$FLAGS" "-lspotc"
# How each example is checked against the emulator, its binaries in $1: real output,
# and what it changed read back from the emulator a second time.
check_search() {
    expect_status 0 "$1/search" "$QUERY"
    contains "$OUT" "tracks"
    expect_status 2 "$1/search"
    (
        export SPOTIFY_CLIENT_SECRET=not-the-s3cret
        expect_status 1 "$1/search" "$QUERY"
        contains "$ERR" "invalid_client"
        not_contains "$ERR" "not-the-s3cret"
    )
}

check_playlist() {
    expect_status 0 as_demo "$1/playlist" "Install test" "spotify:track:$TRACK" \
        "https://open.spotify.com/episode/$EPISODE" "$TRACK2"
    local id
    id=$(sed -n 's/^playlist \([A-Za-z0-9]*\)$/\1/p' <<<"$OUT")
    [ -n "$id" ] || fail "playlist printed no ID: $OUT"
    # the last item moved to the top; the listing and a second read agree
    local want="spotify:track:$TRACK2 spotify:track:$TRACK spotify:episode:$EPISODE"
    [ "$(cut -f3 <<<"$OUT" | sed 1d | tr '\n' ' ')" = "$want " ] || fail "playlist listed: $OUT"
    [ "$(api "/playlists/$id/items" | jq -r '[.items[].item.uri] | join(" ")')" = "$want" ] ||
        fail "the emulator holds another playlist: $(api "/playlists/$id/items")"
    [ "$(api "/playlists/$id" | jq -r '.name + " " + (.public | tostring)')" = "Install test false" ] ||
        fail "the playlist's details differ: $(api "/playlists/$id")"
    expect_status 2 as_demo "$1/playlist" "Only a name"
    contains "$ERR" "usage:"
    expect_status 1 as_demo "$1/playlist" "Bad" "spotify:album:$TRACK"
    contains "$ERR" "cannot add the tracks"
    contains "$ERR" "invalid argument"
}

check_library() {
    local both="spotify:track:$TRACK,spotify:album:$ALBUM"
    expect_status 0 as_demo "$1/library" save "spotify:track:$TRACK" "spotify:album:$ALBUM"
    [ "$(api "/me/library/contains?uris=$both" | jq -c .)" = "[true,true]" ] ||
        fail "library save: the emulator does not hold the items"
    expect_status 0 as_demo "$1/library" contains "spotify:track:$TRACK" "spotify:album:$ALBUM"
    [ "$(cut -f1 <<<"$OUT" | tr '\n' ' ')" = "yes yes " ] || fail "library contains: $OUT"
    expect_status 0 as_demo "$1/library" tracks 2
    [ "$(head -n1 <<<"$OUT" | cut -f3)" = "spotify:track:$TRACK" ] ||
        fail "the track saved last is not the newest: $OUT"
    contains "$OUT" "2 of "
    expect_status 0 as_demo "$1/library" remove "spotify:track:$TRACK" "spotify:album:$ALBUM"
    [ "$(api "/me/library/contains?uris=$both" | jq -c .)" = "[false,false]" ] ||
        fail "library remove: the emulator still holds the items"
    expect_status 1 as_demo "$1/library" save "$TRACK"
    contains "$ERR" "bare ID"
    expect_status 2 as_demo "$1/library" shuffle "spotify:track:$TRACK"
}

check_player() {
    expect_status 0 as_demo "$1/player" devices
    contains "$OUT" "Demo Laptop"
    [ "$(grep -c '^\*' <<<"$OUT")" -eq 1 ] || fail "not one active device: $OUT"
    expect_status 0 as_demo "$1/player" play "spotify:album:$ALBUM"
    contains "$OUT" "playing"
    [ "$(api /me/player | jq -r '.is_playing, .context.uri' | tr '\n' ' ')" = "true spotify:album:$ALBUM " ] ||
        fail "player play: the emulator's player is not playing the album"
    expect_status 0 as_demo "$1/player" pause
    contains "$OUT" "paused"
    [ "$(api /me/player | jq -r .is_playing)" = false ] || fail "player pause: still playing"
    expect_status 0 as_demo "$1/player" status
    contains "$OUT" "paused"
    # mara is Premium with no active device: a clear message and its own exit status
    expect_status 3 env SPOTIFY_ACCESS_TOKEN="$MARA" "$1/player" pause
    contains "$ERR" "no active device"
    expect_status 0 env SPOTIFY_ACCESS_TOKEN="$MARA" "$1/player" status
    contains "$OUT" "no active device"
    expect_status 2 as_demo "$1/player" rewind
}

check_raw_json() {
    expect_status 0 as_demo "$1/raw_json" "spotify:playlist:$PLAYLIST" item.uri \
        item.external_ids.isrc item.no.such.field
    contains "$(head -n1 <<<"$OUT")" "(30 items) by Demo User"
    [ "$(sed 1d <<<"$OUT" | wc -l)" -eq 30 ] || fail "raw_json printed $(sed 1d <<<"$OUT" | wc -l) items"
    [ "$(sed -n 2p <<<"$OUT")" = "$(api "/playlists/$PLAYLIST/items?limit=1" |
        jq -r '.items[0].item | [.uri, .external_ids.isrc, "-"] | @tsv')" ] ||
        fail "raw_json's first item differs from the emulator's: $(sed -n 2p <<<"$OUT")"
    expect_status 2 "$1/raw_json"
}

# Every example, with pkg-config's flags alone. A new example needs a check_NAME above.
mkdir -p "$TMP/pc"
EXAMPLES=()
for src in "$SPOTC_SOURCE_DIR"/examples/*.c; do
    name=$(basename "$src" .c)
    EXAMPLES+=("$name")
    declare -F "check_$name" >/dev/null || fail "examples/$name.c has no check_$name in this test"
    # shellcheck disable=SC2086
    "$CC_USED" -std=c11 -Wall -Wextra -Werror "${EXTRA[@]}" -o "$TMP/pc/$name" "$src" $FLAGS \
        2>"$TMP/cc.err" || fail "examples/$name.c does not build with pkg-config: $(cat "$TMP/cc.err")"
done
[ "${#EXAMPLES[@]}" -ge 5 ] || fail "only ${#EXAMPLES[@]} examples: ${EXAMPLES[*]}"

# json_t is in the API: a program that calls json_* on a pager's items needs
# nothing but pkg-config's flags for spotc (Requires: jansson in spotc.pc).
# shellcheck disable=SC2086
"$CC_USED" -std=c11 -Wall -Wextra -Werror "${EXTRA[@]}" -o "$TMP/pc/pager_json" \
    "$SPOTC_SOURCE_DIR/tests/integration/pager_json.c" $FLAGS 2>"$TMP/cc.err" ||
    fail "a program that uses json_* on pager items does not build with pkg-config: $(cat "$TMP/cc.err")"

# A CMake consumer finds the package and links spotc::spotc, for every example too.
mkdir -p "$TMP/consumer"
{
    echo 'cmake_minimum_required(VERSION 3.25)'
    echo 'project(consumer C)'
    echo 'find_package(spotc 1.0 REQUIRED)'
    for name in "${EXAMPLES[@]}"; do
        echo "add_executable($name \"$SPOTC_SOURCE_DIR/examples/$name.c\")"
        echo "target_link_libraries($name PRIVATE spotc::spotc)"
    done
    echo "add_executable(pager_json \"$SPOTC_SOURCE_DIR/tests/integration/pager_json.c\")"
    echo 'target_link_libraries(pager_json PRIVATE spotc::spotc)'
} >"$TMP/consumer/CMakeLists.txt"
cmake -S "$TMP/consumer" -B "$TMP/consumer/build" -DCMAKE_PREFIX_PATH="$PREFIX" \
    -DCMAKE_C_COMPILER="$CC_USED" -DCMAKE_C_FLAGS="${EXTRA[*]}" \
    -DCMAKE_EXE_LINKER_FLAGS="${EXTRA[*]}" >"$TMP/consumer.log" 2>&1 ||
    fail "find_package(spotc) failed: $(cat "$TMP/consumer.log")"
cmake --build "$TMP/consumer/build" >"$TMP/consumer-build.log" 2>&1 ||
    fail "the CMake consumer does not build: $(cat "$TMP/consumer-build.log")"

# Run them against an emulator, with the installed library: a user token of demo (with
# what the examples need) and one of mara (no active device); curl reads back.
emu_start
export LD_LIBRARY_PATH="$LIBDIR"
curl -sf "$EMU_URL/_emulator/sample" >"$TMP/sample.json" || fail "no sample from the emulator"
sample_id() { jq -er --arg k "$1" '.[$k]' "$TMP/sample.json" || fail "no sample $1"; }
QUERY=$(sample_id query); TRACK=$(sample_id track); ALBUM=$(sample_id album)
EPISODE=$(sample_id episode); PLAYLIST=$(sample_id playlist)
user_token() {
    curl -sf -d "{\"user\":\"$1\",\"scope\":\"playlist-modify-private playlist-read-private \
user-library-read user-library-modify user-read-playback-state user-modify-playback-state\"}" \
        "$EMU_URL/_emulator/token" | jq -er .access_token || fail "no token for $1"
}
DEMO=$(user_token demo); MARA=$(user_token mara)
as_demo() { SPOTIFY_ACCESS_TOKEN="$DEMO" "$@"; }
api() { curl -sf -H "Authorization: Bearer $DEMO" "$SPOTC_API_BASE$1" || fail "GET $1 failed"; }
TRACK2=$(api "/albums/$ALBUM/tracks?limit=2" | jq -er .items[1].id)

for dir in "$TMP/pc" "$TMP/consumer/build"; do
    for name in "${EXAMPLES[@]}"; do
        "check_$name" "$dir"
    done
    expect_status 0 "$dir/pager_json" "$ALBUM"
    [ "$(wc -l <<<"$OUT")" -ge 3 ] || fail "pager_json printed too few track names: $OUT"
done

# Without a token in the environment the examples use the login `spotc auth login`
# keeps in the token store: none yet, then demo's.
source "$(dirname "$0")/cli_lib.sh"
source "$(dirname "$0")/auth_lib.sh"
expect_status 1 "$TMP/pc/library" contains "spotify:track:$TRACK"
contains "$ERR" "not logged in"
login_as demo
expect_status 0 "$TMP/pc/library" contains "spotify:track:$TRACK"
[ "$(cut -f1 <<<"$OUT")" = no ] || fail "library contains after the login: $OUT"
echo "ok: ${EXAMPLES[*]} and pager_json, with pkg-config and CMake"
