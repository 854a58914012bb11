# The 10,000-item playlist exported and imported with faults injected on the writes (503s,
# resets after the request was read, answers cut short after the add landed) and 2% random
# failures everywhere: the copy equals the source, nothing lost or doubled. Then the same
# import killed part-way and resumed from its journal.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
source "$(dirname "$0")/export_lib.sh"
emu_start
as_demo
big=$(sample big_playlist)
spotc --quiet playlist export "$big" --format csv -o "$TMP/big.csv"
csv_column "$TMP/big.csv" "Track URI" >"$TMP/source"
[ "$(wc -l <"$TMP/source")" = 10000 ] || fail "source: $(wc -l <"$TMP/source") items"

# --- faults on the adds -------------------------------------------------------------------------
rule() { printf '{"method": "POST", "path": "/v1/playlists/*/items", "fault": "%s", "times": 1}' "$1"; }
emu_post /_emulator/faults "{\"fail_rate\": 0.02, \"rules\": [$(rule truncate), $(rule reset),
    $(rule status), $(rule truncate)]}" >/dev/null
expect_status 0 spotc playlist import "$TMP/big.csv" --name soak
copy=$OUT
contains "$ERR" "reading the playlist back"
stats=$(emu_get /_emulator/stats)
# The truncated answers came after their adds landed: had they been sent again, the copy
# would hold 200 duplicates. The export still meets 2% failures (its GETs are retried).
spotc --quiet playlist export "$copy" --format csv -o "$TMP/copy.csv"
emu_post /_emulator/faults '{"fail_rate": 0}' >/dev/null
csv_column "$TMP/copy.csv" "Track URI" >"$TMP/copied"
cmp -s "$TMP/source" "$TMP/copied" ||
    fail "copy differs ($(wc -l <"$TMP/copied") items): $(diff "$TMP/source" "$TMP/copied" | head -5)"
jq -e '[.requests | to_entries[] | select(.key | test("POST /v1/playlists/.*/items")) |
        .value | to_entries[] | select(.key != "201") ] | length > 0' <<<"$stats" >/dev/null ||
    fail "no fault was injected on the adds: $stats"

# --- killed part-way, resumed -------------------------------------------------------------------
emu_post /_emulator/faults '{"latency_ms": 30}' >/dev/null
"$SPOTC_CLI" --quiet playlist import "$TMP/big.csv" --name resumed >"$TMP/import.out" 2>&1 &
pid=$!
journal="$TMP/big.csv.spotc-import"
for _ in $(seq 1 300); do
    if [ -s "$journal" ]; then
        id=$(jq -r .playlist_id "$journal")
        n=$(playlist_length "$id")
        [ "$n" -ge 2000 ] && break
    fi
    sleep 0.05
done
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
n=$(playlist_length "$id")
[ "$n" -gt 0 ] && [ "$n" -lt 10000 ] || fail "not killed part-way: $n items"
emu_post /_emulator/faults '{"latency_ms": 0}' >/dev/null
expect_status 2 spotc playlist import "$TMP/big.csv" --name again
contains "$ERR" "--resume"
expect_status 0 spotc playlist import "$TMP/big.csv" --resume
[ "$OUT" = "$id" ] || fail "resumed into $OUT, not $id"
[ ! -e "$journal" ] || fail "journal left"
spotc --quiet playlist export "$id" --format csv -o "$TMP/resumed.csv"
csv_column "$TMP/resumed.csv" "Track URI" >"$TMP/resumed"
cmp -s "$TMP/source" "$TMP/resumed" ||
    fail "resumed copy differs ($(wc -l <"$TMP/resumed") items; killed at $n)"
echo "ok (killed at $n items)"
