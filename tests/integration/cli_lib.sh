# Helpers for the spotc CLI tests (test_cli_*.sh): source after lib.sh.
# spotc ARGS...: run the CLI under test.
spotc() { "$SPOTC_CLI" "$@"; }

# emu_get PATH / emu_post PATH JSON: the emulator's control API.
emu_get() { curl -fsS "$EMU_URL$1"; }
emu_post() { curl -fsS -X POST -H 'Content-Type: application/json' -d "$2" "$EMU_URL$1"; }

# sample KEY: a well-known ID of the seeded catalogue (track, album, artist, query ...).
sample() {
    [ -s "$TMP/sample.json" ] || emu_get /_emulator/sample >"$TMP/sample.json"
    jq -er --arg k "$1" '.[$k]' "$TMP/sample.json"
}

# closed_port: a port on which nothing listens any more (an emulator's, after it stopped).
closed_port() {
    rm -f "$TMP/dead.out" # not the last call's line (see emu_start)
    "$SPOTC_EMULATOR" --port 0 >"$TMP/dead.out" 2>/dev/null &
    local pid=$! url=
    wait_until 60 "$pid" announced "$TMP/dead.out" || true
    url=$(announced_url "$TMP/dead.out")
    kill "$pid" && wait "$pid" || true
    [ -n "$url" ] || fail "no emulator to take a port from"
    echo "${url##*:}"
}

# line_count TEXT: how many non-empty lines.
line_count() { grep -c . <<<"$1" || true; }

# expect_failure cmd...: like expect_status, for a command that must fail in any way.
expect_failure() {
    set +e
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    set -e
    OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
    [ "$got" -ne 0 ] || fail "$* succeeded; stdout: $OUT"
}
