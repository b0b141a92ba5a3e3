//! `bowout dismiss`, `undismiss` and `delete`: a record off the list and the agenda with its
//! history kept, back again, or erased when nothing of it ever left — on SQLite and on
//! PostgreSQL.

use super::{details, export, listed, run_on_terminal};
use crate::followup::send;
use crate::harness::{Env, show};

#[test]
fn dismiss_undismiss_and_delete() {
    let mut env = Env::new();
    env.set(
        "BOWOUT_IDENTITY_ADDRESS",
        "1 Main St\nSpringfield, IL 62701",
    );
    story(&mut env);
}

#[test]
fn dismiss_undismiss_and_delete_on_postgresql() {
    let mut env = Env::postgres();
    env.set(
        "BOWOUT_IDENTITY_ADDRESS",
        "1 Main St\nSpringfield, IL 62701",
    );
    story(&mut env);
}

fn agenda_ids(env: &Env) -> Vec<String> {
    let agenda = env.run(["--json", "agenda"]).ok().json();
    ["owed", "next"]
        .iter()
        .flat_map(|section| agenda[section].as_array().expect("section").clone())
        .map(|i| i["invitation_id"].as_str().expect("id").to_string())
        .collect()
}

fn story(env: &mut Env) {
    // Captured on a Monday: by Friday an answer is owed and the agenda says so.
    env.set("BOWOUT_NOW", "2026-11-23T09:00:00Z");
    let owed = env.add(&[]);
    let declined = env.add(&["--other", "Bo Chen <bo@globex.example>"]);
    let sent = env.add(&[]);
    env.set("BOWOUT_NOW", "2026-11-27T12:00:00Z");
    assert!(agenda_ids(env).contains(&owed));

    // Dismissed: off the list and the agenda, still shown, history kept.
    let dismissed = env
        .run(["--json", "dismiss", &owed, "--reason", "duplicate"])
        .ok()
        .json();
    assert_eq!(dismissed["status"], "dismissed");
    assert_eq!(dismissed["previous_status"], "undecided");
    assert!(!listed(env, false).contains(&owed));
    assert!(listed(env, true).contains(&owed));
    assert!(!agenda_ids(env).contains(&owed));
    let shown = show(env, &owed);
    assert_eq!(shown["status"], "dismissed");
    assert_eq!(
        details(&shown, "dismissed"),
        ["dismissed (reason: duplicate); it was undecided"]
    );
    assert_eq!(details(&shown, "captured").len(), 1, "history kept");
    env.run(["decline", &owed])
        .fails_with(1, &format!("run `bowout undismiss {owed}` first"));
    env.run(["dismiss", &owed, "--reason", "withdrawn"])
        .fails_with(1, "already dismissed");

    // Brought back, in the status it had.
    let back = env.run(["--json", "undismiss", &owed]).ok().json();
    assert_eq!(back["status"], "undecided");
    assert!(listed(env, false).contains(&owed));
    assert!(agenda_ids(env).contains(&owed));
    assert_eq!(details(&show(env, &owed), "undismissed").len(), 1);
    env.run(["undismiss", &owed])
        .fails_with(1, "is not dismissed");

    // A declined record with drafts and an archive folder (the copy of a letter never
    // mailed), nothing sent: deleted whole.
    env.run(["decline", &declined]).ok();
    env.run([
        "contact",
        "set",
        &declined,
        "--address",
        "Globex Corporation",
        "--address",
        "1 Lake St, Chicago, IL 60601",
    ])
    .ok();
    let pdf = env.path("letter.pdf");
    env.run(["letter", &declined, "--out", pdf.to_str().expect("utf-8")])
        .ok();
    let folder = env.home().join("archive").join(&declined);
    assert!(folder.is_dir(), "the letter's copy is archived");
    env.run(["delete", &declined]).fails_with(2, "give --yes");
    assert!(
        listed(env, false).contains(&declined),
        "not deleted without --yes"
    );
    let deleted = env
        .run(["--json", "delete", &declined, "--yes"])
        .ok()
        .json();
    assert_eq!(deleted["id"], declined.as_str());
    assert!(
        deleted["rows"].as_u64().is_some_and(|n| n >= 8),
        "{deleted}"
    );
    assert!(!folder.exists(), "the archive folder went with it");
    env.run(["show", &declined])
        .fails_with(1, "no invitation with id");
    let dump = env.snapshot();
    assert!(
        !dump.to_string().contains(&declined),
        "no row of it is left"
    );

    // A record with a message out can only be dismissed: the evidence stays.
    env.run(["decline", &sent]).ok();
    send(env, &sent);
    env.run(["delete", &sent, "--yes"])
        .fails_with(1, "1 message(s) sent or exported");
    env.run(["delete", &sent, "--yes"])
        .fails_with(1, "bowout dismiss");
    env.run(["dismiss", &sent, "--reason", "withdrawn"]).ok();
    let shown = show(env, &sent);
    assert_eq!(shown["messages"][0]["status"], "sent");
    let back = env.run(["--json", "undismiss", &sent]).ok().json();
    assert_eq!(back["status"], "sent", "back to the status it had");
    env.run(["delete", "zzzzzzzzzzzz", "--yes"])
        .fails_with(1, "no invitation with id");
}

#[test]
fn an_exported_message_or_a_mailed_letter_keeps_the_record() {
    let mut env = Env::new();
    env.set(
        "BOWOUT_IDENTITY_ADDRESS",
        "1 Main St\nSpringfield, IL 62701",
    );
    let exported = env.add(&[]);
    env.run(["decline", &exported]).ok();
    export(&env, &exported).ok();
    env.run(["delete", &exported, "--yes"])
        .fails_with(1, "sent or exported");

    let mailed = env.add(&[]);
    env.run(["decline", &mailed]).ok();
    env.run([
        "letter",
        &mailed,
        "--mailed",
        "2026-11-27",
        "--tracking",
        "RR123456789US",
    ])
    .ok();
    env.run(["delete", &mailed, "--yes"])
        .fails_with(1, "a letter mailed");
}

#[test]
fn delete_asks_on_a_terminal() {
    let env = Env::new();
    let id = env.add(&[]);
    let no = run_on_terminal(&env, &["delete", &id], "n\n");
    assert_eq!(no.code, 1, "{}", no.screen);
    assert!(
        no.screen.contains("with its whole history?"),
        "{}",
        no.screen
    );
    assert!(no.screen.contains("[y/N]"), "{}", no.screen);
    assert!(no.screen.contains("nothing deleted"), "{}", no.screen);
    assert!(listed(&env, false).contains(&id));
    let yes = run_on_terminal(&env, &["delete", &id], "y\n");
    assert_eq!(yes.code, 0, "{}", yes.screen);
    assert!(yes.screen.contains("deleted invitation"), "{}", yes.screen);
    assert!(listed(&env, true).is_empty());
}

#[test]
fn dismiss_needs_a_known_reason() {
    let env = Env::new();
    let id = env.add(&[]);
    env.run(["dismiss", &id]).fails_with(2, "--reason");
    env.run(["dismiss", &id, "--reason", "bored"])
        .fails_with(2, "invalid value 'bored'");
    env.run(["dismiss", &id, "--reason", "duplicate\r\nx"])
        .fails_with(2, "--reason");
    env.run(["dismiss", "zzzzzzzzzzzz", "--reason", "duplicate"])
        .fails_with(1, "no invitation with id");
    assert_eq!(show(&env, &id)["status"], "undecided");
}
