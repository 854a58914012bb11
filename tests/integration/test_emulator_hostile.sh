# spotc-emulator under hostile clients: malformed credentials, slow and idle connections,
# oversized heads and bodies, floods of tokens, fault rules and playlists. Memory is read
# from /proc/PID/status before and after each flood and must stay bounded.
source "$(dirname "${BASH_SOURCE[0]}")/test_emulator_lib.sh"

# --- Authorization: Basic with bad padding (once a stack write before the buffer) --------
start creds
for cred in '====' '=' 'A===' 'AA=A' '====YTpi' '!!!!'; do
    req POST /api/token -H "Authorization: Basic $cred" -d grant_type=client_credentials
    expect 401 '.error == "invalid_client"' '.error_description | type == "string"'
done
app_token # still alive and serving
