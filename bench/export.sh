#!/usr/bin/env bash
# Playlist export and import (issue 9) against an emulator that answers every request after
# 20 ms (--latency-ms 20), on the demo user's 10,000-item playlist (200 pages of 50):
# - `spotc playlist export --format csv` and the JSON export: wall time (median of 5) against
#   the ideal, one page's latency + the other pages x latency / concurrency (8 pages in flight);
#   peak RSS of the process;
# - `spotc playlist import` of that CSV: the requests it sent (goal: 1 create + 100 adds);
# - with node and npm: the same export with @spotify/web-api-ts-sdk 1.2.0 and
#   spotify-web-api-node 5.0.2 (installed into bench/.node by bench_node_sdks, lib.bash), and
#   how many times faster spotc is.
# usage: bench/export.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
LATENCY_MS=20
CONCURRENCY=8 # src/cli/export_run.c
PAGES=200
RUNS=5
HERE=$(cd "$(dirname "$0")" && pwd)
[ -x /usr/bin/time ] || { echo "export: skipped (/usr/bin/time not installed)"; exit 0; }
source "$HERE/lib.bash"
bench_require export
bench_emulator_start export --latency-ms "$LATENCY_MS"

SPOTIFY_ACCESS_TOKEN=$(curl -s -X POST -d '{"user":"demo","scope":"playlist-read-private playlist-modify-public playlist-modify-private"}' \
    "$URL/_emulator/token" | jq -r .access_token)
PLAYLIST=$(curl -s "$URL/_emulator/sample" | jq -r .big_playlist)
export SPOTIFY_ACCESS_TOKEN SPOTC_API_BASE="$URL/v1" SPOTC_ACCOUNTS_BASE="$URL" \
    SPOTIFY_CLIENT_ID= SPOTIFY_CLIENT_SECRET= XDG_STATE_HOME="$TMP/state" XDG_CONFIG_HOME="$TMP/config"

median() { bench_median; }
ratio() { bench_ratio "$@"; }

# timed FILE CMD...: run CMD under /usr/bin/time -v; seconds and peak RSS (kB) on one line.
timed() {
    local out=$1
    shift
    /usr/bin/time -v -o "$TMP/time" "$@" >"$out"
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = t[n] + (n > 1 ? t[n-1] * 60 : 0) + (n > 2 ? t[n-2] * 3600 : 0) }
                /Maximum resident set size/ { rss = $2 }
                END { printf "%.3f %d\n", s, rss }' "$TMP/time"
}

IDEAL=$(awk -v l="$LATENCY_MS" -v p="$PAGES" -v c="$CONCURRENCY" \
    'BEGIN { printf "%.3f", l / 1000 + (p - 1) * l / 1000 / c }')
echo "export: 10000 items in $PAGES pages, --latency-ms $LATENCY_MS, median of $RUNS runs"
echo "export: ideal ($CONCURRENCY pages in flight): $IDEAL s"
declare -A SPOTC_S
for format in csv json; do
    : >"$TMP/s"
    : >"$TMP/rss"
    for _ in $(seq 1 $RUNS); do
        read -r s rss < <(timed /dev/null "$SPOTC" --quiet playlist export "$PLAYLIST" \
            --format $format -o "$TMP/out.$format")
        echo "$s" >>"$TMP/s"
        echo "$rss" >>"$TMP/rss"
    done
    SPOTC_S[$format]=$(median <"$TMP/s")
    rss=$(sort -n "$TMP/rss" | tail -n1)
    echo "export: spotc --format $format: ${SPOTC_S[$format]} s = $(ratio "${SPOTC_S[$format]}" "$IDEAL")x the ideal (goal <= 1.25); peak RSS $(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }') MB (goal <= 16)"
done
n=$(($(wc -l <"$TMP/out.csv") - 1))
[ "$n" = 10000 ] || { echo "export: the CSV has $n rows, not 10000"; exit 1; }

# The import's requests, from the emulator's statistics before and after.
stat_total() { curl -s "$URL/_emulator/stats" | jq "[.requests | to_entries[] | select(.key | test(\"$1\")) | .value[]] | add // 0"; }
creates=$(stat_total '^POST /v1/me/playlists')
adds=$(stat_total '^POST /v1/playlists/.*/items')
all=$(curl -s "$URL/_emulator/stats" | jq .total)
read -r s _ < <(timed "$TMP/id" "$SPOTC" --quiet playlist import "$TMP/out.csv" --name bench)
creates=$(($(stat_total '^POST /v1/me/playlists') - creates))
adds=$(($(stat_total '^POST /v1/playlists/.*/items') - adds))
all=$(($(curl -s "$URL/_emulator/stats" | jq .total) - all))
echo "export: import of 10000 items: $creates create + $adds adds ($all requests in all; goal 1 + 100), $s s"

# --- the Node libraries ------------------------------------------------------------------------
bench_node_sdks export || exit 0
for sdk in ts node; do
    label=$(bench_sdk_label $sdk)
    : >"$TMP/s"
    for _ in $(seq 1 $RUNS); do
        read -r s _ < <(timed "$TMP/n" node "$HERE/export_sdk.js" $sdk "$URL/v1" "$PLAYLIST")
        [ "$(cat "$TMP/n")" = 10000 ] || { echo "export: $label read $(cat "$TMP/n") items"; exit 1; }
        echo "$s" >>"$TMP/s"
    done
    t=$(median <"$TMP/s")
    echo "export: $label: $t s; spotc (csv) is $(ratio "$t" "${SPOTC_S[csv]}")x faster (goal >= 6)"
done
