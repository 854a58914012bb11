# The CLI with --redis: the app token fetched by one run is used by the next
# (one token request for both), --rate-budget is taken, and a bad URL is a
# usage error that says why (rediss:// is refused: hiredis 0.14 has no TLS); a
# Redis that refuses commands is warned about and worked around.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/redis_lib.sh"
emu_start
redis_start
TRACK=$(sample_track)
expect_status 0 "$SPOTC_CLI" --redis "$SPOTC_REDIS_URL" --rate-budget 50 track "$TRACK"
expect_status 0 "$SPOTC_CLI" --redis "$SPOTC_REDIS_URL" track "$TRACK"
grants=$(curl -s "$EMU_URL/_emulator/stats" | jq .grants.client_credentials)
[ "$grants" -eq 1 ] || fail "$grants token requests for two runs sharing Redis, want 1"
[ "$(rcli ZCARD 'spotc:{spotc-demo}:budget')" -eq 2 ] || fail "the runs took no slots from the budget"
# A Redis that refuses (here an ACL forbids scripts): the run goes on locally and says why.
rcli ACL SETUSER default -eval >/dev/null
expect_status 0 "$SPOTC_CLI" --redis "$SPOTC_REDIS_URL" track "$TRACK"
contains "$ERR" "refused a command"
rcli ACL SETUSER default +eval >/dev/null
expect_status 2 "$SPOTC_CLI" --redis "rediss://127.0.0.1:$REDIS_PORT" track "$TRACK"
contains "$ERR" "TLS"
expect_status 2 "$SPOTC_CLI" --redis "redis://:hunter2@127.0.0.1:0" track "$TRACK"
contains "$ERR" "port"
not_contains "$ERR" "hunter2"
expect_status 2 "$SPOTC_CLI" --rate-budget 0 track "$TRACK"
SPOTC_REDIS_URL=http://x expect_status 2 "$SPOTC_CLI" track "$TRACK"
contains "$ERR" "SPOTC_REDIS_URL"
