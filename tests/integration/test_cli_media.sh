# spotc show/episode/audiobook/chapter, browse, markets, recommendations, audio-features and
# library save|remove|contains with '-' (stdin), against an emulator, through the CLI only:
# TSV rows, tables, --json, --csv and --fields; seed checks before any request; the refusal
# for development-mode apps of what Spotify serves to extended-quota apps only.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"
spotc() { "$SPOTC_CLI" --no-header "$@"; }
emu_start

show=$(sample show)
episode=$(sample episode)
audiobook=$(sample audiobook)
chapter=$(sample chapter)
track=$(sample track)
album=$(sample album)
artist=$(sample artist)
missing=0000000000000000000000

# --- show -------------------------------------------------------------------------------------
expect_status 0 spotc --market US --json show "$show"
show_name=$(jq -er .name <<<"$OUT")
episodes=$(jq -er .total_episodes <<<"$OUT")
[ "$(jq -r .id <<<"$OUT")" = "$show" ] || fail "show json: $OUT"
[ "$episodes" -gt 1 ] || fail "a show with episodes: $OUT"
expect_status 0 spotc --market US show "spotify:show:$show"
[ "$(cut -f1,2 <<<"$OUT")" = "$show	$show_name" ] || fail "show TSV: $OUT"
[ "$(cut -f4 <<<"$OUT")" = "$episodes" ] || fail "show episode count: $OUT"
# --episodes, piped: only the episodes, every page; --limit stops early.
expect_status 0 spotc --market US show "https://open.spotify.com/show/$show?si=x" --episodes
[ "$(line_count "$OUT")" -eq "$episodes" ] || fail "show episodes ($episodes): $OUT"
grep -q "^$episode	" <<<"$OUT" || fail "the sample episode is not listed: $OUT"
expect_status 0 spotc --market US show "$show" --episodes --limit 3 --csv
[ "$(line_count "$OUT")" -eq 3 ] || fail "--limit 3 --csv: $OUT"
[ "$(awk -F, '{ print NF }' <<<"$OUT" | sort -u)" -ge 4 ] || fail "csv columns: $OUT"
expect_status 0 "$SPOTC_CLI" --market US --csv --fields id,duration_ms show "$show" --episodes --limit 2
[ "$(head -n1 <<<"$OUT" | tr -d '\r')" = "id,duration_ms" ] || fail "--fields header: $OUT"
tail -n +2 <<<"$OUT" | tr -d '\r' | grep -qvx '[0-9A-Za-z]\{22\},[0-9]\+' && fail "--fields rows: $OUT"
expect_status 0 spotc --market US --json show "$show" --episodes
[ "$(jq length <<<"$OUT")" -eq "$episodes" ] || fail "episodes json: $OUT"
jq -e 'all(.[]; .type == "episode")' <<<"$OUT" >/dev/null || fail "episode objects: $OUT"
# A table: the show, then its episodes, each under a heading.
expect_status 0 env -u COLUMNS "$SPOTC_CLI" --market US --table show "$show" --episodes --limit 2
grep -q '^Show$' <<<"$OUT" || fail "show heading: $OUT"
grep -q '^Episodes$' <<<"$OUT" || fail "episodes heading: $OUT"
grep -q '^ID  *NAME  *PUBLISHER  *EPISODES$' <<<"$OUT" || fail "show header: $OUT"
contains "$OUT" "$show_name"
# Without a market, an app gets 404 for a show: the hint says what to add.
expect_status 4 env -u SPOTC_MARKET "$SPOTC_CLI" show "$show"
contains "$ERR" "404"
contains "$ERR" "--market"
expect_status 4 spotc --market US show "$missing"
contains "$ERR" "spotc search"
expect_status 2 spotc show "spotify:track:$track"
expect_status 2 spotc show "Dancing Bridge"
contains "$ERR" "spotc search 'Dancing Bridge' --type show"

# --- episode ------------------------------------------------------------------------------------
expect_status 0 spotc --market US --json episode "$episode"
episode_name=$(jq -er .name <<<"$OUT")
duration=$(jq -er .duration_ms <<<"$OUT")
expect_status 0 spotc --market US episode "https://open.spotify.com/episode/$episode"
[ "$OUT" = "$episode	$episode_name	$show_name	$(jq -r .release_date <<<"$(spotc --market US --json episode "$episode")")	$duration" ] ||
    fail "episode TSV (duration in ms): $OUT"
expect_status 0 "$SPOTC_CLI" --market US --csv --fields id,show.name episode "$episode"
[ "$(tr -d '\r' <<<"$OUT")" = "id,show.name
$episode,$show_name" ] || fail "episode --csv --fields: $OUT"
expect_status 0 env -u COLUMNS "$SPOTC_CLI" --market US --table episode "$episode"
grep -q '^ID  *NAME  *SHOW  *RELEASED  *DURATION$' <<<"$OUT" || fail "episode header: $OUT"
grep -q "  $((duration / 60000)):" <<<"$OUT" || fail "m:ss in a table: $OUT"
expect_status 4 spotc --market US episode "$missing"

# --- audiobook ----------------------------------------------------------------------------------
expect_status 0 spotc --market US --json audiobook "spotify:audiobook:$audiobook"
book_name=$(jq -er .name <<<"$OUT")
chapters=$(jq -er .total_chapters <<<"$OUT")
author=$(jq -er '.authors[0].name' <<<"$OUT")
expect_status 0 spotc --market US audiobook "$audiobook"
[ "$(cut -f1-3,5 <<<"$OUT")" = "$audiobook	$book_name	$author	$chapters" ] || fail "audiobook TSV: $OUT"
expect_status 0 spotc --market US audiobook "$audiobook" --chapters
[ "$(line_count "$OUT")" -eq "$chapters" ] || fail "chapters ($chapters): $OUT"
[ "$(cut -f2 <<<"$OUT" | head -n3 | tr '\n' ' ')" = "1 2 3 " ] || fail "chapter numbers: $OUT"
expect_status 0 spotc --market US --jsonl audiobook "$audiobook" --chapters --limit 4
[ "$(line_count "$OUT")" -eq 4 ] || fail "--jsonl --limit 4: $OUT"
jq -se 'map(.chapter_number) == [1,2,3,4]' <<<"$OUT" >/dev/null || fail "jsonl chapters: $OUT"
expect_status 0 spotc --market US --json audiobook "$audiobook" --chapters --limit 2
[ "$(jq length <<<"$OUT")" -eq 2 ] || fail "chapters json: $OUT"
expect_status 0 "$SPOTC_CLI" --market US --csv audiobook "$audiobook"
[ "$(head -n1 <<<"$OUT" | tr -d '\r')" = "id,name,authors.name,narrators.name,total_chapters" ] ||
    fail "audiobook csv header: $OUT"
expect_status 4 spotc --market US audiobook "$missing" --chapters

# --- chapter: its own URIs, and the episode URIs Spotify gives chapters --------------------------
expect_status 0 spotc --market US --json chapter "$chapter"
chapter_name=$(jq -er .name <<<"$OUT")
for form in "$chapter" "spotify:chapter:$chapter" "spotify:episode:$chapter" \
    "https://open.spotify.com/episode/$chapter"; do
    expect_status 0 spotc --market US chapter "$form"
    [ "$(cut -f1-4 <<<"$OUT")" = "$chapter	1	$chapter_name	$book_name" ] || fail "chapter $form: $OUT"
done
expect_status 0 "$SPOTC_CLI" --market US --csv --fields id,audiobook.name chapter "$chapter"
[ "$(tail -n1 <<<"$OUT" | tr -d '\r')" = "$chapter,$book_name" ] || fail "chapter csv: $OUT"
expect_status 2 spotc chapter "spotify:track:$track"
expect_status 4 spotc --market US chapter "$missing"

# --- browse -------------------------------------------------------------------------------------
expect_status 0 spotc browse categories
ncat=$(line_count "$OUT")
[ "$ncat" -gt 20 ] || fail "every page of categories: $OUT"
first_cat=$(head -n1 <<<"$OUT" | cut -f1)
expect_status 0 spotc browse categories --limit 3 --locale sv_SE
[ "$(line_count "$OUT")" -eq 3 ] || fail "categories --limit 3: $OUT"
[ "$(head -n1 <<<"$OUT" | cut -f1)" = "$first_cat" ] || fail "same order: $OUT"
expect_status 0 spotc --json browse categories
[ "$(jq length <<<"$OUT")" -eq "$ncat" ] || fail "categories: $ncat rows, json $(jq length <<<"$OUT")"
expect_status 0 spotc --json browse categories --limit 5
jq -e 'length == 5 and all(.[]; .id and .name and .icons)' <<<"$OUT" >/dev/null || fail "json: $OUT"
expect_status 0 "$SPOTC_CLI" --csv --fields name browse categories --limit 2
[ "$(head -n1 <<<"$OUT" | tr -d '\r')" = "name" ] || fail "categories csv: $OUT"
[ "$(line_count "$OUT")" -eq 3 ] || fail "categories csv rows: $OUT"
expect_status 0 env -u COLUMNS "$SPOTC_CLI" --table browse categories --limit 2
grep -q '^ID  *NAME$' <<<"$OUT" || fail "categories table: $OUT"

expect_status 0 spotc browse new-releases
nnew=$(line_count "$OUT")
[ "$nnew" -gt 50 ] || fail "every page of new releases ($nnew)"
expect_status 0 spotc browse new-releases --limit 2
[ "$(line_count "$OUT")" -eq 2 ] || fail "new-releases --limit 2: $OUT"
[ "$(awk -F'\t' '{ print NF }' <<<"$OUT" | sort -u)" = 6 ] || fail "album columns: $OUT"
expect_status 0 spotc --jsonl browse new-releases --limit 3
jq -se 'length == 3 and all(.[]; .type == "album")' <<<"$OUT" >/dev/null || fail "jsonl: $OUT"
expect_status 0 "$SPOTC_CLI" --csv --fields id,release_date browse new-releases --limit 1
grep -qx 'id,release_date' <<<"$(head -n1 <<<"$OUT" | tr -d '\r')" || fail "new-releases csv: $OUT"
expect_status 2 spotc browse new-releases --locale sv_SE
contains "$ERR" "--locale is an option of 'browse categories' only"
expect_status 2 spotc browse categorys
contains "$ERR" "did you mean 'categories'"
expect_status 2 spotc browse

# --- markets ------------------------------------------------------------------------------------
expect_status 0 spotc markets
grep -qx SE <<<"$OUT" || fail "SE is a market: $OUT"
! grep -qvx '[A-Z][A-Z]' <<<"$OUT" || fail "only country codes: $OUT"
nmarkets=$(line_count "$OUT")
expect_status 0 spotc --json markets
[ "$(jq 'length' <<<"$OUT")" -eq "$nmarkets" ] || fail "markets json: $OUT"
jq -e 'any(.[]; .market == "SE")' <<<"$OUT" >/dev/null || fail "markets objects: $OUT"
expect_status 0 "$SPOTC_CLI" --csv markets --limit 2
[ "$(tr -d '\r' <<<"$OUT" | head -n1)" = "market" ] || fail "markets csv: $OUT"
[ "$(line_count "$OUT")" -eq 3 ] || fail "markets --limit 2: $OUT"
expect_status 2 spotc markets extra

# --- recommendations ----------------------------------------------------------------------------
expect_status 0 spotc recommendations --genres
genre=$(head -n1 <<<"$OUT")
[ -n "$genre" ] || fail "no genre seeds"
expect_status 0 spotc recommendations --seed-genres "$genre" --seed-artists "spotify:artist:$artist" \
    --seed-tracks "$track" --limit 7 --target energy=0.8 --min tempo=60 --max loudness=-2
[ "$(line_count "$OUT")" -eq 7 ] || fail "--limit 7: $OUT"
[ "$(awk -F'\t' '{ print NF }' <<<"$OUT" | sort -u)" = 5 ] || fail "track columns: $OUT"
expect_status 0 spotc --json recommendations --seed-genres "$genre" --limit 3
jq -e 'length == 3 and all(.[]; .type == "track")' <<<"$OUT" >/dev/null || fail "json: $OUT"
expect_status 0 "$SPOTC_CLI" --csv --fields id,name recommendations --seed-tracks "$track" --limit 2
[ "$(head -n1 <<<"$OUT" | tr -d '\r')" = "id,name" ] || fail "recommendations csv: $OUT"
[ "$(line_count "$OUT")" -eq 3 ] || fail "recommendations csv rows: $OUT"
# Seeds and tunables may be repeated or comma-separated: all of them reach the request.
expect_status 0 spotc --verbose recommendations --seed-genres "$genre" --seed-tracks "$track" \
    --seed-tracks "spotify:track:$track" --target energy=0.8 --target tempo=120,valence=0.5 \
    --min popularity=10 --max loudness=-3 --limit 2
request=$(grep '^> GET /v1/recommendations?' <<<"$ERR")
for want in "seed_tracks=$track%2C$track" "seed_genres=$genre" target_energy=0.8 target_tempo=120 \
    target_valence=0.5 min_popularity=10 max_loudness=-3 limit=2; do
    contains "$request" "$want"
done
# The seeds are checked before anything is sent: none, six, a malformed ID, a bad tunable.
before=$(emu_get /_emulator/stats | jq -c '.requests["GET /v1/recommendations"] // {}')
expect_status 2 spotc recommendations
contains "$ERR" "at least one seed"
expect_status 2 spotc recommendations --seed-genres a,b,c --seed-tracks "$track,$track" \
    --seed-artists "$artist"
contains "$ERR" "at most 5 seeds in all"
contains "$ERR" "6 were given"
expect_status 2 spotc recommendations --seed-genres a --seed-genres b,c --seed-genres d,e,f
contains "$ERR" "6 were given"
expect_status 2 spotc recommendations --seed-artists "Sleepy Lighthouse"
contains "$ERR" "Sleepy Lighthouse"
expect_status 2 spotc recommendations --seed-genres "$genre" --target enrgy=0.8
contains "$ERR" "did you mean 'energy'"
expect_status 2 spotc recommendations --seed-genres "$genre" --min tempo=fast
contains "$ERR" "wants a number"
expect_status 2 spotc recommendations --seed-genres "$genre" --limit 101
expect_status 2 spotc recommendations --genres --seed-genres "$genre"
after=$(emu_get /_emulator/stats | jq -c '.requests["GET /v1/recommendations"] // {}')
[ "$before" = "$after" ] || fail "a refused command line sent a request: $before -> $after"
# Five seeds are fine.
expect_status 0 spotc recommendations --seed-genres "$genre,$genre" --seed-tracks "$track,$track" \
    --seed-artists "$artist" --limit 1

# --- audio-features -----------------------------------------------------------------------------
other=$(spotc --fields id album "$album" --tracks --limit 2 | tail -n1)
expect_status 0 spotc audio-features "$track" "spotify:track:$other" "https://open.spotify.com/track/$track"
[ "$(cut -f1 <<<"$OUT" | tr '\n' ' ')" = "$track $other $track " ] || fail "one row a track, in order: $OUT"
[ "$(awk -F'\t' '{ print NF }' <<<"$OUT" | sort -u)" = 8 ] || fail "feature columns: $OUT"
expect_status 0 spotc --json audio-features "$track"
[ "$(jq -r '.id + " " + .type' <<<"$OUT")" = "$track audio_features" ] || fail "one object: $OUT"
tempo=$(jq -r .tempo <<<"$OUT")
expect_status 0 spotc --json audio-features "$track" "$other"
[ "$(jq -r 'map(.id) | join(" ")' <<<"$OUT")" = "$track $other" ] || fail "an array: $OUT"
expect_status 0 "$SPOTC_CLI" --csv --fields id,tempo,time_signature audio-features "$track"
[ "$(tr -d '\r' <<<"$OUT" | tail -n1 | cut -d, -f1,2)" = "$track,$tempo" ] || fail "features csv: $OUT"
expect_status 0 env -u COLUMNS "$SPOTC_CLI" --table audio-features "$track"
grep -q '^ID  *DANCE  *ENERGY  *KEY  *MODE  *TEMPO  *VALENCE  *LOUDNESS$' <<<"$OUT" || fail "table: $OUT"
# Many IDs go in batches (100 a request): 150 IDs, 2 requests, 150 rows in order.
ids=()
for i in $(seq 1 75); do ids+=("$track" "$other"); done
before=$(emu_get /_emulator/stats | jq '[.requests["GET /v1/audio-features"] // {} | .[]] | add // 0')
expect_status 0 spotc --fields id audio-features "${ids[@]}"
[ "$(line_count "$OUT")" -eq 150 ] || fail "150 rows: $(line_count "$OUT")"
[ "$(sed -n 2p <<<"$OUT")" = "$other" ] || fail "batch order: $OUT"
after=$(emu_get /_emulator/stats | jq '[.requests["GET /v1/audio-features"] // {} | .[]] | add // 0')
[ $((after - before)) -eq 2 ] || fail "150 IDs took $((after - before)) requests"
# An unknown track: the others are printed, the unknown one named, exit 4.
expect_status 4 spotc audio-features "$track" "$missing"
[ "$OUT" != "" ] && [ "$(cut -f1 <<<"$OUT")" = "$track" ] || fail "known track still printed: $OUT"
contains "$ERR" "$missing"
expect_status 2 spotc audio-features "not an id"
expect_status 2 spotc audio-features

# --- library save|remove|contains - (stdin) -----------------------------------------------------
SCOPES="user-library-read user-library-modify"
SPOTIFY_ACCESS_TOKEN=$(emu_post /_emulator/token "{\"user\":\"demo\",\"scope\":\"$SCOPES\"}" |
    jq -er .access_token)
export SPOTIFY_ACCESS_TOKEN
spotc --fields uri album "$album" --tracks >"$TMP/album_uris"
uris=$(cat "$TMP/album_uris")
n=$(line_count "$uris")
[ "$n" -gt 2 ] || fail "an album with tracks: $uris"
expect_status 0 spotc --quiet library remove - <"$TMP/album_uris"
# Saved from stdin (blank lines and spaces ignored), with one more item given on the line.
{ echo; sed 's/^/  /' "$TMP/album_uris"; echo; } >"$TMP/stdin"
expect_status 0 spotc library save "spotify:show:$show" - <"$TMP/stdin"
contains "$ERR" "saved $((n + 1)) items"
expect_status 0 spotc library contains - <"$TMP/album_uris"
[ "$(cut -f1 <<<"$OUT")" = "$uris" ] || fail "contains -: in order: $OUT"
[ "$(cut -f2 <<<"$OUT" | sort -u)" = true ] || fail "saved from stdin: $OUT"
expect_status 0 spotc --json library contains - <"$TMP/album_uris"
[ "$(jq length <<<"$OUT")" -eq "$n" ] && jq -e 'all(.[]; .saved)' <<<"$OUT" >/dev/null ||
    fail "contains json: $OUT"
expect_status 0 spotc library list tracks
for u in $uris; do grep -q "^${u#spotify:track:}	" <<<"$OUT" || fail "$u not listed: $OUT"; done
# Removed from stdin: the first half; the rest stay.
head -n2 "$TMP/album_uris" >"$TMP/half"
expect_status 0 spotc library remove - <"$TMP/half"
contains "$ERR" "removed 2 items"
expect_status 0 "$SPOTC_CLI" --csv library contains - "spotify:show:$show" <"$TMP/album_uris"
[ "$(tr -d '\r' <<<"$OUT" | cut -d, -f2 | tr '\n' ' ')" = "saved false false $(printf 'true %.0s' $(seq 3 "$n"))true " ] ||
    fail "after removing two: $OUT"
expect_status 2 spotc library save - - </dev/null
contains "$ERR" "'-' may be given once"
printf 'spotify:track:%s\nnot-a-uri\n' "$track" >"$TMP/bad"
expect_failure spotc library save - <"$TMP/bad"
contains "$ERR" "not-a-uri"
unset SPOTIFY_ACCESS_TOKEN

# --- help and did-you-mean know the new commands ---------------------------------------------------
help=$("$SPOTC_CLI" --help)
for c in show episode audiobook chapter browse markets recommendations audio-features; do
    grep -q "^  $c " <<<"$help" || fail "spotc --help lacks $c: $help"
    expect_status 0 "$SPOTC_CLI" help "$c"
    contains "$OUT" "spotc $c"
done
expect_status 2 spotc audiobok "$audiobook"
contains "$ERR" "did you mean 'audiobook'"
expect_status 2 spotc recomendations
contains "$ERR" "did you mean 'recommendations'"

# --- development mode: what Spotify serves to extended-quota apps only is refused, and said so -----
kill "$EMU_PID" && wait "$EMU_PID" || true
emu_start --mode development
expect_status 7 spotc recommendations --seed-genres "$genre"
contains "$ERR" "403"
contains "$ERR" "only available to extended-quota apps"
for cmd in "browse categories" "browse new-releases" "markets" "audio-features $track"; do
    expect_status 7 spotc $cmd
    contains "$ERR" "only available to extended-quota apps"
done
# A list refused at its first page prints nothing: no header, no "[]", no "(none)" that a
# script could take for an empty answer.
for format in "" --csv --json --jsonl --table; do
    for cmd in "browse categories" "browse new-releases" "markets"; do
        expect_status 7 "$SPOTC_CLI" $format $cmd
        [ -z "$OUT" ] || fail "spotc $format $cmd printed on a 403: $OUT"
    done
done
# Declared (SPOTC_APP_MODE=development): refused before a request is spent.
before=$(emu_get /_emulator/stats | jq -c '.requests')
for cmd in "recommendations --seed-genres $genre" "recommendations --genres" "browse categories" \
    "browse new-releases" "markets" "audio-features $track"; do
    expect_status 7 env SPOTC_APP_MODE=development "$SPOTC_CLI" $cmd
    contains "$ERR" "only available to extended-quota apps"
    contains "$ERR" "SPOTC_APP_MODE=development"
    [ -z "$OUT" ] || fail "$cmd printed: $OUT"
done
after=$(emu_get /_emulator/stats | jq -c '.requests')
[ "$before" = "$after" ] || fail "a declared development-mode app sent requests: $before -> $after"
# Spoken content is served to development-mode apps as to any.
expect_status 0 env SPOTC_APP_MODE=development "$SPOTC_CLI" --market US show "$show"
[ "$(cut -f1 <<<"$OUT" | tail -n1)" = "$show" ] || fail "show in development mode: $OUT"
echo "ok"
