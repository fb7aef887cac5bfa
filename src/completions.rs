//! What a shell and `man` read: the completion scripts (`completions`), the manual pages
//! (`man`) and the ids the scripts complete (`__complete`). All are made from the command tree
//! of `--help` ([`crate::i18n::help::command`]), so their texts are in the interface language
//! and cannot drift from the parser.
//!
//! clap_complete's own completion of values at run time needs an unstable feature; the
//! scripts here are clap_complete's static ones, with the values of `--case` (cases) and of
//! `--responsible`, `--partner` and `--organisation` (organisations) taken from
//! `nko-draft __complete cases|organisations`, run in the programme the command line names
//! (`-C DIR`) while the user types.

use std::path::{Path, PathBuf};

use clap::{Command, ValueHint};

use crate::cli::{CompleteWhat, Shell};
use crate::i18n::Lang;

/// The flags whose values are case ids.
const CASE_FLAGS: [&str; 1] = ["case"];
/// The flags whose values are organisation ids.
const ORGANISATION_FLAGS: [&str; 3] = ["responsible", "partner", "organisation"];

/// The completion script of `shell`, with its texts in `lang`.
pub(crate) fn script(shell: Shell, lang: Lang) -> String {
    let mut cmd = marked(crate::i18n::help::command(lang));
    let name = cmd.get_name().to_owned();
    let mut out = Vec::new();
    match shell {
        Shell::Bash => {
            clap_complete::generate(clap_complete::Shell::Bash, &mut cmd, &name, &mut out)
        }
        Shell::Zsh => clap_complete::generate(clap_complete::Shell::Zsh, &mut cmd, &name, &mut out),
        Shell::Fish => {
            clap_complete::generate(clap_complete::Shell::Fish, &mut cmd, &name, &mut out)
        }
        Shell::Powershell => {
            clap_complete::generate(clap_complete::Shell::PowerShell, &mut cmd, &name, &mut out)
        }
    }
    let text = String::from_utf8_lossy(&out).into_owned();
    match shell {
        Shell::Bash => {
            // The generated function (`_nko__draft`) completes all but the ids.
            let function = text
                .split_whitespace()
                .skip_while(|w| *w != "-F")
                .nth(1)
                .unwrap_or("_nko__draft")
                .to_owned();
            // clap_complete 4.6 spells the states of a hyphenated binary's subcommands two
            // ways (clap-rs/clap#6421): one spelling, so that a subcommand's flags complete.
            // And the hidden `__complete` is not offered as a command.
            let text = text
                .replace("nko__subcmd__draft__subcmd__", "nko__draft__subcmd__")
                .replace(" __complete ", " ");
            text + &BASH_IDS.replace("GENERATED", &function)
        }
        // The two hints marked on the id flags become the functions that list the ids.
        Shell::Zsh => {
            text.replace(":_users", ":__nko_draft_ids cases")
                .replace(":_hosts", ":__nko_draft_ids organisations")
                + ZSH_IDS
        }
        Shell::Fish => {
            text.replace("(__fish_complete_users)", "(__nko_draft_ids cases)")
                .replace(
                    "(__fish_print_hostnames)",
                    "(__nko_draft_ids organisations)",
                )
                + FISH_IDS
        }
        Shell::Powershell => text,
    }
}

/// The tree with the id flags marked by two hints that no other flag has (user names for
/// cases, host names for organisations), which [`script`] turns into the id lists.
fn marked(cmd: Command) -> Command {
    let mut cmd = cmd;
    for sub in cmd.get_subcommands_mut() {
        let own = std::mem::take(sub);
        *sub = own.mut_args(|arg| match arg.get_long() {
            Some(long) if CASE_FLAGS.contains(&long) => arg.value_hint(ValueHint::Username),
            Some(long) if ORGANISATION_FLAGS.contains(&long) => arg.value_hint(ValueHint::Hostname),
            _ => arg,
        });
    }
    cmd
}

/// Bash: the values of the id flags from `__complete`, everything else from the generated
/// function.
const BASH_IDS: &str = r#"
_nko_draft_ids() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" what i
    local -a dir=()
    case "$prev" in
        --case) what=cases ;;
        --responsible|--partner|--organisation) what=organisations ;;
        *) GENERATED "$@"; return ;;
    esac
    for (( i = 1; i < COMP_CWORD - 1; i++ )); do
        case "${COMP_WORDS[i]}" in
            -C|--dir) dir=(-C "${COMP_WORDS[i+1]/#\~/$HOME}") ;;
        esac
    done
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "$(nko-draft "${dir[@]}" __complete "$what" 2>/dev/null)" -- "$cur") )
}
complete -F _nko_draft_ids -o bashdefault -o default nko-draft
"#;

/// Zsh: the function the marked flags name.
const ZSH_IDS: &str = r#"
__nko_draft_ids() {
    local -a dir ids
    local i
    for (( i = 1; i < CURRENT; i++ )); do
        case ${words[i]} in
            -C|--dir) dir=(-C ${~words[i+1]}) ;;
        esac
    done
    ids=( ${(f)"$(nko-draft $dir __complete $1 2>/dev/null)"} )
    compadd -a ids
}
"#;

/// Fish: the function the marked flags name.
const FISH_IDS: &str = r#"
function __nko_draft_ids
    set -l words (commandline -opc)
    set -l dir
    for i in (seq (count $words))
        if contains -- $words[$i] -C --dir; and test $i -lt (count $words)
            set dir -C $words[(math $i + 1)]
        end
    end
    nko-draft $dir __complete $argv[1] 2>/dev/null
end
"#;

/// Writes `nko-draft.1` and a page for each command (`nko-draft-check.1`, …) into `out`, in
/// `lang`; returns the files written.
pub(crate) fn man_pages(out: &Path, lang: Lang) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(out)?;
    let cmd = crate::i18n::help::command(lang);
    let version = crate::i18n::help::version(lang);
    let mut written = Vec::new();
    let mut page = |cmd: Command| -> std::io::Result<()> {
        let man = clap_mangen::Man::new(cmd)
            .manual("nko-draft")
            .source(format!("nko-draft {version}"));
        let path = out.join(man.get_filename());
        let mut roff = Vec::new();
        man.render(&mut roff)?;
        std::fs::write(&path, &roff)?;
        written.push(path);
        Ok(())
    };
    page(cmd.clone())?;
    for sub in cmd.get_subcommands() {
        if !sub.is_hide_set() && sub.get_name() != "help" {
            page(sub.clone())?;
        }
    }
    Ok(written)
}

/// The ids `__complete` prints, one a line: whatever of the programme loaded, whatever its
/// errors; nothing when there is no programme.
pub(crate) fn ids(what: CompleteWhat) -> String {
    let Ok(root) = crate::project::find_root(None) else {
        return String::new();
    };
    let Ok((input, _)) = crate::load::load(&root) else {
        return String::new();
    };
    let ids: Vec<&str> = match what {
        CompleteWhat::Cases => input.cases.iter().map(|c| c.id.as_str()).collect(),
        CompleteWhat::Organisations => input
            .organisations
            .iter()
            .flat_map(|(_, list)| list.iter().map(|o| o.id.as_str()))
            .collect(),
    };
    ids.iter().map(|id| format!("{id}\n")).collect()
}
