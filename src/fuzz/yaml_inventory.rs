//! Inventory YAML (`tvdr.yaml`; the complete example, mutated): parsed and validated,
//! every problem an error with its place, never a panic.

use std::path::Path;

use super::corpus::corpus;
use super::mutate::text;
use super::props::properties;
use crate::inventory::Inventory;

corpus!(seeds, "examples/*.yaml");

fn exercise(input: &[u8]) {
    match Inventory::parse(Path::new("/site/tvdr.yaml"), &text(input)) {
        Ok(inventory) => {
            inventory.is_cluster();
        }
        Err(e) => {
            e.to_string();
        }
    }
}

properties!(128, seeds, exercise);
