# Feedback on a terminal (a pty from script(1)) and none in a pipe: the progress line of a long
# list (pages fetched of the total, items written) and the notice of a rate-limit wait.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
command -v script >/dev/null || { echo "script(1) is missing (util-linux)"; exit 77; }
emu_start --latency-ms 150
big=$(sample big_playlist)
track=$(sample track)
# on_tty CMD: run a shell command with stdin, stdout and stderr on a pty; prints what it showed.
on_tty() { script -qec "$1" /dev/null </dev/null | tr -d '\r'; }

# 2,000 items at 50 a page, 4 pages at a time, 150 ms each: about 2 s, so the line shows.
paginate="'$SPOTC_CLI' api GET /playlists/$big/items --paginate offset=8000 limit=50"
shown=$(on_tty "$paginate >/dev/null")
grep -q '\[#*\.*\] [0-9]*/40 pages, [0-9]* items' <<<"$shown" || fail "no progress line: $shown"
grep -q '40/40 pages, 2000 items' <<<"$shown" || fail "the line does not reach the end: $shown"
grep -q $'\e\[K' <<<"$shown" || fail "the progress line is not redrawn in place: $shown"
# --quiet, and a pipe: nothing on stderr, the same items on stdout.
shown=$(on_tty "$paginate --quiet >/dev/null")
[ -z "$shown" ] || fail "--quiet still showed: $shown"
expect_status 0 bash -c "$paginate"
[ -z "$ERR" ] || fail "progress in a pipe: $ERR"
[ "$(line_count "$OUT")" -eq 2000 ] || fail "2000 items expected, got $(line_count "$OUT")"
# Quick work shows no line at all.
shown=$(on_tty "'$SPOTC_CLI' api GET /playlists/$big/items --paginate offset=9990 >/dev/null")
not_contains "$shown" "pages,"

# A 429: the wait is announced on a terminal, silent in a pipe; both succeed after it.
rate_limit_once() {
    curl -fsS -X DELETE "$EMU_URL/_emulator/faults" >/dev/null
    curl -fsS -d '{"rules":[{"path":"/v1/tracks/*","fault":"rate_limit","retry_after":1,"times":1}]}' \
        "$EMU_URL/_emulator/faults" >/dev/null
}
rate_limit_once
shown=$(on_tty "'$SPOTC_CLI' track $track")
contains "$shown" "rate limited: waiting 1 s"
contains "$shown" "$track"
rate_limit_once
expect_status 0 spotc track "$track"
[ -z "$ERR" ] || fail "rate-limit news in a pipe: $ERR"
rate_limit_once
shown=$(on_tty "'$SPOTC_CLI' --quiet track $track")
not_contains "$shown" "rate limited"
# --max-wait caps the wait: 0 waits not at all, and the error says so.
rate_limit_once
expect_status 5 spotc --max-wait 0 track "$track"
contains "$ERR" "rate limited"
echo "ok"
