//! `bowout advise`: the interactive checklist (driven through standard input with
//! `--interactive`), reviews dated in the future, the gut pattern said plainly, and the
//! commands the advice suggests.

use crate::harness::{Env, show};

/// Eight "no" (the empty default) for the reasons, the exception and communication.
const NO_REASONS: &str = "\n\n\n\n\n\n\n\n";

const PLAINLY: &str = "A gut that is negative about every company says more about how the \
                       search is going than about this employer; consider the interview \
                       anyway.";

#[test]
fn the_checklist_asks_again_about_what_it_does_not_understand_and_records_the_answers() {
    let env = Env::new();
    let id = env.add(&[]);
    let answers = format!(
        "perhaps\nno\n{rest}y\nbad\nnegative\npay, parking\npay, co-workers\n\
         2\n2027-01-01\n2026-03-01\nSpringfield\nlong hours\n\
         six\n4\n2026-11-20\n\n\n\nChicago, IL\n",
        rest = &NO_REASONS[..6]
    );
    let run = env
        .run_with_stdin(["advise", &id, "--interactive"], &answers)
        .ok();
    let out = run.stdout();
    for needle in [
        "\"perhaps\" is not an answer: type y or n",
        "\"bad\" is not a gut feeling",
        "\"parking\" is not one of the worries",
        "2027-01-01 is in the future (today is 2026-11-27)",
        "\"six\": give 1 to 5 stars",
        "Review 3: stars (1-5)?",
        "Advice: ",
    ] {
        assert!(out.contains(needle), "{needle:?} in\n{out}");
    }
    let facts = &show(&env, &id)["facts"];
    assert_eq!(facts["poor_communication"], true, "{facts}");
    assert_eq!(facts["started_new_job"], false);
    assert_eq!(facts["gut"], "negative");
    assert_eq!(facts["concerns"], serde_json::json!(["pay", "coworkers"]));
    let reviews = facts["reviews"].as_array().expect("reviews");
    assert_eq!(reviews.len(), 2, "{facts}");
    assert_eq!(reviews[0]["stars"], 2);
    assert_eq!(reviews[0]["date"], "2026-03-01");
    assert_eq!(reviews[0]["location"], "Springfield");
    assert_eq!(reviews[0]["topic"], "long hours");
    assert_eq!(reviews[1]["stars"], 4);
    assert!(reviews[1]["location"].is_null());
    assert_eq!(facts["job_location"], "Chicago, IL");
    assert!(
        out.contains("the bad review about Springfield is about another location"),
        "the reviews reached the advice: {out}"
    );
}

#[test]
fn the_end_of_input_stops_the_checklist_and_records_nothing() {
    let env = Env::new();
    let id = env.add(&[]);
    for answers in [
        "",
        "y\nn\n",
        &format!("{NO_REASONS}negative\npay\n3\n2026-01-01\n"),
    ] {
        env.run_with_stdin(["advise", &id, "--interactive"], answers)
            .fails_with(
                1,
                "ended before it was finished (end of input): nothing was recorded",
            );
        let shown = show(&env, &id);
        assert!(shown["facts"].is_null(), "{shown}");
        assert!(!shown["timeline"].to_string().contains("advised"));
    }
    // Facts recorded earlier stay as they were.
    env.run(["advise", &id, "--gut", "positive"]).ok();
    env.run_with_stdin(["advise", &id, "--interactive"], "y\n")
        .fails_with(1, "nothing was recorded");
    assert_eq!(show(&env, &id)["facts"]["gut"], "positive");
    // With --json the questions go to standard error, the advice alone to standard output.
    let run = env
        .run_with_stdin(
            ["--json", "advise", &id, "--interactive"],
            &format!("{NO_REASONS}\n\n\n"),
        )
        .ok();
    assert_eq!(run.json()["facts"]["gut"], "neutral");
    assert!(
        run.stderr().contains("Your gut feeling?"),
        "{}",
        run.stderr()
    );
    env.run(["advise", &id, "--interactive", "--gut", "negative"])
        .fails_with(2, "--interactive");
}

#[test]
fn a_review_dated_in_the_future_is_refused() {
    let env = Env::new();
    let id = env.add(&[]);
    let before = env.snapshot();
    env.run(["advise", &id, "--review", "2,2026-11-28,Chicago"])
        .fails_with(2, "the review dated 2026-11-28 is in the future");
    assert_eq!(env.snapshot(), before, "nothing recorded");
    env.run(["advise", &id, "--review", "2,2026-11-27,Chicago"])
        .ok();
    assert_eq!(show(&env, &id)["facts"]["reviews"][0]["date"], "2026-11-27");
}

#[test]
fn a_gut_negative_about_every_company_is_said_plainly() {
    let env = Env::new();
    for _ in 0..5 {
        let other = env.add(&[]);
        env.run(["advise", &other, "--gut", "negative"]).ok();
    }
    let id = env.add(&[]);
    let advice = env
        .run(["--json", "advise", &id, "--gut", "negative"])
        .ok()
        .json();
    assert_eq!(
        advice["verdict"], "accept",
        "the gut is not counted: {advice}"
    );
    assert!(advice["cautions"].to_string().contains(PLAINLY), "{advice}");
    // The checklist reaches the same advice.
    let other = env.add(&[]);
    let out = env
        .run_with_stdin(
            ["advise", &other, "--interactive"],
            &format!("{NO_REASONS}negative\n\n\n"),
        )
        .ok()
        .stdout();
    assert!(out.contains(PLAINLY), "{out}");
    // A gut that is fine today hears nothing of it.
    let fine = env
        .run(["--json", "advise", &other, "--gut", "positive"])
        .ok()
        .json();
    assert!(!fine.to_string().contains("consider the interview anyway"));
}

#[test]
fn the_advice_names_the_full_id_in_every_command() {
    let env = Env::new();
    let id = env.add(&[]);
    let prefix = &id[..4];
    let out = env
        .run(["advise", prefix, "--started-new-job"])
        .ok()
        .stdout();
    assert!(
        out.contains(&format!(
            "You decide: `bowout decline {id}` or `bowout accept {id}`."
        )),
        "{out}"
    );
    assert!(!out.contains(" ID`"), "{out}");
    let json = env.run(["--json", "advise", prefix]).ok().json();
    assert_eq!(json["invitation_id"], id.as_str());
    assert_eq!(
        json["commands"],
        serde_json::json!([
            format!("bowout decline {id}"),
            format!("bowout accept {id}")
        ])
    );
    let accept = env
        .run(["--json", "advise", prefix, "--gut", "positive"])
        .ok()
        .json();
    assert_eq!(accept["commands"][0], format!("bowout accept {id}"));
}
