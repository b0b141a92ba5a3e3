//! Printing: text for people, one JSON document for scripts.

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
        writeln!(stdout, "{text}").context("cannot write to standard output")?;
        Ok(())
    }

    /// Prints text on stdout.
    pub fn text(&self, text: &str) -> Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| {
                if text.ends_with('\n') {
                    Ok(())
                } else {
                    stdout.write_all(b"\n")
                }
            })
            .context("cannot write to standard output")
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
