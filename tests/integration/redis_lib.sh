# Helpers of the Redis tests: source after lib.sh. redis_start runs Debian's
# redis-server on a free loopback port with no persistence (REDIS_PORT,
# REDIS_PID, SPOTC_REDIS_URL); the EXIT trap stops it.
: "${SPOTC_REDIS_WORKER:?set by ctest}"
command -v redis-server >/dev/null || { echo "SKIP: redis-server is not installed"; exit 77; }
REDIS_PID=
REDIS_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis_cleanup() {
    kill_child "$REDIS_PID"
    cleanup
}
trap redis_cleanup EXIT

redis_up() { redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

redis_start() {
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --dir "$TMP" >>"$TMP/redis.log" 2>&1 &
    REDIS_PID=$!
    wait_until 60 "$REDIS_PID" redis_up || true
    redis-cli -p "$REDIS_PORT" ping | grep -q PONG || fail "redis-server did not start: $(cat "$TMP/redis.log")"
    export SPOTC_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
}

redis_kill() {
    kill -9 "$REDIS_PID"
    wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=
}

rcli() { redis-cli -p "$REDIS_PORT" "$@"; }

# The emulator's count of Web API answers with a status (200, 429 ...).
web_count() {
    curl -s "$EMU_URL/_emulator/stats" |
        jq --arg s "$1" '[.requests | to_entries[] | select(.key | test("^GET /v1/")) | .value[$s] // 0] | add // 0'
}
sample_track() { curl -s "$EMU_URL/_emulator/sample" | jq -r .track; }
