//! Likely duplicates: `add` asks (or refuses without a terminal) before recording the same
//! requisition at the same employer twice; `import` lists the ones it did not link.

use super::{listed, run_on_terminal};
use crate::harness::{Env, show};
use std::path::Path;

/// `add` of Globex's requisition 4471 as typed by hand another day, with extra arguments.
fn add_again<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "add",
        "--employer",
        "GLOBEX Inc.",
        "--title",
        "Analyst",
        "--req",
        "req #4471",
        "--primary",
        "Ann Lee <ann@globex.example>",
    ];
    args.extend_from_slice(extra);
    args
}

#[test]
fn add_refuses_a_likely_duplicate_without_a_terminal() {
    let env = Env::new();
    let first = env.add(&[]);
    env.run(add_again(&[]))
        .fails_with(
            1,
            &format!("not recorded: likely duplicate of invitation {first}"),
        )
        .fails_with(1, "--allow-duplicate");
    assert_eq!(listed(&env, true), std::slice::from_ref(&first));

    let run = env.run(add_again(&["--json", "--allow-duplicate"])).ok();
    assert!(
        run.stderr()
            .contains(&format!("warning: likely duplicate of invitation {first}")),
        "{}",
        run.stderr()
    );
    let second = run.json()["id"].as_str().expect("id").to_string();
    let mut both = listed(&env, true);
    both.sort();
    let mut expected = [first.clone(), second.clone()];
    expected.sort();
    assert_eq!(both, expected);

    // Both are named the next time (recorded in the same second: in id order); another
    // requisition is no duplicate.
    env.run(add_again(&[])).fails_with(1, &expected.join(", "));
    let mut other = add_again(&[]);
    other[6] = "4472";
    env.run(other).ok();
    assert_eq!(listed(&env, true).len(), 3);
}

#[test]
fn add_asks_on_a_terminal() {
    let env = Env::new();
    let first = env.add(&[]);
    let no = run_on_terminal(&env, &add_again(&[]), "n\n");
    assert_eq!(no.code, 1, "{}", no.screen);
    assert!(
        no.screen.contains(&format!(
            "likely duplicate of invitation {first} (same employer and requisition): record it \
             anyway? [y/N]"
        )),
        "{}",
        no.screen
    );
    assert_eq!(listed(&env, true).len(), 1);
    let yes = run_on_terminal(&env, &add_again(&[]), "y\n");
    assert_eq!(yes.code, 0, "{}", yes.screen);
    assert_eq!(listed(&env, true).len(), 2);
}

fn fixture(rel: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

/// `add` of Alderbrook's requisition as `req`, by hand; its id.
fn add_alderbrook(env: &Env, req: &str) -> String {
    env.run([
        "--json",
        "add",
        "--allow-duplicate",
        "--employer",
        "Alderbrook Pharmaceuticals UK Ltd",
        "--title",
        "Clinical Trial Project Manager",
        "--req",
        req,
        "--primary",
        "Sophie Lindqvist <sophie.lindqvist@alderbrook-pharma.example>",
    ])
    .ok()
    .json()["id"]
        .as_str()
        .expect("id")
        .to_string()
}

#[test]
fn import_lists_the_likely_duplicates_it_did_not_link() {
    // Typed by hand as "10-482": import records the mail's "10482" (no exact match to link
    // to) and names the hand-typed record as a likely duplicate.
    let env = Env::new();
    let typed = add_alderbrook(&env, "10-482");
    let report = env
        .run(["--json", "import", &fixture("holdout/h096.eml")])
        .ok()
        .json();
    assert_eq!(report["imported"][0]["outcome"], "recorded", "{report}");
    let recorded = report["ids"][0].as_str().expect("id");
    assert_eq!(
        report["likely_duplicates"],
        serde_json::json!([{
            "id": recorded,
            "source": fixture("holdout/h096.eml"),
            "existing": typed,
            "why": "same employer and requisition",
        }])
    );
    let text = env.run(["import", &fixture("holdout/h096.eml")]).ok();
    assert!(
        !text.stdout().contains("likely duplicate"),
        "a re-import is a duplicate by Message-ID, nothing new: {}",
        text.stdout()
    );

    // Recorded twice by hand: the mail links to the first and names the second.
    let mut env = Env::new();
    env.set("BOWOUT_NOW", "2026-11-26T12:00:00Z");
    let first = add_alderbrook(&env, "10482");
    env.set("BOWOUT_NOW", "2026-11-27T12:00:00Z");
    let second = add_alderbrook(&env, "10482");
    let text = env
        .run(["import", &fixture("holdout/h096.eml")])
        .ok()
        .stdout();
    assert!(text.contains(&format!("{first}  linked")), "{text}");
    assert!(
        text.contains(&format!(
            "{first}  likely duplicate of {second} (same employer and requisition)"
        )),
        "{text}"
    );
    assert_eq!(show(&env, &first)["round"], 1);
    assert_eq!(listed(&env, true).len(), 2, "nothing recorded twice");
}
