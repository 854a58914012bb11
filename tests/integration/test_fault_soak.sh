# The fault soak (label soak): about 10,000 requests with 2% of them answered by an injected
# fault (500/502/503, a reset connection, a body cut short, a slow body), through the CLI and so
# the typed library: every track of a 10,000-item playlist hydrated one read each (a development-
# mode app), the playlist imported into a new one (adds of 100, read back after an ambiguous
# failure) and the copy exported again. Nothing lost, nothing doubled: the hydrated IDs are the
# source's in order, and the exported copy equals the source. Prints requests, faults, retries
# and the time taken.
#
# SOAK_TRACKS=N hydrates N tracks instead of 10,000 (the source's IDs, repeated as needed): the
# long form, e.g. `SOAK_TRACKS=100000 make soak`.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
source "$(dirname "$0")/export_lib.sh"
TRACKS=${SOAK_TRACKS:-10000}
EVERY=50 # 2%: one fault in 50 requests
emu_start --rate-limit 1000000
as_demo
started=$(date +%s%N)

stat_total() { emu_get /_emulator/stats | jq .total; }
rules_waiting() { emu_get /_emulator/faults | jq '.rules | length'; }
add_rules() { emu_post /_emulator/faults "{\"rules\": [$1]}" >/dev/null; }
# rule METHOD PATH I: the I-th fault of the rotation, once, on that route (METHOD "" = any).
KINDS=('"fault":"status","status":500' '"fault":"status","status":502' '"fault":"status","status":503'
    '"fault":"reset"' '"fault":"truncate"' '"fault":"slow","delay_ms":200')
rule() {
    local method=${1:+\"method\":\"$1\",}
    printf '{%s"path":"%s",%s,"times":1}' "$method" "$2" "${KINDS[$(($3 % ${#KINDS[@]}))]}"
}

# --- the source, read with no faults --------------------------------------------------------------
big=$(sample big_playlist)
spotc --quiet playlist export "$big" --format csv -o "$TMP/big.csv"
csv_column "$TMP/big.csv" "Track URI" >"$TMP/source"
[ "$(wc -l <"$TMP/source")" = 10000 ] || fail "source: $(wc -l <"$TMP/source") items"
export_pages=$(stat_total)

# --- hydrate: one GET a track, 2% of them faulted once -------------------------------------------
sed 's/^spotify:track://' "$TMP/source" | awk -v n="$TRACKS" '{ id[NR] = $0 }
    END { for (i = 0; i < n; i++) print id[i % NR + 1] }' >"$TMP/ids"
# A rule fires on its ID's first read (the retry, and later reads of the same ID, go through),
# so the faulted IDs are spread over the distinct ones: one fault in 50 reads, or one on every
# distinct ID when there are fewer (the long form repeats IDs). One in 48 IDs, as the faults'
# retries add requests too.
sort -u "$TMP/ids" | wc -l >"$TMP/unique"
awk -v want=$((TRACKS / (EVERY - 2))) -v unique="$(cat "$TMP/unique")" '
    BEGIN { step = unique / want; if (step < 1) step = 1; next_at = step }
    !seen[$0]++ { u++; if (u >= next_at) { print $0; next_at += step } }' "$TMP/ids" >"$TMP/faulted"
faults=0
rules=""
while read -r id; do
    rules="$rules${rules:+,}$(rule GET "/v1/tracks/$id" "$faults")"
    faults=$((faults + 1))
    if [ $((faults % 500)) = 0 ]; then add_rules "$rules"; rules=""; fi # the emulator holds 1000
done <"$TMP/faulted"
[ -z "$rules" ] || add_rules "$rules"
before=$(stat_total)
SPOTC_APP_MODE=development xargs -a "$TMP/ids" -n 5000 "$SPOTC_CLI" --quiet --fields id --no-header \
    track >"$TMP/hydrated" 2>"$TMP/hydrate.err" || fail "hydrate: $(tail -3 "$TMP/hydrate.err")"
hydrate_requests=$(($(stat_total) - before))
cmp -s "$TMP/ids" "$TMP/hydrated" ||
    fail "hydrated $(wc -l <"$TMP/hydrated") of $TRACKS: $(diff "$TMP/ids" "$TMP/hydrated" | head -5)"
[ "$(rules_waiting)" = 0 ] || fail "$(rules_waiting) hydrate faults never fired"

# --- import and export, 2% of their requests faulted -------------------------------------------
# The items' routes get two faults at a time, so that no request meets more than its retries
# can take: two on the adds (an answer cut after the add landed, and a 503; each is read back
# and the import goes on), two on the reads that follow (the read-backs), two on the export's
# pages. The create, a POST nothing may replay, is left alone: a failed create is an error the
# user sees, not a loss.
before=$(stat_total)
add_rules "$(rule POST "/v1/playlists/*/items" 4),$(rule POST "/v1/playlists/*/items" 2),
    $(rule GET "/v1/playlists/*/items" 3),$(rule GET "/v1/playlists/*/items" 0)"
expect_status 0 spotc playlist import "$TMP/big.csv" --name soak
copy=$OUT
[ "$(rules_waiting)" = 0 ] || fail "$(rules_waiting) import faults never fired"
add_rules "$(rule GET "/v1/playlists/*/items" 5),$(rule GET "/v1/playlists/*/items" 1)"
spotc --quiet playlist export "$copy" --format csv -o "$TMP/copy.csv"
[ "$(rules_waiting)" = 0 ] || fail "$(rules_waiting) export faults never fired"
playlist_faults=6
playlist_requests=$(($(stat_total) - before))
csv_column "$TMP/copy.csv" "Track URI" >"$TMP/copied"
cmp -s "$TMP/source" "$TMP/copied" ||
    fail "copy differs ($(wc -l <"$TMP/copied") items): $(diff "$TMP/source" "$TMP/copied" | head -5)"

# --- the numbers ------------------------------------------------------------------------------------
stats=$(emu_get /_emulator/stats)
requests=$(($(jq .total <<<"$stats") - export_pages))
# Without faults: one read a track; the import's create and 100 adds; the export's pages.
minimum=$((TRACKS + 1 + 100 + export_pages))
injected=$((faults + playlist_faults))
ms=$((($(date +%s%N) - started) / 1000000))
printf 'soak: %d requests (hydrate %d, import+export %d), %d faults injected (%d.%02d%%),' \
    "$requests" "$hydrate_requests" "$playlist_requests" "$injected" \
    $((injected * 100 / requests)) $((injected * 10000 / requests % 100))
printf ' %d requests beyond the fault-free minimum (retries and read-backs), %d.%d s\n' \
    $((requests - minimum)) $((ms / 1000)) $((ms % 1000 / 100))
echo "$stats" | jq -c '[.requests | to_entries[] | {(.key): .value}] | add' | head -c 2000
echo
