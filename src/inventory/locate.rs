//! Finding the inventory: `--inventory`, then `TVDR_INVENTORY`, then `./tvdr.yaml`.

use std::path::{Path, PathBuf};

use super::InventoryError;

/// The inventory path to use. `explicit` is the `--inventory` flag, which clap already
/// fills from `TVDR_INVENTORY` when the flag is absent.
pub fn locate(explicit: Option<&Path>) -> Result<PathBuf, InventoryError> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    let default = PathBuf::from("tvdr.yaml");
    if default.exists() {
        Ok(default)
    } else {
        Err(InventoryError::NotFound)
    }
}
