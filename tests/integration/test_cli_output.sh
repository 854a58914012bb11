# spotc's list formats through the CLI: TSV with a header (--no-header drops it), CSV
# (RFC 4180 quoting, the formula guard), --json (one document), --jsonl (one object a line,
# streamed), --fields in every format (dotted paths, named as given), durations in ms.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
emu_start

track=$(sample track)
big=$(sample big_playlist)
# A user token that may create playlists, so that names with commas, quotes and formulas exist.
user_token() {
    curl -fsS -d "{\"user\":\"demo\",\"scope\":\"$1\"}" "$EMU_URL/_emulator/token" | jq -r .access_token
}
TOKEN=$(user_token "playlist-modify-private playlist-read-private playlist-modify-public")
as_user() { SPOTIFY_ACCESS_TOKEN=$TOKEN "$SPOTC_CLI" "$@"; }
for name in '=HYPERLINK("http://x","y")' '+1+2' '-3' '@SUM(A1)' 'a, "quoted" name' 'plain'; do
    expect_status 0 as_user api POST /me/playlists name="$name" public=false
done

# --- TSV: a header row, then one line an item; --no-header drops the header ----------------
expect_status 0 spotc track "$track"
# The header names the columns by their paths into the JSON: what --fields takes.
[ "$(head -n1 <<<"$OUT")" = "$(printf 'id\tname\tartists.name\talbum.name\tduration_ms')" ] ||
    fail "TSV header: $OUT"
[ "$(line_count "$OUT")" -eq 2 ] || fail "header + one row: $OUT"
duration=$(tail -n1 <<<"$OUT" | cut -f5)
[[ $duration =~ ^[0-9]{4,}$ ]] || fail "durations in ms in TSV, got '$duration'"
expect_status 0 spotc track "$track" --no-header
[ "$(cut -f1 <<<"$OUT")" = "$track" ] || fail "--no-header: $OUT"

# --- --fields in every format: named as given, dotted paths --------------------------------
expect_status 0 spotc api GET /playlists/"$big"/items --paginate limit=5 \
    --fields item.name,item.duration_ms,item.artists.name,added_by.id
[ "$(head -n1 <<<"$OUT")" = "$(printf 'item.name\titem.duration_ms\titem.artists.name\tadded_by.id')" ] ||
    fail "--fields header: $(head -n1 <<<"$OUT")"
[ "$(awk -F'\t' 'NR > 1 { print NF }' <<<"$OUT" | sort -u)" = 4 ] || fail "4 columns: $OUT"
expect_status 0 spotc api GET /playlists/"$big"/items --paginate limit=5 --csv \
    --fields item.name,item.duration_ms
[ "$(head -n1 <<<"$OUT" | tr -d '\r')" = "item.name,item.duration_ms" ] || fail "CSV --fields: $OUT"
expect_status 0 spotc api GET /playlists/"$big"/items --paginate limit=5 --jsonl \
    --fields item.name,item.duration_ms
jq -se 'length > 5 and all(.[]; keys == ["item.duration_ms", "item.name"]
    and (.["item.duration_ms"] | type) == "number")' <<<"$OUT" >/dev/null || fail "JSONL --fields: $OUT"
expect_status 0 spotc api GET /playlists/"$big"/items --paginate limit=5 --json --fields item.id
jq -e 'type == "array" and length > 5 and (.[0] | keys) == ["item.id"]' <<<"$OUT" >/dev/null ||
    fail "JSON --fields: $OUT"
[ "$(line_count "$OUT")" -eq 1 ] || fail "piped JSON is one document on one line"
expect_status 0 spotc --table --fields id,album.name,artists.0.name track "$track"
grep -q '^id  *album\.name  *artists\.0\.name$' <<<"$OUT" || fail "table --fields header: $OUT"
expect_status 0 spotc --table api GET /playlists/"$big"/items --paginate limit=3 --fields item.name,item.album.name
grep -q '^item\.name  *item\.album\.name$' <<<"$OUT" || fail "table --fields paths: $OUT"
expect_status 0 spotc --fields id,duration_ms,album.release_date --jsonl track "$track"
jq -e --arg t "$track" '.id == $t and (.duration_ms | type) == "number" and .["album.release_date"]' \
    <<<"$OUT" >/dev/null || fail "jsonl of a catalogue command: $OUT"
expect_status 0 spotc --jsonl track "$track"
jq -e --arg t "$track" '.id == $t and .type == "track" and .album.id' <<<"$OUT" >/dev/null ||
    fail "--jsonl without --fields: the whole object: $OUT"
expect_status 0 spotc --csv search "$(sample query)" --type album --limit 2 --fields type,id,name
[ "$(head -n1 <<<"$OUT" | tr -d '\r')" = "type,id,name" ] || fail "search --csv --fields: $OUT"
expect_status 2 spotc --json --csv track "$track"
contains "$ERR" "choose one of"

# --- CSV: RFC 4180 quoting and the formula guard -------------------------------------------
expect_status 0 as_user api GET /me/playlists --paginate --csv --fields name,public
printf '%s\n' "$OUT" >"$TMP/out.csv"
grep -q $'\r$' "$TMP/out.csv" || fail "CSV lines end with CRLF"
tr -d '\r' <"$TMP/out.csv" >"$TMP/lf.csv"
grep -qxF 'name,public' "$TMP/lf.csv" || fail "CSV header: $OUT"
grep -qxF '"'"'"'=HYPERLINK(""http://x"",""y"")",false' "$TMP/lf.csv" || fail "= guarded and quoted: $OUT"
grep -qxF '"'"'"'+1+2",false' "$TMP/lf.csv" || fail "+ guarded: $OUT"
grep -qxF '"'"'"'-3",false' "$TMP/lf.csv" || fail "- guarded: $OUT"
grep -qxF '"'"'"'@SUM(A1)",false' "$TMP/lf.csv" || fail "@ guarded: $OUT"
grep -qxF '"a, ""quoted"" name",false' "$TMP/lf.csv" || fail "comma and quotes quoted: $OUT"
grep -qxF 'plain,false' "$TMP/lf.csv" || fail "a plain cell stays bare: $OUT"
# A CSV reader gets the names back (apostrophe aside).
python3 - "$TMP/out.csv" <<'PY' || fail "python's csv module cannot read it back"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
names = {r[0] for r in rows[1:]}
assert "'=HYPERLINK(\"http://x\",\"y\")" in names and 'a, "quoted" name' in names, names
PY

# --- --jsonl streams: the first items are out while later pages are still on their way ------
kill "$EMU_PID" && wait "$EMU_PID" || true
emu_start --latency-ms 150
rm -f "$TMP/sample.json"
big=$(sample big_playlist)
mkfifo "$TMP/stream"
"$SPOTC_CLI" api GET /playlists/"$big"/items --paginate limit=50 --jsonl --fields item.id \
    >"$TMP/stream" 2>"$TMP/stream.err" &
reader_pid=$!
start=$(date +%s%N)
read -r first <"$TMP/stream"
first_ms=$(( ($(date +%s%N) - start) / 1000000 ))
kill "$reader_pid" 2>/dev/null || true
wait "$reader_pid" 2>/dev/null || true
jq -e '.["item.id"] | type == "string"' <<<"$first" >/dev/null || fail "first line: $first"
# 10,000 items at 50 a page and 150 ms each take well over 10 s; the first line comes at once.
[ "$first_ms" -lt 5000 ] || fail "the first item came after $first_ms ms: not streamed"
echo "ok (first JSONL item after $first_ms ms)"
