//! Who is at the keyboard, for journals, reports and snapshot records: one answer for
//! every subcommand.

/// Who is at the keyboard, for the record: `--operator`/`TVDR_OPERATOR`, else the login.
pub fn operator(explicit: Option<&str>) -> String {
    let given = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    given(explicit.map(str::to_string))
        .or_else(|| given(std::env::var("USER").ok()))
        .or_else(|| given(std::env::var("LOGNAME").ok()))
        .or_else(login_name)
        .unwrap_or_else(|| "unknown".to_string())
}

/// The user name of this process's uid (cron and `sudo -i` may leave `USER` unset).
fn login_name() -> Option<String> {
    use nix::unistd::{Uid, User};
    User::from_uid(Uid::current())
        .ok()
        .flatten()
        .map(|user| user.name)
}
