# App tokens (client credentials) are cached across processes in the state directory:
# a one-shot `spotc track ID` with a cached token sends one request, not two; the file is
# 0600 and keyed by client id and accounts base; a token near its expiry or refused is
# renewed; and neither another app's token nor one got with another secret is ever used.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
source "$(dirname "$0")/auth_lib.sh"
emu_start

track=$(sample track)
total() { emu_get /_emulator/stats | jq -r .total; }
app_files() { find "$XDG_STATE_HOME/spotc" -name 'app-*.json' 2>/dev/null; }

expect_status 0 spotc track "$track"
[ "$(grants client_credentials)" -eq 1 ] || fail "first run: $(grants client_credentials) grants"
[ "$(app_files | wc -l)" -eq 1 ] || fail "no app token file: $(ls -la "$XDG_STATE_HOME/spotc")"
file=$(app_files)
[ "$(stat -c %a "$file")" = 600 ] || fail "app token file is not 0600"
jq -e '.client_id == "spotc-demo" and .expires_at > now' "$file" >/dev/null ||
    fail "app token file: $(jq 'del(.access_token)' "$file")"

# The next process reuses it: one request in all.
before=$(total)
expect_status 0 spotc track "$track"
[ "$(($(total) - before))" -eq 1 ] || fail "a cached token run sent $(($(total) - before)) requests"
[ "$(grants client_credentials)" -eq 1 ] || fail "the cached token was not reused"

# Close to its expiry (the emulator's clock moves on): renewed, and the renewal stored.
emu_post /_emulator/clock '{"advance": 3590}' >/dev/null
jq '.expires_at -= 3590' "$file" >"$TMP/app.json" && cat "$TMP/app.json" >"$file"
expect_status 0 spotc track "$track"
[ "$(grants client_credentials)" -eq 2 ] || fail "an expiring token was not renewed"
jq -e '.expires_at > now + 3000' "$file" >/dev/null || fail "the renewal was not stored"

# Refused (a token the service does not know): renewed once after the 401, and stored.
jq '.access_token = "unknown-token"' "$file" >"$TMP/app.json" && cat "$TMP/app.json" >"$file"
expect_status 0 spotc track "$track"
[ "$(grants client_credentials)" -eq 3 ] || fail "a refused token: $(grants client_credentials) grants"
[ "$(jq -r .access_token "$file")" != unknown-token ] || fail "the renewed token was not stored"
expect_status 0 spotc track "$track"
[ "$(grants client_credentials)" -eq 3 ] || fail "the renewed token was not reused"

# The same app with another secret (rotated, or mistyped) is not served the stored token:
# the service answers it, here with a refusal, and the stored token stays for the right one.
stored=$(jq -r .access_token "$file")
SPOTIFY_CLIENT_SECRET=not-the-secret expect_failure spotc track "$track"
[ "$(jq -r .access_token "$file")" = "$stored" ] || fail "a refused secret changed the stored token"
before=$(total)
expect_status 0 spotc track "$track"
[ "$(($(total) - before))" -eq 1 ] || fail "after a wrong secret, the right one sent $(($(total) - before)) requests"

# Another app (or accounts service) has a file of its own; a forged file is not used.
SPOTIFY_CLIENT_ID=other-app expect_failure spotc track "$track"
[ "$(app_files | wc -l)" -eq 1 ] || fail "another app's refused login left a file"
jq '.client_id = "other-app"' "$file" >"$TMP/app.json" && cat "$TMP/app.json" >"$file"
expect_status 0 spotc track "$track"
[ "$(grants client_credentials)" -eq 4 ] || fail "a token of another client id was used"

# A given token or a user login never touches the app token file.
rm -f "$file"
expect_status 0 env SPOTIFY_ACCESS_TOKEN="$(jq -r .access_token "$TMP/app.json")" \
    "$SPOTC_CLI" track "$track"
[ -z "$(app_files)" ] || fail "a given token was cached"
echo ok
