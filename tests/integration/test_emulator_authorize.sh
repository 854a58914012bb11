# The emulator's accounts service for users, driven with curl: GET/POST /authorize (the page,
# errors shown or redirected, Agree, Cancel, a wrong password), redirect URI rules, the
# authorization-code grant with a secret and with PKCE, refresh rotation and expiry, RFC 6749
# errors, stats, and --app redirect URIs.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
source "$(dirname "$0")/auth_lib.sh"

# An app with its own redirect URIs, and one with the default.
emu_start --app 'other:other-secret:https://app.example/cb?x=1,myapp://done' --app plain:plain-secret

LOOP=http://127.0.0.1:43210/callback
VERIFIER=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXkdBjftJeZ4CVPmnop
CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')

# authz QUERY: GET /authorize?QUERY; status in $STATUS, body in $BODY, Location in $LOC.
authz() {
    local out
    out=$(curl -sS -o "$TMP/page.html" -D "$TMP/headers" -w '%{http_code}' "$EMU_URL/authorize?$1")
    STATUS=$out
    BODY=$(cat "$TMP/page.html")
    LOC=$(sed -n 's/^Location: \(.*\)\r$/\1/p' "$TMP/headers")
}
q() { echo "client_id=${CID:-spotc-demo}&response_type=code&redirect_uri=$(jq -rn --arg u "$1" '$u|@uri')${2:-}"; }

# token ARGS...: POST /api/token; status in $STATUS, JSON in $BODY.
token() {
    STATUS=$(curl -sS -o "$TMP/token.json" -w '%{http_code}' "$EMU_URL/api/token" "$@")
    BODY=$(cat "$TMP/token.json")
}
expect_oauth() { # STATUS ERROR
    [ "$STATUS" = "$1" ] && [ "$(jq -r .error <<<"$BODY")" = "$2" ] ||
        fail "wanted $1 $2, got $STATUS $BODY"
}

# code_for REDIRECT_URI [extra authorize query]: a code for demo through Agree.
code_for() {
    authorize_post "$EMU_URL/authorize?$(q "$1" "&state=s1${2:-}")" -d username=demo \
        -d password=demo -d action=agree
    [ "$FORM_STATUS" = 302 ] || fail "Agree answered $FORM_STATUS"
    sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$LOCATION"
}

# --- the page -------------------------------------------------------------------------
authz "$(q $LOOP '&state=a%20b%22%3E%3Cscript%3E&scope=user-read-private%20playlist-modify-public&show_dialog=true')"
[ "$STATUS" = 200 ] || fail "page: $STATUS"
grep -qi '^Content-Type: text/html' "$TMP/headers" || fail "not HTML"
for want in '>Agree</button>' '>Cancel</button>' 'name="username"' 'type="password"' \
    'See your subscription' 'public playlists' 'value="a b&quot;&gt;&lt;script&gt;"'; do
    contains "$BODY" "$want"
done
not_contains "$BODY" '"><script>'
[ -z "$LOC" ] || fail "the page redirected"

# --- errors shown as a page: client, redirect URI, response type ------------------------
authz "response_type=code&redirect_uri=$LOOP"
[ "$STATUS" = 400 ] && [ -z "$LOC" ] || fail "no client_id: $STATUS $LOC"
contains "$BODY" "INVALID_CLIENT: Invalid client"
CID=nobody
authz "$(q $LOOP)"
[ "$STATUS" = 400 ] && [ -z "$LOC" ] || fail "unknown client: $STATUS"
contains "$BODY" "Invalid client"
CID=
for bad in https://evil.example/callback http://127.0.0.1:43210/other http://[::1]:43210/callback \
    "http://127.0.0.1:0/callback" "http://127.0.0.1:99999/callback" "http://127.0.0.1:/callback" \
    "$LOOP#frag" ""; do
    authz "$(q "$bad" '&state=s')"
    [ "$STATUS" = 400 ] && [ -z "$LOC" ] || fail "redirect URI '$bad': $STATUS $LOC"
    contains "$BODY" "INVALID_CLIENT: Invalid redirect URI"
done
authz "$(q http://localhost:43210/callback '&state=s')"
[ "$STATUS" = 400 ] && [ -z "$LOC" ] || fail "localhost: $STATUS"
contains "$BODY" "localhost"
contains "$BODY" "127.0.0.1"
authz "client_id=spotc-demo&response_type=token&redirect_uri=$LOOP&state=s"
[ "$STATUS" = 400 ] && [ -z "$LOC" ] || fail "response_type=token: $STATUS $LOC"
contains "$BODY" "unsupported_response_type"

# Registered without a port: any port, and none.
for ok in http://127.0.0.1:1/callback http://127.0.0.1:65535/callback http://127.0.0.1/callback; do
    authz "$(q "$ok")"
    [ "$STATUS" = 200 ] || fail "redirect URI '$ok': $STATUS"
done
# Another app's URIs match exactly (a query kept), custom schemes allowed; the default for
# an app registered without any.
CID=other
authz "$(q 'https://app.example/cb?x=1')"
[ "$STATUS" = 200 ] || fail "other app: $STATUS"
for bad in https://app.example/cb 'https://app.example/cb?x=1&y=2' https://app.example:443/cb?x=1 \
    $LOOP; do
    authz "$(q "$bad")"
    [ "$STATUS" = 400 ] || fail "other app '$bad': $STATUS"
done
authz "$(q myapp://done)"
[ "$STATUS" = 200 ] || fail "custom scheme: $STATUS"
CID=plain
authz "$(q $LOOP)"
[ "$STATUS" = 200 ] || fail "default redirect URI of --app: $STATUS"
CID=

# --- errors redirected once the redirect URI is verified ------------------------------
authz "$(q $LOOP '&state=s2&scope=user-read-private%20not-a-scope')"
[ "$STATUS" = 302 ] || fail "bad scope: $STATUS"
[[ "$LOC" == "$LOOP?error=invalid_scope&"*"state=s2" ]] || fail "bad scope: $LOC"
authz "$(q $LOOP "&state=s3&code_challenge_method=plain&code_challenge=$CHALLENGE")"
[[ "$LOC" == "$LOOP?error=invalid_request&"*"state=s3" ]] || fail "plain: $LOC"
authz "$(q $LOOP '&state=s4&code_challenge_method=S256&code_challenge=short')"
[[ "$LOC" == "$LOOP?error=invalid_request&"* ]] || fail "short challenge: $LOC"

# --- the form: wrong password, users who cannot log in, Cancel, Agree -------------------
URL="$EMU_URL/authorize?$(q $LOOP '&state=st%26x%20y&scope=user-read-private')"
authorize_post "$URL" -d username=demo -d password=nope -d action=agree
[ "$FORM_STATUS" = 200 ] && [ -z "$LOCATION" ] || fail "wrong password: $FORM_STATUS $LOCATION"
grep -q 'Incorrect username or password' "$TMP/form.html" || fail "no error shown"
grep -q 'value="demo"' "$TMP/form.html" || fail "the user name is not kept"
for who in spotify nobody ''; do
    authorize_post "$URL" -d "username=$who" -d "password=$who" -d action=agree
    [ -z "$LOCATION" ] || fail "user '$who' logged in"
done
authorize_post "$URL" -d action=cancel
[ "$FORM_STATUS" = 302 ] || fail "Cancel: $FORM_STATUS"
[ "$LOCATION" = "$LOOP?error=access_denied&state=st%26x%20y" ] || fail "Cancel: $LOCATION"
authorize_post "$URL" -d username=demo -d password=demo -d action=agree
[[ "$LOCATION" =~ ^$LOOP\?code=AQ[0-9A-Za-z]{100,}\&state=st%26x%20y$ ]] || fail "Agree: $LOCATION"
# The form re-checks everything: a tampered redirect URI is an error page, not a redirect.
authorize_post "$EMU_URL/authorize?$(q https://evil.example/cb)" -d username=demo \
    -d password=demo -d action=agree
[ "$FORM_STATUS" = 400 ] && [ -z "$LOCATION" ] || fail "tampered form: $FORM_STATUS $LOCATION"

# --- authorization_code with PKCE ------------------------------------------------------
PK="&code_challenge_method=S256&code_challenge=$CHALLENGE&scope=user-read-private%20user-read-email"
code=$(code_for $LOOP "$PK")
token -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP" -d client_id=spotc-demo
expect_oauth 400 invalid_request # no verifier
code=$(code_for $LOOP "$PK")
token -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP" \
    -d client_id=spotc-demo -d "code_verifier=${VERIFIER}x"
expect_oauth 400 invalid_grant
contains "$BODY" "code_verifier was incorrect"
# A failed exchange spends the code.
token -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP" \
    -d client_id=spotc-demo -d "code_verifier=$VERIFIER"
expect_oauth 400 invalid_grant
code=$(code_for $LOOP "$PK")
token -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=http://127.0.0.1:1/callback" \
    -d client_id=spotc-demo -d "code_verifier=$VERIFIER"
expect_oauth 400 invalid_grant
contains "$BODY" "Invalid redirect URI"
code=$(code_for $LOOP "$PK")
token -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP" \
    -d client_id=spotc-demo -d "code_verifier=$VERIFIER"
[ "$STATUS" = 200 ] || fail "PKCE exchange: $STATUS $BODY"
jq -e '.token_type == "Bearer" and .expires_in == 3600 and (.access_token | startswith("BQ"))
    and (.refresh_token | length) > 100 and .scope == "user-read-private user-read-email"' \
    <<<"$BODY" >/dev/null || fail "PKCE tokens: $BODY"
ACCESS=$(jq -r .access_token <<<"$BODY")
R1=$(jq -r .refresh_token <<<"$BODY")
[ "$(grants authorization_code)" -eq 1 ] || fail "stats: $(grants authorization_code)"
# Single use.
token -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP" \
    -d client_id=spotc-demo -d "code_verifier=$VERIFIER"
expect_oauth 400 invalid_grant
# The token is the user's.
curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $ACCESS" \
    "$EMU_URL/v1/tracks/$(sample track)" | grep -q 200 || fail "the user token does not work"

# --- refresh: PKCE rotates, the old one is spent --------------------------------------
token -d grant_type=refresh_token -d "refresh_token=$R1" -d client_id=spotc-demo
[ "$STATUS" = 200 ] || fail "PKCE refresh: $BODY"
R2=$(jq -r .refresh_token <<<"$BODY")
[ -n "$R2" ] && [ "$R2" != null ] && [ "$R2" != "$R1" ] || fail "not rotated: $BODY"
jq -e '.scope == "user-read-private user-read-email"' <<<"$BODY" >/dev/null || fail "scope: $BODY"
token -d grant_type=refresh_token -d "refresh_token=$R1" -d client_id=spotc-demo
expect_oauth 400 invalid_grant
# Even with the secret, a PKCE refresh token rotates.
token -u spotc-demo:spotc-demo-secret -d grant_type=refresh_token -d "refresh_token=$R2"
R3=$(jq -r .refresh_token <<<"$BODY")
[ "$STATUS" = 200 ] && [ "$R3" != null ] && [ "$R3" != "$R2" ] || fail "PKCE + secret: $BODY"
token -d grant_type=refresh_token -d "refresh_token=$R3" -d client_id=other
expect_oauth 400 invalid_grant # another app's
[ "$(grants refresh_token)" -eq 2 ] || fail "refresh stats: $(grants refresh_token)"

# --- authorization_code with the secret: no rotation ----------------------------------
code=$(code_for $LOOP '&scope=user-read-private')
token -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP" -d client_id=spotc-demo
expect_oauth 400 unauthorized_client
code=$(code_for $LOOP)
token -u spotc-demo:wrong -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP"
expect_oauth 401 invalid_client
code=$(code_for $LOOP '&scope=user-read-private')
token -u spotc-demo:spotc-demo-secret -d grant_type=authorization_code -d "code=$code" \
    -d "redirect_uri=$LOOP"
[ "$STATUS" = 200 ] || fail "secret exchange: $BODY"
S1=$(jq -r .refresh_token <<<"$BODY")
token -d grant_type=refresh_token -d "refresh_token=$S1" -d client_id=spotc-demo
expect_oauth 400 unauthorized_client
token -d grant_type=refresh_token -d "refresh_token=$S1" -d client_id=spotc-demo \
    -d client_secret=spotc-demo-secret
[ "$STATUS" = 200 ] && jq -e 'has("refresh_token") | not' <<<"$BODY" >/dev/null ||
    fail "secret refresh: $BODY"
token -u spotc-demo:spotc-demo-secret -d grant_type=refresh_token -d "refresh_token=$S1"
[ "$STATUS" = 200 ] || fail "kept refresh token: $BODY"
# A code of one app is not another's.
code=$(code_for $LOOP)
token -u other:other-secret -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP"
expect_oauth 400 invalid_grant

# --- malformed token requests -----------------------------------------------------------
token -u spotc-demo:spotc-demo-secret -d grant_type=authorization_code -d "redirect_uri=$LOOP"
expect_oauth 400 invalid_request
token -u spotc-demo:spotc-demo-secret -d grant_type=authorization_code -d code=x
expect_oauth 400 invalid_request
token -u spotc-demo:spotc-demo-secret -d grant_type=authorization_code -d code=bogus \
    -d "redirect_uri=$LOOP"
expect_oauth 400 invalid_grant
token -u spotc-demo:spotc-demo-secret -d grant_type=password
expect_oauth 400 unsupported_grant_type
token -d grant_type=authorization_code -d code=x -d "redirect_uri=$LOOP"
expect_oauth 400 invalid_client # nobody named

# --- codes live ten minutes of emulator time ---------------------------------------------
code=$(code_for $LOOP "$PK")
emu_post /_emulator/clock '{"advance": 601}' >/dev/null
token -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP" \
    -d client_id=spotc-demo -d "code_verifier=$VERIFIER"
expect_oauth 400 invalid_grant
contains "$BODY" "expired"

# --- refresh tokens die six months after the authorization, refreshed or not --------------
code=$(code_for $LOOP "$PK")
token -d grant_type=authorization_code -d "code=$code" -d "redirect_uri=$LOOP" \
    -d client_id=spotc-demo -d "code_verifier=$VERIFIER"
R=$(jq -r .refresh_token <<<"$BODY")
emu_post /_emulator/clock '{"advance": 15724800}' >/dev/null # 182 days
token -d grant_type=refresh_token -d "refresh_token=$R" -d client_id=spotc-demo
[ "$STATUS" = 200 ] || fail "182 days: $BODY"
R=$(jq -r .refresh_token <<<"$BODY")
emu_post /_emulator/clock '{"advance": 172800}' >/dev/null # 184 days
token -d grant_type=refresh_token -d "refresh_token=$R" -d client_id=spotc-demo
expect_oauth 400 invalid_grant
contains "$BODY" "expired"
emu_post /_emulator/reset '{}' >/dev/null

# --- /_emulator/token still answers like a user login ----------------------------------
req_body=$(emu_post /_emulator/token '{"user":"demo","scope":"user-read-private"}')
jq -e 'keys == ["access_token","expires_in","refresh_token","scope","token_type"]' \
    <<<"$req_body" >/dev/null || fail "control token: $req_body"

# --- --app refuses redirect URIs that break the rules --------------------------------------
for bad in 'x:y:http://localhost:8000/cb' 'x:y:http://example.com/cb' 'x:y:' 'x::https://a.example/cb' \
    'x:y:https://a.example/cb#f' 'x:y:https://a.example/cb,'; do
    expect_status 2 "$SPOTC_EMULATOR" --port 0 --app "$bad"
    contains "$ERR" "--app"
done
echo "ok"
