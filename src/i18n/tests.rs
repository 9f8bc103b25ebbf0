//! Every message exists in both languages with the same variables, every key the code
//! uses exists, and the English help entries are clap's own text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use clap::CommandFactory;
use fluent_syntax::ast;

use super::catalogue::{has, SOURCES};
use super::{choose, cli, from_locale, tr_in, Lang};

/// Message id → the variables its value uses.
fn messages(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("catalogue does not parse: {errors:?}"));
    let mut found = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                assert!(
                    found.insert(m.id.name.to_string(), vars).is_none(),
                    "`{}` twice",
                    m.id.name
                );
            }
            ast::Entry::Junk { content } => panic!("junk in catalogue: {content}"),
            _ => {}
        }
    }
    found
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn both_catalogues_have_the_same_messages_with_the_same_variables() {
    let en = messages(&SOURCES[0].1.join("\n"));
    let it = messages(&SOURCES[1].1.join("\n"));
    let only = |a: &BTreeMap<_, _>, b: &BTreeMap<String, _>| -> Vec<String> {
        a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
    };
    assert_eq!(only(&en, &it), Vec::<String>::new(), "only in English");
    assert_eq!(only(&it, &en), Vec::<String>::new(), "only in Italian");
    for (key, vars) in &en {
        assert_eq!(Some(vars), it.get(key), "variables of `{key}` differ");
    }
}

/// `t!("key"…)`, `t!(in lang, "key"…)`, `said!`, `msg!`, `raised!` and `tr("key"…)` in the
/// sources.
fn keys_used() -> BTreeMap<String, String> {
    let call = regex::Regex::new(
        r#"\b(?:t|said|msg|raised)!\(\s*(?:in [^,]+,\s*)?"([^"]+)"|\btr(?:_in)?\((?:[^,()]+,\s*)?"([^"]+)""#,
    )
    .unwrap();
    let mut used = BTreeMap::new();
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                for c in call.captures_iter(&text) {
                    let key = c.get(1).or(c.get(2)).unwrap().as_str();
                    used.insert(key.to_string(), path.display().to_string());
                }
            }
        }
    }
    used
}

#[test]
fn every_key_the_code_uses_is_in_both_catalogues() {
    let used = keys_used();
    assert!(
        used.contains_key("error-line"),
        "the scan finds the calls: {used:?}"
    );
    assert!(
        used.contains_key("vip-split-brain") && used.contains_key("fs-differs"),
        "the scan finds `msg!` calls too, over several lines: {used:?}"
    );
    assert!(
        used.contains_key("step-no-slave") && used.contains_key("reason-condition-false"),
        "the scan finds `raised!` and the step reasons: {used:?}"
    );
    for (key, file) in used {
        if key == "key" {
            continue; // the macro's own documentation
        }
        for lang in Lang::ALL {
            assert!(has(lang, &key), "`{key}` ({file}) missing in {lang:?}");
        }
    }
}

/// Every text of the derived command line, by its catalogue key.
fn clap_texts(cmd: &clap::Command, prefix: &str, out: &mut BTreeMap<String, String>) {
    let mut put = |key: String, text: Option<&clap::builder::StyledStr>| {
        if let Some(t) = text {
            out.insert(key, t.to_string());
        }
    };
    put(format!("{prefix}-about"), cmd.get_about());
    put(format!("{prefix}-long-about"), cmd.get_long_about());
    put(format!("{prefix}-after-help"), cmd.get_after_help());
    put(
        format!("{prefix}-after-long-help"),
        cmd.get_after_long_help(),
    );
    for arg in cmd.get_arguments() {
        put(cli::arg_key(prefix, arg.get_id().as_str()), arg.get_help());
    }
    for sub in cmd.get_subcommands() {
        clap_texts(sub, &format!("{prefix}-{}", sub.get_name()), out);
    }
}

#[test]
fn english_help_entries_are_the_clap_text_and_name_real_places() {
    let mut texts = BTreeMap::new();
    clap_texts(&crate::cli::Cli::command(), "cli", &mut texts);
    let en = messages(&SOURCES[0].1.join("\n"));
    // Headings and the help/version flags are clap's own words, not cli.rs's.
    let clap_own = |k: &str| k.starts_with("cli-heading-") || k.starts_with("cli-help-");
    for key in en.keys().filter(|k| k.starts_with("cli-") && !clap_own(k)) {
        let Some(clap) = texts.get(key) else {
            panic!("`{key}` names no text of the command line");
        };
        assert_eq!(
            &tr_in(Lang::En, key, &[]),
            clap,
            "`{key}` differs from cli.rs"
        );
    }
}

#[test]
fn italian_help_replaces_the_english() {
    let mut cmd = cli::localize(crate::cli::Cli::command(), Lang::It);
    let help = cmd.render_help().to_string();
    assert!(help.contains(&tr_in(Lang::It, "cli-about", &[])), "{help}");
    assert_ne!(
        tr_in(Lang::It, "cli-about", &[]),
        tr_in(Lang::En, "cli-about", &[])
    );
}

#[test]
fn lang_flag_then_tvdr_lang_then_locale_then_english() {
    let args = |s: &str| -> Vec<std::ffi::OsString> { s.split(' ').map(Into::into).collect() };
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    let none = env(&[]);
    assert_eq!(choose(&args("tvdr --lang it status"), none), Lang::It);
    assert_eq!(choose(&args("tvdr status --lang=it"), none), Lang::It);
    assert_eq!(
        choose(&args("tvdr exec all -- x --lang it"), none),
        Lang::En
    );
    let tvdr_lang = env(&[("TVDR_LANG", "it"), ("LANG", "en_US.UTF-8")]);
    assert_eq!(choose(&args("tvdr status"), tvdr_lang), Lang::It);
    assert_eq!(choose(&args("tvdr --lang en status"), tvdr_lang), Lang::En);
    let locale = env(&[("LANG", "it_IT.UTF-8")]);
    assert_eq!(choose(&args("tvdr status"), locale), Lang::It);
    let posix = env(&[("LC_ALL", "C"), ("LANG", "it_IT.UTF-8")]);
    assert_eq!(from_locale(posix), None, "LC_ALL decides first");
    assert_eq!(choose(&args("tvdr status"), posix), Lang::En);
    let messages = env(&[("LC_MESSAGES", "it_CH"), ("LANG", "en_GB")]);
    assert_eq!(choose(&args("tvdr status"), messages), Lang::It);
    assert_eq!(
        choose(&args("tvdr status"), env(&[("LANG", "fr_FR")])),
        Lang::En
    );
}

#[test]
fn arguments_and_plurals_are_filled_in() {
    let one = tr_in(Lang::It, "steps-count", &[("count", 1.into())]);
    let many = tr_in(Lang::It, "steps-count", &[("count", 3.into())]);
    assert_eq!((one.as_str(), many.as_str()), ("1 passo", "3 passi"));
    assert_eq!(
        tr_in(Lang::En, "steps-count", &[("count", 1.into())]),
        "1 step"
    );
    assert_eq!(tr_in(Lang::En, "no-such-key", &[]), "no-such-key");
}

/// Every text of the command line has its catalogue entry (else the Italian help would
/// show it in English): a missing one fails with the English lines to add, to be put in
/// both catalogues (the Italian written from them).
#[test]
fn every_text_of_the_command_line_is_in_the_catalogue() {
    let mut texts = BTreeMap::new();
    clap_texts(&crate::cli::Cli::command(), "cli", &mut texts);
    let en = messages(&SOURCES[0].1.join("\n"));
    let missing: Vec<String> = texts
        .iter()
        .filter(|(key, _)| !en.contains_key(*key))
        .map(|(key, text)| {
            let body = if text.contains('\n') {
                format!(
                    "\n    {}",
                    text.replace('\n', "\n    ").replace("\n    \n", "\n\n")
                )
            } else {
                format!(" {text}")
            };
            format!("{key} ={body}")
        })
        .collect();
    assert!(
        missing.is_empty(),
        "texts of cli.rs without a catalogue entry; add to both catalogues:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_message_raised_in_italian_is_journalled_in_english() {
    let said = super::Said {
        shown: "il passo `x` richiede una risposta".into(),
        recorded: "step `x` needs an answer".into(),
    };
    let shown = super::raise(said);
    assert_eq!(
        super::for_journal(&format!("{shown}: run at a terminal")),
        "step `x` needs an answer: run at a terminal"
    );
    let both = crate::said!("human-step", step = "x");
    assert_eq!(both.recorded, "step `x`");
}

/// Messages on two lines keep the second line's indentation (Fluent strips a block's
/// common indentation; a placeable keeps it).
#[test]
fn a_second_line_keeps_its_indentation() {
    let text = tr_in(
        Lang::En,
        "screen-starting",
        &[
            ("command", "/root/u.sh".into()),
            ("session", "s".into()),
            ("node", "tvox1".into()),
            ("log", "/var/tmp/s.log".into()),
        ],
    );
    assert_eq!(
        text,
        "starting `/root/u.sh` in screen `s` on tvox1 (log /var/tmp/s.log; to look at it there: screen -r s)\n  if tvdr stops (Ctrl-C, lost link), the command goes on: run tvdr again to follow it"
    );
}
