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
    // SAFETY: getpwuid returns null or a pointer to static storage, read at once here;
    // tvdr calls it from one thread only.
    unsafe {
        let entry = libc::getpwuid(libc::getuid());
        if entry.is_null() {
            return None;
        }
        let name = std::ffi::CStr::from_ptr((*entry).pw_name);
        name.to_str().ok().map(str::to_string)
    }
}
