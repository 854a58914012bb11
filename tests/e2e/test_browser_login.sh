# End to end: `spotc auth login --no-browser` prints the authorize URL, a real headless
# Chromium (Debian's, driven by playwright-core from npm) opens it against the emulator, logs
# in as demo/demo and clicks Agree; spotc's listener receives the code, the tokens are stored
# (0600) and `spotc me` prints the seeded user. Cancel ends the login with a clear error and
# a non-zero exit; a tampered state is refused.
# Skipped (77) without node, npm or /usr/bin/chromium, or when playwright-core cannot be
# installed. playwright-core goes to a cache outside the source tree
# (SPOTC_E2E_CACHE, default ~/.cache/spotc/e2e), installed with `npm install --no-save`.
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../integration/lib.sh"
source "$here/../integration/cli_lib.sh"
source "$here/../integration/auth_lib.sh"

PLAYWRIGHT_VERSION=1.65.1
skip() {
    echo "SKIP: $*"
    exit 77
}
command -v node >/dev/null && command -v npm >/dev/null || skip "node and npm are needed (apt-get install nodejs npm)"
[ -x /usr/bin/chromium ] || skip "/usr/bin/chromium is missing (apt-get install chromium)"

# Before emu_start, which points HOME at the test's own directory.
cache=${SPOTC_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/spotc/e2e}
installed=$(jq -r .version "$cache/node_modules/playwright-core/package.json" 2>/dev/null || true)
if [ "$installed" != "$PLAYWRIGHT_VERSION" ]; then
    mkdir -p "$cache"
    npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error \
        "playwright-core@$PLAYWRIGHT_VERSION" >"$TMP/npm.log" 2>&1 ||
        skip "cannot install playwright-core: $(tail -n3 "$TMP/npm.log")"
fi
export SPOTC_E2E_MODULES=$cache

emu_start
unset SPOTIFY_CLIENT_SECRET # PKCE: no secret anywhere
mkdir -p "$HOME"
export TMPDIR=$TMP # the browser profile goes with the test's files

# browser URL ACTION [USER PASSWORD [WRONG_FIRST]]: the JSON report in $BROWSER.
browser() {
    node "$here/login.mjs" "$@" >"$TMP/browser.json" 2>"$TMP/browser.err" ||
        fail "the browser failed: $(cat "$TMP/browser.err")"
    BROWSER=$(cat "$TMP/browser.json")
}
report() { jq -r --arg k "$1" '.[$k] // ""' <<<"$BROWSER"; }

# --- Agree: the listener gets the code, the tokens are stored, spotc me shows the user -----
login_start --scopes user-read-private,user-read-email
[ -n "$AUTH_URL" ] || fail "no authorize URL on stdout: $(cat "$TMP/login.err")"
[ "$(line_count "$(cat "$TMP/login.out")")" -eq 1 ] || fail "stdout is more than the URL"
browser "$AUTH_URL" agree demo demo wrong-first
login_finish
[ "$LOGIN_RC" -eq 0 ] || fail "login exited $LOGIN_RC: $LOGIN_ERR"
contains "$(report alert)" "Incorrect username or password"
contains "$(report scopes)" "See your email address"
[[ "$(report final)" == http://127.0.0.1:*/callback\?code=* ]] || fail "landed on $(report final)"
contains "$(report text)" "close"
contains "$LOGIN_ERR" "Logged in as demo"
[ "$(stat -c %a "$(token_file)")" = 600 ] || fail "token file not 0600"
[ "$(stat -c %a "$XDG_STATE_HOME/spotc")" = 700 ] || fail "token directory not 0700"
[ "$(token_field scope)" = "user-read-private user-read-email" ] || fail "scope: $(token_field scope)"
expect_status 0 spotc me
grep -q "^demo	" <<<"$OUT" || fail "spotc me: $OUT"
expect_status 0 spotc --json me
jq -e '.id == "demo"' <<<"$OUT" >/dev/null || fail "spotc --json me: $OUT"
[ "$(grants authorization_code)" -eq 1 ] || fail "code exchanges: $(grants authorization_code)"

# --- Cancel: a clear error, a non-zero exit, nothing stored -----------------------------
spotc auth logout 2>/dev/null
login_start
browser "$AUTH_URL" cancel
login_finish
[ "$LOGIN_RC" -eq 3 ] || fail "Cancel exited $LOGIN_RC: $LOGIN_ERR"
contains "$LOGIN_ERR" "access_denied"
contains "$(report final)" "error=access_denied"
[ ! -e "$(token_file)" ] || fail "a token was stored after Cancel"

# --- a tampered state is refused ----------------------------------------------------------
# The listener answers it 400 and waits on (a wrong state from any local process must not
# end the login), so the wait ends at its deadline.
login_start --timeout 15
tampered=$(sed 's/\([?&]state=\)\([^&]\)/\1X\2/' <<<"$AUTH_URL")
[ "$tampered" != "$AUTH_URL" ] || fail "could not tamper with $AUTH_URL"
browser "$tampered" agree demo demo
login_finish
[ "$LOGIN_RC" -eq 3 ] || fail "tampered state exited $LOGIN_RC: $LOGIN_ERR"
contains "$LOGIN_ERR" "state"
[ ! -e "$(token_file)" ] || fail "a token was stored for a tampered state"
[ "$(grants authorization_code)" -eq 1 ] || fail "the tampered code was exchanged"
echo "ok"
