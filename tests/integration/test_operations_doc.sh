#!/usr/bin/env bash
# docs/operations.md maps every operation of the library's table to its typed function,
# one row each: every operation id that `spotc api --list` knows has exactly one row,
# no row names an unknown operation, and every function named is declared in the public
# headers and exported by the shared library.
#
# libspotc(3) carries the same table (OPERATIONS), with the deprecated functions marked.
# docs/operations.md is the one source: the man page's section is what this script prints
# with --print-man (the deprecated marks are the ones the compiler reports for the public
# headers), and the test fails when the two differ. After changing docs/operations.md or a
# deprecation, paste the output of
#   SPOTC_SOURCE_DIR=. SPOTC_BUILD_DIR=build bash tests/integration/test_operations_doc.sh --print-man
# between the BEGIN and END OPERATIONS comments of docs/libspotc.3.
set -euo pipefail
src="${SPOTC_SOURCE_DIR:?}"; build="${SPOTC_BUILD_DIR:?}"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

sed -n 's/^| \([a-z0-9-]*\) | \(spotc_[a-z0-9_]*\) |$/\1 \2/p' "$src/docs/operations.md" >"$tmp/rows"

# The functions the public headers mark deprecated, as a program that uses them sees it:
# the compiler warns once for each use of one. LC_ALL=C keeps its quotes plain.
deprecated_functions() {
    local cc
    cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
    {
        echo '#include <spotc.h>'
        echo 'void spotc_doc_uses(void);'
        echo 'void spotc_doc_uses(void) {'
        while read -r _ fn; do echo "    (void)$fn;"; done <"$tmp/rows"
        echo '}'
    } >"$tmp/uses.c"
    LC_ALL=C "${cc:-cc}" -std=c11 -Wdeprecated-declarations -I"$src/include" -c "$tmp/uses.c" \
        -o "$tmp/uses.o" 2>"$tmp/uses.err" || { cat "$tmp/uses.err" >&2; fail "the functions do not compile"; }
    sed -n "s/.*'\(spotc_[a-z0-9_]*\)' is deprecated.*/\1/p" "$tmp/uses.err" | sort -u
}

# The OPERATIONS section of libspotc(3), in the order of docs/operations.md: rows in the
# form `| operation-id | spotc_function |` (the issue fixes that form, and readers grep for
# it), the current operations first, then the deprecated ones, so that each row stays exact.
man_rows() {
    local want=$1 op fn
    echo '.nf'
    while read -r op fn; do
        if grep -qx "$fn" "$tmp/deprecated"; then [ "$want" = deprecated ] || continue
        else [ "$want" = current ] || continue; fi
        printf '| %s | %s |\n' "$op" "$fn"
    done <"$tmp/rows"
    echo '.fi'
}

man_section() {
    deprecated_functions >"$tmp/deprecated"
    echo '.\" BEGIN OPERATIONS: generated from docs/operations.md by'
    echo '.\" tests/integration/test_operations_doc.sh --print-man; do not edit by hand.'
    echo '.SH OPERATIONS'
    echo "Each of the $(wc -l <"$tmp/rows") operations of the Web API (the ids of"
    echo '.BR spotc_operation_call ()'
    echo 'and'
    echo '.BR "spotc api \-\-list" )'
    echo 'and the typed function that calls it, one row each.'
    echo '.SS Current operations'
    man_rows current
    echo '.SS Deprecated operations'
    echo "These $(wc -l <"$tmp/deprecated") are the ones Spotify removed for"
    echo 'development-mode apps; their declarations carry'
    echo '.B SPOTC_DEPRECATED'
    echo 'with the replacement (see "Batches and the app'"'"'s mode" above).'
    man_rows deprecated
    echo '.\" END OPERATIONS'
}

if [ "${1:-}" = --print-man ]; then
    man_section
    exit 0
fi

cli="${SPOTC_CLI:?}"
"$cli" api --list --no-header | cut -f1 | sort >"$tmp/ops"
[ "$(wc -l <"$tmp/ops")" -eq 97 ] || fail "the table has $(wc -l <"$tmp/ops") operations, want 97"
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

# The man page's section is the generated one, to the letter.
man_section >"$tmp/want"
[ "$(wc -l <"$tmp/deprecated")" -eq 48 ] ||
    fail "the headers mark $(wc -l <"$tmp/deprecated") functions deprecated, want 48"
[ "$(grep -c '^| [a-z0-9-]* | spotc_[a-z0-9_]* |$' "$tmp/want")" -eq 97 ] ||
    fail "the OPERATIONS section does not have 97 rows in the form | operation-id | function |"
sed -n '/^\.\\" BEGIN OPERATIONS/,/^\.\\" END OPERATIONS/p' "$src/docs/libspotc.3" >"$tmp/have"
[ -s "$tmp/have" ] || fail "docs/libspotc.3 has no OPERATIONS section (BEGIN/END OPERATIONS comments)"
diff -u "$tmp/have" "$tmp/want" >"$tmp/mandiff" || {
    cat "$tmp/mandiff"
    fail "libspotc(3)'s OPERATIONS differ from docs/operations.md: paste the output of this script's --print-man"
}
echo "ok: 97 operations, each with its typed function, in operations.md and libspotc(3)"
