# Helpers for the login tests (test_cli_auth.sh, test_emulator_authorize.sh, e2e): source
# after lib.sh and cli_lib.sh. The browser is played by curl posting the emulator's form.

# authorize_post URL [curl args]: post the login form of an authorize URL (its query as the
# form, plus e.g. -d username=demo -d password=demo -d action=agree). The redirect goes to
# $LOCATION ("" when none), the page to $TMP/form.html, the status to $FORM_STATUS.
authorize_post() {
    local url=$1
    shift
    local out
    out=$(curl -sS -o "$TMP/form.html" -w '%{http_code} %{redirect_url}' "$EMU_URL/authorize" \
        -d "${url#*\?}" "$@")
    FORM_STATUS=${out%% *}
    LOCATION=${out#* }
}

# login_start [spotc args]: start `spotc auth login --no-browser ARGS` in the background, its
# stdin a fifo written through fd 7 (LOGIN_FIRST_LINE, when set, is written first: a secret
# for --client-secret-stdin); waits for the authorize URL ($AUTH_URL, "" if none).
# LOGIN_GLOBAL: global options put before `auth` (e.g. --verbose).
login_start() {
    rm -f "$TMP/login.in" "$TMP/login.out" "$TMP/login.err"
    mkfifo "$TMP/login.in"
    "$SPOTC_CLI" "${LOGIN_GLOBAL[@]}" auth login --no-browser --timeout 60 "$@" \
        <"$TMP/login.in" >"$TMP/login.out" 2>"$TMP/login.err" &
    LOGIN_PID=$!
    exec 7>"$TMP/login.in"
    [ -z "${LOGIN_FIRST_LINE:-}" ] || printf '%s\n' "$LOGIN_FIRST_LINE" >&7
    wait_until 60 "$LOGIN_PID" test -s "$TMP/login.out" || true
    AUTH_URL=$(head -n1 "$TMP/login.out")
}
LOGIN_GLOBAL=()

# login_finish [TEXT]: paste TEXT (if any) as a line, close stdin, wait for spotc.
# Sets LOGIN_RC, LOGIN_OUT, LOGIN_ERR.
login_finish() {
    [ $# -eq 0 ] || printf '%s\n' "$1" >&7
    exec 7>&-
    set +e
    wait "$LOGIN_PID"
    LOGIN_RC=$?
    set -e
    LOGIN_OUT=$(cat "$TMP/login.out")
    LOGIN_ERR=$(cat "$TMP/login.err")
}

# login_as USER [spotc args]: a whole login, the redirected URL pasted; must succeed.
login_as() {
    local user=$1
    shift
    login_start "$@"
    [ -n "$AUTH_URL" ] || fail "no authorize URL: $(cat "$TMP/login.err")"
    authorize_post "$AUTH_URL" -d "username=$user" -d "password=$user" -d action=agree
    [ -n "$LOCATION" ] || fail "the form did not redirect ($FORM_STATUS)"
    login_finish "$LOCATION"
    [ "$LOGIN_RC" -eq 0 ] || fail "login as $user exited $LOGIN_RC: $LOGIN_ERR"
}

# token_field KEY: a field of the stored token file.
token_file() { echo "$XDG_STATE_HOME/spotc/token.json"; }
token_field() { jq -r --arg k "$1" '.[$k] // empty' "$(token_file)"; }

# grants KIND: how many grants of that type the emulator counted.
grants() { emu_get /_emulator/stats | jq -r --arg k "$1" '.grants[$k]'; }
