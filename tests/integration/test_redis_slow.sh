# A Redis that stops answering (SIGSTOP: connected, silent) never holds the
# workers up: each command times out after 1 s, the clients go on with their
# own budgets and finish while Redis is still frozen; thawed, it is used again.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/redis_lib.sh"
emu_start --rate-limit 1000
redis_start
export SPOTC_RATE_BUDGET=1000
TRACK=$(sample_track)
"$SPOTC_REDIS_WORKER" budget 2 2 "/tracks/$TRACK" >/dev/null 2>"$TMP/warm.err" ||
    fail "warm-up: $(cat "$TMP/warm.err")"   # the app token is in Redis now
before=$(rcli ZCARD 'spotc:{spotc-demo}:budget')
kill -STOP "$REDIS_PID"
start=$(date +%s)
pids=()
for i in 1 2 3 4; do
    "$SPOTC_REDIS_WORKER" budget 2 20 "/tracks/$TRACK" >"$TMP/w$i.out" 2>"$TMP/w$i.err" &
    pids+=($!)
done
for i in 0 1 2 3; do
    wait "${pids[$i]}" || { kill -CONT "$REDIS_PID"; fail "worker $((i + 1)) failed: $(cat "$TMP/w$((i + 1)).err")"; }
done
took=$(($(date +%s) - start))
kill -CONT "$REDIS_PID"
[ "$took" -le 15 ] || fail "the workers took $took s with Redis frozen (want <= 15 s: 1 s timeouts)"
grep -q 'is unavailable' "$TMP/w1.err" || fail "no warning about the frozen Redis: $(cat "$TMP/w1.err")"
"$SPOTC_REDIS_WORKER" budget 1 3 "/tracks/$TRACK" >/dev/null 2>"$TMP/after.err" || fail "after: $(cat "$TMP/after.err")"
after=$(rcli ZCARD 'spotc:{spotc-demo}:budget')
[ "$after" -ge $((before + 3)) ] || fail "thawed Redis not used again ($before -> $after slots)"
echo "redis slow: 8 clients x 20 requests finished in $took s with Redis frozen"
