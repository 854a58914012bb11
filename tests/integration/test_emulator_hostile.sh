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
