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
# shellcheck disable=SC2086
"$CC_USED" -std=c11 -Wall -Wextra -Werror "${EXTRA[@]}" -o "$TMP/search" \
    "$SPOTC_SOURCE_DIR/examples/search.c" $FLAGS 2>"$TMP/cc.err" ||
    fail "examples/search.c does not build with pkg-config: $(cat "$TMP/cc.err")"

# json_t is in the API: a program that calls json_* on a pager's items needs
# nothing but pkg-config's flags for spotc (Requires: jansson in spotc.pc).
# shellcheck disable=SC2086
"$CC_USED" -std=c11 -Wall -Wextra -Werror "${EXTRA[@]}" -o "$TMP/pager_json" \
    "$SPOTC_SOURCE_DIR/tests/integration/pager_json.c" $FLAGS 2>"$TMP/cc.err" ||
    fail "a program that uses json_* on pager items does not build with pkg-config: $(cat "$TMP/cc.err")"

# Run them against an emulator, with the installed library.
emu_start
QUERY=$(curl -sf "$EMU_URL/_emulator/sample" | sed -n 's/.*"query": *"\([^"]*\)".*/\1/p')
[ -n "$QUERY" ] || fail "no sample query from the emulator"
export LD_LIBRARY_PATH="$LIBDIR"
expect_status 0 "$TMP/search" "$QUERY"
contains "$OUT" "tracks"
expect_status 2 "$TMP/search"
ALBUM=$(curl -sf "$EMU_URL/_emulator/sample" | sed -n 's/.*"album": *"\([^"]*\)".*/\1/p')
[ -n "$ALBUM" ] || fail "no sample album from the emulator"
expect_status 0 "$TMP/pager_json" "$ALBUM"
[ "$(wc -l <<<"$OUT")" -ge 3 ] || fail "pager_json printed too few track names: $OUT"
(
    export SPOTIFY_CLIENT_SECRET=not-the-s3cret
    expect_status 1 "$TMP/search" "$QUERY"
    contains "$ERR" "invalid_client"
    not_contains "$ERR" "not-the-s3cret"
)

# A CMake consumer finds the package and links spotc::spotc.
mkdir -p "$TMP/consumer"
cat >"$TMP/consumer/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(consumer C)
find_package(spotc 1.0 REQUIRED)
add_executable(search "$SPOTC_SOURCE_DIR/examples/search.c")
target_link_libraries(search PRIVATE spotc::spotc)
add_executable(pager_json "$SPOTC_SOURCE_DIR/tests/integration/pager_json.c")
target_link_libraries(pager_json PRIVATE spotc::spotc)
CMAKE
cmake -S "$TMP/consumer" -B "$TMP/consumer/build" -DCMAKE_PREFIX_PATH="$PREFIX" \
    -DCMAKE_C_COMPILER="$CC_USED" -DCMAKE_C_FLAGS="${EXTRA[*]}" \
    -DCMAKE_EXE_LINKER_FLAGS="${EXTRA[*]}" >"$TMP/consumer.log" 2>&1 ||
    fail "find_package(spotc) failed: $(cat "$TMP/consumer.log")"
cmake --build "$TMP/consumer/build" >"$TMP/consumer-build.log" 2>&1 ||
    fail "the CMake consumer does not build: $(cat "$TMP/consumer-build.log")"
expect_status 0 "$TMP/consumer/build/search" "$QUERY"
contains "$OUT" "tracks"
expect_status 0 "$TMP/consumer/build/pager_json" "$ALBUM"
echo "ok"
