#!/usr/bin/env bash
# Hydrate 2,000 tracks by ID (issue 11): `spotc track ID...` with 2,000 IDs, against an
# emulator that answers every request after 20 ms (--latency-ms 20):
# - extended-quota mode: the requests sent against the minimum (40 batches of 50,
#   GET /tracks?ids=) and the time (median of 3); with node and npm, the same with
#   @spotify/web-api-ts-sdk 1.2.0 and spotify-web-api-node 5.0.2 (batches of 50, in turn);
# - development mode (no several-item reads: 2,000 single GET /tracks/{id}) under the
#   emulator's rate limit (--rate-limit 1000 requests a rolling 30 s): the time against the
#   least the limit allows (the first 1,000 at once, the rest as the window frees) and
#   against N / rate, and the share of requests answered 429.
# usage: bench/hydrate.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
LATENCY_MS=20
N=2000
RATE=1000
RUNS=3
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.bash"
bench_require hydrate

# track_ids FILE: N distinct tracks of the demo user's big playlist, one ID a line.
track_ids() {
    local token playlist offset
    token=$(curl -s -X POST -d '{"user":"demo","scope":"playlist-read-private"}' \
        "$URL/_emulator/token" | jq -r .access_token)
    playlist=$(curl -s "$URL/_emulator/sample" | jq -r .big_playlist)
    : >"$1.all"
    for ((offset = 0; offset < 10000; offset += 50)); do
        curl -s -H @<(printf 'Authorization: Bearer %s\n' "$token") \
            "$URL/v1/playlists/$playlist/items?limit=50&offset=$offset&fields=items(item(id))" |
            jq -r '.items[].item.id' >>"$1.all"
        [ "$(sort -u "$1.all" | wc -l)" -ge $N ] && break
    done
    awk '!seen[$0]++' "$1.all" | head -n $N >"$1"
    [ "$(wc -l <"$1")" = $N ] || { echo "hydrate: fewer than $N distinct tracks"; exit 1; }
}

# 429s so far (GET /_emulator/stats).
limited() { curl -s "$URL/_emulator/stats" | jq '[.requests[] | .["429"] // 0] | add // 0'; }

spotc_env() {
    export SPOTC_API_BASE="$URL/v1" SPOTC_ACCOUNTS_BASE="$URL" SPOTIFY_CLIENT_ID=spotc-demo \
        SPOTIFY_CLIENT_SECRET=spotc-demo-secret XDG_STATE_HOME="$TMP/state" \
        XDG_CONFIG_HOME="$TMP/config"
    unset SPOTIFY_ACCESS_TOKEN
}

# The run timed: the JSON goes to a file, checked after (not timed): every track, in order.
hydrate() { "$SPOTC" --quiet --json track $(cat "$TMP/ids") >"$TMP/out.json"; }
check() {
    jq -r '.[].id' "$TMP/out.json" | cmp -s - "$TMP/ids" || { echo "hydrate: $1: not the $N tracks asked for"; exit 1; }
}

# --- extended-quota mode ----------------------------------------------------------------------
bench_emulator_start hydrate --latency-ms "$LATENCY_MS"
track_ids "$TMP/ids"
spotc_env
"$SPOTC" --quiet track "$(head -n1 "$TMP/ids")" >/dev/null # the app token, cached
before=$(bench_requests)
hydrate
sent=$(($(bench_requests) - before))
check "extended mode"
T_EXT=$(bench_ms_median $RUNS hydrate)
echo "hydrate: $N tracks by ID, --latency-ms $LATENCY_MS"
echo "hydrate: extended mode: $sent requests (minimum $((N / 50)): $(bench_ratio $sent $((N / 50)))x), $T_EXT ms (median of $RUNS)"

if bench_node_sdks hydrate; then
    export SPOTIFY_ACCESS_TOKEN
    SPOTIFY_ACCESS_TOKEN=$(jq -r .access_token "$(find "$TMP/state/spotc" -name 'app-*.json' | head -n1)")
    for sdk in ts node; do
        t=$(bench_ms_median 1 node "$HERE/tracks_sdk.js" $sdk "$URL/v1" several "$TMP/ids")
        echo "hydrate: extended mode: $(bench_sdk_label $sdk): $t ms; spotc is $(bench_ratio "$t" "$T_EXT")x faster"
    done
    unset SPOTIFY_ACCESS_TOKEN
fi
cp "$TMP/ids" "$TMP/../hydrate_ids.$$"
kill "$PID" 2>/dev/null
wait "$PID" 2>/dev/null || true
rm -rf "$TMP"

# --- development mode at the rate limit ---------------------------------------------------------
bench_emulator_start hydrate --latency-ms "$LATENCY_MS" --mode development --rate-limit $RATE
mv "$TMP/../hydrate_ids.$$" "$TMP/ids"
spotc_env
"$SPOTC" --quiet track "$(head -n1 "$TMP/ids")" >/dev/null
before=$(bench_requests)
l0=$(limited)
T_DEV=$(bench_ms hydrate)
sent=$(($(bench_requests) - before))
check "development mode"
l=$(($(limited) - l0))
FLOOR=$(least_ms $N)
NRATE=$(nrate_ms $N)
echo "hydrate: development mode, --rate-limit $RATE per ${BENCH_WINDOW_S} s: $sent requests (minimum $N), $T_DEV ms = $(bench_ratio "$T_DEV" "$NRATE")x N/rate ($NRATE ms), $(bench_ratio "$T_DEV" "$FLOOR")x the least the window allows ($FLOOR ms); 429 answers: $l = $(awk -v a=$l -v b=$sent 'BEGIN { printf "%.2f", b ? 100 * a / b : 0 }')% (goal <= 1%)"
