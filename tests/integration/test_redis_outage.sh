# Redis killed while 4 processes x 2 clients work through the shared budget
# (3 windows' worth): it stays away past the first window, so the clients wake
# without it, warn once, go on with their own budgets (the emulator's 429s are
# waited out) and all finish; Redis restarted (empty) meanwhile: the clients
# reconnect and share again.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/redis_lib.sh"
RATE=40
emu_start --rate-limit "$RATE"
redis_start
export SPOTC_RATE_BUDGET=$RATE
TRACK=$(sample_track)
pids=()
for i in 1 2 3 4; do
    "$SPOTC_REDIS_WORKER" budget 2 15 "/tracks/$TRACK" >"$TMP/w$i.out" 2>"$TMP/w$i.err" &
    pids+=($!)
done
sharing() { [ "$(rcli ZCARD 'spotc:{spotc-demo}:budget' 2>/dev/null)" -gt 0 ] 2>/dev/null; }
for _ in $(seq 1 500); do # until the workers are sharing
    sharing && break
    sleep 0.02
done
sharing || fail "the workers never took a slot from Redis: $(cat "$TMP"/w*.err)"
redis_kill
sleep 34 # the first window passes: the clients wake to no Redis
redis_start
shared=0
for _ in $(seq 1 600); do # the workers come back to Redis (it restarted empty)
    if sharing; then shared=1; break; fi
    sleep 0.1
done
for i in 0 1 2 3; do
    wait "${pids[$i]}" || fail "worker $((i + 1)) did not finish its work: $(cat "$TMP/w$((i + 1)).err")"
done
[ "$shared" -eq 1 ] || fail "after the restart no client took its slots from Redis again" \
    "($(rcli INFO clients | grep connected_clients); keys: $(rcli KEYS '*' | tr '\n' ' ')): $(cat "$TMP"/w*.err)"
[ "$(web_count 200)" -eq 120 ] || fail "$(web_count 200) requests succeeded, want 120"
# A client that slept through the outage never met it; one that met it warned once.
warned=0
for i in 1 2 3 4; do
    n=$(grep -c 'is unavailable' "$TMP/w$i.err" || true)
    [ "$n" -le 2 ] || fail "worker $i warned $n times, want at most once per client: $(cat "$TMP/w$i.err")"
    warned=$((warned + n))
done
[ "$warned" -ge 1 ] || fail "no client warned that Redis was away"

echo "redis outage: all 8 clients finished; $warned warned once; $(web_count 429) answers of 429 while Redis was away"
