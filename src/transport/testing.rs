//! Helpers for the unit tests of the transport.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::time::Duration;

use super::Target;

/// A target run on this machine.
pub(crate) fn local(name: &str) -> Target {
    Target {
        name: name.to_owned(),
        address: "localhost".to_owned(),
        port: 22,
        user: "root".to_owned(),
        identity: None,
        known_hosts: Vec::new(),
        connect_timeout: Duration::from_secs(2),
        login_timeout: Duration::from_secs(30),
        extra_path: Vec::new(),
        sudo: false,
        command_timeout: Duration::from_secs(20),
        env: BTreeMap::new(),
        kind: super::TransportKind::Local,
    }
}

/// Counts bytes and keeps none: shows output is streamed, not collected.
#[derive(Debug, Default)]
pub(crate) struct Counter {
    pub(crate) bytes: u64,
    pub(crate) writes: u64,
    pub(crate) largest: usize,
}

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len() as u64;
        self.writes += 1;
        self.largest = self.largest.max(buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs `run` while every process of this machine is looked at every few milliseconds:
/// what `run` returned, the first `/proc/PID/cmdline` (what `ps` shows any user) seen
/// holding `needle`, and how many times every process was looked at.
pub(crate) fn watching_arguments<T>(
    needle: &[u8],
    run: impl FnOnce() -> T,
) -> (T, Option<String>, u32) {
    use std::sync::atomic::{AtomicBool, Ordering};
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let watcher = scope.spawn(|| {
            let mut looks = 0u32;
            while !done.load(Ordering::SeqCst) {
                if let Some(seen) = in_any_process_arguments(needle) {
                    return (Some(seen), looks);
                }
                looks += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
            (None, looks)
        });
        // Set when `run` returns or panics: a failed assertion in it must not leave the
        // watcher (and the scope waiting for it) running for ever.
        struct Done<'a>(&'a AtomicBool);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                self.0.store(true, Ordering::SeqCst);
            }
        }
        let ran = {
            let _done = Done(&done);
            run()
        };
        let (seen, looks) = watcher.join().unwrap();
        (ran, seen, looks)
    })
}

/// The `/proc/PID/cmdline` holding `needle`, if any, with what it holds.
fn in_any_process_arguments(needle: &[u8]) -> Option<String> {
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let path = entry.path().join("cmdline");
        if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|w| w == needle) {
                return Some(format!(
                    "{}: {}",
                    path.display(),
                    String::from_utf8_lossy(&bytes).replace('\0', " ")
                ));
            }
        }
    }
    None
}

#[test]
fn the_watcher_sees_a_process_holding_the_needle_in_its_arguments() {
    let needle = format!("tvdr-needle-{}", std::process::id());
    // Only while the child lives: before it, nothing holds it but this test's memory.
    let ((), seen, looks) = watching_arguments(needle.as_bytes(), || {
        #[allow(clippy::disallowed_methods)] // a process of this machine, not a node's
        let status = std::process::Command::new("sh")
            .args(["-c", "sleep 0.3", &needle])
            .status()
            .unwrap();
        assert!(status.success());
    });
    assert!(
        seen.is_some_and(|s| s.contains(&needle)),
        "looked {looks} times"
    );
}
