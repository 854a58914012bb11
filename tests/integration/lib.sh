# Shared helpers for shell integration tests: source it, then `emu_start [args]`.
# Sets EMU_URL (http://127.0.0.1:PORT), EMU_PID; stops the emulator on exit.
set -euo pipefail
: "${SPOTC_EMULATOR:?set by ctest}" "${SPOTC_CLI:?set by ctest}"
TMP=$(mktemp -d)
EMU_PID=
PROXY_PID=
# kill_child PID [SIGNAL]: signal PID (default TERM), and wait for it, only while it is
# still a child of this shell. A PID whose process ended may belong to another process
# by now (pid_max is 32768 here, and the suite starts thousands): a stale `kill` at exit
# once stopped another test's freshly started emulator.
is_child() { [ -n "$1" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f2)" = "$$" ]; }
kill_child() {
    local pid=$1 sig=${2:-TERM}
    is_child "$pid" || return 0
    kill -s "$sig" "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    # Runs under set -e from the EXIT trap: nothing here may fail the test afterwards.
    if is_child "$PROXY_PID"; then
        kill -- "-$PROXY_PID" 2>/dev/null || true # its group: prism's node processes too
        wait "$PROXY_PID" 2>/dev/null || true
    fi
    kill_child "$EMU_PID"
    rm -rf "$TMP"
}
trap cleanup EXIT

# wait_until SECONDS PID CMD...: run CMD every 50 ms until it succeeds (status 0), or PID
# (unless empty) has exited or SECONDS have passed (status 1). The deadlines are for hangs,
# not speed: on the loaded 2-core CI machine an emulator has taken over 5 s to start.
wait_until() {
    local deadline=$((SECONDS + $1)) pid=$2
    shift 2
    while :; do
        "$@" && return 0
        if { [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; } || [ "$SECONDS" -ge "$deadline" ]; then
            "$@" # once more: it may have finished just before it exited
            return
        fi
        sleep 0.05
    done
}
# announced_url FILE: the URL on an emulator's first line ("spotc-emulator listening on URL").
announced_url() { head -n1 "$1" 2>/dev/null | sed -n 's/^spotc-emulator listening on //p'; }
announced() { [ -n "$(announced_url "$1")" ]; }

# With SPOTC_SPEC_PROXY set (a command: CMD UPSTREAM_ROOT_URL PORT), the Web API is
# reached through that validating proxy (docs/spec-proxy.md); accounts and control direct.
emu_start() {
    local proxy_port=
    if [ -n "${SPOTC_SPEC_PROXY:-}" ]; then
        proxy_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
        set -- --public-url "http://127.0.0.1:$proxy_port" "$@"
    fi
    # A second emulator of the test would otherwise find the first one's line until the
    # shell's child truncates the file: a dead URL, or none (the wait and the read differ).
    rm -f "$TMP/emu.out"
    "$SPOTC_EMULATOR" --port 0 "$@" >"$TMP/emu.out" 2>"$TMP/emu.err" &
    EMU_PID=$!
    wait_until 60 "$EMU_PID" announced "$TMP/emu.out" || true
    EMU_URL=$(announced_url "$TMP/emu.out")
    [ -n "$EMU_URL" ] || fail "emulator did not start: $(cat "$TMP/emu.err")"
    export SPOTC_API_BASE="$EMU_URL/v1" SPOTC_ACCOUNTS_BASE="$EMU_URL"
    if [ -n "$proxy_port" ]; then
        setsid "$SPOTC_SPEC_PROXY" "$EMU_URL" "$proxy_port" >"$TMP/proxy.log" 2>&1 &
        PROXY_PID=$!
        for _ in $(seq 1 600); do
            curl -s -o /dev/null "http://127.0.0.1:$proxy_port/v1/markets" && break
            sleep 0.1
        done
        export SPOTC_API_BASE="http://127.0.0.1:$proxy_port/v1"
    fi
    export SPOTIFY_CLIENT_ID=spotc-demo SPOTIFY_CLIENT_SECRET=spotc-demo-secret
    export XDG_STATE_HOME="$TMP/state" XDG_CONFIG_HOME="$TMP/config" HOME="$TMP/home"
}

fail() {
    echo "FAIL: $*" >&2
    # Through a validating proxy (SPOTC_SPEC_PROXY), what it found wrong is the likely cause.
    if [ -n "$PROXY_PID" ] && [ -s "$TMP/proxy.log" ]; then
        grep -i -A3 'violation' "$TMP/proxy.log" | tail -n 40 >&2 || true
    fi
    exit 1
}
# expect_status WANT cmd...: run cmd, check its exit status; output in $OUT, $ERR.
expect_status() {
    local want=$1; shift
    set +e
    "$@" >"$TMP/out" 2>"$TMP/err"
    local got=$?
    set -e
    OUT=$(cat "$TMP/out"); ERR=$(cat "$TMP/err")
    [ "$got" -eq "$want" ] || fail "$* exited $got, want $want; stderr: $ERR; stdout: $OUT"
}
contains() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $1"; }
not_contains() { ! grep -qF -- "$2" <<<"$1" || fail "did not expect '$2' in: $1"; }
