//! The progress bar: MB/s and messages/s on a terminal, nothing at all on a pipe.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::Instant;

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    /// A bar over `total` bytes when `wanted` and standard error is a terminal.
    pub fn new(wanted: bool, total: u64) -> Self {
        let bar = (wanted && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg} ({eta})",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Self {
            bar,
            started: Instant::now(),
        }
    }

    pub fn advance(&self, bytes: u64, messages: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            let secs = self.started.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!(
                "{messages} msgs, {:.0} msgs/s",
                messages as f64 / secs
            ));
        }
    }

    /// Prints a line above the bar (or plainly on standard error when there is no bar).
    pub fn line(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => eprintln!("{text}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
