//! The whole first half of the workflow through the binary, as a user would run it.

use crate::harness::Env;

#[test]
fn add_advise_refer_decline_lint_export_restore() {
    full_story(&Env::new(), &Env::new());
}

#[test]
fn the_same_story_on_postgresql() {
    full_story(&Env::postgres(), &Env::postgres());
}

/// The story on `env`, restored into the empty `other` at the end.
fn full_story(env: &Env, other: &Env) {
    let id = env.add(&[
        "--phone",
        "+1 555 0142",
        "--other",
        "Bo Chen <bo@globex.example>",
        "--other-role",
        "hiring manager",
    ]);

    let shown = env.run(["--json", "show", &id]).ok().json();
    assert_eq!(shown["status"], "undecided");
    assert_eq!(shown["requisition"], "4471");
    assert_eq!(shown["primary_contact"]["email"], "ann@globex.example");
    assert_eq!(shown["other_contacts"][0]["role"], "hiring manager");
    let contacts = shown["contacts"].as_array().expect("contacts");
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0]["primary"], true);
    assert_eq!(contacts[1]["primary"], false);

    let advice = env
        .run([
            "--json",
            "advise",
            &id,
            "--started-new-job",
            "--concern",
            "pay",
        ])
        .ok()
        .json();
    assert_eq!(advice["verdict"], "decline");
    let reasons = advice["reasons"].to_string();
    assert!(reasons.contains("started"), "{reasons}");
    assert!(
        advice["cautions"]
            .to_string()
            .contains("won't know unless you interview")
    );

    let rid = env.add_referral("sam.park@fastmail.example");

    let declined = env
        .run([
            "--json",
            "decline",
            &id,
            "--reason",
            "accepted-job",
            "--refer",
            &rid,
        ])
        .ok()
        .json();
    let drafts = env.run(["--json", "drafts", &id]).ok().json();
    assert_eq!(declined, drafts, "decline prints the drafts it stored");
    let drafts = drafts.as_array().expect("array");
    assert_eq!(drafts.len(), 2, "one draft per contact");
    for (draft, (name, email)) in drafts.iter().zip([
        ("Ann Lee", "ann@globex.example"),
        ("Bo Chen", "bo@globex.example"),
    ]) {
        assert_eq!(draft["to"]["name"], name);
        assert_eq!(draft["to"]["email"], email);
        assert_eq!(
            draft["subject"],
            "Interview invitation for Data Analyst 4471"
        );
        let body = draft["body"].as_str().expect("body");
        assert!(body.starts_with(&format!("Dear {name},")), "{body}");
        assert!(body.contains("Please reply so that I know you have received this message."));
        assert!(body.contains("Sam Park") && body.contains("sam.park@fastmail.example"));
        assert!(body.contains("I regret that I must decline because I have accepted a job."));
        let errors: Vec<_> = draft["lint"]
            .as_array()
            .expect("lint")
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "no lint errors expected: {errors:?}");
    }

    let findings = env
        .run_with_stdin(
            ["--json", "lint", "-"],
            "I hate the commute, and because the pay is low and the manager is toxic, no!",
        )
        .exits(1)
        .json();
    let rules: Vec<&str> = findings
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    for rule in [
        "detail-pay",
        "detail-commute",
        "detail-manager",
        "blame",
        "explains-because",
    ] {
        assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
    }

    let timeline = env.run(["--json", "show", &id]).ok().json()["timeline"].clone();
    let kinds: Vec<&str> = timeline
        .as_array()
        .expect("timeline")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["captured", "advised", "decided", "drafted"]);

    let first = env.path("first.json");
    env.run(["export", "--out", first.to_str().expect("path")])
        .ok();
    other.run(["restore", first.to_str().expect("path")]).ok();
    let second = other.path("second.json");
    other
        .run(["export", "--out", second.to_str().expect("path")])
        .ok();
    let a = std::fs::read_to_string(&first).expect("first export");
    let b = std::fs::read_to_string(&second).expect("second export");
    assert_eq!(a, b, "export → restore → export is lossless");
    assert_eq!(
        other.run(["--json", "drafts", &id]).ok().json(),
        env.run(["--json", "drafts", &id]).ok().json()
    );
}

#[test]
fn accept_drafts_one_reply_to_the_primary() {
    let env = Env::new();
    let id = env.add(&["--other", "Bo Chen <bo@globex.example>"]);
    let draft = env
        .run([
            "--json",
            "accept",
            &id,
            "--at",
            "2026-12-02 14:00",
            "--tz",
            "Europe/Berlin",
        ])
        .ok()
        .json();
    let drafts = draft.as_array().expect("array");
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0]["to"]["email"], "ann@globex.example");
    assert!(
        drafts[0]["body"]
            .as_str()
            .expect("body")
            .contains("Wednesday 2 December 2026 at 14:00")
    );
    let shown = env.run(["--json", "show", &id]).ok().json();
    assert_eq!(shown["status"], "accepted");
    assert_eq!(shown["decision"]["verdict"], "accept");
    assert_eq!(shown["decision"]["interview_at"], "2026-12-02T13:00:00Z");
}

#[test]
fn ids_can_be_abbreviated_and_list_shows_age() {
    let mut env = Env::new();
    env.set("BOWOUT_NOW", "2026-11-23T09:00:00Z");
    let id = env.add(&[]);
    env.set("BOWOUT_NOW", "2026-11-27T09:00:00Z");
    let shown = env.run(["--json", "show", &id[..5]]).ok().json();
    assert_eq!(shown["id"], id.as_str());
    assert_eq!(shown["age_business_days"], 4);
    assert_eq!(shown["overdue"], true);
    assert!(env.run(["list"]).ok().stdout().contains("answer owed"));
}

#[test]
fn user_templates_override_the_defaults() {
    let env = Env::new();
    std::fs::create_dir_all(env.path("templates")).expect("mkdir");
    std::fs::write(
        env.path("templates/decline.txt"),
        "Hello {{ contact.name }},\n\nNo, thank you. Please reply so that I know you have received this message.\n\n{{ me.name }}\n",
    )
    .expect("write template");
    let id = env.add(&[]);
    let drafts = env.run(["--json", "decline", &id]).ok().json();
    assert_eq!(
        drafts[0]["body"],
        "Hello Ann Lee,\n\nNo, thank you. Please reply so that I know you have received this message.\n\nDana Whitfield\n"
    );
}

#[test]
fn completions_and_man_page_are_generated() {
    let env = Env::new();
    let script = env.path("bowout.bash");
    std::fs::write(&script, env.run(["completions", "bash"]).ok().stdout()).expect("write");
    let registered = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"source "$1" && complete -p bowout"#)
        .arg("bash")
        .arg(&script)
        .output()
        .expect("run bash");
    let said = String::from_utf8_lossy(&registered.stdout);
    assert!(
        registered.status.success(),
        "bash cannot load the completion: {}",
        String::from_utf8_lossy(&registered.stderr)
    );
    assert!(said.trim_end().ends_with(" bowout"), "{said}");

    let man = env.run(["man"]).ok().stdout();
    assert!(man.contains(".TH bowout"), "{man}");
    assert!(man.contains(".SH \"EXIT STATUS\""), "{man}");
    for code in 0..=3 {
        assert!(man.contains(&format!(".TP\n\\fB{code}\\fR\n")), "{man}");
    }
    let help = env.run(["--help"]).ok().stdout();
    assert!(help.contains("\nEXIT STATUS:\n  0  Success"), "{help}");
}

/// Runs `bowout ARGS…` with standard output a pipe whose reading end is already closed, as
/// `bowout … | head -1` is once `head` has its line; returns the status and standard error.
fn with_closed_stdout(env: &Env, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let output = env
        .command()
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run bowout");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_closed_standard_output_ends_the_run_quietly_with_status_0() {
    let env = Env::new();
    env.add(&[]);
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let invitation = format!("{fixtures}/corpus/002.eml");
    let corpus = format!("{fixtures}/corpus");
    for args in [
        &["completions", "bash"][..],
        &["man"],
        &["--help"],
        &["scan", &invitation],
        &["scan", "--jsonl", "--no-progress", &corpus],
        &["list"],
        &["--json", "list"],
    ] {
        let (status, stderr) = with_closed_stdout(&env, args);
        assert_eq!(status, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}: nothing on standard error");
    }
}
