//! Bad input: a one-line error naming the problem, exit status 2 for a bad argument and 1 for
//! what the command could not do (an unknown id, a bad file), and the store unchanged.

use crate::harness::Env;

const CRLF: &str = "x\r\nBcc: victim@evil.example";

#[test]
fn crlf_in_any_add_field_is_refused_and_nothing_is_written() {
    let env = Env::new();
    let before = env.snapshot();
    let base: Vec<(&str, String)> = vec![
        ("--employer", "Globex".into()),
        ("--title", "Data Analyst".into()),
        ("--req", "4471".into()),
        ("--primary", "Ann Lee <ann@globex.example>".into()),
        ("--phone", "+1 555 0142".into()),
        ("--agency", "Hays".into()),
        ("--link", "https://sched.example/x".into()),
        ("--other", "Bo Chen <bo@globex.example>".into()),
        ("--other-role", "panelist".into()),
    ];
    let poisoned: Vec<(&str, String)> = vec![
        ("--employer", format!("Globex{CRLF}")),
        ("--title", format!("Analyst{CRLF}")),
        ("--req", format!("44{CRLF}")),
        ("--primary", format!("Ann{CRLF} <ann@globex.example>")),
        ("--primary", format!("Ann Lee <ann@globex.example{CRLF}>")),
        ("--phone", format!("555{CRLF}")),
        ("--agency", format!("Hays{CRLF}")),
        ("--link", format!("https://sched.example/{CRLF}")),
        ("--other", format!("Bo{CRLF} <bo@globex.example>")),
        ("--other-role", format!("panelist{CRLF}")),
        ("--employer", "Globex\nInc".into()),
        ("--title", "Analyst\rLead".into()),
    ];
    for (flag, bad) in &poisoned {
        let mut args: Vec<String> = vec!["add".into()];
        for (f, v) in &base {
            args.push((*f).into());
            args.push(if f == flag { bad.clone() } else { v.clone() });
        }
        let run = env.run(&args);
        assert_eq!(run.code(), 2, "{flag} with CR/LF is a usage error");
        let err = run.stderr();
        assert_eq!(
            err.trim_end().lines().count(),
            1,
            "{flag}: one-line error, got {err:?}"
        );
        assert!(
            err.contains("line break") || err.contains("whitespace"),
            "{flag}: error should name the line break: {err}"
        );
    }
    assert_eq!(env.snapshot(), before, "nothing was written");
}

#[test]
fn crlf_in_referral_and_advise_fields_is_refused() {
    let env = Env::new();
    let id = env.add(&[]);
    let before = env.snapshot();
    let referral = |name: &str, email: &str, phone: &str, permission: &str| {
        env.run([
            "referral",
            "add",
            "--name",
            name,
            "--email",
            email,
            "--phone",
            phone,
            "--permission",
            permission,
        ])
    };
    let ok = (
        "Sam Park",
        "sam@fastmail.example",
        "555 0177",
        "2026-11-20 phone call",
    );
    referral(&format!("Sam{CRLF}"), ok.1, ok.2, ok.3).fails_with(2, "line break");
    referral(ok.0, &format!("sam@fastmail.example{CRLF}"), ok.2, ok.3).fails_with(2, "line break");
    referral(ok.0, ok.1, &format!("555{CRLF}"), ok.3).fails_with(2, "line break");
    referral(ok.0, ok.1, ok.2, &format!("2026-11-20 phone{CRLF}")).fails_with(2, "line break");
    env.run([
        "advise",
        &id,
        "--review",
        &format!("2,2026-01-01,Chicago{CRLF}"),
    ])
    .fails_with(2, "line break");
    env.run(["advise", &id, "--location", &format!("Chicago{CRLF}")])
        .fails_with(2, "line break");
    assert_eq!(env.snapshot(), before, "nothing was written");
}

#[test]
fn unknown_ids_malformed_addresses_and_missing_flags() {
    let env = Env::new();
    env.run(["show", "zzzzzzzzzzzz"])
        .fails_with(1, "no invitation with id");
    env.run(["decline", "zzzz"])
        .fails_with(1, "no invitation with id");
    env.run(["advise", "nope", "--gut", "negative"])
        .fails_with(1, "no invitation");
    env.run([
        "add",
        "--employer",
        "G",
        "--title",
        "T",
        "--primary",
        "Ann <not-an-address>",
    ])
    .fails_with(2, "invalid email address");
    env.run(["add", "--title", "T", "--primary", "a@b.example"])
        .fails_with(2, "--employer");
    env.run([
        "referral",
        "add",
        "--name",
        "Sam",
        "--email",
        "sam@fastmail.example",
    ])
    .fails_with(2, "--permission");
    let id = env.add(&[]);
    env.run(["decline", &id, "--refer", "zzzzzz"])
        .fails_with(1, "no referral");
    env.run(["accept", &id, "--at", "next tuesday"])
        .fails_with(2, "YYYY-MM-DD HH:MM");
    env.run([
        "add",
        "--employer",
        "G",
        "--title",
        "T",
        "--primary",
        "a@b.example",
        "--other-role",
        "x",
    ])
    .fails_with(2, "--other-role");
}

#[test]
fn referral_at_a_work_domain_is_refused_with_advice() {
    let env = Env::new();
    let id = env.add(&["--other", "Bo Chen <bo@talent.globex.example>"]);
    let rid = env.add_referral("sam@globex.example");
    let before = env.snapshot();
    env.run(["decline", &id, "--refer", &rid])
        .fails_with(1, "personal (non-work) address");
    assert_eq!(env.snapshot(), before, "no decision or drafts recorded");
    env.run([
        "referral",
        "add",
        "--name",
        "Sam Park",
        "--email",
        "sam@initech.example",
        "--permission",
        "2026-11-20 in person",
        "--work-domain",
        "initech.example",
    ])
    .fails_with(2, "personal (non-work) address");
}

#[test]
fn decline_without_identity_says_what_to_set() {
    let mut env = Env::new();
    env.unset("BOWOUT_IDENTITY_NAME");
    let id = env.add(&[]);
    env.run(["decline", &id]).fails_with(1, "[identity] name");
}

#[test]
fn restore_refuses_bad_files_and_non_empty_stores() {
    restore_refusals(&Env::new());
}

#[test]
fn restore_refusals_leave_postgresql_unchanged_too() {
    restore_refusals(&Env::postgres());
}

fn restore_refusals(env: &Env) {
    env.run(["restore", env.path("missing.json").to_str().expect("path")])
        .fails_with(1, "cannot read");
    let corrupt = env.path("corrupt.json");
    std::fs::write(&corrupt, b"{\"format\": \"bowout-export\", \"vers").expect("write");
    env.run(["restore", corrupt.to_str().expect("path")])
        .fails_with(1, "not a valid bowout export");
    let foreign = env.path("foreign.json");
    std::fs::write(&foreign, br#"{"hello": "world"}"#).expect("write");
    env.run(["restore", foreign.to_str().expect("path")])
        .fails_with(1, "not a valid bowout export");

    let source = Env::new();
    source.add(&[]);
    let dump = source.path("dump.json");
    source
        .run(["export", "--out", dump.to_str().expect("path")])
        .ok();

    // A hand-edited export with a CR/LF smuggled into a name is refused, nothing kept.
    let text = std::fs::read_to_string(&dump).expect("read");
    let poisoned = env.path("poisoned.json");
    std::fs::write(
        &poisoned,
        text.replace("\"Ann Lee\"", "\"Ann\\r\\nBcc: x@evil.example\""),
    )
    .expect("write");
    env.run(["restore", poisoned.to_str().expect("path")])
        .fails_with(1, "line break");
    assert_eq!(
        env.snapshot()["invitations"].as_array().map(Vec::len),
        Some(0)
    );

    env.run(["restore", dump.to_str().expect("path")]).ok();
    let before = env.snapshot();
    env.run(["restore", dump.to_str().expect("path")])
        .fails_with(1, "not empty");
    assert_eq!(env.snapshot(), before);
}

#[test]
fn export_to_an_unwritable_path_fails_cleanly() {
    let env = Env::new();
    env.add(&[]);
    env.run(["export", "--out", "/proc/bowout/out.json"])
        .fails_with(1, "cannot write");
}
