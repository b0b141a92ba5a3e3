//! Saying the right thing: drafts that greet as the invitation did, answer in its thread and
//! thank for earlier rounds; the two built-in styles; forwarded invitations answered to the
//! hiring side, never to the user.

use crate::harness::{Env, message_to, show};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Imports `path` and returns the report.
fn import(env: &Env, path: &Path) -> Value {
    env.run(["--json", "import", path.to_str().expect("utf-8")])
        .ok()
        .json()
}

/// Imports the one invitation of `path`; returns its id.
fn import_one(env: &Env, path: &Path) -> String {
    let report = import(env, path);
    assert_eq!(report["ids"].as_array().map(Vec::len), Some(1), "{report}");
    report["ids"][0].as_str().expect("id").to_string()
}

/// Writes `text` as `name` in the home; returns its path.
fn mail(env: &Env, name: &str, text: &str) -> PathBuf {
    let path = env.path(name);
    std::fs::write(&path, text.replace('\n', "\r\n")).expect("write");
    path
}

/// The decline draft bodies of `id`, primary first.
fn decline_bodies(env: &Env, id: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["--json", "decline", id];
    args.extend_from_slice(extra);
    env.run(args)
        .ok()
        .json()
        .as_array()
        .expect("drafts")
        .iter()
        .map(|d| {
            assert_eq!(d["lint"], serde_json::json!([]), "no finding: {d}");
            d["body"].as_str().expect("body").to_string()
        })
        .collect()
}

/// The value of header `name` in raw message bytes (unfolded), if present.
fn header(bytes: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    let head = text.split("\r\n\r\n").next().unwrap_or("");
    let mut found: Option<String> = None;
    for line in head.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(v) = found.as_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if found.is_some() {
            break;
        }
        if let Some((k, v)) = line.split_once(':')
            && k.eq_ignore_ascii_case(name)
        {
            found = Some(v.trim().to_string());
        }
    }
    found
}

#[test]
fn the_default_decline_keeps_the_words_of_the_sample_message() {
    let env = Env::new();
    let id = env.add(&[]);
    let rid = env.add_referral("sam.park@fastmail.example");
    let body = &decline_bodies(&env, &id, &["--reason", "field-fit", "--refer", &rid])[0];
    assert_eq!(
        body,
        "Dear Ann Lee,\n\n\
         I greatly appreciate the opportunity to interview for the Data Analyst position (4471) \
         and learn more about your organization. However, at this time I regret that I must \
         decline because I have concluded that this field is not a good fit for me at this \
         point in my career.\n\n\
         My colleague Sam Park is a very good fit for this opportunity. You can reach them at \
         sam.park@fastmail.example, +1 555 0177.\n\n\
         Perhaps the timing will be better at some point in the future.\n\n\
         Please reply so that I know you have received this message.\n\n\
         Best regards,\nDana Whitfield\n"
    );
    let none = &decline_bodies(&env, &id, &[])[0];
    assert!(
        none.contains("However, at this time I regret that I must decline.\n"),
        "no reason given: {none}"
    );
}

#[test]
fn the_warm_style_keeps_the_earlier_words_and_an_unknown_style_is_named() {
    let mut env = Env::new();
    env.set("BOWOUT_COMPOSE_STYLE", "warm");
    let id = env.add(&[]);
    let body = &decline_bodies(&env, &id, &["--reason", "accepted-job"])[0];
    assert!(
        body.contains(
            "Thank you for the invitation to interview for the Data Analyst position (4471) at \
             Globex. I appreciate the time you took to consider me.\n\n\
             I have accepted a position elsewhere, so I am withdrawing from consideration."
        ),
        "{body}"
    );
    env.set("BOWOUT_COMPOSE_STYLE", "chatty");
    env.run(["decline", &id])
        .fails_with(1, "[compose] style = \"chatty\" is not a style");
}

#[test]
fn a_later_round_decline_thanks_for_the_earlier_interviews_in_both_styles() {
    for style in ["sample", "warm"] {
        let mut env = Env::new();
        env.set("BOWOUT_COMPOSE_STYLE", style);
        let first = env.add(&[]);
        let body = &decline_bodies(&env, &first, &[])[0];
        assert!(!body.contains("conversations"), "{style}: {body}");
        let later = env
            .run([
                "--json",
                "add",
                "--employer",
                "Hooli",
                "--title",
                "Analyst",
                "--round",
                "2",
                "--primary",
                "Flo Gee <flo@hooli.example>",
            ])
            .ok()
            .json()["id"]
            .as_str()
            .expect("id")
            .to_string();
        let body = &decline_bodies(&env, &later, &[])[0];
        assert!(
            body.contains("for the conversations so far."),
            "{style}: {body}"
        );
    }
}

#[test]
fn drafts_greet_as_the_imported_invitation_did() {
    // A second-round invitation signed "Dr Imogen Fairweather".
    let env = Env::new();
    let id = import_one(&env, &fixture("holdout/h111.eml"));
    let shown = show(&env, &id);
    assert_eq!(shown["contacts"][0]["greeting"], "Dr Fairweather");
    assert_eq!(shown["contacts"][0]["formal"], true);
    let body = &decline_bodies(&env, &id, &[])[0];
    assert!(body.starts_with("Dear Dr Fairweather,\n"), "{body}");
    assert!(
        body.contains("Thank you for the conversations so far."),
        "round {}: {body}",
        shown["round"]
    );

    // "Hi Dana, … Maya": answered as she wrote, the acceptance too.
    let env = Env::new();
    let id = import_one(&env, &fixture("corpus/002.eml"));
    let shown = show(&env, &id);
    assert_eq!(shown["contacts"][0]["greeting"], "Maya");
    assert_eq!(shown["contacts"][0]["formal"], false);
    let body = &decline_bodies(&env, &id, &[])[0];
    assert!(body.starts_with("Hi Maya,\n"), "{body}");
    let accepted = env.run(["--json", "accept", &id]).ok().json();
    let body = accepted[0]["body"].as_str().expect("body");
    assert!(body.starts_with("Hi Maya,\n"), "{body}");

    // Typed in by hand: formally, by the full name.
    let env = Env::new();
    let id = env.add(&[]);
    assert!(decline_bodies(&env, &id, &[])[0].starts_with("Dear Ann Lee,\n"));
}

#[test]
fn the_greeting_is_set_by_hand_and_corrected() {
    let env = Env::new();
    let id = env.add(&[]);
    env.run([
        "contact",
        "add",
        &id,
        "--name",
        "Helen Whitcombe",
        "--email",
        "helen@globex.example",
        "--greeting",
        "Dr. Whitcombe",
    ])
    .ok();
    let bodies = decline_bodies(&env, &id, &[]);
    assert!(bodies[0].starts_with("Dear Ann Lee,\n"), "{}", bodies[0]);
    assert!(
        bodies[1].starts_with("Dear Dr. Whitcombe,\n"),
        "{}",
        bodies[1]
    );

    let changed = env
        .run([
            "--json",
            "contact",
            "edit",
            &id,
            "--email",
            "ann@globex.example",
            "--greeting",
            "Ann",
            "--informal",
        ])
        .ok()
        .json();
    assert_eq!(changed["drafts_stale"], true);
    assert_eq!(changed["changes"][0]["field"], "greeting");
    assert_eq!(changed["changes"][0]["to"], "Ann (informal)");
    assert!(decline_bodies(&env, &id, &[])[0].starts_with("Hi Ann,\n"));

    env.run([
        "contact",
        "edit",
        &id,
        "--email",
        "ann@globex.example",
        "--no-greeting",
    ])
    .ok();
    assert!(decline_bodies(&env, &id, &[])[0].starts_with("Dear Ann Lee,\n"));

    env.run([
        "contact",
        "edit",
        &id,
        "--email",
        "ann@globex.example",
        "--informal",
    ])
    .fails_with(2, "give --greeting NAME");
}

#[test]
fn the_readme_example_of_a_greeting_runs_as_written() {
    let env = Env::new();
    let id = env.add(&[]);
    let args = crate::readme::example("bowout contact edit ID --email ann@globex.example", &id);
    env.run(&args).ok();
    assert!(decline_bodies(&env, &id, &[])[0].starts_with("Dear Dr. Lee,\n"));
}

#[test]
fn a_decline_sits_in_the_recruiters_thread_in_the_eml_and_the_archived_copy() {
    // 029 forwards the client's note in reply to it: it has References and In-Reply-To.
    let env = Env::new();
    let id = import_one(&env, &fixture("corpus/029.eml"));
    env.run(["decline", &id]).ok();
    let dir = env.path("outbox");
    env.run(["send", &id, "--eml-dir", dir.to_str().expect("utf-8")])
        .ok();
    let shown = show(&env, &id);
    let primary = shown["primary_contact"]["email"]
        .as_str()
        .expect("primary")
        .to_string();
    assert_eq!(primary, "druiz@pinnaclebridge-staffing.example");
    let copy = message_to(&shown, &primary)["copy"]
        .as_str()
        .expect("copy")
        .to_string();
    let archived = std::fs::read(copy).expect("archived copy");
    let written: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains("_to_druiz-"))
        .map(|p| std::fs::read(p).expect("eml"))
        .collect();
    assert_eq!(written.len(), 1, "one file for the primary contact");
    let parent =
        "<CAFXHJdrYSjeHZiUj+sYrxoamVC4yd2oCBwmAOx_Ww4afbum@mail.pinnaclebridge-staffing.example>";
    let earlier = "<CAFwDJeaaOvPNmQnAsb50hdRoSecVhDzZcgzLhJd5HN@mail.glenrockenergy.example>";
    for bytes in [&archived, &written[0]] {
        assert_eq!(header(bytes, "In-Reply-To").as_deref(), Some(parent));
        assert_eq!(
            header(bytes, "References"),
            Some(format!("{earlier} {parent}"))
        );
        assert_eq!(
            header(bytes, "Subject").as_deref(),
            Some("Interview invitation for Data Scientist GR-25-0441"),
            "the subject stays as the template gives it"
        );
    }

    // Typed in by hand, there is no thread to answer in.
    let id = env.add(&[]);
    env.run(["decline", &id]).ok();
    let dir = env.path("outbox-2");
    env.run(["send", &id, "--eml-dir", dir.to_str().expect("utf-8")])
        .ok();
    let eml = std::fs::read_dir(&dir)
        .expect("dir")
        .next()
        .expect("one file")
        .expect("entry")
        .path();
    let bytes = std::fs::read(eml).expect("eml");
    assert_eq!(header(&bytes, "In-Reply-To"), None);
    assert_eq!(header(&bytes, "References"), None);
}

/// An invitation from Dr. Helen Whitcombe, forwarded: `forwarder` the forwarding header,
/// `from_line` the forwarded part's From line (or nothing).
fn forwarded(forwarder: &str, from_line: &str) -> String {
    format!(
        "From: {forwarder}
To: Dana Whitfield <dana@example.net>
Subject: Fwd: Interview invitation - Research Analyst
Message-ID: <fwd-1@example.net>
Date: Thu, 26 Nov 2026 10:00:00 +0000

FYI

---------- Forwarded message ---------
{from_line}Date: Wed, Nov 25, 2026 at 9:00 AM
Subject: Interview invitation - Research Analyst
To: Dana Whitfield <dana.whitfield@work.example>

Dear Dana,

Thank you for applying to the Research Analyst position at Ridgeway Institute. We would \
like to invite you to a first-round interview. Please let me know which of these times \
works for you: Monday 30 November at 10:00 or Tuesday 1 December at 14:00.

Kind regards,
Dr. Helen Whitcombe
Head of Research, Ridgeway Institute
"
    )
}

#[test]
fn a_forwarded_invitation_from_yourself_is_answered_to_the_hiring_side() {
    let env = Env::new();
    let path = mail(
        &env,
        "fwd.eml",
        &forwarded(
            "Dana Whitfield <dana@example.net>",
            "From: Helen Whitcombe <h.whitcombe@ridgeway.example>\n",
        ),
    );
    let report = import(&env, &path);
    assert_eq!(report["imported"][0]["todo"], Value::Null, "{report}");
    let id = report["ids"][0].as_str().expect("id").to_string();
    let shown = show(&env, &id);
    let contacts = shown["contacts"].as_array().expect("contacts");
    assert_eq!(contacts.len(), 1, "{contacts:?}");
    assert_eq!(contacts[0]["email"], "h.whitcombe@ridgeway.example");
    assert!(
        !shown["contacts"].to_string().contains("dana@example.net"),
        "never the user: {shown}"
    );
    let bodies = decline_bodies(&env, &id, &[]);
    assert_eq!(bodies.len(), 1);
    assert!(
        bodies[0].starts_with("Dear Dr. Whitcombe,\n"),
        "{}",
        bodies[0]
    );
}

#[test]
fn a_forward_that_names_no_hiring_address_is_recorded_without_guessing() {
    let env = Env::new();
    let path = mail(
        &env,
        "fwd.eml",
        &forwarded("Dana Whitfield <dana@example.net>", ""),
    );
    let run = env.run(["import", path.to_str().expect("utf-8")]).ok();
    let out = run.stdout();
    assert!(out.contains("needs you:"), "{out}");
    assert!(out.contains("bowout contact add"), "{out}");
    let id = env.run(["--json", "list"]).ok().json()[0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let shown = show(&env, &id);
    assert_eq!(
        shown["contacts"],
        serde_json::json!([]),
        "no guess: {shown}"
    );
    assert_eq!(shown["primary_contact"], Value::Null);
    assert!(
        shown["timeline"]
            .to_string()
            .contains("the mail does not say whom to answer"),
        "{}",
        shown["timeline"]
    );
    env.run(["decline", &id])
        .fails_with(1, "has no primary contact to write to");

    // Named by hand, the hiring side becomes the one to answer.
    let added = env
        .run([
            "--json",
            "contact",
            "add",
            &id,
            "--name",
            "Helen Whitcombe",
            "--email",
            "h.whitcombe@ridgeway.example",
            "--greeting",
            "Dr. Whitcombe",
        ])
        .ok()
        .json();
    assert_eq!(added["contact"]["primary"], true);
    let bodies = decline_bodies(&env, &id, &[]);
    assert!(
        bodies[0].starts_with("Dear Dr. Whitcombe,\n"),
        "{}",
        bodies[0]
    );
}

#[test]
fn your_own_address_is_never_a_contact() {
    // Dana pasted the invitation into a mail to herself: its sender is her own address.
    let env = Env::new();
    let path = mail(
        &env,
        "pasted.eml",
        "From: Dana Whitfield <dana@example.net>
To: Dana Whitfield <dana@example.net>
Cc: Ann Lee <ann@ridgeway.example>
Subject: Interview invitation - Research Analyst
Message-ID: <pasted-1@example.net>
Date: Thu, 26 Nov 2026 10:00:00 +0000

Hi Dana,

Thank you for applying to the Research Analyst position at Ridgeway Institute. We would \
like to invite you to a first-round interview. Please let me know which of these times \
works for you: Monday 30 November at 10:00 or Tuesday 1 December at 14:00.

Best regards,
Dana Whitfield
",
    );
    let report = import(&env, &path);
    let todo = report["imported"][0]["todo"].as_str().unwrap_or_default();
    assert!(
        todo.contains("the mail does not say whom to answer"),
        "{report}"
    );
    let id = report["ids"][0].as_str().expect("id");
    let shown = show(&env, id);
    assert!(
        !shown["contacts"].to_string().contains("dana@example.net"),
        "{shown}"
    );
    assert_eq!(shown["primary_contact"], Value::Null);
}
