# spotc-emulator: rate limit, quota, failure rate, scripted faults, clock, reset, stats.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

# --- rolling rate limit per app, freed by the clock ----------------------------------------
start rl --rate-limit 3 --app second:second-secret
sample
app_token
for _ in 1 2 3; do
    api GET "/v1/tracks/$TRACK"
    expect 200
done
api GET "/v1/tracks/$TRACK"
expect 429 '.error.status == 429' '.error | has("reason") | not'
RA=$(header Retry-After)
[[ "$RA" =~ ^[0-9]+$ ]] && [ "$RA" -ge 1 ] && [ "$RA" -le 30 ] || fail "Retry-After '$RA'"
FIRST=$TOKEN
app_token second second-secret # another app has its own window
api GET "/v1/tracks/$TRACK"
expect 200
TOKEN=$FIRST
req POST /_emulator/clock -d '{"advance": 31}'
expect 200 '.now > 0'
api GET "/v1/tracks/$TRACK"
expect 200
req GET /_emulator/stats
expect 200 '.rate_limited == 1' '.requests["GET /v1/tracks/{id}"]["429"] == 1'
stop "$PID_rl"

# --- quota per developer account -------------------------------------------------------------
start quota --quota 2 --app second:second-secret
sample
app_token
api GET "/v1/tracks/$TRACK"
expect 200
app_token second second-secret
api GET "/v1/artists/$ARTIST"
expect 200
api GET "/v1/albums/$ALBUM"
expect 429 '.error.reason == "QUOTA_EXCEEDED"'
[ -n "$(header Retry-After)" ] || fail "quota 429 without Retry-After"
stop "$PID_quota"

# --- failure rate from the command line and from the control API ------------------------------
start fail --fail-rate 1
sample
req POST /api/token -u spotc-demo:spotc-demo-secret -d grant_type=client_credentials
expect 503 '.error.status == 503'
req DELETE /_emulator/faults
expect 200 '.fail_rate == 0'
app_token
faults '{"fail_rate": 1}'
api GET "/v1/tracks/$TRACK"
expect 503
faults '{"fail_rate": 0}'
api GET "/v1/tracks/$TRACK"
expect 200
stop "$PID_fail"

# --- scripted faults, one kind at a time -------------------------------------------------------
start f
sample
app_token
P="/v1/tracks/$TRACK"
faults '{"rules":[{"method":"GET","path":"/v1/tracks/*","fault":"status","status":500,"times":2}]}'
api GET "$P"
expect 500 '.error.status == 500'
api GET "$P"
expect 500
api GET "$P"
expect 200
faults '{"rules":[{"path":"/v1/tracks/*","fault":"status","status":502,"method":"POST"}]}'
api GET "$P" # the method does not match
expect 200
req DELETE /_emulator/faults
expect 200 '.rules == []'

faults '{"rules":[{"path":"/v1/*","fault":"rate_limit","retry_after":7}]}'
api GET "$P"
expect 429
[ "$(header Retry-After)" = 7 ] || fail "Retry-After $(header Retry-After), want 7"
faults '{"rules":[{"path":"/v1/*","fault":"rate_limit_no_retry_after"}]}'
api GET "$P"
expect 429
[ -z "$(header Retry-After)" ] || fail "unexpected Retry-After"

faults '{"rules":[{"path":"/v1/tracks/*","fault":"reset"}]}'
api GET "$P"
[ "$CURL_RC" -ne 0 ] || fail "reset: curl got an answer ($STATUS)"
api GET "$P"
expect 200

faults '{"rules":[{"path":"/v1/tracks/*","fault":"truncate"}]}'
api GET "$P"
[ "$CURL_RC" -eq 18 ] || fail "truncate: curl exit $CURL_RC, want 18 (partial body)"

faults '{"rules":[{"path":"/v1/tracks/*","fault":"malformed_json"}]}'
api GET "$P"
[ "$STATUS" = 200 ] || fail "malformed_json: status $STATUS"
! jq -e . >/dev/null 2>&1 <<<"$BODY" || fail "malformed_json: the body parsed: ${BODY:0:200}"

# Delays: only lower bounds are checked (the server enforces them); never upper bounds.
elapsed_ms() { local s e; s=$(date +%s%N); "$@"; e=$(date +%s%N); ELAPSED=$(((e - s) / 1000000)); }
faults '{"rules":[{"path":"/v1/tracks/*","fault":"slow","delay_ms":600}]}'
elapsed_ms api GET "$P"
expect 200 ".id == \"$TRACK\""
[ "$ELAPSED" -ge 500 ] || fail "slow body took only ${ELAPSED} ms"
faults '{"rules":[{"path":"/v1/tracks/*","fault":"latency","delay_ms":400}]}'
elapsed_ms api GET "$P"
expect 200 ".id == \"$TRACK\""
[ "$ELAPSED" -ge 400 ] || fail "latency took only ${ELAPSED} ms"
faults '{"latency_ms": 300}'
elapsed_ms api GET "$P"
expect 200
[ "$ELAPSED" -ge 300 ] || fail "global latency took only ${ELAPSED} ms"
req DELETE /_emulator/faults
expect 200 '.latency_ms == 0'

faults '{"rules":[{"path":"/v1/albums/*","fault":"status","status":503,"times":0}]}'
for _ in 1 2 3; do
    api GET "/v1/albums/$ALBUM"
    expect 503
done
req GET /_emulator/faults
expect 200 '.rules[0].times == 0'
req POST /_emulator/faults -d '{"rules":[{"path":"/x","fault":"explode"}]}'
expect 400
req POST /_emulator/faults -d '{"rules":[{"fault":"status"}]}'
expect 400
req POST /_emulator/faults -d 'not json'
expect 400
req POST /_emulator/faults -d '{"fail_rate": 2}'
expect 400
# A 1xx is no final answer: the client would wait for one forever.
req POST /_emulator/faults -d '{"rules":[{"path":"/x","fault":"status","status":101}]}'
expect 400

# --- the clock expires tokens ------------------------------------------------------------------
req POST /_emulator/reset
expect 200
app_token
req GET /_emulator/clock
BEFORE=$(jq .now <<<"$BODY")
# 10 s short of the hour: the emulator's clock also runs in real time, and a loaded
# machine may take a second or more between these requests.
req POST /_emulator/clock -d '{"advance": 3590}'
expect 200 ".now >= $BEFORE + 3590"
api GET "$P"
expect 200
req POST /_emulator/clock -d '{"advance": 11}'
api GET "$P"
expect 401 '.error.message == "The access token expired"'
req POST /_emulator/clock -d '{"advance": "soon"}'
expect 400

# --- reset: faults, stats and the clock back to the start --------------------------------------
faults '{"latency_ms": 5, "rules":[{"path":"*","fault":"status"}]}'
req POST /_emulator/reset
expect 200
req GET /_emulator/faults
expect 200 '.rules == [] and .latency_ms == 0'
req GET /_emulator/stats
expect 200 '.total == 0' '.requests == {}' '.grants.client_credentials == 0'
app_token
api GET "$P"
expect 200
req GET "$P" -H 'Authorization: Bearer nope'
req GET /_emulator/stats
expect 200 '.total == 3' '.grants.client_credentials == 1' \
    '.requests["GET /v1/tracks/{id}"] == {"200": 1, "401": 1}' \
    '.requests["POST /api/token"] == {"200": 1}'
echo ok
