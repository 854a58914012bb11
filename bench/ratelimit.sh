#!/usr/bin/env bash
# N requests at the emulator's rate limit (issue 11): `spotc playlist export` of the demo
# user's 10,000-item playlist (1 + 200 requests, 8 pages in flight) against an emulator that
# admits RATE requests a rolling 30 s (--rate-limit RATE) and answers after 20 ms. The time
# against N / rate and against the least the window allows (request k is admitted
# floor((k - 1) / RATE) windows after the first at the soonest), and the share of requests answered 429 (goal <= 1%): the
# client should wait out one Retry-After for all its requests in flight, not run into it again.
# With N (> 201) it pages the same playlist with `spotc api --paginate` in pages of
# 10000 / N items instead, N requests from one process, so one burst of 429s (the requests in
# flight when the window first fills) weighs what it does in a long run.
# Without N (as `make bench` runs it) it runs both: N = 201, the export, where the one burst
# is 4% of the requests, and N = 1000, where the goal is measured.
# usage: bench/ratelimit.sh [BUILD_DIR [N [RATE]]]
set -euo pipefail
BUILD=${1:-build}
if [ $# -lt 2 ]; then
    bash "$0" "$BUILD" 201
    exec bash "$0" "$BUILD" 1000
fi
N_ASKED=${2:-201}
LATENCY_MS=20
RATE=${3:-150}
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.bash"
bench_require ratelimit
bench_emulator_start ratelimit --latency-ms "$LATENCY_MS" --rate-limit $RATE

SPOTIFY_ACCESS_TOKEN=$(curl -s -X POST -d '{"user":"demo","scope":"playlist-read-private"}' \
    "$URL/_emulator/token" | jq -r .access_token)
PLAYLIST=$(curl -s "$URL/_emulator/sample" | jq -r .big_playlist)
export SPOTIFY_ACCESS_TOKEN SPOTC_API_BASE="$URL/v1" SPOTC_ACCOUNTS_BASE="$URL" \
    SPOTIFY_CLIENT_ID= SPOTIFY_CLIENT_SECRET= XDG_STATE_HOME="$TMP/state" XDG_CONFIG_HOME="$TMP/config"

status_count() { curl -s "$URL/_emulator/stats" | jq "[.requests[] | .[\"$1\"] // 0] | add // 0"; }
if [ "$N_ASKED" -le 201 ]; then
    WHAT="export of 10000 items"
    GOAL="the requests in flight when the window fills; the goal <= 1% is for a long run, N = 1000"
    T=$(bench_ms "$SPOTC" --quiet playlist export "$PLAYLIST" --format csv -o "$TMP/out.csv")
    [ "$(($(wc -l <"$TMP/out.csv") - 1))" = 10000 ] || { echo "ratelimit: the export is not 10000 rows"; exit 1; }
else
    PAGE=$((10000 / N_ASKED))
    WHAT="10000 items in pages of $PAGE, api --paginate"
    GOAL="goal <= 1%"
    paginate() { "$SPOTC" --quiet api GET "/playlists/$PLAYLIST/items" --paginate limit=$PAGE >"$TMP/out.jsonl"; }
    T=$(bench_ms paginate)
    [ "$(wc -l <"$TMP/out.jsonl")" = 10000 ] || { echo "ratelimit: the paging did not give 10000 items"; exit 1; }
fi
ok=$(status_count 200)
limited=$(status_count 429)
n=$((ok + limited))
NRATE=$(nrate_ms $ok)
FLOOR=$(least_ms $ok)
echo "ratelimit: $ok requests answered ($WHAT) at --rate-limit $RATE per $BENCH_WINDOW_S s, --latency-ms $LATENCY_MS"
echo "ratelimit: $T ms = $(bench_ratio "$T" "$NRATE")x N/rate ($NRATE ms), $(bench_ratio "$T" "$FLOOR")x the least the window allows ($FLOOR ms)"
echo "ratelimit: 429 answers: $limited of $n = $(awk -v a="$limited" -v b="$n" 'BEGIN { printf "%.2f", b ? 100 * a / b : 0 }')% ($GOAL)"
