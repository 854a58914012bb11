#!/usr/bin/env bash
# Emulator throughput and footprint: GET /v1/tracks/{id} per second with keep-alive
# (wrk -t2 -c32 -d5s, 50 different tracks of the large catalogue), against the cheapest
# route (GET /_emulator/sample) measured in the same run as the baseline, and the resident
# memory of --catalog large at start and at its peak under load.
# usage: bench/emulator_throughput.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
EMU="$BUILD/spotc-emulator"
[ -x "$EMU" ] || { echo "emulator_throughput: build first ($EMU missing)"; exit 1; }
command -v wrk >/dev/null || { echo "emulator_throughput: skipped (wrk not installed)"; exit 0; }
source "$(dirname "$0")/lib.bash"
bench_emulator_start emulator_throughput --catalog large
rss_kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$PID/status"; }
RSS_START=$(rss_kb VmRSS)

TOKEN=$(curl -s -u spotc-demo:spotc-demo-secret -d grant_type=client_credentials \
    "$URL/api/token" | jq -r .access_token)
IDS=$(curl -s -H "Authorization: Bearer $TOKEN" \
    "$URL/v1/search?q=year:1000-3000&type=track&limit=50&offset=500" | jq -r '[.tracks.items[].id] | join(",")')
cat >"$TMP/tracks.lua" <<LUA
local ids = {}
for id in string.gmatch("$IDS", "[^,]+") do ids[#ids + 1] = id end
local i = 0
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
    i = i % #ids + 1
    return wrk.format("GET", "/v1/tracks/" .. ids[i])
end
LUA

rate() { wrk -t2 -c32 -d5s "$@" | awk '/^Requests\/sec:/ {printf "%d", $2}'; }
BASE=$(rate "$URL/_emulator/sample")
TRACKS=$(rate -s "$TMP/tracks.lua" "$URL")
RSS_PEAK=$(rss_kb VmHWM)
kill "$PID"
wait "$PID" 2>/dev/null || true
PID=

echo "emulator_throughput: GET /v1/tracks/{id}: $TRACKS req/s (target >= 20000)"
echo "emulator_throughput: baseline GET /_emulator/sample: $BASE req/s; tracks/baseline = $(
    awk -v a="$TRACKS" -v b="$BASE" 'BEGIN { printf "%.2f", b ? a / b : 0 }')"
echo "emulator_throughput: --catalog large RSS: $((RSS_START / 1024)) MB at start, $((RSS_PEAK / 1024)) MB peak under load (target < 200 MB)"
