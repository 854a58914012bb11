#!/usr/bin/env bash
# docs/operations.md maps every operation of the library's table to its typed function,
# one row each: every operation id that `spotc api --list` knows has exactly one row,
# no row names an unknown operation, and every function named is declared in the public
# headers and exported by the shared library.
set -euo pipefail
src="${SPOTC_SOURCE_DIR:?}"; build="${SPOTC_BUILD_DIR:?}"; cli="${SPOTC_CLI:?}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" api --list --no-header | cut -f1 | sort >"$tmp/ops"
[ "$(wc -l <"$tmp/ops")" -eq 97 ] || fail "the table has $(wc -l <"$tmp/ops") operations, want 97"
sed -n 's/^| \([a-z0-9-]*\) | \(spotc_[a-z0-9_]*\) |$/\1 \2/p' "$src/docs/operations.md" >"$tmp/rows"
cut -d' ' -f1 "$tmp/rows" | sort >"$tmp/doc_ops"
dups=$(uniq -d "$tmp/doc_ops")
[ -z "$dups" ] || fail "operations with more than one row: $dups"
diff "$tmp/ops" "$tmp/doc_ops" >"$tmp/diff" || { cat "$tmp/diff"; fail "docs/operations.md and the table differ"; }

lib=$(find "$build/src/lib" -maxdepth 1 -name 'libspotc.so.*' -type f | head -n1)
nm -D --defined-only "$lib" | awk '{ print $3 }' | sort -u >"$tmp/exported"
cat "$src"/include/spotc.h "$src"/include/spotc/*.h "$src"/include/spotc/*/*.h >"$tmp/headers"
missing=0
while read -r op fn; do
    grep -qw "$fn" "$tmp/headers" || { echo "not declared: $fn ($op)"; missing=1; }
    grep -qx "$fn" "$tmp/exported" || { echo "not exported: $fn ($op)"; missing=1; }
done <"$tmp/rows"
[ "$missing" -eq 0 ] || fail "functions of docs/operations.md missing from the library"
echo "ok: 97 operations, each with its typed function"
