//! A fluent builder around the `bowout` binary: `env.run(["list"]).ok().json()`.

#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A fresh home directory and the environment every command in a test shares.
pub struct Env {
    pub dir: tempfile::TempDir,
    vars: Vec<(String, String)>,
}

impl Env {
    /// A new home with an identity configured and the clock pinned to a Friday noon UTC.
    pub fn new() -> Self {
        Self::in_dir(tempfile::tempdir().expect("tempdir"))
    }

    /// Like [`Env::new`], with the home in a new directory under `parent` (a small disk).
    pub fn new_in(parent: &Path) -> Self {
        Self::in_dir(tempfile::tempdir_in(parent).expect("tempdir"))
    }

    fn in_dir(dir: tempfile::TempDir) -> Self {
        let mut env = Self {
            dir,
            vars: Vec::new(),
        };
        env.set("BOWOUT_IDENTITY_NAME", "Dana Whitfield");
        env.set("BOWOUT_IDENTITY_EMAIL", "dana@example.net");
        env.set("BOWOUT_AGENDA_TIMEZONE", "UTC");
        env.set("BOWOUT_NOW", "2026-11-27T12:00:00Z");
        env
    }

    /// Like [`Env::new`], but storing in a fresh database on the test PostgreSQL server
    /// that `scripts/test` starts (its URL in `BOWOUT_TEST_POSTGRES_URL`).
    pub fn postgres() -> Self {
        let admin = std::env::var("BOWOUT_TEST_POSTGRES_URL").unwrap_or_else(|_| {
            panic!("BOWOUT_TEST_POSTGRES_URL is not set: run the tests with ./scripts/test, which starts PostgreSQL")
        });
        let name = format!("bowout_test_{}", unique_suffix());
        let status = std::process::Command::new("psql")
            .args([
                admin.as_str(),
                "-q",
                "-c",
                &format!("CREATE DATABASE {name}"),
            ])
            .status()
            .expect("run psql");
        assert!(status.success(), "cannot create database {name}");
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let mut env = Self::new();
        env.set("BOWOUT_DATABASE_URL", &format!("{base}/{name}"));
        env
    }

    pub fn set(&mut self, key: &str, value: &str) -> &mut Self {
        self.vars.retain(|(k, _)| k != key);
        self.vars.push((key.to_string(), value.to_string()));
        self
    }

    /// The value this environment gives `key`.
    pub fn var(&self, key: &str) -> Option<String> {
        self.vars
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    }

    pub fn unset(&mut self, key: &str) -> &mut Self {
        self.vars.retain(|(k, _)| k != key);
        self
    }

    /// `bowout --home <home>` with this environment, not yet started: for tests that run
    /// bowout in the background (and kill it).
    pub fn command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_bowout"));
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .arg("--home")
            .arg(self.home());
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        cmd
    }

    pub fn home(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Runs `bowout --home <home> ARGS…`.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        self.run_with_stdin(args, "")
    }

    pub fn run_with_stdin<I, S>(&self, args: I, stdin: &str) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = Command::cargo_bin("bowout").expect("binary");
        cmd.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .arg("--home")
            .arg(self.home());
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        let output = cmd
            .args(args)
            .write_stdin(stdin.to_string())
            .output()
            .expect("run bowout");
        Run { output }
    }

    /// `referral add` for Sam Park (phone +1 555 0177, permission given on a phone call) at
    /// `email`; returns the referral's id.
    pub fn add_referral(&self, email: &str) -> String {
        self.run([
            "--json",
            "referral",
            "add",
            "--name",
            "Sam Park",
            "--email",
            email,
            "--phone",
            "+1 555 0177",
            "--permission",
            "2026-11-20 phone call",
        ])
        .ok()
        .json()["id"]
            .as_str()
            .expect("referral id")
            .to_string()
    }

    /// `add` with sensible defaults and extra arguments; returns the new id. Each call
    /// records a new invitation, even for the same requisition (`--allow-duplicate`).
    pub fn add(&self, extra: &[&str]) -> String {
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
            "--round",
            "1",
            "--primary",
            "Ann Lee <ann@globex.example>",
        ];
        args.extend_from_slice(extra);
        self.run(args).ok().json()["id"]
            .as_str()
            .expect("id")
            .to_string()
    }

    /// The whole store as JSON, for "nothing changed" checks.
    pub fn snapshot(&self) -> Value {
        let out = self.path("snapshot.json");
        self.run(["export", "--out", out.to_str().expect("utf-8 path")])
            .ok();
        let text = std::fs::read_to_string(&out).expect("snapshot");
        std::fs::remove_file(&out).ok();
        serde_json::from_str(&text).expect("json")
    }
}

/// `show --json` for the invitation.
pub fn show(env: &Env, id: &str) -> Value {
    env.run(["--json", "show", id]).ok().json()
}

/// The stored message to `email` in a `show --json` document.
pub fn message_to<'a>(shown: &'a Value, email: &str) -> &'a Value {
    shown["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .find(|m| m["to"]["email"] == email)
        .unwrap_or_else(|| panic!("no message to {email}: {shown}"))
}

/// A suffix unique across the tests of this run and across runs.
pub fn unique_suffix() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{}_{}_{}",
        std::process::id(),
        nanos,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// The finished process.
pub struct Run {
    pub output: std::process::Output,
}

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }

    pub fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }

    /// Asserts success and returns self.
    #[track_caller]
    pub fn ok(self) -> Self {
        assert!(
            self.output.status.success(),
            "expected success, got {}\nstdout: {}\nstderr: {}",
            self.code(),
            self.stdout(),
            self.stderr()
        );
        self
    }

    /// Asserts that the run ended with exit status `code`, whatever it printed (as `lint`
    /// does: its findings are its output, with no message on stderr).
    #[track_caller]
    pub fn exits(self, code: i32) -> Self {
        assert_eq!(
            self.code(),
            code,
            "expected exit status {code}\nstdout: {}\nstderr: {}",
            self.stdout(),
            self.stderr()
        );
        self
    }

    /// Asserts that the run ended with exit status `code` (see `src/exit.rs`: 1 failure,
    /// 2 usage error, 3 something skipped) and a one-line message on stderr containing
    /// `needle`.
    #[track_caller]
    pub fn fails_with(self, code: i32, needle: &str) -> Self {
        let err = self.stderr();
        assert_eq!(
            self.code(),
            code,
            "expected exit status {code}\nstdout: {}\nstderr: {err}",
            self.stdout()
        );
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "stderr must be one line: {err:?}"
        );
        assert!(
            err.to_lowercase().contains(&needle.to_lowercase()),
            "stderr {err:?} should mention {needle:?}"
        );
        self
    }

    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.output.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", self.stdout()))
    }
}
