//! `--help` in the chosen language: the clap definitions stay English (they make the man
//! pages and completions), and the Italian catalogue's `cli-…` entries replace their texts
//! at run time.
//!
//! Keys follow the command tree: `cli-about` (tvdr), `cli-runbook-about`,
//! `cli-runbook-after-help`, `cli-runbook--dry-run` (an argument's help, by its id with `_`
//! as `-`). The English catalogue holds the same keys with clap's own text (a test keeps
//! them equal), so a key exists in both languages like every other message.

use clap::{Arg, ArgAction, Command};

use super::{tr_in, Lang};

/// `cmd` with the texts of `lang`'s catalogue where it has them.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let version = tr_in(lang, "cli-help-version", &[]);
    walk(cmd, "cli", lang).disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help(version),
    )
}

fn walk(mut cmd: Command, prefix: &str, lang: Lang) -> Command {
    let look = |key: String| {
        let text = tr_in(lang, &key, &[]);
        (text != key).then_some(text)
    };
    if let Some(about) = look(format!("{prefix}-about")) {
        cmd = cmd.about(about);
    }
    if let Some(long) = look(format!("{prefix}-long-about")) {
        cmd = cmd.long_about(long);
    }
    if let Some(after) = look(format!("{prefix}-after-help")) {
        cmd = cmd.after_help(after);
    }
    if let Some(after) = look(format!("{prefix}-after-long-help")) {
        cmd = cmd.after_long_help(after);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let options = tr_in(lang, "cli-heading-options", &[]);
    let arguments = tr_in(lang, "cli-heading-arguments", &[]);
    for id in ids {
        let help = look(arg_key(prefix, &id));
        cmd = cmd.mut_arg(&id, |mut a| {
            if let Some(help) = help {
                a = a.help(help);
            }
            // Every argument under the Italian heading, the help flag added below too.
            let heading = if a.is_positional() {
                &arguments
            } else {
                &options
            };
            a.help_heading(heading.clone())
        });
    }
    if let Some(usage) = look("cli-heading-usage".into()) {
        cmd = cmd.help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ));
    }
    if let Some(commands) = look("cli-heading-commands".into()) {
        cmd = cmd.subcommand_help_heading(commands);
    }
    cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help(tr_in(lang, "cli-help-help", &[]))
            .help_heading(options),
    );
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        let key = format!("{prefix}-{sub}");
        cmd = cmd.mut_subcommand(&sub, |s| walk(s, &key, lang));
    }
    cmd
}

pub(super) fn arg_key(prefix: &str, id: &str) -> String {
    format!("{prefix}--{}", id.replace('_', "-"))
}
