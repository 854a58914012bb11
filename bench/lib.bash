# Helpers shared by the benchmarks: source it after setting BUILD (bench/run runs only *.sh).

# bench_emulator_start NAME [ARGS...]: start $BUILD/spotc-emulator on an ephemeral port with
# ARGS. Sets TMP (a scratch directory), PID and URL (http://127.0.0.1:PORT); on exit the
# emulator is stopped (unless PID was emptied) and TMP removed. Exits when it does not start.
bench_emulator_start() {
    local name=$1
    shift
    TMP=$(mktemp -d)
    PID=
    trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$TMP"' EXIT
    "$BUILD/spotc-emulator" --port 0 "$@" >"$TMP/out" 2>"$TMP/err" &
    PID=$!
    for _ in $(seq 1 100); do
        grep -q 'listening on' "$TMP/out" 2>/dev/null && break
        sleep 0.05
    done
    URL=$(sed -n 's/^spotc-emulator listening on //p' "$TMP/out")
    [ -n "$URL" ] || { echo "$name: emulator did not start"; exit 1; }
}
