//! Kept sessions from the command line: which commands keep them (`ssh.persist`), the
//! hidden `__keep` that holds one, and `tvdr disconnect` that closes them.

use std::ffi::OsString;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use crate::inventory::{self, Inventory};
use crate::transport::kept::{self, Keep};
use crate::transport::Target;

/// Where `inv`'s kept sessions live and how long they stay unused; `None` without
/// `ssh.persist`.
pub fn keep_for(inv: &Inventory, state_dir: Option<&Path>) -> Option<Keep> {
    let dir = crate::state::site_dir(state_dir, &inv.site).join("keep");
    // The keeper works from `/`: its socket's path must not depend on this directory.
    let dir = std::path::absolute(&dir).unwrap_or(dir);
    inv.persist.map(|idle| Keep { dir, idle })
}

/// The first argument that makes tvdr a keeper (`tvdr __keep SOCKET IDLE_MS`).
pub const KEEPER: &str = kept::KEEPER;

/// `tvdr __keep SOCKET IDLE_MS`: the target on standard input.
pub fn serve(args: &[OsString]) -> i32 {
    let (Some(socket), Some(idle)) = (args.first(), args.get(1)) else {
        return 2;
    };
    let Some(idle_ms) = idle.to_str().and_then(|ms| ms.parse().ok()) else {
        return 2;
    };
    let mut spec = Vec::new();
    if std::io::stdin().read_to_end(&mut spec).is_err() {
        return 2;
    }
    let Ok(target) = serde_json::from_slice::<Target>(&spec) else {
        println!("refused\tthe target given is not readable");
        return 2;
    };
    kept::serve(
        Path::new(socket),
        Duration::from_millis(idle_ms),
        &target,
        std::io::stdout(),
    )
}

/// `tvdr disconnect`: closes the site's kept sessions.
pub fn disconnect(inventory: Option<&Path>, state_dir: Option<&Path>) -> Result<i32> {
    let inv = Inventory::load(&inventory::locate(inventory)?)?;
    let dir = crate::state::site_dir(state_dir, &inv.site).join("keep");
    let closed = kept::disconnect(&dir) + crate::transport::disconnect_openssh(&dir);
    eprintln!("{}", crate::t!("keep-disconnected", count = closed));
    Ok(crate::exit_code::OK)
}
