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
    for _ in $(seq 1 1200); do # up to 60 s: a loaded machine is slow to start it
        grep -q 'listening on' "$TMP/out" 2>/dev/null && break
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.05
    done
    URL=$(sed -n 's/^spotc-emulator listening on //p' "$TMP/out")
    [ -n "$URL" ] || { echo "$name: emulator did not start"; exit 1; }
}

# bench_node_sdks NAME: make @spotify/web-api-ts-sdk 1.2.0 and spotify-web-api-node 5.0.2
# ready in bench/.node (installed from npm on first use; this folder is the benchmarks').
# Returns 1 after saying why when node/npm is missing or the install fails: the caller
# skips its comparison with them.
bench_node_sdks() {
    local name=$1 dir
    dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.node"
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        echo "$name: node/npm not installed: the SDK comparison is skipped"
        return 1
    fi
    [ -d "$dir/node_modules/@spotify/web-api-ts-sdk" ] &&
        [ -d "$dir/node_modules/spotify-web-api-node" ] && return 0
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --silent \
        @spotify/web-api-ts-sdk@1.2.0 spotify-web-api-node@5.0.2 >/dev/null 2>"$TMP/npm.err" && return 0
    echo "$name: npm install failed, the SDK comparison is skipped: $(tail -n3 "$TMP/npm.err")"
    return 1
}

# The label of an SDK name (ts, node) that bench/sdk_lib.js knows.
bench_sdk_label() {
    case $1 in
    ts) echo "@spotify/web-api-ts-sdk 1.2.0" ;;
    node) echo "spotify-web-api-node 5.0.2" ;;
    esac
}

# Median of numbers, one a line, on stdin.
bench_median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Mean of numbers, one a line, on stdin (for CPU times, which the kernel counts in ticks:
# a median of quantised values hides differences that the mean of many runs shows).
bench_mean() { awk '{ s += $1 } END { printf "%.2f\n", (NR ? s / NR : 0) }'; }

# bench_ratio A B: A / B with two decimals (0 when B is 0).
bench_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# bench_ms CMD...: run CMD (output discarded) and print its wall time in milliseconds
# (bash's EPOCHREALTIME: the whole process, start-up included). Fails when CMD does.
bench_ms() {
    local t0=$EPOCHREALTIME
    "$@" >/dev/null 2>"$TMP/bench_ms.err" || { echo "failed: $* ($(tail -n2 "$TMP/bench_ms.err"))" >&2; return 1; }
    awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f\n", (b - a) * 1000 }'
}

# bench_cpu_ms CMD...: run CMD (output discarded) and print the CPU time (user + system, ms)
# it used: steadier than the wall time on a machine other work shares. Fails when CMD does.
bench_cpu_ms() {
    local TIMEFORMAT='%3U %3S' t
    t=$({ time "$@" >/dev/null 2>"$TMP/bench_ms.err"; } 2>&1) ||
        { echo "failed: $* ($(tail -n2 "$TMP/bench_ms.err"))" >&2; return 1; }
    awk '{ printf "%.2f\n", ($1 + $2) * 1000 }' <<<"$t"
}

# bench_ms_median RUNS CMD...: the median of RUNS runs of bench_ms.
bench_ms_median() {
    local runs=$1 i
    shift
    for ((i = 0; i < runs; i++)); do bench_ms "$@" || return 1; done | bench_median
}

# The emulator's count of requests so far (GET /_emulator/stats).
bench_requests() { curl -s "$URL/_emulator/stats" | jq .total; }

# The emulator's rate-limit window (--rate-limit N: N requests a rolling 30 s, as Spotify's).
BENCH_WINDOW_S=30

# least_ms N: the least time N requests take under a rolling window of RATE requests a
# BENCH_WINDOW_S seconds: request k is admitted floor((k - 1) / RATE) windows after the first.
least_ms() { awk -v n="$1" -v r="$RATE" -v w="$BENCH_WINDOW_S" 'BEGIN { printf "%d", int((n - 1) / r) * w * 1000 }'; }

# bench_require NAME: exit when $BUILD lacks the emulator or the CLI (a failure: build first)
# or jq is missing (skipped, with a message). Sets SPOTC, the CLI's absolute path.
bench_require() {
    local f
    for f in "$BUILD/spotc-emulator" "$BUILD/spotc"; do
        [ -x "$f" ] || { echo "$1: build first ($f missing)"; exit 1; }
    done
    command -v jq >/dev/null || { echo "$1: skipped (jq not installed)"; exit 0; }
    SPOTC=$(cd "$BUILD" && pwd)/spotc
}

# nrate_ms N: N requests at RATE a BENCH_WINDOW_S seconds, evenly spread (N / rate), in ms.
nrate_ms() { echo $(($1 * BENCH_WINDOW_S * 1000 / RATE)); }
