# scripts/demo (what `make demo` runs) against the build: it exits 0, prints each
# step, shows no secret, and stops its emulator, on success and on failure.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
demo=$SPOTC_SOURCE_DIR/scripts/demo

# The demo talks to the real Spotify when these are set: make sure they are not.
expect_status 0 env -u SPOTIFY_CLIENT_ID -u SPOTIFY_CLIENT_SECRET "$demo" "$SPOTC_BUILD_DIR"
for heading in "== 1. A client-credentials token ==" "== 2. Search for" "== 3. A track ==" \
    "== 4. An album with its tracks ==" "== 5. An artist with their albums =="; do
    contains "$OUT" "$heading"
done
contains "$OUT" "Got a client-credentials token."
contains "$OUT" "$ spotc track "
contains "$OUT" "Tracks"
contains "$OUT" "Albums"
not_contains "$OUT$ERR" "spotc-demo-secret"
! grep -Eq '"access_token" *: *"[^*"]' <<<"$OUT$ERR" || fail "a token in the demo output"
url=$(sed -n 's/^spotc demo against a local spotc-emulator at //p' <<<"$OUT")
[ -n "$url" ] || fail "the demo did not say where the emulator was: $OUT"
! curl -fsS "$url/_emulator/sample" >/dev/null 2>&1 || fail "the emulator still runs at $url"

# A failing spotc: the demo fails, and still stops its emulator.
mkdir -p "$TMP/broken"
ln -s "$SPOTC_EMULATOR" "$TMP/broken/spotc-emulator"
printf '#!/bin/sh\necho "spotc: broken on purpose" >&2\nexit 6\n' >"$TMP/broken/spotc"
chmod +x "$TMP/broken/spotc"
expect_status 1 env -u SPOTIFY_CLIENT_ID -u SPOTIFY_CLIENT_SECRET "$demo" "$TMP/broken"
contains "$ERR" "broken on purpose"
url=$(sed -n 's/^spotc demo against a local spotc-emulator at //p' <<<"$OUT")
[ -n "$url" ] || fail "no emulator URL: $OUT"
! curl -fsS "$url/_emulator/sample" >/dev/null 2>&1 || fail "the emulator outlived a failed demo"

# Without a build, a clear message.
expect_status 1 "$demo" "$TMP/nowhere"
contains "$ERR" "is missing"
echo "ok"
