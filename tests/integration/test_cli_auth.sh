# spotc auth login|status|token|logout and spotc me against the emulator, the browser played
# by curl: login by paste and by the listener, the store's modes, refresh on expiry with the
# rotated refresh token stored, one refresh for two processes, an expired login, Cancel and a
# forged state, secrets kept out of --verbose, the listener on loopback only, the config
# file's rules (localhost refused, a secret only in a private file).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
source "$(dirname "$0")/auth_lib.sh"
emu_start
unset SPOTIFY_CLIENT_SECRET # PKCE: logging in needs no secret
mkdir -p "$HOME"
track=$(sample track)

# --- not logged in ----------------------------------------------------------------------
expect_status 3 spotc auth status
contains "$ERR" "not logged in"
expect_status 3 spotc auth token
[ -z "$OUT" ] || fail "auth token printed something: $OUT"
expect_status 3 spotc me
contains "$ERR" "spotc auth login"
expect_status 2 spotc auth frobnicate
expect_status 2 spotc auth status --scopes user-read-private
contains "$ERR" "auth login"

# --- login by paste: the URL on a line of its own on stdout, PKCE, the store -------------
login_as demo --scopes user-read-private,user-read-email
[ "$(line_count "$LOGIN_OUT")" -eq 1 ] || fail "stdout should be the URL alone: $LOGIN_OUT"
grep -q '^http://127\.0\.0\.1:[0-9]*/authorize?' <<<"$LOGIN_OUT" || fail "URL: $LOGIN_OUT"
contains "$LOGIN_OUT" "code_challenge_method=S256"
contains "$LOGIN_OUT" "redirect_uri=http%3A%2F%2F127.0.0.1%3A"
contains "$LOGIN_OUT" "scope=user-read-private%20user-read-email"
not_contains "$LOGIN_OUT" "client_secret"
contains "$LOGIN_ERR" "Logged in as demo"
[ "$(grants authorization_code)" -eq 1 ] || fail "one code exchange expected"
[ "$(stat -c %a "$XDG_STATE_HOME/spotc")" = 700 ] || fail "state dir not 0700"
[ "$(stat -c %a "$(token_file)")" = 600 ] || fail "token file not 0600"
[ "$(token_field user)" = demo ] || fail "user not stored"
[ "$(token_field client_id)" = spotc-demo ] || fail "client id not stored"

expect_status 0 spotc auth status
contains "$OUT" "demo"
contains "$OUT" "user-read-private user-read-email"
contains "$OUT" "expires:"
not_contains "$OUT" "$(token_field access_token)"
not_contains "$OUT" "$(token_field refresh_token)"
expect_status 0 spotc --json auth status
jq -e '.user == "demo" and .scope == "user-read-private user-read-email" and .refreshable
    and (.expired | not) and (.expires_at > now)' <<<"$OUT" >/dev/null || fail "status json: $OUT"
not_contains "$OUT" "$(token_field access_token)"
# Numbers from disk are range-checked: an expires_at of INT64_MIN overflowed in
# `auth status` (UBSan); now the file is refused as damaged.
cp -p "$(token_file)" "$TMP/token.good"
# (sed, not jq: jq would write the number as a double)
sed 's/"expires_at": *[0-9]*/"expires_at": -9223372036854775808/' "$TMP/token.good" >"$(token_file)"
grep -q -- '-9223372036854775808' "$(token_file)" || fail "expires_at not replaced"
expect_failure spotc auth status
contains "$ERR" "expires_at"
cp -p "$TMP/token.good" "$(token_file)"

expect_status 0 spotc auth token
[ "$OUT" = "$(token_field access_token)" ] || fail "auth token printed: $OUT"
expect_status 0 spotc me
grep -q "^demo	" <<<"$OUT" || fail "spotc me: $OUT"
expect_status 0 spotc --json me
jq -e '.id == "demo" and .type == "user"' <<<"$OUT" >/dev/null || fail "me json: $OUT"
# Catalogue commands run as the user now (no client credentials grant at all).
expect_status 0 spotc track "$track"
[ "$(grants client_credentials)" -eq 0 ] || fail "client credentials used while logged in"

# --- refresh on expiry keeps the rotated refresh token ----------------------------------
first_access=$(token_field access_token)
first_refresh=$(token_field refresh_token)
emu_post /_emulator/clock '{"advance": 3700}' >/dev/null
expect_status 0 spotc me
[ "$(grants refresh_token)" -eq 1 ] || fail "expected one refresh"
[ "$(token_field access_token)" != "$first_access" ] || fail "new access token not stored"
second_refresh=$(token_field refresh_token)
[ -n "$second_refresh" ] && [ "$second_refresh" != "$first_refresh" ] || fail "not rotated"
[ "$(stat -c %a "$(token_file)")" = 600 ] || fail "token file not 0600 after refresh"
# The old refresh token is spent (single use under PKCE).
curl -sS "$EMU_URL/api/token" -d grant_type=refresh_token -d client_id=spotc-demo \
    --data-urlencode "refresh_token=$first_refresh" >"$TMP/spent.json"
jq -e '.error == "invalid_grant"' "$TMP/spent.json" >/dev/null || fail "spent: $(cat "$TMP/spent.json")"

# --- two processes after expiry: both succeed, one refresh ------------------------------
emu_post /_emulator/clock '{"advance": 3700}' >/dev/null
"$SPOTC_CLI" me >"$TMP/me1.out" 2>"$TMP/me1.err" &
p1=$!
"$SPOTC_CLI" me >"$TMP/me2.out" 2>"$TMP/me2.err" &
p2=$!
wait "$p1" || fail "first spotc me failed: $(cat "$TMP/me1.err")"
wait "$p2" || fail "second spotc me failed: $(cat "$TMP/me2.err")"
grep -q "^demo	" "$TMP/me1.out" && grep -q "^demo	" "$TMP/me2.out" || fail "me outputs"
[ "$(grants refresh_token)" -eq 2 ] || fail "two processes refreshed $(grants refresh_token) times"

# --- the login expires six months after the authorization ------------------------------
emu_post /_emulator/clock '{"advance": 15897600}' >/dev/null # 184 days
expect_status 3 spotc me
contains "$ERR" "log in again"
emu_post /_emulator/reset '{}' >/dev/null

# --- logout ----------------------------------------------------------------------------
expect_status 0 spotc auth logout
[ ! -e "$(token_file)" ] || fail "token file left after logout"
expect_status 3 spotc auth status
expect_status 0 spotc auth logout # logging out twice is fine

# --- login through the listener: the browser follows the redirect ------------------------
login_start --scopes user-read-private
authorize_post "$AUTH_URL" -d username=demo -d password=demo -d action=agree
port=$(sed -n 's|^http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' <<<"$LOCATION")
[ -n "$port" ] || fail "redirect: $LOCATION"
# A stray request is answered 404 and ignored; then the redirect itself.
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/favicon.ico")" = 404 ] ||
    fail "favicon"
curl -sS "$LOCATION" >"$TMP/landing.html"
login_finish
[ "$LOGIN_RC" -eq 0 ] || fail "listener login exited $LOGIN_RC: $LOGIN_ERR"
[ "$(token_field scope)" = user-read-private ] || fail "scope stored: $(token_field scope)"

# --- the browser opened with xdg-open (a stand-in that records the URL) ------------------
mkdir -p "$TMP/bin"
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >"%s/opened"\n' "$TMP" >"$TMP/bin/xdg-open"
chmod +x "$TMP/bin/xdg-open"
PATH="$TMP/bin:$PATH" "$SPOTC_CLI" auth login --timeout 60 --scopes user-read-email \
    </dev/null >"$TMP/browser.out" 2>"$TMP/browser.err" &
browser_pid=$!
wait_until 60 "$browser_pid" test -s "$TMP/opened" || true
[ -s "$TMP/opened" ] || fail "xdg-open was not run: $(cat "$TMP/browser.err")"
authorize_post "$(cat "$TMP/opened")" -d username=demo -d password=demo -d action=agree
curl -sS "$LOCATION" >/dev/null
wait "$browser_pid" || fail "login with the browser: $(cat "$TMP/browser.err")"
[ ! -s "$TMP/browser.out" ] || fail "stdout is for --no-browser only: $(cat "$TMP/browser.out")"
contains "$(cat "$TMP/browser.err")" "$(cat "$TMP/opened")" # shown in case no browser opens
[ "$(token_field scope)" = user-read-email ] || fail "scope stored: $(token_field scope)"

# --- nobody comes back: the wait ends --------------------------------------------------
expect_status 3 spotc auth login --no-browser --timeout 1 </dev/null
contains "$ERR" "login failed"

# --- Cancel, a forged state, a wrong password ------------------------------------------
login_start
authorize_post "$AUTH_URL" -d action=cancel
contains "$LOCATION" "error=access_denied"
login_finish "$LOCATION"
[ "$LOGIN_RC" -eq 3 ] || fail "Cancel exited $LOGIN_RC"
contains "$LOGIN_ERR" "access_denied"

login_start
authorize_post "${AUTH_URL/state=/state=forged}" -d username=demo -d password=demo \
    -d action=agree
login_finish "$LOCATION"
[ "$LOGIN_RC" -eq 3 ] || fail "forged state exited $LOGIN_RC"
contains "$LOGIN_ERR" "state"

login_start
authorize_post "$AUTH_URL" -d username=demo -d password=wrong -d action=agree
[ "$FORM_STATUS" = 200 ] && [ -z "$LOCATION" ] || fail "wrong password redirected: $LOCATION"
grep -q "Incorrect username or password" "$TMP/form.html" || fail "no error on the page"
authorize_post "$AUTH_URL" -d username=free -d password=free -d action=agree
login_finish "$LOCATION"
[ "$LOGIN_RC" -eq 0 ] || fail "second try exited $LOGIN_RC: $LOGIN_ERR"
[ "$(token_field user)" = free ] || fail "user free not stored"

# --- no token, code, verifier or secret in --verbose -----------------------------------
LOGIN_GLOBAL=(--verbose)
login_start
authorize_post "$AUTH_URL" -d username=demo -d password=demo -d action=agree
code=$(sed -n 's/.*[?&]code=\([^&]*\).*/\1/p' <<<"$LOCATION")
login_finish "$LOCATION"
LOGIN_GLOBAL=()
[ "$LOGIN_RC" -eq 0 ] || fail "verbose login: $LOGIN_ERR"
contains "$LOGIN_ERR" "POST /api/token"
for secret in "$code" "$(token_field access_token)" "$(token_field refresh_token)"; do
    not_contains "$LOGIN_ERR" "$secret"
done
contains "$LOGIN_ERR" "code_verifier=***"
! grep -qE 'code=[^*&]|code_verifier=[^*&]' <<<"$LOGIN_ERR" || fail "code or verifier in the trace"
emu_post /_emulator/clock '{"advance": 3700}' >/dev/null
expect_status 0 env SPOTIFY_CLIENT_SECRET=spotc-demo-secret "$SPOTC_CLI" --verbose me
for secret in "$(token_field access_token)" "$(token_field refresh_token)" spotc-demo-secret; do
    not_contains "$ERR" "$secret"
done
contains "$ERR" "Bearer ***"
emu_post /_emulator/reset '{}' >/dev/null

# --- the listener binds the loopback address only -------------------------------------
port=$(closed_port)
login_start --port "$port"
[ -n "$AUTH_URL" ] || fail "no URL with --port: $(cat "$TMP/login.err")"
contains "$AUTH_URL" "127.0.0.1%3A$port%2Fcallback"
ss -Htln "sport = :$port" >"$TMP/ss" || true
if [ -s "$TMP/ss" ]; then
    ! grep -v "127\.0\.0\.1:$port" "$TMP/ss" | grep -q . || fail "listening beyond loopback: $(cat "$TMP/ss")"
fi
for ip in $(hostname -I 2>/dev/null); do
    case $ip in 127.* | *:*) continue ;; esac
    ! curl -s --max-time 2 "http://$ip:$port/callback" >/dev/null ||
        fail "the listener answered on $ip"
done
authorize_post "$AUTH_URL" -d username=demo -d password=demo -d action=agree
login_finish "$LOCATION"
[ "$LOGIN_RC" -eq 0 ] || fail "--port login: $LOGIN_ERR"

# --- the configuration file -------------------------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/spotc"
conf=$XDG_CONFIG_HOME/spotc/config
printf 'redirect_uri = http://localhost:8888/callback\n' >"$conf"
expect_status 2 spotc auth login --no-browser
contains "$ERR" "localhost"
contains "$ERR" "127.0.0.1"
[ -z "$OUT" ] || fail "a URL was printed for a refused redirect URI"
printf 'redirect_uri = http://192.0.2.7:8888/callback\n' >"$conf"
expect_status 2 spotc auth login --no-browser
contains "$ERR" "allowed only to 127.0.0.1"
printf 'redirect_uri = https://example.com/callback\n' >"$conf"
expect_failure spotc auth login --no-browser
contains "$ERR" "127.0.0.1"
# A redirect URI from the config file: its port is the listener's.
port=$(closed_port)
printf '# spotc\nclient_id = spotc-demo\nredirect_uri = http://127.0.0.1:%s/callback\n' "$port" >"$conf"
expect_status 2 spotc auth login --no-browser --port 9
login_start
contains "$AUTH_URL" "127.0.0.1%3A$port%2Fcallback"
authorize_post "$AUTH_URL" -d username=demo -d password=demo -d action=agree
login_finish "$LOCATION"
[ "$LOGIN_RC" -eq 0 ] || fail "config redirect_uri login: $LOGIN_ERR"
# The client id from the file alone.
expect_status 0 env -u SPOTIFY_CLIENT_ID "$SPOTC_CLI" me
printf 'client_id = spotc-demo\nbogus = 1\n' >"$conf"
expect_status 2 spotc me
contains "$ERR" "line 2"
# A secret in a file others may read is refused; in a private one it is used.
spotc auth logout 2>/dev/null
printf 'client_id = spotc-demo\nclient_secret = spotc-demo-secret\n' >"$conf"
chmod 644 "$conf"
expect_status 1 spotc track "$track"
contains "$ERR" "chmod 600"
not_contains "$ERR" "spotc-demo-secret"
chmod 640 "$conf"
expect_status 1 spotc track "$track"
chmod 600 "$conf"
expect_status 0 spotc track "$track"
[ "$(grants client_credentials)" -ge 1 ] || fail "the secret from the file was not used"
rm -f "$conf"
# A FIFO in the configuration's place is refused at once instead of blocking.
mkfifo "$conf"
expect_status 1 timeout 10 "$SPOTC_CLI" track "$track"
contains "$ERR" "not a regular file"
rm -f "$conf"

# --- the code flow with a secret from stdin: the refresh token is kept -----------------
LOGIN_FIRST_LINE=spotc-demo-secret login_start --client-secret-stdin
not_contains "$AUTH_URL" "code_challenge"
authorize_post "$AUTH_URL" -d username=demo -d password=demo -d action=agree
login_finish "$LOCATION"
[ "$LOGIN_RC" -eq 0 ] || fail "secret login: $LOGIN_ERR"
kept=$(token_field refresh_token)
emu_post /_emulator/clock '{"advance": 3700}' >/dev/null
expect_status 0 env SPOTIFY_CLIENT_SECRET=spotc-demo-secret "$SPOTC_CLI" me
[ "$(token_field refresh_token)" = "$kept" ] || fail "the secret flow's refresh token changed"
# Without the secret that login cannot be refreshed.
emu_post /_emulator/clock '{"advance": 3700}' >/dev/null
expect_failure spotc me
echo "ok"
