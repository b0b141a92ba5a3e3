//! Faults the machine throws at bowout, each injected through the binary: a full disk, a
//! SIGKILL in the middle of the work, a connection dropped by a mail server, a power loss,
//! a damaged store. Afterwards nothing may be lost, nothing done twice, and nothing recorded
//! that did not happen.
//!
//! Precise points come from the test hook of debug builds (`src/testhook.rs`): bowout stops
//! at a named step until the test has killed it, or filled its disk and let it go on. The
//! small disks are tmpfs file systems that `scripts/test.d/60-disks.sh` mounts.

mod corrupt;
mod disk;
mod kill;
mod network;
mod power;
mod proxy;

use crate::harness::{Env, Run};
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// A bowout started in the background that stops at a step of the test hook.
pub struct Paused {
    child: Child,
    file: PathBuf,
    _dir: tempfile::TempDir,
    step: String,
}

impl Paused {
    /// Starts `bowout ARGS…` in `env`, to stop at `step` (`name` or `name#N`) and wait.
    pub fn start(env: &Env, args: &[&str], step: &str) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("paused");
        let child = env
            .command()
            .args(args)
            .env("BOWOUT_TEST_PAUSE", step)
            .env("BOWOUT_TEST_PAUSE_FILE", &file)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start bowout");
        let mut paused = Self {
            child,
            file,
            _dir: dir,
            step: step.to_string(),
        };
        paused.reached();
        paused
    }

    /// Waits until bowout stands at the step; fails the test if it ends first.
    fn reached(&mut self) {
        let start = Instant::now();
        while !self.file.exists() {
            if let Ok(Some(_)) = self.child.try_wait() {
                let out = self.output();
                panic!(
                    "bowout ended before reaching {}: {}\nstdout: {}\nstderr: {}",
                    self.step,
                    out.output.status,
                    out.stdout(),
                    out.stderr()
                );
            }
            assert!(
                start.elapsed() < Duration::from_secs(120),
                "bowout never reached {}",
                self.step
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Kills bowout where it stands (SIGKILL) and checks that it was killed, not finished.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        let status = self.child.wait().expect("wait");
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            status.signal(),
            Some(9),
            "killed at {}: {status:?}",
            self.step
        );
    }

    /// Lets bowout go on from the step, and waits for it to end.
    pub fn resume(mut self) -> Run {
        std::fs::remove_file(&self.file).expect("resume");
        self.output()
    }

    fn output(&mut self) -> Run {
        let mut out = String::new();
        let mut err = String::new();
        use std::io::Read;
        if let Some(mut o) = self.child.stdout.take() {
            o.read_to_string(&mut out).expect("stdout");
        }
        if let Some(mut e) = self.child.stderr.take() {
            e.read_to_string(&mut err).expect("stderr");
        }
        let status = self.child.wait().expect("wait");
        Run {
            output: std::process::Output {
                status,
                stdout: out.into_bytes(),
                stderr: err.into_bytes(),
            },
        }
    }
}

/// A small disk of its own (an 8 MB tmpfs), emptied for the test that claims it.
pub struct Disk {
    pub root: PathBuf,
}

impl Disk {
    /// Disk `n` of those `scripts/test.d/60-disks.sh` mounts (one per test).
    pub fn claim(n: u8) -> Self {
        let dir = std::env::var("BOWOUT_TEST_DISKS").unwrap_or_else(|_| {
            panic!(
                "BOWOUT_TEST_DISKS is not set: run the tests with ./scripts/test, which mounts \
                 the small disks"
            )
        });
        let root = Path::new(&dir).join(format!("disk{n}"));
        for entry in std::fs::read_dir(&root).expect("the disk is mounted") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                std::fs::remove_dir_all(&path).expect("empty the disk");
            } else {
                std::fs::remove_file(&path).expect("empty the disk");
            }
        }
        Self { root }
    }

    /// A fresh home on this disk.
    pub fn env(&self) -> Env {
        Env::new_in(&self.root)
    }

    /// Fills the disk to the brim: a file grows until not one more byte fits.
    pub fn fill(&self) {
        let mut f = std::fs::File::create(self.root.join("filler")).expect("filler");
        for size in [1 << 16, 1 << 12, 1] {
            let block = vec![0u8; size];
            loop {
                match f.write_all(&block) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
                    Err(e) => panic!("filling the disk: {e}"),
                }
            }
        }
        let one_more = self.root.join("one-more");
        let written = std::fs::write(&one_more, b"x");
        std::fs::remove_file(&one_more).ok();
        assert!(written.is_err(), "the disk is full");
    }

    /// Frees the space the filler took.
    pub fn free(&self) {
        std::fs::remove_file(self.root.join("filler")).expect("free the disk");
    }
}

/// The files under `dir`, relative and sorted, with their bytes; SQLite's own `-wal` and
/// `-shm` files, which it recreates on its own, are left out.
pub fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).expect("dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
                continue;
            }
            let name = path
                .strip_prefix(root)
                .expect("under root")
                .to_string_lossy()
                .into_owned();
            if name.ends_with("-wal") || name.ends_with("-shm") || name.ends_with(".send.lock") {
                continue;
            }
            out.push((name, std::fs::read(&path).expect("read")));
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The names of [`files`], for messages.
pub fn names(files: &[(String, Vec<u8>)]) -> Vec<&str> {
    files.iter().map(|(n, _)| n.as_str()).collect()
}

/// The whole store as `export` writes it, to a file outside the home.
pub fn dump(env: &Env) -> Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("dump.json");
    env.run(["export", "--out", out.to_str().expect("utf-8")])
        .ok();
    serde_json::from_slice(&std::fs::read(&out).expect("dump")).expect("json")
}

/// The rows of `table` in a dump.
pub fn rows<'a>(dump: &'a Value, table: &str) -> &'a [Value] {
    dump[table].as_array().map_or(&[], Vec::as_slice)
}

/// `list` and `verify` both work after a fault.
#[track_caller]
pub fn store_works(env: &Env) {
    env.run(["list"]).ok();
    env.run(["verify"]).ok();
}

/// Records an invitation from Globex (Data Analyst, Req #4471) to `primary` and `others`
/// (`Name <address>`), even when one like it is recorded, and declines it; returns its id.
pub fn declined(env: &Env, primary: &str, others: &[&str]) -> String {
    let id = invited(env, primary, others);
    env.run(["decline", &id]).ok();
    id
}

/// Like [`declined`], undecided.
pub fn invited(env: &Env, primary: &str, others: &[&str]) -> String {
    let mut args = vec![
        "--json",
        "add",
        "--allow-duplicate",
        "--employer",
        "Globex",
        "--title",
        "Data Analyst",
        "--req",
        "Req #4471",
        "--primary",
        primary,
    ];
    for o in others {
        args.extend(["--other", o, "--other-role", "panel"]);
    }
    env.run(args).ok().json()["id"]
        .as_str()
        .expect("id")
        .to_string()
}

/// For the report: one line per fault, printed with `--nocapture`.
pub fn tally(fault: &str, runs: usize, lost_or_twice: usize, message: &str) {
    eprintln!(
        "faults: {fault}: {runs} run(s), {lost_or_twice} with anything lost or duplicated; user saw: {message}"
    );
}
