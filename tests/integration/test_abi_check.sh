#!/usr/bin/env bash
# scripts/abi-check tells an incompatible change (a struct that grew a field in the
# middle, a removed function) from a compatible one (a new function), on two tiny
# libraries built here, so the check `make check` runs is known to be able to fail.
set -euo pipefail
src="${SPOTC_SOURCE_DIR:?}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/inc"

build() { # build NAME HEADER_BODY SOURCE_BODY
    printf '%s\n' "$2" >"$tmp/inc/t.h"
    printf '#include "t.h"\n%s\n' "$3" >"$tmp/$1.c"
    cc -g -shared -fPIC -I"$tmp/inc" -Wl,-soname,libt.so.1 -o "$tmp/$1.so" "$tmp/$1.c"
}

build v1 'struct t_opts { int version; int limit; }; int t_get(struct t_opts *o); int t_old(void);' \
    'int t_get(struct t_opts *o) { return o->limit; } int t_old(void) { return 1; }'
abidw --no-corpus-path --headers-dir "$tmp/inc" --drop-private-types --out-file "$tmp/base.abi" "$tmp/v1.so"

build v2 'struct t_opts { int version; int limit; }; int t_get(struct t_opts *o); int t_old(void); int t_new(void);' \
    'int t_get(struct t_opts *o) { return o->limit; } int t_old(void) { return 1; } int t_new(void) { return 2; }'
"$src/scripts/abi-check" --compare "$tmp/base.abi" "$tmp/v2.so" "$tmp/inc" >"$tmp/out2" \
    || { cat "$tmp/out2"; echo "FAIL: a new function was called incompatible"; exit 1; }
grep -q 'compatible additions' "$tmp/out2" || { cat "$tmp/out2"; echo "FAIL: addition not reported"; exit 1; }

build v3 'struct t_opts { int version; long extra; int limit; }; int t_get(struct t_opts *o);' \
    'int t_get(struct t_opts *o) { return o->limit; }'
if "$src/scripts/abi-check" --compare "$tmp/base.abi" "$tmp/v3.so" "$tmp/inc" >"$tmp/out3" 2>&1; then
    cat "$tmp/out3"; echo "FAIL: a changed struct and a removed function passed"; exit 1
fi
grep -q 'bump the soname' "$tmp/out3" || { cat "$tmp/out3"; echo "FAIL: no advice"; exit 1; }
echo "ok: abi-check passes additions and refuses incompatible changes"
