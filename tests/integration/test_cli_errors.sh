# spotc's failures: a dead server, refused credentials, faults, rate limits;
# --verbose never shows a secret or a token.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
# These tests read the TSV rows; the header row is test_cli_output's.
spotc() { "$SPOTC_CLI" --no-header "$@"; }
emu_start
track=$(sample track)

# --- secrets ----------------------------------------------------------------
# Client credentials: the trace shows both exchanges, with the secret and token hidden.
expect_status 0 spotc --verbose track "$track"
contains "$ERR" "> POST /api/token"
contains "$ERR" "> GET /v1/tracks/$track"
contains "$ERR" "Authorization: Bearer ***"
not_contains "$ERR$OUT" "spotc-demo-secret"
not_contains "$ERR" "$(printf 'spotc-demo:spotc-demo-secret' | base64)"
! grep -Eq '"access_token" *: *"[^*"]' <<<"$ERR" || fail "a token in the trace: $ERR"
# A given token (SPOTIFY_ACCESS_TOKEN) is used as is and never shown.
token=$(curl -fsS -u spotc-demo:spotc-demo-secret -d grant_type=client_credentials \
    "$EMU_URL/api/token" | jq -er .access_token)
expect_status 0 env SPOTIFY_ACCESS_TOKEN="$token" "$SPOTC_CLI" --verbose --json track "$track"
contains "$ERR" "Authorization: Bearer ***"
not_contains "$ERR$OUT" "$token"
not_contains "$ERR" "/api/token"
# --market reaches the request.
expect_status 0 spotc --verbose track "$track" --market SE
contains "$ERR" "market=SE"

# --- credentials refused: exit 3 with the accounts service's words ------------
expect_status 3 env SPOTIFY_CLIENT_SECRET=wrong-secret "$SPOTC_CLI" track "$track"
contains "$ERR" "spotc: "
contains "$ERR" "nvalid client"
not_contains "$ERR" "wrong-secret"
expect_status 3 env SPOTIFY_ACCESS_TOKEN=not-a-token "$SPOTC_CLI" track "$track"
contains "$ERR" "401"

# --- a client that cannot be set up says why (spotc_error_last) --------------
expect_status 2 env SPOTC_API_BASE=ftp://example.com/v1 "$SPOTC_CLI" track "$track"
contains "$ERR" "cannot set up the client: invalid client options: api_base"
expect_status 2 env SPOTC_MARKET=Sweden "$SPOTC_CLI" track "$track"
contains "$ERR" "market is not a two-letter country code"

# --- faults -----------------------------------------------------------------
fault() { emu_post /_emulator/faults "{\"rules\": [$1]}" >/dev/null; }
# A 503 on every try: retried, then "HTTP 503", exit 8.
fault '{"path": "/v1/tracks/*", "fault": "status", "status": 503, "times": 0}'
expect_status 8 spotc --retries 1 track "$track"
contains "$ERR" "HTTP 503"
curl -fsS -X DELETE "$EMU_URL/_emulator/faults" >/dev/null
# One 503, then an answer: the retry hides it.
fault '{"path": "/v1/tracks/*", "fault": "status", "status": 503, "times": 1}'
expect_status 0 spotc track "$track"
# A broken body: exit 9.
fault '{"path": "/v1/tracks/*", "fault": "malformed_json", "times": 0}'
expect_status 9 spotc --retries 0 track "$track"
expect_status 9 spotc --retries 0 --json track "$track"
curl -fsS -X DELETE "$EMU_URL/_emulator/faults" >/dev/null
# A connection reset: a network error, exit 6.
fault '{"path": "/v1/tracks/*", "fault": "reset", "times": 0}'
expect_status 6 spotc --retries 0 track "$track"
curl -fsS -X DELETE "$EMU_URL/_emulator/faults" >/dev/null
# Several chunks of IDs go out at once (the library's batch engine): in order, and a chunk
# that fails is named. 120 IDs are 3 chunks of GET /tracks?ids=.
many=()
for _ in $(seq 1 120); do many+=("$track"); done
before=$(curl -fsS "$EMU_URL/_emulator/stats" | jq .total)
expect_status 0 spotc --json track "${many[@]}"
[ "$(jq 'length' <<<"$OUT")" = 120 ] && [ "$(jq -r 'map(.id) | unique | join(" ")' <<<"$OUT")" = "$track" ] ||
    fail "120 tracks: $(head -c 300 <<<"$OUT")"
[ "$(($(curl -fsS "$EMU_URL/_emulator/stats" | jq .total) - before))" = 3 ] || fail "not 3 requests for 120 IDs"
fault '{"path": "/v1/tracks", "fault": "status", "status": 404, "times": 0}'
expect_status 4 spotc --retries 0 track "${many[@]}"
contains "$ERR" "chunk 1 of 3 (items 1-50"
curl -fsS -X DELETE "$EMU_URL/_emulator/faults" >/dev/null
# A 429 asking for 1 s: waited out, then answered.
fault '{"path": "/v1/tracks/*", "fault": "rate_limit", "retry_after": 1, "times": 1}'
expect_status 0 spotc track "$track"
# A 429 asking for longer than spotc waits: fails at once, exit 5, the wait said.
fault '{"path": "/v1/tracks/*", "fault": "rate_limit", "retry_after": 3600, "times": 1}'
expect_status 5 timeout 30 "$SPOTC_CLI" track "$track"
contains "$ERR" "3600"
curl -fsS -X DELETE "$EMU_URL/_emulator/faults" >/dev/null

# --- a dead server: exit 6 with a clear message, without hanging --------------
port=$(closed_port)
export SPOTC_API_BASE=http://127.0.0.1:$port/v1 SPOTC_ACCOUNTS_BASE=http://127.0.0.1:$port
expect_status 6 timeout 60 "$SPOTC_CLI" --retries 0 track "$track"
contains "$ERR" "spotc: "
contains "$ERR" "127.0.0.1"
[ "$(line_count "$ERR")" -le 3 ] || fail "a short message: $ERR"
# With the default retries too (they back off, then give up).
expect_status 6 timeout 120 "$SPOTC_CLI" search love
expect_status 6 timeout 60 "$SPOTC_CLI" --retries 0 api GET /search q=x type=track
echo "ok"
