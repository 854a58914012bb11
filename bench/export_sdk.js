// The same export as `spotc playlist export ID --format csv` with a Node client library, for
// bench/export.sh: every item of the playlist, page after page, as the library offers it.
// usage: node export_sdk.js ts|node API_BASE PLAYLIST_ID   (token in SPOTIFY_ACCESS_TOKEN)
// Prints the item count. The libraries are installed in bench/.node by bench/export.sh.
'use strict';
const path = require('path');
const [, , which, apiBase, playlist] = process.argv;
const token = process.env.SPOTIFY_ACCESS_TOKEN;
const lib = (name) => require(path.join(__dirname, '.node', 'node_modules', name));
const PUBLIC = 'https://api.spotify.com/v1';
const FIELDS = 'total,next,items(added_at,added_by.id,is_local,item(uri,name,type,artists(uri,name),' +
    'album(uri,name,artists(uri,name),release_date,images),disc_number,track_number,duration_ms,' +
    'preview_url,explicit,popularity,external_ids.isrc))';

// The official TypeScript SDK: its base URL is fixed, so its fetch is pointed at the emulator.
async function viaTs() {
    const { SpotifyApi } = lib('@spotify/web-api-ts-sdk');
    const fetchLocal = (url, init) => fetch(String(url).replace(PUBLIC, apiBase), init);
    const api = SpotifyApi.withAccessToken('bench', {
        access_token: token, token_type: 'Bearer', expires_in: 3600, refresh_token: '',
    }, { fetch: fetchLocal });
    let n = 0;
    for (let offset = 0; ; offset += 50) {
        const page = await api.playlists.getPlaylistItems(playlist, 'US', FIELDS, 50, offset);
        n += page.items.length;
        if (!page.next) return n;
    }
}

// spotify-web-api-node: its host, port and scheme are fixed too; its request builder is
// patched to send to the emulator.
async function viaNode() {
    const base = lib('spotify-web-api-node/src/base-request');
    const url = new URL(apiBase);
    const builder = base.builder;
    base.builder = function () {
        const b = builder.apply(this, arguments);
        const build = b.build;
        b.build = function () {
            this.withScheme(url.protocol.replace(':', '')).withHost(url.hostname)
                .withPort(Number(url.port));
            return build.call(this);
        };
        return b;
    };
    const SpotifyWebApi = lib('spotify-web-api-node');
    const api = new SpotifyWebApi({ accessToken: token });
    let n = 0;
    for (let offset = 0; ; offset += 50) {
        // Its playlist read is the older /tracks path, whose items carry `track`.
        const page = (await api.getPlaylistTracks(playlist, {
            market: 'US', fields: FIELDS.replace('item(', 'track('), limit: 50, offset,
        })).body;
        n += page.items.length;
        if (!page.next) return n;
    }
}

(which === 'ts' ? viaTs() : viaNode()).then((n) => console.log(n), (e) => {
    console.error(`export_sdk ${which}: ${e && e.stack || e}`);
    process.exit(1);
});
