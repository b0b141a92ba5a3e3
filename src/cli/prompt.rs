//! Questions asked on a terminal before doing what the user may not mean (recording a likely
//! duplicate, deleting a record).

use anyhow::{Context, Result};
use std::io::{BufRead, IsTerminal, Write};

/// Asks `question [y/N]` on standard error and reads the answer from standard input:
/// `Some(true)` for y or yes, `Some(false)` for anything else (end of input too), `None`
/// when standard input is not a terminal and there is nobody to ask.
pub fn confirm(question: &str) -> Result<Option<bool>> {
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let mut err = std::io::stderr().lock();
    write!(err, "{question} [y/N] ")
        .and_then(|()| err.flush())
        .context("cannot ask on the terminal")?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("cannot read the answer")?;
    Ok(Some(matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes"
    )))
}
