# Helpers for the spotc-emulator tests (curl + jq against emulators started on port 0).
# Sourced by test_emulator_*.sh. Run directly, it is itself a test: the startup line and a
# clean exit on SIGTERM and SIGINT.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EMU_PIDS=()
trap 'for p in "${EMU_PIDS[@]}"; do kill_child "$p"; done; cleanup' EXIT

# start NAME [args...]: start an emulator; sets URL_<NAME> and PID_<NAME>, and URL/PID.
start() {
    local name=$1 out
    shift
    out="$TMP/$name.out"
    rm -f "$out"
    "$SPOTC_EMULATOR" --port 0 "$@" >"$out" 2>"$TMP/$name.err" &
    PID=$!
    EMU_PIDS+=("$PID")
    wait_until 60 "$PID" announced "$out" || true
    URL=$(announced_url "$out")
    [ -n "$URL" ] || fail "emulator $name did not start: $(cat "$TMP/$name.err")"
    printf -v "URL_$name" '%s' "$URL"
    printf -v "PID_$name" '%s' "$PID"
}

# stop PID: SIGTERM (or the given signal) and check the exit status is 0.
stop() {
    local pid=$1 sig=${2:-TERM} rc=0
    kill -s "$sig" "$pid"
    wait "$pid" || rc=$?
    [ "$rc" -eq 0 ] || fail "emulator exited $rc after SIG$sig"
}

# req METHOD PATH [curl args...]: request against $URL; sets STATUS, BODY, HDRS, CURL_RC.
req() {
    local method=$1 path=$2
    shift 2
    CURL_RC=0
    STATUS=$(curl -sS -k -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' -X "$method" "$@" \
        "$URL$path" 2>"$TMP/curl.err") || CURL_RC=$?
    BODY=$(cat "$TMP/body" 2>/dev/null || true)
    HDRS=$(tr -d '\r' <"$TMP/headers" 2>/dev/null || true)
}

# api METHOD PATH [curl args...]: req with the current $TOKEN.
api() {
    local method=$1 path=$2
    shift 2
    req "$method" "$path" -H "Authorization: Bearer $TOKEN" "$@"
}

# expect STATUS [jq-expression...]: the last answer has STATUS and every expression holds.
expect() {
    [ "$STATUS" = "$1" ] || fail "want HTTP $1, got $STATUS: ${BODY:0:400}"
    shift
    local e
    # jq -e holds every expression true on an empty input: an empty body must not pass.
    [ $# -eq 0 ] || [ -n "${BODY//[[:space:]]/}" ] || fail "want a JSON body for '$1', got none"
    for e in "$@"; do
        jq -e "$e" >/dev/null 2>&1 <<<"$BODY" || fail "'$e' does not hold for: ${BODY:0:600}"
    done
}

# header NAME: the value of a response header of the last answer ("" when absent).
header() {
    grep -i "^$1:" <<<"$HDRS" | head -n1 | sed 's/^[^:]*: *//' || true
}

# app_token [id secret]: a client-credentials token into $TOKEN.
app_token() {
    req POST /api/token -u "${1:-spotc-demo}:${2:-spotc-demo-secret}" -d grant_type=client_credentials
    expect 200 '.token_type == "Bearer"' '.expires_in == 3600'
    TOKEN=$(jq -r .access_token <<<"$BODY")
}

# sample: the well-known IDs into TRACK, ALBUM, ARTIST, QUERY.
sample() {
    req GET /_emulator/sample
    expect 200
    TRACK=$(jq -r .track <<<"$BODY")
    ALBUM=$(jq -r .album <<<"$BODY")
    ARTIST=$(jq -r .artist <<<"$BODY")
    QUERY=$(jq -r .query <<<"$BODY")
}

# faults JSON: POST /_emulator/faults.
faults() {
    req POST /_emulator/faults -H 'Content-Type: application/json' -d "$1"
    expect 200
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    start a
    grep -Eq '^spotc-emulator listening on http://127\.0\.0\.1:[0-9]+$' <(head -n1 "$TMP/a.out") ||
        fail "bad startup line: $(head -n1 "$TMP/a.out")"
    [ "$(wc -l <"$TMP/a.out")" -eq 1 ] || fail "extra output: $(cat "$TMP/a.out")"
    app_token
    stop "$PID_a" TERM
    start b
    stop "$PID_b" INT
    expect_status 2 "$SPOTC_EMULATOR" --catalog huge
    contains "$ERR" "--catalog"
    expect_status 2 "$SPOTC_EMULATOR" --app nocolon
    expect_status 0 "$SPOTC_EMULATOR" --help
    contains "$OUT" "usage: spotc-emulator"
    expect_status 1 "$SPOTC_EMULATOR" --port 0 --host example.invalid
    echo ok
fi
