//! The `bowout` binary: parses the command line, runs it, prints the error chain on one line
//! and exits with the status [`bowout::exit`] chooses.

use bowout::cli;
use bowout::exit::Status;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::Cli::parse_args() {
        Ok(cli) => cli,
        Err(status) => return status.into(),
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("bowout: error: cannot start the async runtime: {e}");
            return Status::Failure.into();
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(status) => status.into(),
        Err(err) => {
            let status = Status::of_error(&err);
            // A closed standard output ends the run quietly: the reader had what it wanted.
            if status != Status::Success {
                eprintln!("bowout: error: {}", one_line(&err));
            }
            status.into()
        }
    }
}

/// The error and its causes on one line, each cause once (a cause often repeats its
/// source's message, and the user should read it only once).
fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string().replace(['\r', '\n'], " ");
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}
