# spotc's command line: version, help, usage errors (exit 2 + a usage line on
# stderr), malformed IDs refused before any request, missing credentials.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"

# Nothing here may reach a server: point the client at a port nobody listens on.
export SPOTC_API_BASE=http://127.0.0.1:9/v1 SPOTC_ACCOUNTS_BASE=http://127.0.0.1:9
export SPOTIFY_CLIENT_ID=spotc-demo SPOTIFY_CLIENT_SECRET=spotc-demo-secret

expect_status 0 spotc --version
grep -Eq '^spotc [0-9]+\.[0-9]+\.[0-9]+ \(libspotc [0-9]+\.[0-9]+\.[0-9]+\)$' <<<"$OUT" ||
    fail "version line: $OUT"

# help lists every command; help COMMAND and COMMAND --help show its usage and options.
expect_status 0 spotc help
for c in search track album artist api help; do contains "$OUT" "  $c "; done
contains "$OUT" "--json"
expect_status 0 spotc help track
contains "$OUT" "usage: spotc track ID..."
expect_status 0 spotc help search
contains "$OUT" "--type TYPES"
contains "$OUT" "--limit N"
expect_status 0 spotc album --help
contains "$OUT" "usage: spotc album ID [--tracks"
expect_status 0 spotc -h
contains "$OUT" "Commands:"
expect_status 0 spotc --help artist
contains "$OUT" "--top-tracks"

# Usage errors: exit 2, "spotc: ..." and a usage line on stderr, nothing on stdout.
usage_error() { # WHAT-TO-FIND-IN-STDERR USAGE-PREFIX ARGS...
    local want=$1 usage=$2
    shift 2
    expect_status 2 spotc "$@"
    contains "$ERR" "spotc: $want"
    contains "$ERR" "usage: spotc $usage"
    [ -z "$OUT" ] || fail "stdout not empty for $*: $OUT"
}
expect_status 2 spotc
contains "$ERR" "usage: spotc [OPTIONS] COMMAND"
usage_error "unknown command 'frobnicate'" "[OPTIONS] COMMAND" frobnicate
usage_error "unknown option '--frob'" "search QUERY" search love --frob
usage_error "unknown option '--frob'" "search QUERY" --frob search love
usage_error "unknown option '-x'" "track ID" track -x
usage_error "missing ID" "track ID..." track
usage_error "missing QUERY" "search QUERY..." search --limit 3
usage_error "missing PATH" "api METHOD PATH" api GET
usage_error "unexpected argument 'b'" "album ID" album a b
usage_error "option '--limit' needs a value" "search QUERY" search love --limit
usage_error "--limit wants a whole number from 1 to 50, not '0'" "search" search love --limit 0
usage_error "--limit wants a whole number from 1 to 50, not 'ten'" "search" search love --limit=ten
usage_error "--offset wants" "search" search love --offset -1
usage_error "cannot search for type 'song'" "search" search love --type track,song
usage_error "option '--tracks' takes no value" "album" album x --tracks=yes
usage_error "--albums and --top-tracks exclude each other" "artist" artist x --albums --top-tracks
usage_error "--retries wants" "track ID" --retries 99 track x
usage_error "METHOD must be GET, POST, PUT or DELETE, not 'FETCH'" "api" api FETCH /tracks/x
usage_error "expected key=value, not 'limit'" "api" api GET /search limit
usage_error "--data is not JSON" "api" api PUT /me/player/play --data '{"uris": ['
usage_error "no command 'nosuch'" "help" help nosuch

# --data from a file that is not there: an I/O error, not a usage error.
expect_status 1 spotc api PUT /me/player/play --data @"$TMP/missing.json"
contains "$ERR" "spotc: cannot read $TMP/missing.json"

# Malformed IDs and IDs of another type: exit 2, the input quoted, before any request
# (the API base is a closed port, so a request would be a network error, exit 6).
expect_status 2 spotc track 'not an id!'
contains "$ERR" '"not an id!"'
expect_status 2 spotc track 4uLU6hMCjMI75M1A2tKUQC 'spotify:track:short'
contains "$ERR" "spotify:track:short"
expect_status 2 spotc album spotify:track:4uLU6hMCjMI75M1A2tKUQC
contains "$ERR" "spotify:track:4uLU6hMCjMI75M1A2tKUQC"
expect_status 2 spotc artist https://example.com/artist/4uLU6hMCjMI75M1A2tKUQC --albums
contains "$ERR" "https://example.com/artist/4uLU6hMCjMI75M1A2tKUQC"
expect_status 2 spotc --json track '4uLU6hMCjMI75M1A2tKUQ!'
contains "$ERR" "4uLU6hMCjMI75M1A2tKUQ!"

# Did you mean: commands, options, subcommands and option values; nothing close, no guess.
expect_status 2 spotc serach love
contains "$ERR" "unknown command 'serach'; did you mean 'search'?"
expect_status 2 spotc search love --limt 3
contains "$ERR" "unknown option '--limt'; did you mean '--limit'?"
expect_status 2 spotc --jsno search love
contains "$ERR" "did you mean '--json'?"
expect_status 2 spotc auth stauts
contains "$ERR" "unknown auth command 'stauts'; did you mean 'status'?"
expect_status 2 spotc search love --type track,albm
contains "$ERR" "cannot search for type 'albm'; did you mean 'album'?"
expect_status 2 spotc xyzzy
not_contains "$ERR" "did you mean"
# A name where an ID belongs: the search to run.
expect_status 2 spotc artist "Sleepy Lighthouse"
contains "$ERR" "spotc search 'Sleepy Lighthouse' --type artist"
# Every command's help has an example.
for cmd in $(spotc help | sed -n 's/^  \([a-z][a-z-]*\)  .*/\1/p'); do
    expect_status 0 spotc help "$cmd"
    grep -A1 '^Examples:$' <<<"$OUT" | grep -q "^  .*spotc" || fail "no example in 'spotc help $cmd'"
done

# No credentials at all: an auth error that says what to set.
expect_status 3 env -u SPOTIFY_CLIENT_ID -u SPOTIFY_CLIENT_SECRET -u SPOTIFY_ACCESS_TOKEN \
    "$SPOTC_CLI" track 4uLU6hMCjMI75M1A2tKUQC
contains "$ERR" "SPOTIFY_CLIENT_ID"
echo "ok"
