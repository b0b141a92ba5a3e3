//! The recording SMTP sink started by `scripts/test.d/20-smtp.sh` (scripts/smtp_sink.py):
//! where it listens, and what it received, per recipient.

use crate::harness::Env;
pub use crate::harness::{message_to, show};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub struct Sink {
    pub port: u16,
    pub starttls_port: u16,
    pub smtps_port: u16,
    pub small_port: u16,
    pub spool: PathBuf,
    pub ca: PathBuf,
    pub user: String,
    pub password: String,
}

#[track_caller]
fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: the send tests need the SMTP sink that ./scripts/test starts; \
             run them with ./scripts/test"
        )
    })
}

#[track_caller]
fn port(name: &str) -> u16 {
    var(name).parse().expect("a port number")
}

/// The running sink; fails the test (never skips it) when ./scripts/test did not start one.
#[track_caller]
pub fn sink() -> Sink {
    Sink {
        port: port("BOWOUT_TEST_SMTP_PORT"),
        starttls_port: port("BOWOUT_TEST_SMTP_STARTTLS_PORT"),
        smtps_port: port("BOWOUT_TEST_SMTPS_PORT"),
        small_port: port("BOWOUT_TEST_SMTP_SMALL_PORT"),
        spool: PathBuf::from(var("BOWOUT_TEST_SMTP_SPOOL")),
        ca: PathBuf::from(var("BOWOUT_TEST_SMTP_CA")),
        user: var("BOWOUT_TEST_SMTP_USER"),
        password: var("BOWOUT_TEST_SMTP_PASSWORD"),
    }
}

/// A tag unique to this test, for recipient addresses that no other test uses.
pub fn tag() -> String {
    format!("t{}", crate::harness::unique_suffix().replace('_', "x"))
}

/// One message as the server stored it, with its envelope.
pub struct Delivery {
    pub bytes: Vec<u8>,
    pub meta: Value,
}

impl Delivery {
    pub fn text(&self) -> String {
        String::from_utf8(self.bytes.clone()).expect("the wire form is ASCII")
    }

    /// Values of header `name` (unfolded), in order.
    pub fn header(&self, name: &str) -> Vec<String> {
        headers(&self.text())
            .into_iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
            .collect()
    }
}

/// The header fields of a message, continuation lines unfolded.
pub fn headers(msg: &str) -> Vec<(String, String)> {
    let head = msg.split("\r\n\r\n").next().unwrap_or("");
    let mut out: Vec<(String, String)> = Vec::new();
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            out.push((k.to_string(), v.trim().to_string()));
        }
    }
    out
}

impl Sink {
    fn folder(&self, address: &str) -> PathBuf {
        self.spool.join(address.to_ascii_lowercase())
    }

    /// Everything delivered to `address`, oldest first.
    pub fn deliveries(&self, address: &str) -> Vec<Delivery> {
        let Ok(dir) = std::fs::read_dir(self.folder(address)) else {
            return Vec::new();
        };
        let mut emls: Vec<PathBuf> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "eml"))
            .collect();
        emls.sort();
        emls.iter()
            .map(|p| Delivery {
                bytes: std::fs::read(p).expect("read delivery"),
                meta: read_json(&p.with_extension("json")),
            })
            .collect()
    }

    pub fn count(&self, address: &str) -> usize {
        self.deliveries(address).len()
    }

    /// Waits until `address` has `n` deliveries; false after `limit`.
    pub fn wait_for(&self, address: &str, n: usize, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.count(address) >= n {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// A fresh home that sends through the plain listener, logging in.
    pub fn env(&self) -> Env {
        self.env_on(self.port, "none")
    }

    /// A fresh home that sends to 127.0.0.1:`port` with `security`, logging in.
    pub fn env_on(&self, port: u16, security: &str) -> Env {
        let mut env = Env::new();
        env.set("BOWOUT_SMTP_HOST", "127.0.0.1")
            .set("BOWOUT_SMTP_PORT", &port.to_string())
            .set("BOWOUT_SMTP_SECURITY", security)
            .set("BOWOUT_SMTP_USERNAME", &self.user)
            .set("BOWOUT_SMTP_PASSWORD", &self.password);
        env
    }
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("delivery metadata");
    serde_json::from_str(&text).expect("json")
}

/// Fresh recipient addresses at globex.example for these local parts, unique to the calling
/// test, so that no two tests count each other's deliveries.
pub fn addresses<const N: usize>(locals: [&str; N]) -> [String; N] {
    let t = tag();
    locals.map(|local| format!("{local}.{t}@globex.example"))
}

/// Ann Lee (primary) and Bo Chen (panel), and the invitation that names them.
pub struct AnnAndBo {
    pub ann: String,
    pub bo: String,
    pub id: String,
}

impl AnnAndBo {
    /// Records the invitation, undecided; Bo's address starts with `bo_local` (the sink
    /// refuses or hangs on some prefixes).
    pub fn invited(env: &Env, bo_local: &str) -> Self {
        let [ann, bo] = addresses(["ann", bo_local]);
        let id = invitation(
            env,
            &format!("Ann Lee <{ann}>"),
            &[&format!("Bo Chen <{bo}>")],
        );
        Self { ann, bo, id }
    }

    /// Records the invitation and declines it.
    pub fn declined(env: &Env, bo_local: &str) -> Self {
        let pair = Self::invited(env, bo_local);
        env.run(["decline", &pair.id]).ok();
        pair
    }
}

/// Records an invitation with Ann Lee alone, at a fresh address starting with `local`, and
/// declines it: (her address, the invitation's id).
pub fn declined_to_ann(env: &Env, local: &str) -> (String, String) {
    let [ann] = addresses([local]);
    let id = declined(env, &format!("Ann Lee <{ann}>"), &[]);
    (ann, id)
}

/// Records an invitation from Globex with these contacts (`Name <address>`), declines it,
/// and returns its id.
pub fn declined(env: &Env, primary: &str, others: &[&str]) -> String {
    let id = invitation(env, primary, others);
    env.run(["decline", &id]).ok();
    id
}

/// Records an invitation from Globex with these contacts; returns its id.
pub fn invitation(env: &Env, primary: &str, others: &[&str]) -> String {
    let mut args = vec![
        "--json",
        "add",
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

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
