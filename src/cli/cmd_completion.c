/*
 * spotc completion bash|zsh|fish: a completion script generated from the command table
 * (commands, subcommands, options and the values declared as choices), so that a command
 * added to the table completes without anyone editing a script.
 *
 * bash and zsh share one body: a loop that finds the command and subcommand among the words
 * before the cursor, then `case` blocks; only the two "offer" functions differ.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* ------------------------------------------------------------------ table walks */

/* " --a --b" for a NULL-name terminated option table. */
static void print_option_words(FILE *f, const cli_option *opts)
{
    for (size_t i = 0; opts && opts[i].name; i++)
        fprintf(f, " --%s", opts[i].name);
}

/* The options that take a value, of every command and the global ones, as "--a|--b". */
static void print_value_options(FILE *f)
{
    const char *sep = "";
    for (size_t i = 0; cli_global_options[i].name; i++)
        if (cli_global_options[i].arg) {
            fprintf(f, "%s--%s", sep, cli_global_options[i].name);
            sep = "|";
        }
    for (size_t c = 0; cli_commands[c]; c++)
        for (const cli_option *o = cli_commands[c]->options; o && o->name; o++)
            if (o->arg)
                fprintf(f, "|--%s", o->name);
}

static int is_end(const cli_choice *c)
{
    return !c->option && !c->subcommand;
}

/* ------------------------------------------------------------------ bash and zsh */

static void print_choice_cases(FILE *f)
{
    for (size_t c = 0; cli_commands[c]; c++) {
        const cli_command *cmd = cli_commands[c];
        for (const cli_choice *ch = cmd->choices; ch && !is_end(ch); ch++) {
            if (!ch->option)
                continue;
            if (ch->values)
                fprintf(f, "        %s:--%s) _spotc_offer %s; return ;;\n", cmd->name, ch->option,
                        ch->values);
            else if (ch->dynamic)
                fprintf(f, "        %s:--%s) _spotc_offer_lines spotc %s; return ;;\n", cmd->name,
                        ch->option, ch->dynamic);
        }
    }
}

/* The arguments of subcommands (`player repeat off|track|context`). */
static void print_argument_cases(FILE *f, const cli_command *cmd)
{
    for (const cli_choice *ch = cmd->choices; ch && !is_end(ch); ch++) {
        if (ch->option || !ch->subcommand)
            continue;
        if (ch->values)
            fprintf(f, "        %s:%s) _spotc_offer %s; return ;;\n", cmd->name, ch->subcommand,
                    ch->values);
        else if (ch->dynamic)
            fprintf(f, "        %s:%s) _spotc_offer_lines spotc %s; return ;;\n", cmd->name,
                    ch->subcommand, ch->dynamic);
    }
}

static void print_shared_body(FILE *f)
{
    fputs("    local cmd= sub= skip= w\n"
          "    for w in \"${_spotc_words[@]}\"; do\n"
          "        if [[ -n $skip ]]; then skip=; continue; fi\n"
          "        case $w in\n            ",
          f);
    print_value_options(f);
    fputs(") skip=1; continue ;;\n"
          "            -*) continue ;;\n"
          "        esac\n"
          "        if [[ -z $cmd ]]; then cmd=$w; elif [[ -z $sub ]]; then sub=$w; fi\n"
          "    done\n"
          "    case \"$cmd:$prev\" in\n",
          f);
    print_choice_cases(f);
    fputs("        *:--*)\n            case $prev in ", f);
    print_value_options(f);
    fputs(") return ;; esac ;;\n    esac\n", f);
    /* The argument right after a subcommand. */
    fputs("    if [[ -n $sub && $prev == \"$sub\" && $cur != -* ]]; then\n"
          "        case \"$cmd:$sub\" in\n",
          f);
    for (size_t c = 0; cli_commands[c]; c++)
        print_argument_cases(f, cli_commands[c]);
    fputs("        esac\n    fi\n", f);
    fputs("    local globals='", f);
    print_option_words(f, cli_global_options);
    fputs("'\n    if [[ -z $cmd ]]; then\n        _spotc_offer", f);
    for (size_t c = 0; cli_commands[c]; c++)
        fprintf(f, " %s", cli_commands[c]->name);
    fputs(" $globals\n        return\n    fi\n    case $cmd in\n", f);
    for (size_t c = 0; cli_commands[c]; c++) {
        const cli_command *cmd = cli_commands[c];
        fprintf(f, "        %s)\n", cmd->name);
        if (cmd->subcommands) {
            fputs("            if [[ -z $sub && $cur != -* ]]; then _spotc_offer", f);
            for (const cli_subcommand *s = cmd->subcommands; s->name; s++)
                fprintf(f, " %s", s->name);
            fputs("; return; fi\n", f);
        }
        if (strcmp(cmd->name, "help") == 0) {
            fputs("            if [[ $cur != -* ]]; then _spotc_offer", f);
            for (size_t k = 0; cli_commands[k]; k++)
                fprintf(f, " %s", cli_commands[k]->name);
            fputs("; return; fi\n", f);
        }
        fputs("            _spotc_offer", f);
        print_option_words(f, cmd->options);
        fputs(" $globals ;;\n", f);
    }
    fputs("        *) _spotc_offer $globals ;;\n    esac\n", f);
}

static void print_bash(FILE *f)
{
    fputs("# bash completion for spotc; generated by `spotc completion bash`.\n"
          "_spotc_offer() { COMPREPLY=($(compgen -W \"$*\" -- \"$cur\")); }\n"
          "_spotc_offer_lines() {\n"
          "    local IFS=$'\\n'\n"
          "    COMPREPLY=($(compgen -W \"$(\"$@\" 2>/dev/null)\" -- \"$cur\"))\n"
          "}\n"
          "_spotc() {\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          "    local -a _spotc_words=(\"${COMP_WORDS[@]:1:COMP_CWORD-1}\")\n"
          "    COMPREPLY=()\n",
          f);
    print_shared_body(f);
    fputs("}\ncomplete -F _spotc spotc\n", f);
}

static void print_zsh(FILE *f)
{
    fputs("#compdef spotc\n"
          "# zsh completion for spotc; generated by `spotc completion zsh`.\n"
          "_spotc_offer() { compadd -- ${=*}; }\n"
          "_spotc_offer_lines() {\n"
          "    local -a v\n"
          "    v=(${(f)\"$(\"$@\" 2>/dev/null)\"})\n"
          "    compadd -- $v\n"
          "}\n"
          "_spotc() {\n"
          "    local cur=${words[CURRENT]} prev=${words[CURRENT-1]}\n"
          "    local -a _spotc_words=(\"${(@)words[2,CURRENT-1]}\")\n",
          f);
    print_shared_body(f);
    fputs("}\n"
          "if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then\n"
          "    _spotc \"$@\"\n"
          "else\n"
          "    compdef _spotc spotc\n"
          "fi\n",
          f);
}

/* ------------------------------------------------------------------ fish */

/* A fish single-quoted string: backslashes and quotes escaped. */
static void fish_quote(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; s && *s && *s != '\n'; s++) {
        if (*s == '\'' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('\'', f);
}

static void fish_option(FILE *f, const char *condition, const cli_option *o, const cli_choice *ch)
{
    fputs("complete -c spotc", f);
    if (condition)
        fprintf(f, " -n '%s'", condition);
    fprintf(f, " -l %s", o->name);
    if (o->arg)
        fputs(" -r", f);
    if (ch && ch->values) {
        fputs(" -x -a ", f);
        fish_quote(f, ch->values);
    } else if (ch && ch->dynamic) {
        fprintf(f, " -x -a '(spotc %s 2>/dev/null)'", ch->dynamic);
    }
    fputs(" -d ", f);
    fish_quote(f, o->help);
    fputc('\n', f);
}

static const cli_choice *option_choice(const cli_command *cmd, const char *name)
{
    for (const cli_choice *ch = cmd->choices; ch && !is_end(ch); ch++)
        if (ch->option && strcmp(ch->option, name) == 0)
            return ch;
    return NULL;
}

static void fish_command(FILE *f, const cli_command *cmd)
{
    char cond[256], subs[256] = "";
    fprintf(f, "complete -c spotc -n __fish_use_subcommand -a %s -d ", cmd->name);
    fish_quote(f, cmd->summary);
    fputc('\n', f);
    for (const cli_subcommand *s = cmd->subcommands; s && s->name; s++) {
        size_t used = strlen(subs);
        snprintf(subs + used, sizeof(subs) - used, " %s", s->name);
    }
    for (const cli_subcommand *s = cmd->subcommands; s && s->name; s++) {
        fprintf(f,
                "complete -c spotc -n '__fish_seen_subcommand_from %s; and not "
                "__fish_seen_subcommand_from%s' -a %s -d ",
                cmd->name, subs, s->name);
        fish_quote(f, s->summary);
        fputc('\n', f);
    }
    snprintf(cond, sizeof(cond), "__fish_seen_subcommand_from %s", cmd->name);
    for (const cli_option *o = cmd->options; o && o->name; o++)
        fish_option(f, cond, o, option_choice(cmd, o->name));
    for (const cli_choice *ch = cmd->choices; ch && !is_end(ch); ch++) {
        if (ch->option || !ch->subcommand)
            continue;
        fprintf(f,
                "complete -c spotc -n '__fish_seen_subcommand_from %s; and "
                "__fish_seen_subcommand_from %s' -x -a ",
                cmd->name, ch->subcommand);
        if (ch->values)
            fish_quote(f, ch->values);
        else
            fprintf(f, "'(spotc %s 2>/dev/null)'", ch->dynamic);
        fputc('\n', f);
    }
}

static void print_fish(FILE *f)
{
    fputs("# fish completion for spotc; generated by `spotc completion fish`.\n"
          "complete -c spotc -f\n",
          f);
    for (size_t i = 0; cli_global_options[i].name; i++)
        fish_option(f, NULL, &cli_global_options[i], NULL);
    for (size_t c = 0; cli_commands[c]; c++)
        fish_command(f, cli_commands[c]);
    fputs("complete -c spotc -n '__fish_seen_subcommand_from help' -x -a '", f);
    for (size_t c = 0; cli_commands[c]; c++)
        fprintf(f, "%s%s", c ? " " : "", cli_commands[c]->name);
    fputs("'\n", f);
}

/* ------------------------------------------------------------------ command */

static const cli_subcommand shells[] = {
    {"bash", "the script for bash (bash-completion)"},
    {"zsh", "the script for zsh (an autoloaded _spotc)"},
    {"fish", "the script for fish"},
    {NULL, NULL},
};

static int run(cli_ctx *ctx, const cli_args *args)
{
    const cli_subcommand *shell = cli_subcommand_find(ctx, args->pos[0]);
    if (!shell)
        return CLI_EXIT_USAGE;
    if (shell == &shells[0])
        print_bash(stdout);
    else if (shell == &shells[1])
        print_zsh(stdout);
    else
        print_fish(stdout);
    return 0;
}

const cli_command cli_cmd_completion = {
    .name = "completion",
    .summary = "print a shell completion script (bash, zsh, fish)",
    .usage = "completion bash|zsh|fish",
    .description =
        "Prints a completion script for the shell, generated from spotc's own command\n"
        "table: commands, subcommands, options and their values. `cmake --install`\n"
        "installs all three where the shells look (share/bash-completion/completions,\n"
        "share/zsh/site-functions, share/fish/vendor_completions.d); to try one now:\n"
        "  source <(spotc completion bash)",
    .options = NULL,
    .min_args = 1,
    .max_args = 1,
    .run = run,
    .subcommands = shells,
    .examples = "source <(spotc completion bash)\n"
                "spotc completion zsh > ~/.zfunc/_spotc\n"
                "spotc completion fish > ~/.config/fish/completions/spotc.fish",
};
