# The fixture set the spotc-emulator --fixtures tests load (sourced by
# test_emulator_fixtures*.sh): real-shaped objects of every kind, written in the test.

# fixture_set FILE: a real-shaped fixture set (IDs are 22 base62 characters).
fixture_set() {
    local api=https://api.spotify.com/v1 open=https://open.spotify.com
    jq -n --arg api "$api" --arg open "$open" '
    def ref($t; $id): {external_urls: {spotify: "\($open)/\($t)/\($id)"}, href: "\($api)/\($t)s/\($id)", id: $id, type: $t, uri: "spotify:\($t):\($id)"};
    def img($h): [{url: "https://i.scdn.co/image/ab67616d0000b273\($h)", height: 640, width: 640}, {url: "https://i.scdn.co/image/ab67616d00001e02\($h)", height: 300, width: 300}];
    def sartist($id; $name): ref("artist"; $id) + {name: $name};
    def artist($id; $name; $genres; $pop): ref("artist"; $id) + {followers: {href: null, total: 123456}, genres: $genres, images: img($id), name: $name, popularity: $pop};
    def salbum: ref("album"; "4LH4d3cOWNNsVw41Gqt2kv") + {album_type: "album", total_tracks: 2, available_markets: ["IS", "SE"], images: img("b1"), name: "Ágætis byrjun", release_date: "1999-06-12", release_date_precision: "day", artists: [sartist("6UUrUCIZtQeOf8tC0WuzRy"; "Sigur Rós")], is_playable: true};
    def strack($id; $name; $n): ref("track"; $id) + {artists: [sartist("6UUrUCIZtQeOf8tC0WuzRy"; "Sigur Rós")], available_markets: ["IS", "SE"], disc_number: 1, duration_ms: (400000 + $n), explicit: false, is_local: false, name: $name, preview_url: null, track_number: $n, is_playable: true};
    def track($id; $name; $n; $pop): strack($id; $name; $n) + {album: salbum, external_ids: {isrc: "ISA0199900\($n)"}, popularity: $pop};
    def sshow: ref("show"; "5CfCWKI5pZ28U0uOzXkDHe") + {available_markets: ["SE"], copyrights: [], description: "Stories from the fjords.", html_description: "<p>Stories from the fjords.</p>", explicit: false, images: img("c1"), is_externally_hosted: false, languages: ["en"], media_type: "audio", name: "Fjord Tales", publisher: "Nordic Voices", total_episodes: 2};
    def sepisode($id; $name; $d): ref("episode"; $id) + {audio_preview_url: null, description: "An episode about \($name).", html_description: "<p>\($name)</p>", duration_ms: 1800000, explicit: false, images: img("e1"), is_externally_hosted: false, is_playable: true, language: "en", languages: ["en"], name: $name, release_date: $d, release_date_precision: "day", resume_point: {fully_played: false, resume_position_ms: 0}};
    def episode($id; $name; $d): sepisode($id; $name; $d) + {show: sshow};
    def user($id; $name): ref("user"; $id) + {display_name: $name} | .href = "\($api)/users/\($id)";
    {
      artists: [artist("6UUrUCIZtQeOf8tC0WuzRy"; "Sigur Rós"; ["icelandic post-rock", "post-rock"]; 61),
                artist("7jy3rLJdDQY21OgRLCZ9sD"; "Foo Fighters"; ["rock"]; 80)],
      albums: [salbum + {tracks: {href: "\($api)/albums/4LH4d3cOWNNsVw41Gqt2kv/tracks?offset=0&limit=50", limit: 50, next: null, offset: 0, previous: null, total: 2,
                  items: [strack("3mFZyTjLCyBT3CNEVHeVOu"; "Svefn-g-englar"; 1), strack("1lBvGa3KDhPzEATT1HpnmW"; "Starálfur"; 2)]},
               copyrights: [{text: "1999 Smekkleysa", type: "C"}], external_ids: {upc: "5099751234567"}, genres: [], label: "Smekkleysa", popularity: 55}],
      tracks: [track("3mFZyTjLCyBT3CNEVHeVOu"; "Svefn-g-englar"; 1; 52), track("1lBvGa3KDhPzEATT1HpnmW"; "Starálfur"; 2; 58)],
      shows: [sshow + {episodes: {href: "\($api)/shows/5CfCWKI5pZ28U0uOzXkDHe/episodes?offset=0&limit=50", limit: 50, next: null, offset: 0, previous: null, total: 2,
                  items: [sepisode("512ojhOuo1ktJprKbVcKyQ"; "The Whale Road"; "2024-05-01"), sepisode("0Q86acNRm6V9GYx55SXKwf"; "Northern Lights"; "2024-04-01")]}}],
      episodes: [episode("512ojhOuo1ktJprKbVcKyQ"; "The Whale Road"; "2024-05-01"), episode("0Q86acNRm6V9GYx55SXKwf"; "Northern Lights"; "2024-04-01")],
      playlists: [ref("playlist"; "37i9dQZF1DXcBWIGoYBM5M") + {collaborative: false, description: "Glacial songs & fjord stories", external_urls: {spotify: "\($open)/playlist/37i9dQZF1DXcBWIGoYBM5M"}, followers: {href: null, total: 42},
                    images: img("p1"), name: "Nordic Calm", owner: user("fixtureuser"; "Fixture User"), public: true, snapshot_id: "MTY5OTk5OTk5OSwwMDAw",
                    items: {href: "\($api)/playlists/37i9dQZF1DXcBWIGoYBM5M/items?offset=0&limit=100", limit: 100, next: null, offset: 0, previous: null, total: 2,
                      items: [{added_at: "2024-01-02T03:04:05Z", added_by: user("fixtureuser"; "Fixture User"), is_local: false, item: track("3mFZyTjLCyBT3CNEVHeVOu"; "Svefn-g-englar"; 1; 52)},
                              {added_at: "2024-01-03T03:04:05Z", added_by: user("fixtureuser"; "Fixture User"), is_local: false, item: episode("512ojhOuo1ktJprKbVcKyQ"; "The Whale Road"; "2024-05-01")}]}},
                  ref("playlist"; "1OldStylePlaylist00001") + {collaborative: false, description: "", followers: {href: null, total: 0}, images: [], name: "Old Style", owner: user("fixtureuser"; "Fixture User"), public: true, snapshot_id: "AAAA",
                    tracks: {href: "\($api)/playlists/1OldStylePlaylist00001/tracks?offset=0&limit=100", limit: 100, next: null, offset: 0, previous: null, total: 1,
                      items: [{added_at: "2024-01-02T03:04:05Z", added_by: null, is_local: false, track: track("1lBvGa3KDhPzEATT1HpnmW"; "Starálfur"; 2; 58)}]}}],
      audiobooks: [ref("audiobook"; "7iHfbu1YPACw6oZPAFJtqe") + {authors: [{name: "Halldór Laxness"}], available_markets: ["IS"], copyrights: [], description: "A saga.", html_description: "<p>A saga.</p>", edition: "Unabridged", explicit: false, images: img("a1"), languages: ["en"], media_type: "audio", name: "Independent People", narrators: [{name: "Jóna Jónsdóttir"}], publisher: "Vintage", total_chapters: 1,
                     chapters: {href: "\($api)/audiobooks/7iHfbu1YPACw6oZPAFJtqe/chapters?offset=0&limit=50", limit: 50, next: null, offset: 0, previous: null, total: 1,
                       items: [ref("chapter"; "0D5wENdkdwbqlrHoaJ9g29") + {audio_preview_url: null, available_markets: ["IS"], chapter_number: 0, description: "Chapter one.", html_description: "<p>Chapter one.</p>", duration_ms: 900000, explicit: false, images: img("ch"), languages: ["en"], name: "Chapter 1", release_date: "2020-01-01", release_date_precision: "day", is_playable: true}]}}],
      chapters: [ref("chapter"; "0D5wENdkdwbqlrHoaJ9g29") + {audio_preview_url: null, available_markets: ["IS"], chapter_number: 0, description: "Chapter one.", html_description: "<p>Chapter one.</p>", duration_ms: 900000, explicit: false, images: img("ch"), languages: ["en"], name: "Chapter 1", release_date: "2020-01-01", release_date_precision: "day", is_playable: true,
                   audiobook: (ref("audiobook"; "7iHfbu1YPACw6oZPAFJtqe") + {authors: [{name: "Halldór Laxness"}], name: "Independent People", total_chapters: 1})}],
      categories: [{href: "\($api)/browse/categories/fixture-nordic", icons: [{height: 274, url: "https://t.scdn.co/images/nordic.jpg", width: 274}], id: "fixture-nordic", name: "Nordic"}],
      users: [user("fixtureuser"; "Fixture User") + {followers: {href: null, total: 7}, images: []}],
      markets: ["IS", "SE"],
      genre_seeds: ["post-rock", "icelandic"]
    }' >"$1"
}
