//! Debian's `chromium`, headless, as the customer's browser: a report page opened from a
//! file, with no network and a fresh profile, its DOM as the browser built it, its console
//! messages, and the page printed to PDF as it would be on paper.

use std::path::Path;
use std::process::Command;

pub struct Opened {
    /// The document after parsing (`--dump-dom`).
    pub dom: String,
    /// Messages the page wrote to the console: a blocked load, a parse error…
    pub console: Vec<String>,
    /// The page printed to PDF.
    pub pdf: Vec<u8>,
}

impl Opened {
    /// Pages of the PDF, and the size of the first in points.
    pub fn pages(&self) -> (usize, Option<String>) {
        let text = String::from_utf8_lossy(&self.pdf);
        let pages = regex::Regex::new(r"/Type\s*/Page\b")
            .unwrap()
            .find_iter(&text)
            .count();
        let media = text
            .split("/MediaBox [")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .map(str::to_string);
        (pages, media)
    }
}

/// Opens `page` twice: once for its DOM and console, once to print it.
pub fn open(page: &Path) -> Opened {
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let dom = chromium(&["--enable-logging=stderr", "--v=0", "--dump-dom", &url]);
    let console = String::from_utf8_lossy(&dom.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("page.pdf");
    chromium(&[
        "--no-pdf-header-footer",
        &format!("--print-to-pdf={}", pdf.display()),
        &url,
    ]);
    Opened {
        dom: String::from_utf8(dom.stdout).unwrap(),
        console,
        pdf: std::fs::read(&pdf).expect("chromium printed no PDF"),
    }
}

/// One headless run with a profile of its own, offline in every way chromium allows.
fn chromium(args: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("chromium")
        .args([
            "--headless",
            // The suite runs as root, where chromium's sandbox cannot start.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .output()
        .expect("chromium (installed by scripts/test)");
    assert!(
        out.status.success(),
        "chromium {args:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
