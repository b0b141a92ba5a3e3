//! Running `token_command` and `refresh_token_command`: without a shell (words split as
//! `password_command`'s are), standard input given or closed, bounded in time and output.

use crate::mail::password::words::split_words;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::AsyncWriteExt;

const LIMIT: Duration = Duration::from_secs(120);
const MAX_OUTPUT: usize = 64 * 1024;

/// Runs `command` with `arg` appended, writing `input` to its standard input; its standard
/// output. The error says why in words for "{key} …".
pub async fn run(
    command: &str,
    arg: Option<&str>,
    input: Option<&[u8]>,
) -> Result<Vec<u8>, String> {
    let words = split_words(command).map_err(str::to_string)?;
    let Some((program, args)) = words.split_first() else {
        return Err("is empty".into());
    };
    let mut child = tokio::process::Command::new(program)
        .args(args)
        .args(arg)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .map_err(|e| format!("{program:?} cannot be run: {e}"))?;
    if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
        // A command that exits without reading says so by its status, below.
        let _ = stdin.write_all(bytes).await;
        drop(stdin);
    }
    let output = tokio::time::timeout(LIMIT, child.wait_with_output())
        .await
        .map_err(|_| format!("{program:?} did not finish in 2 minutes"))?
        .map_err(|e| format!("{program:?} failed: {e}"))?;
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr);
        let first = why.lines().next().unwrap_or("").trim();
        return Err(format!(
            "{program:?} failed ({}){}",
            output.status,
            if first.is_empty() {
                String::new()
            } else {
                format!(": {first}")
            }
        ));
    }
    if output.stdout.len() > MAX_OUTPUT {
        return Err(format!("{program:?} printed more than 64 KB"));
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn input_reaches_the_command_and_failures_are_named() {
        let out = super::run("tr a-z A-Z", None, Some(b"abc"))
            .await
            .expect("runs");
        assert_eq!(out, b"ABC");
        let out = super::run("echo get", Some("me"), None)
            .await
            .expect("runs");
        assert_eq!(out, b"get me\n");
        let err = super::run("false", None, None).await.expect_err("fails");
        assert!(err.contains("\"false\" failed"), "{err}");
        assert!(super::run("'open", None, None).await.is_err());
    }
}
