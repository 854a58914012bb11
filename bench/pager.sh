#!/usr/bin/env bash
# Streaming pager: the demo user's 10,000-item playlist (get-playlists-items, 50 items a page,
# the operation's largest: 200 pages) against an emulator that answers every request after
# 20 ms (--latency-ms 20). Time to stream it one page at a time (the baseline) against 4 and 8
# pages at a time (median of 3 runs each), and the peak RSS of each process against one that
# only creates the client (what streaming holds) and one that keeps every page (what holding
# the whole list would cost).
# usage: bench/pager.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
EMU="$BUILD/spotc-emulator"
BENCH="$BUILD/bench/bench_pager"
LATENCY_MS=20
RUNS=3
for f in "$EMU" "$BENCH"; do
    [ -x "$f" ] || { echo "pager: build first ($f missing)"; exit 1; }
done
command -v jq >/dev/null || { echo "pager: skipped (jq not installed)"; exit 0; }
source "$(dirname "$0")/lib.bash"
bench_emulator_start pager --latency-ms "$LATENCY_MS"

# The token goes to the benchmark through its environment, never its command line.
SPOTIFY_ACCESS_TOKEN=$(curl -s -X POST -d '{"user":"demo","scope":"playlist-read-private"}' \
    "$URL/_emulator/token" | jq -r .access_token)
PLAYLIST=$(curl -s "$URL/_emulator/sample" | jq -r .big_playlist)
export SPOTIFY_ACCESS_TOKEN SPOTC_API_BASE="$URL/v1" SPOTIFY_CLIENT_ID= SPOTIFY_CLIENT_SECRET=

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
declare -A SECONDS_OF RSS_OF
for mode in client-only 1 4 8 hold; do
    runs=$RUNS
    case $mode in client-only | hold) runs=1 ;; esac
    line=$("$BENCH" "$PLAYLIST" "$mode" "$runs") || { echo "pager: $mode failed"; exit 1; }
    items=$(field items "$line")
    if [ "$mode" != client-only ] && [ "$items" != 10000 ]; then
        echo "pager: $mode streamed $items items, not 10000"
        exit 1
    fi
    SECONDS_OF[$mode]=$(field seconds "$line")
    RSS_OF[$mode]=$(field maxrss_kb "$line")
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
BASE=${SECONDS_OF[1]}
echo "pager: 10000 items in 200 pages, --latency-ms $LATENCY_MS, median of $RUNS runs"
echo "pager: one page at a time (baseline): ${BASE} s"
for n in 4 8; do
    echo "pager: $n pages at a time: ${SECONDS_OF[$n]} s; speed-up over baseline = $(
        ratio "$BASE" "${SECONDS_OF[$n]}")x"
done
CLIENT=${RSS_OF[client-only]}
echo "pager: peak RSS: client only $(mb "$CLIENT") (baseline process)"
for mode in 1 4 8 hold; do
    label="streaming, $mode at a time"
    [ "$mode" = hold ] && label="keeping every page"
    echo "pager: peak RSS: $label $(mb "${RSS_OF[$mode]}"), $(mb $((RSS_OF[$mode] - CLIENT))) above the baseline ($(
        ratio "${RSS_OF[$mode]}" "$CLIENT")x)"
done
