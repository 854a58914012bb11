# spotc-emulator under hostile clients: malformed credentials, slow and idle connections,
# oversized heads and bodies, floods of tokens, fault rules and playlists. Memory is read
# from /proc/PID/status before and after each flood and must stay bounded.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

# --- Authorization: Basic with bad padding (once a stack write before the buffer) --------
start creds
for cred in '====' '=' 'A===' 'AA=A' '====YTpi' '!!!!'; do
    req POST /api/token -H "Authorization: Basic $cred" -d grant_type=client_credentials
    expect 401 '.error == "invalid_client"' '.error_description | type == "string"'
done
app_token # still alive and serving

# --- the accounts service answers every error in RFC 6749's format ---------------------------
oauth() { expect "$1" ".error == \"$2\"" '.error_description | type == "string"' '(keys | sort) == ["error", "error_description"]'; }
req GET /api/token
oauth 405 invalid_request
req POST /api/nothing
oauth 404 invalid_request
req POST '/api/token?x=%zz' -d grant_type=client_credentials
oauth 400 invalid_request
faults '{"rules":[{"path":"/api/token","fault":"status","status":500,"times":1},
                  {"path":"/api/token","fault":"status","status":400,"times":1},
                  {"path":"/api/token","fault":"rate_limit","retry_after":3,"times":1},
                  {"path":"/api/token","fault":"rate_limit_no_retry_after","times":1},
                  {"path":"/api/token","fault":"status","status":503,"times":1}]}'
for want in "500 server_error" "400 invalid_request" "429 temporarily_unavailable" \
    "429 temporarily_unavailable" "503 temporarily_unavailable"; do
    req POST /api/token -u spotc-demo:spotc-demo-secret -d grant_type=client_credentials
    oauth ${want% *} ${want#* }
done
faults '{"fail_rate": 1}'
req POST /api/token -u spotc-demo:spotc-demo-secret -d grant_type=client_credentials
oauth 503 temporarily_unavailable
faults '{"fail_rate": 0}'
head -c $((5 << 20)) /dev/zero | tr '\0' a >"$TMP/big"
req POST /api/token -u spotc-demo:spotc-demo-secret --data-binary @"$TMP/big"
oauth 413 invalid_request
TOKEN=not-a-token
api GET /v1/markets # the Web API keeps its own format
expect 401 '.error.status == 401'
stop "$PID_creds"

# --- slow and idle clients (slowloris) -------------------------------------------------------
# clients PORT N SOURCE SECONDS BURST TRICKLE: N connections from SOURCE (another loopback
# address, so the per-address cap is the attacker's alone); each sends BURST at once, then
# TRICKLE a byte a second. Prints "N answered closed_at_once closed_later last_close_s open":
# answered = got response bytes; closed_at_once = closed by the server within 1.5 s.
cat >"$TMP/clients.py" <<'PY'
import socket, sys, time
port, n, src, secs = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
burst, trickle = sys.argv[5].encode(), sys.argv[6].encode()
socks = []
for _ in range(n):
    s = socket.socket()
    s.bind((src, 0))
    s.connect(("127.0.0.1", port))
    s.setblocking(False)
    s.send(burst)
    socks.append(s)
t0 = time.time(); i = 0; closed = {}; answered = set()
while time.time() - t0 < secs and len(closed) < n:
    time.sleep(0.25)
    for k, s in enumerate(socks):
        if k in closed:
            continue
        try:
            if s.recv(65536):
                answered.add(k)
                continue
            closed[k] = time.time() - t0
        except BlockingIOError:
            pass
        except OSError:
            closed[k] = time.time() - t0
        if k not in closed and i % 4 == 0 and i // 4 < len(trickle):
            try:
                s.send(trickle[i // 4:i // 4 + 1])
            except OSError:
                closed[k] = time.time() - t0
    i += 1
early = [t for t in closed.values() if t < 1.5]
late = [t for t in closed.values() if t >= 1.5]
print(n, len(answered), len(early), len(late), round(max(late), 1) if late else 0, n - len(closed))
PY
port_of() { sed 's/.*://' <<<"$1"; }
clients() { python3 "$TMP/clients.py" "$(port_of "$URL")" "$@"; }
SLOW_HEAD="GET /v1/markets HTTP/1.1"$'\r\n'"Host: x"$'\r\n'"X-Slow: $(printf 'a%.0s' {1..40})"

start slow --header-timeout 2 --body-timeout 2 --max-connections-per-ip 50
clients 120 127.0.0.2 9 "" "$SLOW_HEAD" >"$TMP/slow.out" &
SLOW=$!
sleep 1
for _ in 1 2 3; do # others are served during the attack, at once
    STATUS=$(curl -sS -m 2 -o /dev/null -w '%{http_code}' "$URL/_emulator/sample") ||
        fail "not served during the attack"
    [ "$STATUS" = 200 ] || fail "got $STATUS during the attack"
    sleep 0.5
done
wait "$SLOW"
read -r n answered early late last open <"$TMP/slow.out"
echo "slowloris: $n connections, $early closed at once (per-address cap), $late dropped by ${last}s, $open left"
[ "$early" -eq 70 ] || fail "per-address cap: $early of 120 closed at once, want 70"
[ "$late" -eq 50 ] && [ "$open" -eq 0 ] || fail "slow heads not all dropped: $(cat "$TMP/slow.out")"
awk -v l="$last" 'BEGIN { exit !(l <= 4) }' || fail "slow heads dropped after ${last}s (deadline 2 s)"

# An idle connection (nothing sent) and a slow body are dropped by the same deadlines.
clients 1 127.0.0.3 6 "" "" >"$TMP/idle.out"
read -r _ _ _ late last open <"$TMP/idle.out"
[ "$late" -eq 1 ] && awk -v l="$last" 'BEGIN { exit !(l <= 4) }' ||
    fail "idle connection: $(cat "$TMP/idle.out")"
clients 3 127.0.0.3 8 "PUT /v1/me/tracks HTTP/1.1"$'\r\n'"Host: x"$'\r\n'"Content-Length: 100"$'\r\n\r\n' \
    "$(printf '[%.0s' {1..99})" >"$TMP/body.out"
read -r _ _ _ late last open <"$TMP/body.out"
[ "$late" -eq 3 ] && awk -v l="$last" 'BEGIN { exit !(l <= 4) }' ||
    fail "slow body: $(cat "$TMP/body.out")"
stop "$PID_slow"

# The cap on connections to the whole server: 20 answered at once, the others wait.
start cap --max-connections 20 --idle-timeout 5
clients 30 127.0.0.4 1.5 "GET /v1/markets HTTP/1.1"$'\r\n'"Host: x"$'\r\n\r\n' "" >"$TMP/cap.out"
read -r _ answered _ _ _ _ <"$TMP/cap.out"
[ "$answered" -eq 20 ] || fail "global cap: $answered of 30 answered at once, want 20"
stop "$PID_cap"

# --- floods: memory stays bounded ------------------------------------------------------------
# flood N METHOD PATH BODY [HEADER...]: N requests on one keep-alive connection ({i} in the
# body is the request's number); prints "status:count ...".
cat >"$TMP/flood.py" <<'PY'
import http.client, sys
port, n, method, path, body = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
hdrs = dict(h.split(": ", 1) for h in sys.argv[6:])
c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
codes = {}
for i in range(n):
    c.request(method, path, body=body.replace("{i}", str(i)).encode(), headers=hdrs)
    r = c.getresponse()
    r.read()
    codes[r.status] = codes.get(r.status, 0) + 1
print(" ".join(f"{k}:{v}" for k, v in sorted(codes.items())))
PY
flood() { python3 "$TMP/flood.py" "$(port_of "$URL")" "$@"; }
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
# AddressSanitizer's allocator (redzones, size classes) costs several times the memory.
SAN_FACTOR=1
grep -q AddressSanitizer "$SPOTC_EMULATOR" && SAN_FACTOR=8
# grew BEFORE_KB MAX_KB WHAT: fail when the emulator's RSS grew by more than MAX_KB.
grew() {
    local now
    now=$(rss_kb "$PID")
    echo "$3: RSS ${1} kB -> ${now} kB"
    [ $((now - $1)) -le $(($2 * SAN_FACTOR)) ] || fail "$3: RSS grew from $1 kB to $now kB"
}
USER_TOKEN='{"user":"demo","scope":"playlist-modify-public playlist-modify-private"}'

# Under AddressSanitizer freed memory waits in a quarantine (256 MB by default) that would
# read as growth; a small one keeps the measure about the emulator's own memory.
ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}quarantine_size_mb=1:thread_local_quarantine_size_kb=64" \
    start flood
# Tokens: past the first thousand per app and user, the oldest die; expired ones go.
flood 2000 POST /_emulator/token "$USER_TOKEN" >/dev/null
flood 2000 POST /api/token grant_type=client_credentials \
    'Content-Type: application/x-www-form-urlencoded' \
    "Authorization: Basic $(printf spotc-demo:spotc-demo-secret | base64)" >/dev/null
BEFORE=$(rss_kb "$PID")
[ "$(flood 10000 POST /_emulator/token "$USER_TOKEN")" = "200:10000" ] || fail "token flood"
[ "$(flood 10000 POST /api/token grant_type=client_credentials \
    'Content-Type: application/x-www-form-urlencoded' \
    "Authorization: Basic $(printf spotc-demo:spotc-demo-secret | base64)")" = "200:10000" ] ||
    fail "client-credentials flood"
grew "$BEFORE" 4096 "20,000 tokens"
req POST /_emulator/token -d "$USER_TOKEN"
TOKEN=$(jq -r .access_token <<<"$BODY")
api GET /v1/me
expect 200

# Fault rules: at most 1000 wait; spent ones are reclaimed; a POST answers a summary.
RULES=$(python3 -c 'import json; print(json.dumps({"rules": [{"path": "/v1/nothing/%d" % i, "fault": "status", "times": 1} for i in range(1000)]}))')
req POST /_emulator/faults -d "$RULES"
expect 200 '.rules == 1000' '.max_rules == 1000'
[ "${#BODY}" -lt 200 ] || fail "POST /_emulator/faults echoed ${#BODY} bytes"
req POST /_emulator/faults -d '{"rules":[{"path":"/v1/x","fault":"status"}]}'
expect 400 '.error.message | test("at most 1000")'
api GET /v1/nothing/7 # fires once and is spent
expect 503
req POST /_emulator/faults -d '{"rules":[{"path":"/v1/x","fault":"status"}]}'
expect 200 '.rules == 1000'
req GET /_emulator/faults
expect 200 '.rules | length == 1000' '[.rules[].path] | index("/v1/nothing/7") == null'
req DELETE /_emulator/faults
expect 200
LONG=$(printf '*a%.0s' {1..15000})
req POST /_emulator/faults -d "{\"rules\":[{\"path\":\"$LONG\",\"fault\":\"status\"}]}"
expect 400 '.error.message | test("at most 1024")'
BEFORE=$(rss_kb "$PID")
[ "$(flood 10000 POST /_emulator/faults '{"rules":[{"path":"/v1/spent/{i}","fault":"status","times":1}]}')" \
    = "200:1000 400:9000" ] || fail "fault flood"
req DELETE /_emulator/faults
expect 200
grew "$BEFORE" 2048 "10,000 fault rules"

# Playlists: at most 10,000 per user; at most 10,000 items each.
BEFORE=$(rss_kb "$PID")
OUT=$(flood 10100 POST /v1/me/playlists '{"name":"flood {i}","public":false}' \
    'Content-Type: application/json' "Authorization: Bearer $TOKEN")
[[ "$OUT" =~ ^201:[0-9]+\ 400:[0-9]+$ ]] || fail "playlist flood: $OUT"
api POST /v1/me/playlists -H 'Content-Type: application/json' -d '{"name":"one more"}'
expect 400 '.error.message | test("at most 10000 playlists")'
grew "$BEFORE" 65536 "10,100 playlist creations"
req GET /_emulator/sample
TRACK_URI="spotify:track:$(jq -r .track <<<"$BODY")"
req POST /_emulator/reset # playlists back to the seed: room for one more
expect 200
api POST /v1/me/playlists -H 'Content-Type: application/json' -d '{"name":"full"}'
expect 201
FULL=$(jq -r .id <<<"$BODY")
URIS=$(python3 -c "import json,sys; print(json.dumps({'uris': [sys.argv[1]] * 100}))" "$TRACK_URI")
[ "$(flood 100 POST "/v1/playlists/$FULL/items" "$URIS" 'Content-Type: application/json'     "Authorization: Bearer $TOKEN")" = "201:100" ] || fail "filling a playlist"
api POST "/v1/playlists/$FULL/items" -H 'Content-Type: application/json' -d "{\"uris\":[\"$TRACK_URI\"]}"
expect 400 '.error.message == "Playlist size limit reached"'
stop "$PID_flood"
echo ok
