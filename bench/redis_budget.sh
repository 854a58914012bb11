#!/usr/bin/env bash
# What sharing the rate budget through Redis saves: 4 processes x 2 clients of one app
# send 3 windows' worth of requests to an emulator whose rolling 30 s window admits RATE
# (--rate-limit), once with Redis (SPOTC_REDIS_URL, SPOTC_RATE_BUDGET=RATE) and once
# without, each against a fresh emulator. Prints the share of requests answered 429 and
# the rate reached against the best possible (two windows for three windows' worth).
# Not asserted (tests/integration/test_redis_budget.sh asserts the Redis side).
# usage: bench/redis_budget.sh [BUILD_DIR] (RATE=60 by default; about 2 minutes)
set -euo pipefail
BUILD=${1:-build}
RATE=${RATE:-60}
WORKER="$BUILD/spotc-redis-worker"
[ -x "$WORKER" ] || { echo "redis_budget: skipped (no $WORKER: a build without hiredis)"; exit 0; }
command -v redis-server >/dev/null || { echo "redis_budget: skipped (redis-server not installed)"; exit 0; }
command -v jq >/dev/null || { echo "redis_budget: skipped (jq not installed)"; exit 0; }
source "$(dirname "$0")/lib.bash"

REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 &
REDIS_PID=$!
for _ in $(seq 1 100); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.05; done

# run LABEL [REDIS_URL]: one round against a fresh emulator; prints its line.
run() {
    local label=$1 url=${2:-}
    bench_emulator_start redis_budget --rate-limit "$RATE"
    trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; kill "$REDIS_PID" 2>/dev/null; rm -rf "$TMP"' EXIT
    local track per=$((3 * RATE / 8)) start end
    track=$(curl -s "$URL/_emulator/sample" | jq -r .track)
    start=$(date +%s.%N)
    local pids=()
    for _ in 1 2 3 4; do
        SPOTC_API_BASE="$URL/v1" SPOTC_ACCOUNTS_BASE="$URL" SPOTIFY_CLIENT_ID=spotc-demo \
            SPOTIFY_CLIENT_SECRET=spotc-demo-secret SPOTC_REDIS_URL="$url" SPOTC_RATE_BUDGET="$RATE" \
            "$WORKER" budget 2 "$per" "/tracks/$track" >/dev/null 2>>"$TMP/workers.err" &
        pids+=($!)
    done
    wait "${pids[@]}" || echo "redis_budget: $label: a worker failed: $(tail -n 3 "$TMP/workers.err")"
    end=$(date +%s.%N)
    curl -s "$URL/_emulator/stats" | jq -r --arg l "$label" --arg s "$start" --arg e "$end" '
        [.requests | to_entries[] | select(.key | test("^GET /v1/")) | .value] as $v
        | ([$v[]["200"] // 0] | add) as $ok | ([$v[]["429"] // 0] | add) as $lim
        | "redis_budget: \($l): \($ok + $lim) requests, \($lim) answered 429 (\((1000 * $lim / ($ok + $lim) | round) / 10)%), \((($e | tonumber) - ($s | tonumber)) * 10 | round / 10) s, rate \((6000 / (($e | tonumber) - ($s | tonumber)) | round) / 100)x of the best possible"'
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=
    rm -rf "$TMP"
}
run "Redis on " "redis://127.0.0.1:$REDIS_PORT"
run "Redis off"
kill "$REDIS_PID" 2>/dev/null || true
