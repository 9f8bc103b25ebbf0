//! What the technician asked of a run on the command line (`tvdr runbook ID …`).

pub struct RunOptions {
    pub from: Option<String>,
    pub only: Option<String>,
    pub rollback: bool,
    pub break_lock: Option<String>,
    /// Take over the open run found on the cluster (another laptop's).
    pub take_over: bool,
    /// `--abandon REASON`: close the open run instead of resuming it.
    pub abandon: Option<String>,
    /// `--new`: start a new run (refused while one is open and not abandoned).
    pub new: bool,
}
