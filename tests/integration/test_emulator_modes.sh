# spotc-emulator: development mode, --public-url, TLS, determinism, the large catalogue.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

# --- development mode: removed operations answer 403, smaller limits ---------------------------
start dev --mode development
sample
app_token
api GET "/v1/tracks?ids=$TRACK"
expect 403 '.error.status == 403'
api GET "/v1/artists/$ARTIST/top-tracks"
expect 403
api GET "/v1/albums?ids=$ALBUM"
expect 403
api GET "/v1/artists?ids=$ARTIST"
expect 403
api GET "/v1/tracks/$TRACK"
expect 200
api GET "/v1/search?q=year:1900-2100&type=track"
expect 200 '.tracks.limit == 5' '.tracks.items | length == 5'
api GET "/v1/search?q=year:1900-2100&type=track&limit=10"
expect 200 '.tracks.items | length == 10'
api GET "/v1/search?q=year:1900-2100&type=track&limit=11"
expect 400 '.error.message == "Invalid limit"'
api GET "/v1/artists/$ARTIST/albums"
expect 200 '.limit == 5'
api GET "/v1/artists/$ARTIST/albums?limit=11"
expect 400
# Before the token check nothing is revealed: no token is still 401.
req GET "/v1/tracks?ids=$TRACK"
expect 401
stop "$PID_dev"

# --- extended mode serves the same operations, with the larger limits --------------------------
start ext --public-url https://api.spotify.com/
sample
app_token
api GET "/v1/tracks?ids=$TRACK"
expect 200 '.tracks[0].href == "https://api.spotify.com/v1/tracks/'"$TRACK"'"'
api GET "/v1/search?q=year:1900-2100&type=track&limit=50"
expect 200 '.tracks.items | length == 50' '.tracks.next | startswith("https://api.spotify.com/v1/search?")'
api GET "/v1/artists/$ARTIST/albums"
expect 200 '.limit == 20' '.href | startswith("https://api.spotify.com/v1/artists/")'
stop "$PID_ext"

# --- determinism: same seed, same IDs and content; another seed differs ------------------------
start s1 --seed 42
sample
S1="$TRACK $ALBUM $ARTIST $QUERY"
app_token
api GET "/v1/albums/$ALBUM"
A1=$(jq -c 'del(.. | .href?, .next?, .previous?)' <<<"$BODY")
start s2 --seed 42
sample
[ "$S1" = "$TRACK $ALBUM $ARTIST $QUERY" ] || fail "seed 42 gave different samples: $S1 / $TRACK $ALBUM $ARTIST"
app_token
api GET "/v1/albums/$ALBUM"
[ "$A1" = "$(jq -c 'del(.. | .href?, .next?, .previous?)' <<<"$BODY")" ] || fail "seed 42 gave different albums"
start s3 --seed 43
sample
[ "$S1" != "$TRACK $ALBUM $ARTIST $QUERY" ] || fail "seeds 42 and 43 gave the same catalogue"
app_token
req GET "/v1/albums/$(cut -d' ' -f2 <<<"$S1")" -H "Authorization: Bearer $TOKEN"
expect 404
stop "$PID_s1"
stop "$PID_s2"
stop "$PID_s3"

# --- the large catalogue holds at least 100,000 tracks -------------------------------------------
start large --catalog large
app_token
api GET "/v1/search?q=year:1000-3000&type=track,album,artist&limit=1"
expect 200 '.tracks.total >= 100000' '.albums.total >= 10000' '.artists.total >= 1000'
stop "$PID_large"

# --- TLS with a self-signed certificate ------------------------------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TMP/key.pem" -out "$TMP/cert.pem" -days 1 \
    -subj /CN=127.0.0.1 >/dev/null 2>&1 || fail "openssl could not make a certificate"
start tls --tls-cert "$TMP/cert.pem" --tls-key "$TMP/key.pem"
[[ "$URL" == https://127.0.0.1:* ]] || fail "TLS listening line: $URL"
sample
app_token
api GET "/v1/tracks/$TRACK"
expect 200 ".href == \"$URL/v1/tracks/$TRACK\""
curl -s --cacert "$TMP/cert.pem" "$URL/_emulator/sample" >/dev/null ||
    fail "the certificate does not verify for 127.0.0.1"
stop "$PID_tls"
expect_status 1 "$SPOTC_EMULATOR" --port 0 --tls-cert "$TMP/missing.pem" --tls-key "$TMP/key.pem"
expect_status 2 "$SPOTC_EMULATOR" --port 0 --tls-cert "$TMP/cert.pem"
echo ok
