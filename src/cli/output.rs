//! Printing: text for people, one JSON document for scripts.
//!
//! Every write to standard output reports its error as [`StdoutError`], so that a closed
//! pipe (`bowout list | head -1`) ends the run quietly with status 0 (see [`crate::exit`]).

use crate::exit::StdoutError;
use anyhow::{Context, Result};
use serde::Serialize;
use std::io::Write;

pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints `value` as pretty JSON on stdout.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let text = serde_json::to_string_pretty(value).context("cannot serialise output")?;
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{text}").map_err(StdoutError)?;
        Ok(())
    }

    /// Prints text on stdout.
    pub fn text(&self, text: &str) -> Result<()> {
        write_stdout(text.as_bytes())?;
        if !text.ends_with('\n') {
            write_stdout(b"\n")?;
        }
        Ok(())
    }

    /// JSON when asked for, text otherwise.
    pub fn either<T: Serialize + ?Sized>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> Result<()> {
        if self.json {
            self.json(value)
        } else {
            self.text(&text())
        }
    }
}

/// Writes `bytes` to standard output and flushes them.
pub fn write_stdout(bytes: &[u8]) -> Result<(), StdoutError> {
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(bytes)
        .and_then(|()| stdout.flush())
        .map_err(StdoutError)
}
