//! The house stays easy to move around in: no two modules import each other (what both
//! sides share lives in a leaf module they both use). Read from the sources: every
//! `crate::`, `super::` and `self::` path outside comments and test modules, resolved to
//! the file that defines it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::repo_file;

/// Module path (`runbook::engine::runner`) → its source text without comments and tests.
fn modules(root: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Test modules sit at the end of a file by this codebase's habit.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let code: String = code
                .lines()
                .map(|l| l.split("//").next().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n");
            found.insert(parts.join("::"), code);
        }
    }
    found
}

/// The module a path names: the longest prefix that is a module.
fn resolve(from: &str, path: &[&str], known: &BTreeSet<String>) -> Option<String> {
    let mut base: Vec<&str> = if from.is_empty() {
        Vec::new()
    } else {
        from.split("::").collect()
    };
    let mut rest = path;
    match rest.first() {
        Some(&"crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some(&"super") => {
            while rest.first() == Some(&"super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        Some(&"self") => rest = &rest[1..],
        _ => return None,
    }
    let mut candidate: Vec<&str> = base.into_iter().chain(rest.iter().copied()).collect();
    while !candidate.is_empty() {
        let name = candidate.join("::");
        if known.contains(&name) {
            return Some(name);
        }
        candidate.pop();
    }
    None
}

fn imports(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    let path = regex::Regex::new(r"\b(?:crate|super|self)(?:::\w+)+").unwrap();
    let group = regex::Regex::new(r"\b((?:crate|super|self)(?:::\w+)*)::\{([^{}]*)\}").unwrap();
    let mut edges = BTreeMap::new();
    for (module, code) in modules {
        let mut to = BTreeSet::new();
        let mut add = |text: &str| {
            let parts: Vec<&str> = text.split("::").collect();
            if let Some(target) = resolve(module, &parts, &known) {
                if &target != module {
                    to.insert(target);
                }
            }
        };
        for m in path.find_iter(code) {
            add(m.as_str());
        }
        for c in group.captures_iter(code) {
            for item in c[2].split(',') {
                let first = item.trim().split("::").next().unwrap_or_default();
                let first = first.split_whitespace().next().unwrap_or_default();
                if !first.is_empty() && first != "self" {
                    add(&format!("{}::{first}", &c[1]));
                }
            }
        }
        edges.insert(module.clone(), to);
    }
    edges
}

#[test]
fn no_two_modules_import_each_other() {
    let modules = modules(&repo_file("src"));
    assert!(modules.len() > 100, "read {} modules", modules.len());
    let edges = imports(&modules);
    let mut cycles = BTreeSet::new();
    for (a, targets) in &edges {
        for b in targets {
            let nested = a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"));
            if !nested && !a.is_empty() && edges.get(b).is_some_and(|t| t.contains(a)) {
                cycles.insert(if a < b { (a, b) } else { (b, a) });
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that import each other (move what both share into a leaf module): {cycles:#?}"
    );
}

#[test]
fn the_scanner_sees_a_cycle_when_there_is_one() {
    let modules: BTreeMap<String, String> = [
        ("a::x".to_string(), "use super::y::Thing;".to_string()),
        (
            "a::y".to_string(),
            "use crate::a::{x::Other, z};".to_string(),
        ),
        ("a::z".to_string(), String::new()),
        ("a".to_string(), String::new()),
    ]
    .into_iter()
    .collect();
    let edges = imports(&modules);
    assert!(edges["a::x"].contains("a::y"));
    assert!(edges["a::y"].contains("a::x"));
    assert!(edges["a::y"].contains("a::z"));
}
