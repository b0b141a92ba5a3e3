//! A full disk: the home on a small tmpfs, filled to the brim before a command starts or
//! while it works (stopped at a step by the test hook). Each command fails with one line
//! naming the disk and what was not done, leaves no partial file and no row saying that
//! something happened that did not, and once space is freed the same command succeeds.

use super::{Disk, Paused, declined, dump, files, invited, names, rows, store_works, tally};
use crate::followup::{SUBJECT, reply};
use crate::harness::{Env, message_to, show};
use crate::send::sink::{Sink, addresses, sink};
use std::path::Path;

/// `env` sends through the sink's plain listener, logging in.
fn smtp(env: &mut Env, sink: &Sink) {
    env.set("BOWOUT_SMTP_HOST", "127.0.0.1")
        .set("BOWOUT_SMTP_PORT", &sink.port.to_string())
        .set("BOWOUT_SMTP_SECURITY", "none")
        .set("BOWOUT_SMTP_USERNAME", &sink.user)
        .set("BOWOUT_SMTP_PASSWORD", &sink.password);
}

/// A home on `disk` that sends through the sink and can sign letters.
fn home_on(disk: &Disk, sink: &Sink) -> Env {
    let mut env = disk.env();
    smtp(&mut env, sink);
    env.set(
        "BOWOUT_IDENTITY_ADDRESS",
        "1 Main St\nSpringfield, IL 62701",
    );
    env
}

/// Asserts the one-line message of a command the full disk stopped: it names the disk and
/// says what was not done.
#[track_caller]
fn says_disk_full(run: crate::harness::Run, disk: &Disk, undone: &str) -> String {
    let run = run.fails_with(1, "no space left on the disk holding");
    let err = run.stderr();
    assert!(
        err.contains(&format!("mounted at {}", disk.root.display())),
        "names the disk: {err}"
    );
    assert!(
        err.contains(undone),
        "says what was not done ({undone}): {err}"
    );
    assert!(err.contains("free some space"), "{err}");
    err.trim().to_string()
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// An `.eml` file holding the example invitation, outside the small disk.
fn invitation_mail() -> String {
    format!("{}/examples/invitation.eml", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn with_the_disk_full_every_command_refuses_naming_the_disk_and_changes_nothing() {
    let disk = Disk::claim(1);
    let sink = sink();
    let env = home_on(&disk, &sink);
    let outside = tempfile::tempdir().expect("tempdir");
    let [ann, cy, eve] = addresses(["ann", "cy", "eve"]);
    let undecided = invited(&env, &format!("Ann Lee <{ann}>"), &[]);
    let to_send = declined(&env, &format!("Ann Lee <{ann}>"), &[]);
    let to_export = declined(&env, &format!("Cy Diaz <{cy}>"), &[]);
    let answered = declined(&env, &format!("Eve Ng <{eve}>"), &[]);
    crate::followup::send(&env, &answered);
    let reply_path = outside.path().join("reply.eml");
    let text = reply(&eve, &format!("Re: {SUBJECT}"), "r1@globex.example", &[]);
    std::fs::write(&reply_path, text).expect("reply");
    let eml_dir = disk.root.join("eml");
    let letter = disk.root.join("letter.pdf");
    let backup = disk.root.join("backup.json");
    let mail = invitation_mail();
    let before = files(&disk.root);

    disk.fill();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["decline", &undecided],
            "the decline was not recorded and no draft was written",
        ),
        (
            vec!["send", &to_send],
            "the messages not yet sent were not sent",
        ),
        (
            vec!["send", &to_export, "--eml-dir", arg(&eml_dir)],
            "the messages not yet sent were not sent",
        ),
        (
            vec!["letter", &to_send, "--out", arg(&letter)],
            "the letter was not recorded",
        ),
        (
            vec!["export", "--out", arg(&backup)],
            "the export was not written",
        ),
        (
            vec!["import", &mail],
            "the invitations recorded before the disk filled up are kept",
        ),
        (
            vec!["replies", arg(&reply_path)],
            "the mail recorded before the disk filled up is kept",
        ),
    ];
    let mut seen = String::new();
    for (args, undone) in &cases {
        seen = says_disk_full(env.run(args), &disk, undone);
    }
    assert_eq!(sink.count(&ann), 0, "nothing went out");
    let doctor = env
        .run(["--json", "doctor"])
        .fails_with(1, "the disk holding it is full");
    let report = doctor.json();
    assert_eq!(report["problems"][0]["kind"], "disk-full", "{report}");
    assert!(report["restore"].is_null(), "nothing to restore: {report}");
    disk.free();
    let after = files(&disk.root);
    assert_eq!(names(&after), names(&before), "no file left behind");
    assert!(after == before, "no file changed");

    // With space again, the same commands succeed, and everything verifies.
    for (args, _) in &cases {
        env.run(args).ok();
    }
    assert_eq!(sink.count(&ann), 1);
    let shown = show(&env, &to_send);
    assert_eq!(message_to(&shown, &ann)["status"], "sent");
    assert_eq!(
        message_to(&show(&env, &to_export), &cy)["status"],
        "exported"
    );
    assert!(letter.exists() && backup.exists());
    assert!(show(&env, &answered).to_string().contains("acknowledged"));
    store_works(&env);
    tally("full disk before a command", cases.len(), 0, &seen);
}

/// Starts `send` (or any command) in `env`, stops it at `step`, fills the disk, lets it go
/// on: returns the one line it failed with, after checking that it names the disk.
fn fill_at(env: &Env, disk: &Disk, args: &[&str], step: &str, undone: &str) -> String {
    let paused = Paused::start(env, args, step);
    disk.fill();
    let run = paused.resume();
    let line = says_disk_full(run, disk, undone);
    disk.free();
    line
}

#[test]
fn a_disk_filling_up_during_send_never_leaves_a_message_sent_without_its_copy() {
    let disk = Disk::claim(2);
    let sink = sink();
    let mut seen = String::new();
    let mut runs = 0;
    // Before the content goes out: the message stays queued, nothing is delivered, and the
    // next send delivers it once.
    for step in [
        "send:built",
        "send:copied",
        "send:recorded",
        "send:envelope",
    ] {
        let env = home_on(&disk, &sink);
        let [ann] = addresses(["ann"]);
        let id = declined(&env, &format!("Ann Lee <{ann}>"), &[]);
        seen = fill_at(&env, &disk, &["send", &id], step, "stay queued");
        let m = message_to(&show(&env, &id), &ann).clone();
        assert_eq!(m["status"], "queued", "{step}: {m}");
        assert_eq!(sink.count(&ann), 0, "{step}: nothing went out");
        store_works(&env);
        env.run(["send", &id]).ok();
        let m = message_to(&show(&env, &id), &ann).clone();
        assert_eq!(m["status"], "sent", "{step}");
        assert_eq!(sink.count(&ann), 1, "{step}: delivered once");
        let delivered = &sink.deliveries(&ann)[0].bytes;
        assert_eq!(
            m["sha256"],
            crate::send::sink::sha256_hex(delivered).as_str()
        );
        env.run(["verify"]).ok();
        runs += 1;
    }
    // After the content went out, the database cannot record `sent`: the message stays
    // in doubt, never sent without its record, and the user settles it.
    let env = home_on(&disk, &sink);
    let [ann] = addresses(["ann"]);
    let id = declined(&env, &format!("Ann Lee <{ann}>"), &[]);
    fill_at(&env, &disk, &["send", &id], "send:claimed", "stay queued");
    assert_eq!(sink.count(&ann), 1);
    assert_eq!(message_to(&show(&env, &id), &ann)["status"], "sending");
    env.run(["send", &id]).fails_with(1, "--confirm-sent");
    let m = message_to(&show(&env, &id), &ann).clone();
    assert_eq!(m["status"], "unknown", "in doubt, never resent by itself");
    env.run(["send", &id, "--confirm-sent", "all"]).ok();
    assert_eq!(sink.count(&ann), 1, "one message, never two");
    env.run(["verify"]).ok();
    tally("full disk during send (SMTP)", runs + 1, 0, &seen);
}

#[test]
fn a_disk_filling_up_during_an_eml_export_records_nothing_and_leaves_no_draft() {
    let disk = Disk::claim(3);
    let mut seen = String::new();
    for step in ["eml:built", "eml:copied"] {
        let env = disk.env();
        let [ann] = addresses(["ann"]);
        let id = declined(&env, &format!("Ann Lee <{ann}>"), &[]);
        let dir = disk.root.join(format!("eml-{}", step.replace(':', "-")));
        let args = ["send", &id, "--eml-dir", arg(&dir)];
        seen = fill_at(&env, &disk, &args, step, "stay queued");
        assert_eq!(message_to(&show(&env, &id), &ann)["status"], "queued");
        let left = std::fs::read_dir(&dir).map_or(0, |d| d.count());
        assert_eq!(left, 0, "{step}: no draft, not even a temporary one");
        store_works(&env);
        env.run(args).ok();
        assert_eq!(message_to(&show(&env, &id), &ann)["status"], "exported");
        assert_eq!(
            std::fs::read_dir(&dir).expect("dir").count(),
            1,
            "one draft"
        );
        env.run(["verify"]).ok();
    }
    // The folder on a disk of its own, full from the start, while the home has room: the
    // draft cannot be written, so the message is not recorded as exported either.
    let env = Env::new();
    let [ann] = addresses(["ann"]);
    let id = declined(&env, &format!("Ann Lee <{ann}>"), &[]);
    let dir = disk.root.join("eml-elsewhere");
    std::fs::create_dir_all(&dir).expect("mkdir");
    disk.fill();
    let args = ["send", &id, "--eml-dir", arg(&dir)];
    let run = env
        .run(args)
        .fails_with(1, "no space left on the disk holding");
    assert!(
        run.stderr().contains(&format!("holding {}", dir.display())),
        "names the folder's disk: {}",
        run.stderr()
    );
    assert_eq!(message_to(&show(&env, &id), &ann)["status"], "queued");
    assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 0);
    disk.free();
    env.run(args).ok();
    assert_eq!(message_to(&show(&env, &id), &ann)["status"], "exported");
    env.run(["verify"]).ok();
    tally("full disk during send --eml-dir", 3, 0, &seen);
}

#[test]
fn a_disk_filling_up_during_decline_letter_or_export_leaves_no_trace() {
    let disk = Disk::claim(4);
    let env = disk.env();
    let mut env = env;
    env.set(
        "BOWOUT_IDENTITY_ADDRESS",
        "1 Main St\nSpringfield, IL 62701",
    );
    let [ann] = addresses(["ann"]);
    let id = invited(&env, &format!("Ann Lee <{ann}>"), &[]);

    let before = dump(&env);
    let seen = fill_at(
        &env,
        &disk,
        &["decline", &id],
        "decline:composed",
        "the decline was not recorded",
    );
    assert_eq!(dump(&env), before, "no decision, no draft, no event");
    env.run(["decline", &id]).ok();

    let letter = disk.root.join("letter.pdf");
    let before = dump(&env);
    let home_files = files(env.home());
    fill_at(
        &env,
        &disk,
        &["letter", &id, "--out", arg(&letter)],
        "letter:rendered",
        "the letter was not recorded",
    );
    assert!(!letter.exists(), "no letter, not half of one");
    assert_eq!(dump(&env), before, "no letter recorded");
    assert_eq!(names(&files(env.home())), names(&home_files));
    // Written, but the disk fills before the letter is recorded: the files go again.
    fill_at(
        &env,
        &disk,
        &["letter", &id, "--out", arg(&letter)],
        "letter:written",
        "the letter was not recorded",
    );
    assert!(!letter.exists(), "no letter that the record does not hold");
    assert_eq!(dump(&env), before, "no letter recorded");
    assert_eq!(names(&files(env.home())), names(&home_files));
    env.run(["letter", &id, "--out", arg(&letter)]).ok();

    let backup = disk.root.join("backup.json");
    fill_at(
        &env,
        &disk,
        &["export", "--out", arg(&backup)],
        "export:dumped",
        "the export was not written",
    );
    assert!(!backup.exists(), "no export, not half of one");
    let stray: Vec<_> = std::fs::read_dir(&disk.root)
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".bowout-"))
        .collect();
    assert!(stray.is_empty(), "no temporary file: {stray:?}");
    env.run(["export", "--out", arg(&backup)]).ok();
    store_works(&env);
    tally("full disk during decline, letter, export", 4, 0, &seen);
}

/// A folder of `n` invitations as `.eml` files, each for its own requisition.
pub fn invitations(dir: &Path, n: usize) {
    let example = std::fs::read_to_string(invitation_mail()).expect("example");
    std::fs::create_dir_all(dir).expect("mkdir");
    for i in 0..n {
        let text = example
            .replace("Message-ID: <", &format!("Message-ID: <n{i}."))
            .replace("R0034567", &format!("R{i:07}"));
        std::fs::write(dir.join(format!("{i:03}.eml")), text).expect("write");
    }
}

#[test]
fn a_disk_filling_up_during_import_keeps_what_was_recorded_and_the_rerun_adds_the_rest_once() {
    let disk = Disk::claim(5);
    let mail = tempfile::tempdir().expect("tempdir");
    invitations(mail.path(), 5);
    let clean = Env::new();
    let expected = clean
        .run(["--json", "import", arg(mail.path())])
        .ok()
        .json()["ids"]
        .as_array()
        .expect("ids")
        .len();
    assert_eq!(expected, 5, "five invitations in the mail");

    let env = disk.env();
    let seen = fill_at(
        &env,
        &disk,
        &["import", arg(mail.path())],
        "import:recorded#2",
        "the invitations recorded before the disk filled up are kept",
    );
    let kept = rows(&dump(&env), "invitations").len();
    assert_eq!(kept, 2, "the two recorded before the disk filled up");
    store_works(&env);
    env.run(["import", arg(mail.path())]).ok();
    let after = dump(&env);
    assert_eq!(
        rows(&after, "invitations").len(),
        expected,
        "none twice, none lost"
    );
    assert_eq!(
        rows(&after, "events").len(),
        rows(&dump(&clean), "events").len(),
        "the same timeline as one clean import"
    );
    tally("full disk during import", 1, 0, &seen);
}

#[test]
fn a_disk_filling_up_during_replies_keeps_what_was_recorded_and_the_rerun_adds_the_rest_once() {
    let disk = Disk::claim(6);
    let env = disk.env();
    let [ann, bo] = addresses(["ann", "bo"]);
    let id = declined(
        &env,
        &format!("Ann Lee <{ann}>"),
        &[&format!("Bo Chen <{bo}>")],
    );
    crate::followup::send(&env, &id);
    let mail = tempfile::tempdir().expect("tempdir");
    for (n, who) in [&ann, &bo].into_iter().enumerate() {
        let text = reply(
            who,
            &format!("Re: {SUBJECT}"),
            &format!("r{n}@globex.example"),
            &[],
        );
        std::fs::write(mail.path().join(format!("{n}.eml")), text).expect("write");
    }
    let seen = fill_at(
        &env,
        &disk,
        &["replies", arg(mail.path())],
        "replies:recorded#1",
        "the mail recorded before the disk filled up is kept",
    );
    assert_eq!(
        rows(&dump(&env), "replies").len(),
        1,
        "the first reply is kept"
    );
    store_works(&env);
    env.run(["replies", arg(mail.path())]).ok();
    let after = dump(&env);
    assert_eq!(rows(&after, "replies").len(), 2, "each reply once");
    let shown = show(&env, &id);
    assert_eq!(shown["status"], "acknowledged", "{shown}");
    tally("full disk during replies", 1, 0, &seen);
}
