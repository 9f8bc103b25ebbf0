//! Verdict tests for `fs-sync` on real `du` output and real `find` manifests (generated
//! on a fake sync tree, see `fixtures/README.md`), snapshotted so reviewers see changes.

mod exact;
mod sizes;
