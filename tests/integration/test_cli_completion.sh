# spotc completion bash|zsh|fish: scripts generated from the command table. bash loads the
# generated script and completes commands, subcommands, options and option values.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/cli_lib.sh"

"$SPOTC_CLI" completion bash >"$TMP/spotc.bash" || fail "completion bash failed"
# complete WORDS...: what bash offers for the last word (empty for a new one).
complete_words() {
    SCRIPT="$TMP/spotc.bash" bash -c '
        source "$SCRIPT"
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _spotc
        [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$@"
}
[ "$(complete_words spotc auth "")" = "login logout status token " ] ||
    fail "auth subcommands: '$(complete_words spotc auth "")'"
[ "$(complete_words spotc auth lo)" = "login logout " ] || fail "auth lo: '$(complete_words spotc auth lo)'"
[ "$(complete_words spotc --json sea)" = "search " ] || fail "commands after a global option"
[ "$(complete_words spotc aut)" = "auth " ] || fail "commands"
[ "$(complete_words spotc au | wc -w)" -eq 3 ] || fail "au: '$(complete_words spotc au)'"
[ "$(complete_words spotc rec)" = "recommendations " ] || fail "recommendations"
[ "$(complete_words spotc browse "")" = "categories new-releases " ] ||
    fail "browse subcommands: '$(complete_words spotc browse "")'"
[ "$(complete_words spotc show x --ep)" = "--episodes " ] || fail "show options"
[ "$(complete_words spotc recommendations --seed-g)" = "--seed-genres " ] || fail "recommendations options"
[ "$(complete_words spotc search x --type al)" = "album " ] || fail "--type values"
[ "$(complete_words spotc auth login --sc)" = "--scopes " ] || fail "auth options"
[ "$(complete_words spotc --market DE api --pag)" = "--paginate " ] || fail "api options after --market DE"
[ "$(complete_words spotc --market "")" = "" ] || fail "nothing to offer for a country code"
[ "$(complete_words spotc completion "")" = "bash fish zsh " ] || fail "shells"
[ "$(complete_words spotc help aut)" = "auth " ] || fail "help COMMAND"
# The script registers itself for spotc.
grep -q '^complete -F _spotc spotc$' "$TMP/spotc.bash" || fail "no complete -F line"
bash -n "$TMP/spotc.bash" || fail "the bash script does not parse"

# zsh and fish: generated from the same table; parsed by the shells when they are installed.
"$SPOTC_CLI" completion zsh >"$TMP/_spotc" || fail "completion zsh failed"
head -n1 "$TMP/_spotc" | grep -qx '#compdef spotc' || fail "zsh: no #compdef line"
grep -q "_spotc_offer login status token logout" "$TMP/_spotc" || fail "zsh: auth subcommands"
if command -v zsh >/dev/null; then zsh -n "$TMP/_spotc" || fail "the zsh script does not parse"; fi
"$SPOTC_CLI" completion fish >"$TMP/spotc.fish" || fail "completion fish failed"
grep -q "__fish_seen_subcommand_from auth; and not __fish_seen_subcommand_from login status token logout' -a login" \
    "$TMP/spotc.fish" || fail "fish: auth subcommands"
grep -q -- "-l type -r -x -a 'track album artist playlist show episode audiobook'" "$TMP/spotc.fish" ||
    fail "fish: search --type values"
if command -v fish >/dev/null; then fish -n "$TMP/spotc.fish" || fail "the fish script does not parse"; fi

expect_status 2 "$SPOTC_CLI" completion tcsh
contains "$ERR" "unknown completion command 'tcsh'"
expect_status 2 "$SPOTC_CLI" completion bsh
contains "$ERR" "did you mean 'bash'?"
echo "ok"
