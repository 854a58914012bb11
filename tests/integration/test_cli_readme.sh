# The README's CLI block runs as written against the emulator: only `make`, the emulator's
# start and its fixed port are replaced by this test's own.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
: "${SPOTC_SOURCE_DIR:?set by ctest}"
emu_start
readme="$SPOTC_SOURCE_DIR/README.md"
awk '/^## Using the CLI/ { in_section = 1 } in_section && /^```sh$/ { block = 1; next }
     block && /^```$/ { exit } block { print }' "$readme" >"$TMP/block.sh"
grep -q 'build/spotc track' "$TMP/block.sh" || fail "no CLI block found in the README"
mkdir -p "$TMP/run/build"
ln -s "$SPOTC_CLI" "$TMP/run/build/spotc"
grep -v '^make\b\|^build/spotc-emulator ' "$TMP/block.sh" |
    sed "s|http://127.0.0.1:8080|$EMU_URL|g" >"$TMP/run/script.sh"
(cd "$TMP/run" && bash -euo pipefail -x script.sh) >"$TMP/readme.out" 2>"$TMP/readme.err" ||
    fail "the README's CLI block failed: $(tail -n 15 "$TMP/readme.err")"
grep -q '^"' "$TMP/readme.out" || fail "no track name from jq: $(cat "$TMP/readme.out")"
[ -s "$TMP/run/fire.csv" ] || fail "fire.csv not written"
echo "ok"
