//! The seeds of the structure-aware generators: real outputs kept as fixtures, read from
//! their folders when a property first needs them, so a fixture added later is fuzzed too.

use std::path::Path;

/// Every file under `dirs` (relative to the crate root), sorted by path; `.md`, `.sh` and
/// `.snap` files (notes, generators, snapshots) are left out, `dir/*.ext` takes only the
/// files ending in `.ext`, and a file is taken as it is. Panics when nothing is found: a generator without seeds
/// would quietly fuzz nothing but noise.
pub fn files(dirs: &[&str]) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in dirs {
        let (dir, only) = match dir.split_once("/*.") {
            Some((dir, ext)) => (dir, Some(ext)),
            None => (*dir, None),
        };
        if root.join(dir).is_file() {
            paths.push(root.join(dir));
            continue;
        }
        let mut stack = vec![root.join(dir)];
        while let Some(dir) = stack.pop() {
            let entries = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("fixture folder `{}`: {e}", dir.display()));
            for entry in entries {
                let path = entry.expect("a fixture entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let ext = path.extension().and_then(|e| e.to_str());
                    let wanted = match only {
                        Some(only) => ext == Some(only),
                        None => !matches!(ext, Some("md" | "sh" | "snap")),
                    };
                    if wanted {
                        paths.push(path);
                    }
                }
            }
        }
    }
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures under {dirs:?}");
    paths
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("`{}`: {e}", p.display())))
        .collect()
}

/// Declares `fn $name() -> &'static [Vec<u8>]`, the files under `$dirs` read once.
macro_rules! corpus {
    ($name:ident, $($dir:literal),+ $(,)?) => {
        fn $name() -> &'static [Vec<u8>] {
            static FILES: std::sync::OnceLock<Vec<Vec<u8>>> = std::sync::OnceLock::new();
            FILES.get_or_init(|| $crate::fuzz::corpus::files(&[$($dir),+]))
        }
    };
}
pub(crate) use corpus;
