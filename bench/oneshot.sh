#!/usr/bin/env bash
# One-shot CLI call (issue 11): `spotc track ID` as a whole process against the emulator (no
# injected latency), with an app token (client credentials):
# - not cached yet: the token request and the GET, from a fresh state directory each run;
# - cached in the token store by an earlier process: the GET alone (goal: one request, and
#   within 1.1x of curl fetching the same URL with the same token);
# - curl fetching the same URL once (the baseline), and, with node and npm, the same read with
#   @spotify/web-api-ts-sdk 1.2.0 and spotify-web-api-node 5.0.2 given the token (their best
#   case: neither keeps a token across processes).
# Median of RUNS runs each, measured in this run: the wall time, and the mean CPU time
# (steadier when other work shares the machine).
# usage: bench/oneshot.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.bash"
bench_require oneshot
RUNS=101    # spotc and curl: a few ms each
NODE_RUNS=7 # the Node libraries: a Node start each
bench_emulator_start oneshot

TRACK=$(curl -s "$URL/_emulator/sample" | jq -r .track)
export SPOTC_API_BASE="$URL/v1" SPOTC_ACCOUNTS_BASE="$URL" SPOTIFY_CLIENT_ID=spotc-demo \
    SPOTIFY_CLIENT_SECRET=spotc-demo-secret XDG_STATE_HOME="$TMP/state" XDG_CONFIG_HOME="$TMP/config"
unset SPOTIFY_ACCESS_TOKEN

uncached() { rm -rf "$TMP/state" && "$SPOTC" --quiet track "$TRACK"; }
UNCACHED=$(bench_ms_median $RUNS uncached)
"$SPOTC" --quiet track "$TRACK" >/dev/null # caches the app token
# curl with the same app token (in a header file: never on a command line).
TOKEN=$(jq -r .access_token "$(find "$TMP/state/spotc" -name 'app-*.json' | head -n1)")
printf 'Authorization: Bearer %s\n' "$TOKEN" >"$TMP/auth"

# spotc (cached) and curl in turn, so that both see the same load on the machine.
before=$(bench_requests)
for ((i = 0; i < RUNS; i++)); do
    bench_ms "$SPOTC" --quiet track "$TRACK" >>"$TMP/spotc.ms"
    bench_ms curl -sf -H @"$TMP/auth" "$URL/v1/tracks/$TRACK" >>"$TMP/curl.ms"
    bench_cpu_ms "$SPOTC" --quiet track "$TRACK" >>"$TMP/spotc.cpu"
    bench_cpu_ms curl -sf -H @"$TMP/auth" "$URL/v1/tracks/$TRACK" >>"$TMP/curl.cpu"
done
sent=$(($(bench_requests) - before - 3 * RUNS))
CACHED=$(bench_median <"$TMP/spotc.ms")
CURL=$(bench_median <"$TMP/curl.ms")
CACHED_CPU=$(bench_mean <"$TMP/spotc.cpu")
CURL_CPU=$(bench_mean <"$TMP/curl.cpu")

echo "oneshot: spotc track ID, whole process, median of $RUNS runs"
echo "oneshot: curl, one GET with the token: $CURL ms (baseline)"
echo "oneshot: spotc, token cached: $CACHED ms = $(bench_ratio "$CACHED" "$CURL")x curl (goal <= 1.1); $((sent / RUNS)) request(s) a run (goal 1)"
echo "oneshot: CPU time (user + system, mean), token cached: spotc $CACHED_CPU ms, curl $CURL_CPU ms = $(bench_ratio "$CACHED_CPU" "$CURL_CPU")x"
echo "oneshot: spotc, token + GET (nothing cached): $UNCACHED ms = $(bench_ratio "$UNCACHED" "$CURL")x curl"

bench_node_sdks oneshot || exit 0
export SPOTIFY_ACCESS_TOKEN=$TOKEN
for sdk in ts node; do
    t=$(bench_ms_median $NODE_RUNS node "$HERE/tracks_sdk.js" $sdk "$URL/v1" one "$TRACK")
    echo "oneshot: $(bench_sdk_label $sdk), one GET with the token: $t ms; spotc (cached) is $(bench_ratio "$t" "$CACHED")x faster"
done
