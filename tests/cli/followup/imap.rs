//! `bowout replies --imap` against the real Dovecot that ./scripts/test starts
//! (scripts/test.d/30-imap.sh). Each test has its own user, so they run in parallel; the
//! tests deliver mail by writing into the user's Maildir, as a local delivery agent would.

use super::{SUBJECT, auto_notes, events, message_to, outcomes, reply, sent_decline, show};
use crate::harness::{Env, Run};
use std::path::PathBuf;

/// One test user on the test server.
pub(crate) struct Mailbox {
    pub(crate) user: String,
    pub(crate) password: String,
    port: String,
    maildir: PathBuf,
    owner: (u32, u32),
}

pub(crate) fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the tests with ./scripts/test, which starts Dovecot")
    })
}

impl Mailbox {
    pub(crate) fn new(n: u8) -> Self {
        let owner = var("BOWOUT_TEST_IMAP_OWNER");
        let (uid, gid) = owner.split_once(':').expect("uid:gid");
        let mailbox = Self {
            user: format!("imap{n}@example.test"),
            password: var("BOWOUT_TEST_IMAP_PASSWORD"),
            port: var("BOWOUT_TEST_IMAP_PORT"),
            maildir: PathBuf::from(var("BOWOUT_TEST_IMAP_MAILDIRS"))
                .join(format!("imap{n}/Maildir")),
            owner: (uid.parse().expect("uid"), gid.parse().expect("gid")),
        };
        mailbox.empty();
        mailbox
    }

    /// Removes what an earlier run against the same server left (the user is this test's).
    fn empty(&self) {
        let Ok(entries) = std::fs::read_dir(&self.maildir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            match path.file_name().and_then(|n| n.to_str()) {
                Some("cur" | "new" | "tmp") => {
                    for f in std::fs::read_dir(&path).expect("dir") {
                        std::fs::remove_file(f.expect("entry").path()).expect("remove");
                    }
                }
                _ if path.is_dir() => std::fs::remove_dir_all(&path).expect("remove"),
                _ => std::fs::remove_file(&path).expect("remove"),
            }
        }
    }

    /// An environment whose `[imap]` points at this user's INBOX.
    pub(crate) fn env(&self) -> Env {
        let mut env = super::env();
        env.set("BOWOUT_IMAP_HOST", "127.0.0.1")
            .set("BOWOUT_IMAP_PORT", &self.port)
            .set("BOWOUT_IMAP_SECURITY", "none")
            .set("BOWOUT_IMAP_USERNAME", &self.user)
            .set("BOWOUT_IMAP_PASSWORD", &self.password);
        env
    }

    /// The Maildir directory of `folder` (None: INBOX), created owned by the mail user.
    pub(crate) fn folder(&self, folder: Option<&str>) -> PathBuf {
        let dir = match folder {
            None => self.maildir.clone(),
            Some(f) => self.maildir.join(format!(".{f}")),
        };
        for sub in ["", "cur", "new", "tmp"] {
            let d = dir.join(sub);
            if !d.exists() {
                std::fs::create_dir_all(&d).expect("mkdir");
                std::os::unix::fs::chown(&d, Some(self.owner.0), Some(self.owner.1))
                    .expect("chown");
            }
        }
        dir
    }

    /// Delivers a message: written in tmp/, renamed into new/, dated Monday morning.
    pub(crate) fn deliver(&self, folder: Option<&str>, name: &str, text: &str) {
        self.deliver_at(folder, name, text.as_bytes(), super::MONDAY_9_UNIX);
    }

    /// Delivers a message received at `unix` (the date IMAP searches by).
    pub(crate) fn deliver_at(&self, folder: Option<&str>, name: &str, text: &[u8], unix: i64) {
        let dir = self.folder(folder);
        let tmp = dir.join("tmp").join(name);
        std::fs::write(&tmp, text).expect("write");
        let received = std::time::UNIX_EPOCH + std::time::Duration::from_secs(unix as u64);
        std::fs::File::options()
            .write(true)
            .open(&tmp)
            .and_then(|f| f.set_modified(received))
            .expect("mtime");
        std::os::unix::fs::chown(&tmp, Some(self.owner.0), Some(self.owner.1)).expect("chown");
        std::fs::rename(&tmp, dir.join("new").join(name)).expect("deliver");
    }

    /// Forgets the UIDs Dovecot gave out: the next session sees a new UIDVALIDITY.
    pub(crate) fn reset_uids(&self, folder: Option<&str>) {
        let dir = self.folder(folder);
        for entry in std::fs::read_dir(&dir).expect("dir") {
            let path = entry.expect("entry").path();
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            if name == "dovecot-uidlist" || name.starts_with("dovecot.index") {
                std::fs::remove_file(&path).expect("remove");
            }
        }
    }
}

fn sync(env: &Env) -> serde_json::Value {
    env.run(["--json", "replies", "--imap"]).ok().json()
}

pub(super) fn ann_reply(env: &Env, id: &str) -> String {
    let shown = show(env, id);
    let mid = message_to(&shown, "ann@globex.example")["message_id"]
        .as_str()
        .expect("id")
        .to_string();
    reply(
        "Ann Lee <ann@globex.example>",
        &format!("Re: {SUBJECT}"),
        &format!("ann.{id}@globex.example"),
        &[&format!("In-Reply-To: {mid}")],
    )
}

fn bo_reply(id: &str, automatic: bool) -> String {
    let (subject, extra): (String, &[&str]) = if automatic {
        (format!("Out of Office: {SUBJECT}"), &["X-Autoreply: yes"])
    } else {
        (format!("AW: {SUBJECT}"), &[])
    };
    let tag = if automatic { "ooo" } else { "bo" };
    reply(
        "Bo Chen <bo@globex.example>",
        &subject,
        &format!("{tag}.{id}@globex.example"),
        extra,
    )
}

#[test]
fn each_sync_reads_only_new_mail() {
    let mb = Mailbox::new(1);
    let env = mb.env();
    let id = sent_decline(&env);
    mb.deliver(None, "1.ann", &ann_reply(&env, &id));
    let other = reply("news@shop.example", "Deals", "deals@shop.example", &[]);
    mb.deliver(None, "2.news", &other);

    let first = sync(&env);
    assert_eq!(first["read"], 2, "{first}");
    assert_eq!(outcomes(&first), ["acknowledged", "unmatched"]);
    assert!(first["imap"]["last_uid"].as_u64().expect("uid") >= 2);
    let shown = show(&env, &id);
    assert_eq!(
        message_to(&shown, "ann@globex.example")["acknowledged_at"],
        super::MONDAY_9_RFC3339
    );
    assert_eq!(shown["status"], "sent");

    let second = sync(&env);
    assert_eq!(second["read"], 0, "nothing old is read again: {second}");
    assert_eq!(second["imap"]["last_uid"], first["imap"]["last_uid"]);

    mb.deliver(None, "3.bo", &bo_reply(&id, false));
    let third = sync(&env);
    assert_eq!(outcomes(&third), ["acknowledged"], "{third}");
    assert_eq!(show(&env, &id)["status"], "acknowledged");
    let text = env.run(["replies", "--imap"]).ok().stdout();
    assert!(text.contains("0 message(s) read"), "{text}");
}

#[test]
fn a_login_failure_is_one_clear_line_and_records_nothing() {
    let mb = Mailbox::new(2);
    let mut env = mb.env();
    sent_decline(&env);
    let before = env.snapshot();
    env.set("BOWOUT_IMAP_PASSWORD", "wrong-password-for-test");
    let run: Run = env
        .run(["replies", "--imap"])
        .fails_with(1, "IMAP login to 127.0.0.1");
    assert!(run.stderr().contains(&mb.user), "{}", run.stderr());
    assert!(
        !run.stderr().contains("wrong-password-for-test"),
        "no secret in errors"
    );
    assert_eq!(env.snapshot(), before);

    // The password can come from a password_command instead of the environment.
    let file = env.path("imap-password");
    std::fs::write(&file, format!("{}\n", mb.password)).expect("write");
    env.unset("BOWOUT_IMAP_PASSWORD").set(
        "BOWOUT_IMAP_PASSWORD_COMMAND",
        &format!("cat {}", file.display()),
    );
    assert_eq!(sync(&env)["read"], 0);
}

#[test]
fn a_vanished_mailbox_is_named_and_the_mark_is_kept() {
    let mb = Mailbox::new(3);
    let mut env = mb.env();
    env.set("BOWOUT_IMAP_MAILBOX", "Replies");
    let id = sent_decline(&env);
    mb.deliver(Some("Replies"), "1.ann", &ann_reply(&env, &id));
    assert_eq!(outcomes(&sync(&env)), ["acknowledged"]);
    let before = env.snapshot();
    std::fs::remove_dir_all(mb.folder(Some("Replies"))).expect("delete the folder");
    env.run(["replies", "--imap"])
        .fails_with(1, "mailbox \"Replies\" is not on 127.0.0.1");
    assert_eq!(
        env.snapshot(),
        before,
        "the high-water mark and replies stay"
    );
}

#[test]
fn a_uidvalidity_change_resyncs_without_duplicates() {
    let mb = Mailbox::new(4);
    let env = mb.env();
    let id = sent_decline(&env);
    mb.deliver(None, "1.ann", &ann_reply(&env, &id));
    mb.deliver(None, "2.ooo", &bo_reply(&id, true));
    let first = sync(&env);
    assert_eq!(outcomes(&first), ["acknowledged", "auto-reply"]);
    let validity = first["imap"]["uid_validity"].clone();

    mb.reset_uids(None);
    mb.deliver(None, "3.bo", &bo_reply(&id, false));
    let again = sync(&env);
    assert_ne!(
        again["imap"]["uid_validity"], validity,
        "Dovecot gave a new UIDVALIDITY"
    );
    assert_eq!(again["imap"]["uid_validity_was"], validity);
    assert_eq!(
        outcomes(&again),
        ["already-seen", "already-seen", "acknowledged"],
        "{again}"
    );
    let shown = show(&env, &id);
    assert_eq!(events(&shown, "acknowledged"), 2, "no duplicate receipts");
    assert_eq!(auto_notes(&shown), 1, "the auto-reply noted once");
    assert_eq!(shown["status"], "acknowledged");
    let text = env.run(["replies", "--imap"]).ok().stdout();
    assert!(
        !text.contains("UIDVALIDITY of INBOX changed"),
        "only once: {text}"
    );
}

#[test]
fn settings_are_checked_before_anything_is_sent() {
    let mb = Mailbox::new(5);
    let mut env = mb.env();
    env.set("BOWOUT_IMAP_SECURITY", "tls");
    env.run(["replies", "--imap"])
        .fails_with(1, "TLS with IMAP server 127.0.0.1 failed");
    env.set("BOWOUT_IMAP_SECURITY", "none")
        .set("BOWOUT_IMAP_HOST", "imap.example.net");
    env.run(["replies", "--imap"])
        .fails_with(1, "only for a loopback host");
    env.set("BOWOUT_IMAP_SECURITY", "plaintext");
    env.run(["replies", "--imap"])
        .fails_with(1, "is not one of");
    env.unset("BOWOUT_IMAP_HOST");
    env.run(["replies", "--imap"])
        .fails_with(1, "no [imap] host");
}

#[test]
fn tls_and_starttls_verify_the_server_against_ca_file() {
    let mb = Mailbox::new(6);
    let mut env = mb.env();
    let id = sent_decline(&env);
    mb.deliver(None, "1.ann", &ann_reply(&env, &id));
    let ca = var("BOWOUT_TEST_IMAP_CA");

    // Implicit TLS with the server's own CA trusted through ca_file.
    env.set("BOWOUT_IMAP_SECURITY", "tls")
        .set("BOWOUT_IMAP_PORT", &var("BOWOUT_TEST_IMAPS_PORT"))
        .set("BOWOUT_IMAP_CA_FILE", &ca);
    assert_eq!(outcomes(&sync(&env)), ["acknowledged"]);

    // STARTTLS on the plain port reads on from the same mark.
    mb.deliver(None, "2.bo", &bo_reply(&id, false));
    env.set("BOWOUT_IMAP_SECURITY", "starttls")
        .set("BOWOUT_IMAP_PORT", &mb.port);
    assert_eq!(outcomes(&sync(&env)), ["acknowledged"]);

    // Without the CA the certificate is not trusted, and nothing is read.
    env.unset("BOWOUT_IMAP_CA_FILE");
    let before = env.snapshot();
    env.run(["replies", "--imap"])
        .fails_with(1, "TLS with IMAP server 127.0.0.1 failed");
    env.set("BOWOUT_IMAP_SECURITY", "tls")
        .set("BOWOUT_IMAP_PORT", &var("BOWOUT_TEST_IMAPS_PORT"));
    env.run(["replies", "--imap"]).fails_with(1, "certificate");
    env.set("BOWOUT_IMAP_CA_FILE", "/nonexistent/ca.pem");
    env.run(["replies", "--imap"])
        .fails_with(1, "cannot read ca_file");
    assert_eq!(env.snapshot(), before);
}
