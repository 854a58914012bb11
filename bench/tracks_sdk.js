// Tracks by ID with a Node client library, for bench/oneshot.sh and bench/hydrate.sh:
//   node tracks_sdk.js ts|node API_BASE one ID        one GET /tracks/{id}
//   node tracks_sdk.js ts|node API_BASE several FILE  every ID of FILE (one a line), in
//                                                     batches of 50 (GET /tracks?ids=)
// Token in SPOTIFY_ACCESS_TOKEN. Prints how many tracks came back. Set up by sdk_lib.js.
'use strict';
const fs = require('fs');
const { run } = require('./sdk_lib');
const [, , which, apiBase, how, arg] = process.argv;

async function one(sdk, api) {
    const t = sdk === 'ts' ? await api.tracks.get(arg) : (await api.getTrack(arg)).body;
    return t && t.id ? 1 : 0;
}

async function several(sdk, api) {
    const ids = fs.readFileSync(arg, 'utf8').split('\n').filter(Boolean);
    let n = 0;
    for (let i = 0; i < ids.length; i += 50) {
        const batch = ids.slice(i, i + 50);
        const got = sdk === 'ts' ? await api.tracks.get(batch) : (await api.getTracks(batch)).body.tracks;
        n += got.filter(Boolean).length;
    }
    return n;
}

run(which, apiBase, how === 'one' ? one : several);
