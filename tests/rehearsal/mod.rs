//! Rehearsals: the shipped runbooks carried through end to end on the lab's TVox stand-in
//! (FT roles that move at reboots, real replication and sync, the updater and licence
//! stand-ins), and the failure rehearsals that must stop a run before it touches the wrong
//! node.

mod chain;
mod dr;
mod report;
mod rollback;
mod tvox;
mod upgrade;
