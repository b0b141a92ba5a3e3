//! The README's examples of the agenda, the call confirmed on the phone, the interview's
//! details and the calendar, run as written (with a real id for `ID`).

use crate::harness::{Env, message_to, show};

/// The README's example line that starts with `start`, split as a shell would split it,
/// without its comment and without `bowout`; `ID` replaced by `id`.
pub fn example(start: &str, id: &str) -> Vec<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let line = readme
        .lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no README line starts with {start:?}"));
    let command = line.split_once("  # ").map_or(line, |(c, _)| c);
    let words = shlex::split(command).unwrap_or_else(|| panic!("unbalanced quotes: {line}"));
    assert_eq!(words.first().map(String::as_str), Some("bowout"), "{line}");
    words
        .into_iter()
        .skip(1)
        .map(|w| if w == "ID" { id.to_string() } else { w })
        .collect()
}

/// Runs `args` in the home directory (the README's relative paths land there).
fn run_in_home(env: &Env, args: &[String]) -> std::process::Output {
    let output = env
        .command()
        .current_dir(env.home())
        .args(args)
        .output()
        .expect("run bowout");
    assert!(
        output.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn the_readme_examples_of_closing_the_loop_and_the_calendar_run_as_written() {
    let mut env = Env::new();
    // An interview accepted with its details, as the README shows.
    let accepted = env.add(&[]);
    run_in_home(
        &env,
        &example(
            "bowout accept ID --at \"2026-12-02 14:00\" --duration",
            &accepted,
        ),
    );
    let decision = &show(&env, &accepted)["decision"];
    assert_eq!(decision["interview_minutes"], 45);
    assert_eq!(decision["interview_location"], "Globex, 1 Lake St");
    assert_eq!(
        decision["interview_video_link"],
        "https://meet.example/globex"
    );

    // A decline sent, and Ann confirming on the phone on Monday.
    let declined = crate::followup::sent_decline(&env);
    env.set("BOWOUT_NOW", "2026-11-30T10:00:00Z");
    run_in_home(
        &env,
        &example("bowout call ID --outcome reached --confirmed", &declined),
    );
    let shown = show(&env, &declined);
    assert_eq!(
        message_to(&shown, "ann@globex.example")["acknowledged_via"],
        "phone"
    );

    // The agenda: the interview comes next, the closed call and receipts are gone.
    let agenda =
        String::from_utf8(run_in_home(&env, &example("bowout agenda", "")).stdout).expect("utf-8");
    assert!(agenda.contains("Owed today"), "{agenda}");
    let next = agenda
        .split_once("\nNext:")
        .map(|(_, n)| n)
        .expect("Next section");
    assert!(
        next.contains(&format!("[2026-12-02] interview {accepted}")),
        "{agenda}"
    );
    assert!(!agenda.contains(&declined), "{agenda}");

    // The calendar file, where the README writes it: the interview with its details, the
    // call no longer due cancelled under its UID.
    run_in_home(&env, &example("bowout calendar --out bowout.ics", ""));
    let text = std::fs::read_to_string(env.path("bowout.ics")).expect("bowout.ics");
    let unfolded = text.replace("\r\n ", "");
    assert!(
        unfolded.contains("DTSTART:20261202T140000Z\r\nDTEND:20261202T144500Z\r\n"),
        "{text}"
    );
    assert!(
        unfolded.contains("LOCATION:Globex\\, 1 Lake St\r\n"),
        "{text}"
    );
    assert!(
        unfolded.contains("URL:https://meet.example/globex\r\n"),
        "{text}"
    );
    assert!(
        unfolded.contains(&format!("UID:call-{declined}@bowout\r\n")),
        "{text}"
    );
    assert_eq!(text.matches("STATUS:CANCELLED").count(), 1, "{text}");
}
