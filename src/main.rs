//! The `tvdr` binary: parse the command line, run it, turn the outcome into an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = match tvdr::run(std::env::args_os()) {
        Ok(code) => code,
        Err(err) => {
            let code = tvdr::exit_code::for_error(&err);
            let message = if code == tvdr::exit_code::INTERRUPTED {
                "interrupted".to_string()
            } else {
                format!("{err:#}")
            };
            if !message.is_empty() {
                eprintln!("error: {message}");
            }
            code
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}
