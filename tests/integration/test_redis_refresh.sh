# 8 processes find the user's access token in Redis expired at once (the
# emulator's clock moved past its expiry, so each gets a 401): under the Redis
# lock exactly one refreshes (the rotated refresh token would refuse a second),
# and the other seven load its token.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/redis_lib.sh"
emu_start
redis_start
TRACK=$(sample_track)
login=$(curl -s -X POST "$EMU_URL/_emulator/token" \
    -d '{"user":"demo","scope":"user-read-private","client_id":"spotc-demo"}')
KEY='spotc:{spotc-demo}:user:demo'
rcli HSET "$KEY" access_token "$(jq -r .access_token <<<"$login")" \
    refresh_token "$(jq -r .refresh_token <<<"$login")" \
    expires_at $(($(date +%s) + 3600)) client_id spotc-demo user demo >/dev/null
first_refresh=$(rcli HGET "$KEY" refresh_token)
curl -s -X POST "$EMU_URL/_emulator/clock" -d '{"advance": 3700}' >/dev/null
# A slow token endpoint keeps the refresh open while the others get their 401s.
curl -s -X POST "$EMU_URL/_emulator/faults" -d '{"rules":[{"method":"POST","path":"/api/token",
    "fault":"latency","delay_ms":400,"times":0}]}' >/dev/null
before=$(curl -s "$EMU_URL/_emulator/stats" | jq .grants.refresh_token)
pids=()
for i in $(seq 1 8); do
    "$SPOTC_REDIS_WORKER" user "/tracks/$TRACK" >"$TMP/u$i.out" 2>"$TMP/u$i.err" &
    pids+=($!)
done
for i in $(seq 0 7); do
    wait "${pids[$i]}" || fail "worker $((i + 1)) failed: $(cat "$TMP/u$((i + 1)).err")"
done
after=$(curl -s "$EMU_URL/_emulator/stats" | jq .grants.refresh_token)
[ $((after - before)) -eq 1 ] || fail "$((after - before)) refreshes at the emulator, want exactly 1"
[ "$(rcli HGET "$KEY" refresh_token)" != "$first_refresh" ] || fail "the rotated refresh token was not stored"
[ "$(rcli EXISTS "$KEY:lock")" -eq 0 ] || fail "the lock was left behind"
echo "redis refresh: 8 processes, $((after - before)) refresh"
