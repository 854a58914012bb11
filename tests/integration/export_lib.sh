# Helpers for the export/import tests: source after lib.sh and cli_lib.sh.

# emu_token: a demo user token with the playlist scopes.
emu_token() {
    curl -fsS -d '{"user":"demo","scope":"playlist-read-private playlist-modify-public playlist-modify-private"}' \
        "$EMU_URL/_emulator/token" | jq -er .access_token
}
# as_demo: spotc acts as the demo user from now on.
as_demo() { SPOTIFY_ACCESS_TOKEN=$(emu_token); export SPOTIFY_ACCESS_TOKEN; }

# csv_column FILE NAME: one column of an RFC 4180 file, a value a line (newlines inside kept).
csv_column() {
    python3 -c 'import csv, sys
rows = csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"))
col = next(rows).index(sys.argv[2])
for r in rows: print(r[col])' "$1" "$2"
}

# playlist_length ID: its items total, read from the emulator directly.
playlist_length() {
    curl -fsS -H "Authorization: Bearer $(emu_token)" \
        "$EMU_URL/v1/playlists/$1?fields=items.total" | jq -er .items.total
}
