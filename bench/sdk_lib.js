// The two Node client libraries the benchmarks compare spotc with, pointed at the emulator.
// Both have Spotify's hosts built in: the official TypeScript SDK gets a fetch that rewrites
// https://api.spotify.com/v1 to the emulator's API base, and spotify-web-api-node's request
// builder is patched to send to the emulator's host and port. They are installed in
// bench/.node by bench_node_sdks (lib.bash).
'use strict';
const path = require('path');

const PUBLIC = 'https://api.spotify.com/v1';
const lib = (name) => require(path.join(__dirname, '.node', 'node_modules', name));

// @spotify/web-api-ts-sdk 1.2.0 with a given access token.
function tsApi(apiBase, token) {
    const { SpotifyApi } = lib('@spotify/web-api-ts-sdk');
    const fetchLocal = (url, init) => fetch(String(url).replace(PUBLIC, apiBase), init);
    return SpotifyApi.withAccessToken('bench', {
        access_token: token, token_type: 'Bearer', expires_in: 3600, refresh_token: '',
    }, { fetch: fetchLocal });
}

// spotify-web-api-node 5.0.2 with a given access token.
function nodeApi(apiBase, token) {
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
    return new SpotifyWebApi({ accessToken: token });
}

// Run main(which, api) for `ts` or `node`; print what it returns, or fail with its error.
function run(which, apiBase, main) {
    const token = process.env.SPOTIFY_ACCESS_TOKEN;
    const api = which === 'ts' ? tsApi(apiBase, token) : nodeApi(apiBase, token);
    main(which, api).then((out) => console.log(out), (e) => {
        console.error(`${path.basename(process.argv[1])} ${which}: ${e && e.stack || e}`);
        process.exit(1);
    });
}

module.exports = { run };
