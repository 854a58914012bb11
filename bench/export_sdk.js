// The same export as `spotc playlist export ID --format csv` with a Node client library, for
// bench/export.sh: every item of the playlist, page after page, as the library offers it.
// usage: node export_sdk.js ts|node API_BASE PLAYLIST_ID   (token in SPOTIFY_ACCESS_TOKEN)
// Prints the item count. The libraries are set up by sdk_lib.js.
'use strict';
const { run } = require('./sdk_lib');
const [, , which, apiBase, playlist] = process.argv;
const FIELDS = 'total,next,items(added_at,added_by.id,is_local,item(uri,name,type,artists(uri,name),' +
    'album(uri,name,artists(uri,name),release_date,images),disc_number,track_number,duration_ms,' +
    'preview_url,explicit,popularity,external_ids.isrc))';

run(which, apiBase, async (sdk, api) => {
    let n = 0;
    for (let offset = 0; ; offset += 50) {
        // spotify-web-api-node reads the older /tracks path, whose items carry `track`.
        const page = sdk === 'ts'
            ? await api.playlists.getPlaylistItems(playlist, 'US', FIELDS, 50, offset)
            : (await api.getPlaylistTracks(playlist, {
                market: 'US', fields: FIELDS.replace('item(', 'track('), limit: 50, offset,
            })).body;
        n += page.items.length;
        if (!page.next) return n;
    }
});
