# 4 processes x 2 clients of one app share one rate budget through Redis against
# an emulator whose rolling window admits RATE requests per 30 s: together they
# get at most 1% of 429s and at least 0.9x the allowed rate (the time three
# windows' worth of requests needs at best: two full windows).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/redis_lib.sh"
RATE=60
PER_CLIENT=$((3 * RATE / 8))   # 3 windows' worth for 8 clients
emu_start --rate-limit "$RATE"
redis_start
export SPOTC_RATE_BUDGET=$RATE
TRACK=$(sample_track)
start=$(date +%s.%N)
pids=()
for i in 1 2 3 4; do
    "$SPOTC_REDIS_WORKER" budget 2 "$PER_CLIENT" "/tracks/$TRACK" >"$TMP/w$i.out" 2>"$TMP/w$i.err" &
    pids+=($!)
done
for i in 0 1 2 3; do
    wait "${pids[$i]}" || fail "worker $((i + 1)) failed: $(cat "$TMP/w$((i + 1)).err")"
done
end=$(date +%s.%N)
ok=$(web_count 200)
limited=$(web_count 429)
total=$((ok + limited))
[ "$ok" -eq $((8 * PER_CLIENT)) ] || fail "$ok requests succeeded, want $((8 * PER_CLIENT))"
# Three windows' worth can at best be done in two windows (a burst, then one per window).
read -r share ratio < <(awk -v l="$limited" -v t="$total" -v s="$start" -v e="$end" \
    'BEGIN { printf "%.4f %.3f\n", l / t, 60 / (e - s) }')
echo "redis budget: $total requests, $limited answered 429 (share $share), $(awk -v s="$start" -v e="$end" 'BEGIN{printf "%.1f", e-s}') s, rate ratio $ratio"
awk -v x="$share" 'BEGIN { exit !(x <= 0.01) }' || fail "429 share $share > 1%"
awk -v x="$ratio" 'BEGIN { exit !(x >= 0.9) }' || fail "rate ratio $ratio < 0.9"
grants=$(curl -s "$EMU_URL/_emulator/stats" | jq .grants.client_credentials)
[ "$grants" -eq 1 ] || fail "$grants app tokens fetched, want 1 shared by all"
