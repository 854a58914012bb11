# spotc-emulator accepts requests as widely used clients send them where Spotify accepts
# them: library saves and removals, and follows, with the IDs as a bare JSON array body
# (["id1","id2"]), as {"ids":[...]} and in the query.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

start main
req GET /_emulator/sample
expect 200
SAMPLE=$BODY
req POST /_emulator/token -d '{"user":"demo","scope":"user-library-read user-library-modify user-follow-read user-follow-modify"}'
expect 200
TOKEN=$(jq -r .access_token <<<"$BODY")

# saved KIND ID: "true" or "false" from GET /me/KIND/contains.
saved() {
    api GET "/v1/me/$1/contains?ids=$2"
    expect 200
    jq -r '.[0]' <<<"$BODY"
}

for kind in tracks albums shows episodes audiobooks; do
    id=$(jq -r ".${kind%s}" <<<"$SAMPLE")
    api DELETE "/v1/me/$kind?ids=$id" # the seeded library may hold it
    expect 200
    [ "$(saved "$kind" "$id")" = false ] || fail "DELETE /me/$kind?ids= did not remove"
    for body in "[\"$id\"]" "{\"ids\":[\"$id\"]}"; do
        api PUT "/v1/me/$kind" -H 'Content-Type: application/json' -d "$body"
        expect 200
        [ "$(saved "$kind" "$id")" = true ] || fail "PUT /me/$kind with $body did not save"
        api DELETE "/v1/me/$kind" -H 'Content-Type: application/json' -d "$body"
        expect 200
        [ "$(saved "$kind" "$id")" = false ] || fail "DELETE /me/$kind with $body did not remove"
    done
    api PUT "/v1/me/$kind?ids=$id"
    expect 200
    [ "$(saved "$kind" "$id")" = true ] || fail "PUT /me/$kind?ids= did not save"
    api DELETE "/v1/me/$kind?ids=$id"
    expect 200
done

# A bare array that is not IDs is refused as a wrong "ids" would be; other JSON too.
api PUT /v1/me/tracks -H 'Content-Type: application/json' -d '[1, 2]'
expect 400 '.error.message | test("ids")'
api PUT /v1/me/tracks -H 'Content-Type: application/json' -d '"x"'
expect 400 '.error.message == "Error parsing JSON."'
api PUT /v1/me/tracks -H 'Content-Type: application/json' -d '[]'
expect 400 '.error.message == "Missing required parameter: ids"'

ARTIST=$(jq -r .artist <<<"$SAMPLE")
api DELETE "/v1/me/following?type=artist&ids=$ARTIST"
expect 204
following() {
    api GET "/v1/me/following/contains?type=artist&ids=$ARTIST"
    expect 200
    jq -r '.[0]' <<<"$BODY"
}
for body in "[\"$ARTIST\"]" "{\"ids\":[\"$ARTIST\"]}"; do
    api PUT /v1/me/following?type=artist -H 'Content-Type: application/json' -d "$body"
    expect 204
    [ "$(following)" = true ] || fail "PUT /me/following with $body did not follow"
    api DELETE /v1/me/following?type=artist -H 'Content-Type: application/json' -d "$body"
    expect 204
    [ "$(following)" = false ] || fail "DELETE /me/following with $body did not unfollow"
done
stop "$PID_main"
echo ok
