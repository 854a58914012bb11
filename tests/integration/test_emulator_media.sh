# spotc-emulator: shows, episodes, audiobooks, chapters, browse, markets, audio features and
# analysis, related artists, recommendations, media search; both modes; determinism.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

# media_sample: the sample's podcast and audiobook IDs into SHOW, EPISODE, AUDIOBOOK, CHAPTER.
media_sample() {
    sample
    req GET /_emulator/sample
    expect 200 '.show | test("^[0-9A-Za-z]{22}$")' '.episode | test("^[0-9A-Za-z]{22}$")' \
        '.audiobook | test("^[0-9A-Za-z]{22}$")' '.chapter | test("^[0-9A-Za-z]{22}$")'
    SHOW=$(jq -r .show <<<"$BODY")
    EPISODE=$(jq -r .episode <<<"$BODY")
    AUDIOBOOK=$(jq -r .audiobook <<<"$BODY")
    CHAPTER=$(jq -r .chapter <<<"$BODY")
}

# user_token SCOPES: a token of the demo user into $TOKEN.
user_token() {
    req POST /_emulator/token -d "{\"user\":\"demo\",\"scope\":\"$1\"}"
    expect 200
    TOKEN=$(jq -r .access_token <<<"$BODY")
}

# walk PATH [KEY]: follow `next` from PATH to the end; every item's id into $IDS (one a
# line), the pages into $PAGES. KEY names the paging object when it is wrapped.
walk() {
    local path=$1 key=${2:-} sel= next
    [ -n "$key" ] && sel=".$key"
    IDS= PAGES=0
    while [ -n "$path" ]; do
        api GET "$path"
        expect 200 "($sel.items | length) <= $sel.limit"
        IDS+=$(jq -r "$sel.items[] | .id" <<<"$BODY")$'\n'
        PAGES=$((PAGES + 1))
        [ "$PAGES" -le 200 ] || fail "paging never ends at $path"
        next=$(jq -r "$sel.next // empty" <<<"$BODY")
        if [ -n "$next" ]; then
            [ "${next#"$URL"}" != "$next" ] || fail "next link $next is not under $URL"
            path=${next#"$URL"}
        else
            path=
        fi
    done
    IDS=$(sed '/^$/d' <<<"$IDS")
}

# ids_of N ID: N copies of ID, comma-separated.
ids_of() {
    local out=$2 i
    for ((i = 1; i < $1; i++)); do out+=",$2"; done
    echo "$out"
}

SHOW_KEYS='["available_markets","copyrights","description","explicit","external_urls","href","html_description","id","images","is_externally_hosted","languages","media_type","name","publisher","total_episodes","type","uri"]'
EPISODE_KEYS='["audio_preview_url","description","duration_ms","explicit","external_urls","href","html_description","id","images","is_externally_hosted","is_playable","language","languages","name","release_date","release_date_precision","type","uri"]'
BOOK_KEYS='["authors","available_markets","copyrights","description","edition","explicit","external_urls","href","html_description","id","images","languages","media_type","name","narrators","publisher","total_chapters","type","uri"]'
CHAPTER_KEYS='["audio_preview_url","available_markets","chapter_number","description","duration_ms","explicit","external_urls","href","html_description","id","images","is_playable","languages","name","release_date","release_date_precision","type","uri"]'
UNKNOWN=0000000000000000000000

start main
media_sample
app_token

# --- shows ------------------------------------------------------------------------------------
# Without a market an app token sees no podcasts (Spotify: 404 "non existing id").
api GET "/v1/shows/$SHOW"
expect 404 '.error.message == "non existing id"'
api GET "/v1/shows/$SHOW?market=US"
expect 200 "keys == ($SHOW_KEYS + [\"episodes\"] | sort)" ".id == \"$SHOW\"" '.type == "show"' \
    ".uri == \"spotify:show:$SHOW\"" ".href == \"$URL/v1/shows/$SHOW\"" \
    '.total_episodes == 57' '.episodes.total == 57' '.episodes.limit == 50' \
    '.episodes.items | length == 50' "(.episodes.items[0] | keys) == ($EPISODE_KEYS | sort)" \
    '.episodes.next | endswith("offset=50&limit=50&market=US")' '.images | length == 3' \
    '.media_type == "audio"' '.languages == ["en"]' '(.available_markets | index("US")) != null' \
    '.episodes.items | all(has("resume_point") | not)' '.copyrights == []'
FIRST_EPISODE=$(jq -r '.episodes.items[0].id' <<<"$BODY")
[ "$FIRST_EPISODE" = "$EPISODE" ] || fail "the sample episode is not its show's newest"
api GET "/v1/shows/$SHOW?market=XX"
expect 400 '.error.message == "Invalid market code"'
api GET "/v1/shows/not-an-id?market=US"
expect 400 '.error.status == 400'
api GET "/v1/shows/$UNKNOWN?market=US"
expect 404
api GET "/v1/shows/$TRACK?market=US"
expect 404
api GET "/v1/shows?ids=$SHOW,$UNKNOWN&market=US"
expect 200 '.shows | length == 2' ".shows[0].id == \"$SHOW\"" '.shows[1] == null' \
    "(.shows[0] | keys) == ($SHOW_KEYS | sort)"
api GET "/v1/shows?ids=$SHOW"
expect 200 '.shows == [null]'
api GET "/v1/shows?ids=$(ids_of 50 "$SHOW")&market=US"
expect 200 '.shows | length == 50'
api GET "/v1/shows?ids=$(ids_of 51 "$SHOW")&market=US"
expect 400 '.error.status == 400'
api GET "/v1/shows?market=US"
expect 400
api GET "/v1/shows?ids=bad-id&market=US"
expect 400

# --- a show's episodes: paging to the end, links back to the show -------------------------------
walk "/v1/shows/$SHOW/episodes?market=US"
[ "$PAGES" -eq 3 ] || fail "57 episodes in pages of 20 took $PAGES pages"
[ "$(wc -l <<<"$IDS")" -eq 57 ] || fail "walked $(wc -l <<<"$IDS") episodes, want 57"
[ "$(sort -u <<<"$IDS" | wc -l)" -eq 57 ] || fail "episodes repeat across pages"
LAST_EPISODE=$(tail -n1 <<<"$IDS")
api GET "/v1/shows/$SHOW/episodes?market=US&limit=50&offset=50"
expect 200 '.items | length == 7' '.next == null' '.previous | contains("offset=0&limit=50")' \
    "(.items[0] | keys) == ($EPISODE_KEYS | sort)"
api GET "/v1/shows/$SHOW/episodes?market=US&offset=100"
expect 200 '.items == []' '.total == 57'
api GET "/v1/shows/$SHOW/episodes?market=US&limit=51"
expect 400 '.error.message == "Invalid limit"'
api GET "/v1/shows/$SHOW/episodes?market=US&limit=0"
expect 400
api GET "/v1/shows/$SHOW/episodes"
expect 404

# --- episodes ---------------------------------------------------------------------------------
for e in "$EPISODE" "$LAST_EPISODE"; do
    api GET "/v1/episodes/$e?market=US"
    expect 200 "keys == ($EPISODE_KEYS + [\"show\"] | sort)" ".show.id == \"$SHOW\"" \
        "(.show | keys) == ($SHOW_KEYS | sort)" '.type == "episode"' '.is_playable == true' \
        '.audio_preview_url == null' '.release_date | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")' \
        '.release_date_precision == "day"' ".href == \"$URL/v1/episodes/$e\""
done
api GET "/v1/episodes/$EPISODE?market=US"
NEWEST=$(jq -r .release_date <<<"$BODY")
api GET "/v1/episodes/$LAST_EPISODE?market=US"
OLDEST=$(jq -r .release_date <<<"$BODY")
[[ "$OLDEST" < "$NEWEST" ]] || fail "episodes are not newest first: $NEWEST then $OLDEST"
api GET "/v1/episodes/$EPISODE"
expect 404
api GET "/v1/episodes/$SHOW?market=US"
expect 404
api GET "/v1/episodes?ids=$EPISODE,$UNKNOWN,$LAST_EPISODE&market=US"
expect 200 '.episodes | length == 3' ".episodes[0].show.id == \"$SHOW\"" '.episodes[1] == null' \
    ".episodes[2].id == \"$LAST_EPISODE\""
api GET "/v1/episodes?ids=$(ids_of 51 "$EPISODE")&market=US"
expect 400

# --- user tokens: the user's country stands in for market; resume points need the scope ----------
user_token "user-read-private"
api GET "/v1/episodes/$EPISODE"
expect 200 '.is_playable == true' 'has("resume_point") | not'
user_token "user-read-playback-position"
api GET "/v1/episodes/$EPISODE"
expect 200 '.resume_point | keys == ["fully_played","resume_position_ms"]' \
    '.resume_point.resume_position_ms <= .duration_ms'
api GET "/v1/shows/$SHOW/episodes?limit=50"
expect 200 '.items | all(has("resume_point"))' '.items | map(.resume_point.fully_played) | any' \
    '.items | map(.resume_point.resume_position_ms > 0) | any'
api GET "/v1/shows/$SHOW"
expect 200 '.episodes.items | all(has("resume_point"))'
api GET "/v1/audiobooks/$AUDIOBOOK/chapters"
expect 200 '.items | all(has("resume_point"))'
app_token

# --- audiobooks and chapters --------------------------------------------------------------------
api GET "/v1/audiobooks/$AUDIOBOOK"
expect 404 '.error.message == "non existing id"'
api GET "/v1/audiobooks/$AUDIOBOOK?market=DE"
expect 404
api GET "/v1/audiobooks/$AUDIOBOOK?market=GB"
expect 200 "keys == ($BOOK_KEYS + [\"chapters\"] | sort)" ".id == \"$AUDIOBOOK\"" \
    '.type == "audiobook"' '.total_chapters == 23' '.chapters.total == 23' \
    '.chapters.items | length == 23' '.chapters.next == null' \
    "(.chapters.items[0] | keys) == ($CHAPTER_KEYS | sort)" \
    '.available_markets == ["AU","CA","GB","IE","NZ","US"]' '.authors | length >= 1' \
    '.authors | all(keys == ["name"])' '.narrators | all(keys == ["name"])' \
    '.edition | test("^(Unabridged|Abridged)$")' '.copyrights | map(.type) == ["C","P"]' \
    "[.chapters.items[].chapter_number] == [range(1; 24)]" ".chapters.items[0].id == \"$CHAPTER\""
walk "/v1/audiobooks/$AUDIOBOOK/chapters?market=US&limit=10"
[ "$PAGES" -eq 3 ] || fail "23 chapters in pages of 10 took $PAGES pages"
[ "$(sort -u <<<"$IDS" | wc -l)" -eq 23 ] || fail "walked $(sort -u <<<"$IDS" | wc -l) chapters"
LAST_CHAPTER=$(tail -n1 <<<"$IDS")
api GET "/v1/audiobooks/$AUDIOBOOK/chapters?market=US&limit=51"
expect 400
api GET "/v1/chapters/$CHAPTER?market=US"
expect 200 "keys == ($CHAPTER_KEYS + [\"audiobook\"] | sort)" ".audiobook.id == \"$AUDIOBOOK\"" \
    "(.audiobook | keys) == ($BOOK_KEYS | sort)" '.chapter_number == 1' '.type == "episode"' \
    ".uri == \"spotify:episode:$CHAPTER\"" ".href == \"$URL/v1/chapters/$CHAPTER\"" \
    '.is_playable == true' '.audio_preview_url == null'
api GET "/v1/chapters/$LAST_CHAPTER?market=US"
expect 200 '.chapter_number == 23' ".audiobook.id == \"$AUDIOBOOK\""
api GET "/v1/chapters/$CHAPTER?market=JP"
expect 404
api GET "/v1/chapters/$EPISODE?market=US"
expect 404
api GET "/v1/audiobooks?ids=$AUDIOBOOK,$UNKNOWN&market=US"
expect 200 ".audiobooks[0].id == \"$AUDIOBOOK\"" '.audiobooks[1] == null' \
    '.audiobooks[0] | has("chapters")'
api GET "/v1/audiobooks?ids=$(ids_of 51 "$AUDIOBOOK")&market=US"
expect 400
api GET "/v1/chapters?ids=$CHAPTER,$LAST_CHAPTER,$UNKNOWN&market=US"
expect 200 '.chapters | length == 3' ".chapters[1].id == \"$LAST_CHAPTER\"" '.chapters[2] == null' \
    ".chapters[0].audiobook.id == \"$AUDIOBOOK\""
api GET "/v1/chapters?ids=$(ids_of 50 "$CHAPTER")&market=US"
expect 200 '.chapters | length == 50'
api GET "/v1/chapters?ids=$(ids_of 51 "$CHAPTER")&market=US"
expect 400

# --- browse: new releases and categories, paged to the end ---------------------------------------
walk "/v1/browse/new-releases" albums
[ "$PAGES" -eq 5 ] || fail "100 new releases in pages of 20 took $PAGES pages"
[ "$(sort -u <<<"$IDS" | wc -l)" -eq 100 ] || fail "new releases: $(sort -u <<<"$IDS" | wc -l) distinct"
api GET "/v1/browse/new-releases?limit=50&offset=0"
expect 200 '.albums.items | length == 50' '.albums.total == 100' \
    '.albums.items | map(.release_date[0:4]) | . == (sort | reverse)' \
    '.albums.items[0] | has("album_type") and has("artists") and (has("tracks") | not)'
api GET "/v1/browse/new-releases?limit=51"
expect 400
walk "/v1/browse/categories?locale=sv_SE&limit=7" categories
NCAT=$(wc -l <<<"$IDS")
api GET "/v1/browse/categories?locale=sv_SE&limit=7"
expect 200 ".categories.total == $NCAT" '.categories.next | contains("locale=sv_SE")' \
    '.categories.items[0] | keys == ["href","icons","id","name"]' \
    '.categories.items[0].icons[0] | keys == ["height","url","width"]'
CATEGORY=$(jq -r '.categories.items[1].id' <<<"$BODY")
api GET "/v1/browse/categories/$CATEGORY?locale=es_MX"
expect 200 ".id == \"$CATEGORY\"" ".href == \"$URL/v1/browse/categories/$CATEGORY\"" \
    '.icons | length == 1'
api GET "/v1/browse/categories/no-such-category"
expect 404
api GET "/v1/browse/categories?limit=51"
expect 400

# --- markets, related artists, genre seeds -------------------------------------------------------
api GET /v1/markets
expect 200 '.markets | length == 40' '.markets | index("US") != null' \
    '.markets | all(test("^[A-Z]{2}$"))'
api GET "/v1/artists/$ARTIST"
GENRES=$(jq -c .genres <<<"$BODY")
api GET "/v1/artists/$ARTIST/related-artists"
expect 200 '.artists | length >= 1 and length <= 20' ".artists | all(.id != \"$ARTIST\")" \
    ".artists | all(.genres as \$g | $GENRES | any(. as \$x | \$g | index(\$x)))" \
    '.artists[0] | has("followers") and has("popularity") and has("images")'
api GET "/v1/artists/$UNKNOWN/related-artists"
expect 404
api GET /v1/recommendations/available-genre-seeds
expect 200 '.genres | length > 10' '.genres | all(test("^[a-z-]+$"))'
GENRE=$(jq -r '.genres[0]' <<<"$BODY")

# --- recommendations ----------------------------------------------------------------------------
api GET "/v1/recommendations?seed_artists=$ARTIST&seed_genres=$GENRE&seed_tracks=$TRACK"
expect 200 '.tracks | length == 20' '.seeds | length == 3' \
    '.seeds | map(.type) == ["ARTIST","GENRE","TRACK"]' ".seeds[0].id == \"$ARTIST\"" \
    ".seeds[0].href == \"$URL/v1/artists/$ARTIST\"" '.seeds[1].href == null' \
    '.seeds | all(.initialPoolSize >= .afterFilteringSize and .afterFilteringSize == .afterRelinkingSize)' \
    ".tracks | all(.id != \"$TRACK\")" '.tracks[0] | has("album") and has("external_ids")' \
    '[.tracks[].id] | length == (unique | length)'
FIRST=$(jq -c '[.tracks[].id]' <<<"$BODY")
api GET "/v1/recommendations?seed_artists=$ARTIST&seed_genres=$GENRE&seed_tracks=$TRACK"
[ "$FIRST" = "$(jq -c '[.tracks[].id]' <<<"$BODY")" ] || fail "recommendations are not stable"
api GET "/v1/recommendations?seed_genres=$GENRE&limit=100&min_popularity=40&max_popularity=90&market=US"
expect 200 '.tracks | length > 0 and length <= 100' \
    '.tracks | all(.popularity >= 40 and .popularity <= 90)' '.tracks | all(.is_playable)'
api GET "/v1/recommendations?seed_artists=$ARTIST&target_tempo=120&min_energy=0.2&limit=5"
expect 200 '.tracks | length == 5'
REC=$(jq -r '[.tracks[].id] | join(",")' <<<"$BODY")
api GET "/v1/audio-features?ids=$REC"
expect 200 '.audio_features | all(.energy >= 0.2)'
api GET "/v1/recommendations?seed_genres=$GENRE&min_energy=2"
expect 200 '.tracks == []' '.seeds[0].afterFilteringSize == 0'
api GET /v1/recommendations
expect 400
api GET "/v1/recommendations?seed_genres=$GENRE,$GENRE,$GENRE&seed_artists=$ARTIST,$ARTIST,$ARTIST"
expect 400
api GET "/v1/recommendations?seed_genres=not-a-genre"
expect 400
api GET "/v1/recommendations?seed_artists=bad"
expect 400
api GET "/v1/recommendations?seed_tracks=$UNKNOWN"
expect 400
api GET "/v1/recommendations?seed_genres=$GENRE&limit=101"
expect 400
api GET "/v1/recommendations?seed_genres=$GENRE&limit=0"
expect 400
api GET "/v1/recommendations?seed_genres=$GENRE&min_energy=abc"
expect 400 '.error.message | contains("min_energy")'
# A target far outside every track's values is still a number: ranked, not undefined.
api GET "/v1/recommendations?seed_genres=$GENRE&target_tempo=1e300&target_duration_ms=-1e12&limit=5"
expect 200 '.tracks | length == 5'

# --- audio features and analysis ----------------------------------------------------------------
AF_KEYS='["acousticness","analysis_url","danceability","duration_ms","energy","id","instrumentalness","key","liveness","loudness","mode","speechiness","tempo","time_signature","track_href","type","uri","valence"]'
api GET "/v1/audio-features/$TRACK"
expect 200 "keys == $AF_KEYS" ".id == \"$TRACK\"" '.type == "audio_features"' \
    ".track_href == \"$URL/v1/tracks/$TRACK\"" ".analysis_url == \"$URL/v1/audio-analysis/$TRACK\"" \
    '.key >= -1 and .key <= 11' '.mode == 0 or .mode == 1' \
    '.time_signature >= 3 and .time_signature <= 7' '.valence >= 0 and .valence <= 1'
DUR=$(jq .duration_ms <<<"$BODY")
api GET "/v1/tracks/$TRACK"
expect 200 ".duration_ms == $DUR"
api GET "/v1/audio-features/$UNKNOWN"
expect 404
api GET "/v1/audio-features/x"
expect 400
api GET "/v1/audio-features?ids=$TRACK,$UNKNOWN"
expect 200 ".audio_features[0].id == \"$TRACK\"" '.audio_features[1] == null'
api GET "/v1/audio-features?ids=$(ids_of 100 "$TRACK")"
expect 200 '.audio_features | length == 100'
api GET "/v1/audio-features?ids=$(ids_of 101 "$TRACK")"
expect 400
api GET "/v1/audio-analysis/$TRACK"
expect 200 'keys == ["bars","beats","meta","sections","segments","tatums","track"]' \
    '.meta.status_code == 0' ".track.duration * 1000 | round == $DUR" \
    '(.beats | length) > 0' '(.bars | length) <= (.beats | length)' \
    '(.tatums | length) == 2 * (.beats | length)' '.segments[0].pitches | length == 12' \
    '.segments[0].timbre | length == 12' '.sections | length >= 1' \
    '.beats | all(has("start") and has("duration") and has("confidence"))' \
    '.track | has("codestring") and has("rhythm_version") and has("sample_md5")'
api GET "/v1/audio-analysis/$UNKNOWN"
expect 404

# --- search -------------------------------------------------------------------------------------
api GET "/v1/shows/$SHOW?market=US"
WORD=$(jq -r '.name | split(" ") | last' <<<"$BODY")
api GET "/v1/search?q=$WORD&type=show,episode,audiobook&market=US"
expect 200 ".shows.items | map(.id) | index(\"$SHOW\") != null" \
    "(.shows.items[0] | keys) == ($SHOW_KEYS | sort)" '.episodes.total > 0' \
    "(.episodes.items[0] | keys) == ($EPISODE_KEYS | sort)" 'has("audiobooks")' \
    '.shows.href | contains("type=show%2Cepisode%2Caudiobook") or contains("type=show,episode,audiobook")'
api GET "/v1/audiobooks/$AUDIOBOOK?market=US"
BOOKWORD=$(jq -r '.authors[0].name | split(" ") | last' <<<"$BODY")
api GET "/v1/search?q=$BOOKWORD&type=audiobook&market=US&limit=50"
expect 200 ".audiobooks.items | map(.id) | index(\"$AUDIOBOOK\") != null" \
    "(.audiobooks.items[0] | keys) == ($BOOK_KEYS | sort)"
api GET "/v1/search?q=$WORD&type=show,episode,audiobook"
expect 200 '.shows.total == 0' '.episodes.total == 0' '.audiobooks.total == 0'
api GET "/v1/search?q=$WORD%20year:2020&type=show&market=US"
expect 200 '.shows.total == 0'
api GET "/v1/search?q=$WORD&type=episode&market=US&limit=2"
expect 200 '.episodes.items | length <= 2'
[ "$(jq '.episodes.total' <<<"$BODY")" -le 2 ] || {
    walk "/v1/search?q=$WORD&type=episode&market=US&limit=2" episodes
    [ "$(sort -u <<<"$IDS" | wc -l)" -eq "$(jq '.episodes.total' <<<"$BODY")" ] ||
        fail "episode search pages do not add up"
}
user_token "user-read-private"
api GET "/v1/search?q=$WORD&type=show"
expect 200 '.shows.total > 0'
app_token

# --- development mode: the deprecated reads answer 403, the others 200 --------------------------
stop "$PID_main"
start dev --mode development
media_sample
app_token
for p in "/v1/shows?ids=$SHOW&market=US" "/v1/episodes?ids=$EPISODE&market=US" \
    "/v1/audiobooks?ids=$AUDIOBOOK&market=US" "/v1/chapters?ids=$CHAPTER&market=US" \
    /v1/browse/new-releases /v1/browse/categories /v1/browse/categories/pop /v1/markets \
    "/v1/artists/$ARTIST/related-artists" "/v1/recommendations?seed_genres=jazz" \
    /v1/recommendations/available-genre-seeds "/v1/audio-features/$TRACK" \
    "/v1/audio-features?ids=$TRACK" "/v1/audio-analysis/$TRACK"; do
    api GET "$p"
    expect 403 '.error.status == 403'
done
for p in "/v1/shows/$SHOW" "/v1/shows/$SHOW/episodes" "/v1/episodes/$EPISODE" \
    "/v1/audiobooks/$AUDIOBOOK" "/v1/audiobooks/$AUDIOBOOK/chapters" "/v1/chapters/$CHAPTER"; do
    api GET "$p?market=US"
    expect 200 '.id != null or .items != null'
done
api GET "/v1/search?q=$WORD&type=episode&market=US"
expect 200 '.episodes.limit == 5'
stop "$PID_dev"

# --- determinism: same seed, same podcasts and books; another seed, others -----------------------
snapshot() {
    app_token
    local all= p
    for p in "/v1/shows/$SHOW?market=US" "/v1/episodes/$EPISODE?market=US" \
        "/v1/audiobooks/$AUDIOBOOK?market=US" "/v1/chapters/$CHAPTER?market=US" \
        "/v1/audio-features/$TRACK" /v1/browse/categories; do
        api GET "$p"
        expect 200
        all+=$(jq -c 'del(.. | .href?, .next?, .previous?, .analysis_url?, .track_href?)' <<<"$BODY")
    done
    echo "$SHOW $EPISODE $AUDIOBOOK $CHAPTER $all"
}
start d1 --seed 7
media_sample
S1=$(snapshot)
start d2 --seed 7
media_sample
[ "$S1" = "$(snapshot)" ] || fail "seed 7 gave different shows, episodes, audiobooks or chapters"
start d3 --seed 8
media_sample
[ "$S1" != "$(snapshot)" ] || fail "seeds 7 and 8 gave the same podcasts and books"

# --- the large catalogue has them too --------------------------------------------------------------
start large --catalog large
media_sample
app_token
api GET "/v1/shows/$SHOW/episodes?market=SE&limit=50&offset=50"
expect 200 '.total == 57' '.items | length == 7'
api GET "/v1/chapters/$CHAPTER?market=CA"
expect 200 ".audiobook.id == \"$AUDIOBOOK\""
echo ok
