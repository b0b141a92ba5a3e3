//! A test hook: stop at a named step, so that a test can kill bowout exactly there (SIGKILL)
//! or fill its disk before it goes on.
//!
//! It exists only in debug builds, the binary the integration tests run; in a release build
//! [`pause`] is empty. In a debug build it does nothing unless both variables are set:
//!
//! - `BOWOUT_TEST_PAUSE=STEP` (or `STEP#N`: the N-th time the step is reached), and
//! - `BOWOUT_TEST_PAUSE_FILE=PATH`.
//!
//! At that step bowout writes PATH (holding the step's name), waits while PATH exists (at
//! most ten minutes), then goes on. The steps are named where `pause` is called:
//! `send:built`, `send:copied`, `send:recorded`, `send:envelope`, `send:claimed`, `send:accepted`,
//! `send:settled`, `eml:built`, `eml:copied`, `eml:exported`, `import:scanned`, `import:recorded`,
//! `restore:file`, `restore:loaded`, `replies:recorded`, `sync:recorded`, `decline:composed`,
//! `letter:rendered`, `letter:written` and `export:dumped`.

/// Stops at `step` when the test hook asks for it (debug builds only).
#[inline]
pub fn pause(step: &str) {
    #[cfg(debug_assertions)]
    imp::pause(step);
    #[cfg(not(debug_assertions))]
    let _ = step;
}

#[cfg(debug_assertions)]
mod imp {
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::time::{Duration, Instant};

    /// How many times the chosen step was reached so far.
    static REACHED: AtomicU32 = AtomicU32::new(0);

    pub(super) fn pause(step: &str) {
        let (Ok(wanted), Ok(file)) = (
            std::env::var("BOWOUT_TEST_PAUSE"),
            std::env::var("BOWOUT_TEST_PAUSE_FILE"),
        ) else {
            return;
        };
        let (name, nth) = match wanted.split_once('#') {
            Some((name, n)) => (name, n.parse().unwrap_or(1)),
            None => (wanted.as_str(), 1),
        };
        if name != step || REACHED.fetch_add(1, Ordering::SeqCst) + 1 != nth {
            return;
        }
        let file = std::path::Path::new(&file);
        if crate::fsutil::write_atomic(file, step.as_bytes()).is_err() {
            return;
        }
        let start = Instant::now();
        while file.exists() && start.elapsed() < Duration::from_secs(600) {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}
