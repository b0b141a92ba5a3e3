//! `bowout lint FILE|-` guards a script: exit status 1 when the linter finds an error,
//! 0 for warnings alone or a clean text; the findings print the same either way.

use crate::harness::Env;

const RUDE: &str = "I hate the commute, and because the pay is low, no!";
const LOUD: &str = "Dear Ann,\n\nThank you for the invitation. Unfortunately I must decline \
                    at this time. I am sorry!!!\n\nPlease reply so that I know you have \
                    received this message.\n\nBest regards,\nDana\n";

#[test]
fn lint_fails_on_an_error_and_passes_warnings() {
    let env = Env::new();
    let rude = env.run_with_stdin(["lint", "-"], RUDE).exits(1);
    assert_eq!(rude.code(), 1, "an error fails: {}", rude.stderr());
    assert!(
        rude.stdout().contains("Lint error [detail-pay]"),
        "{}",
        rude.stdout()
    );
    assert!(
        rude.stderr().is_empty(),
        "the findings are the message: {}",
        rude.stderr()
    );
    let json = env.run_with_stdin(["--json", "lint", "-"], RUDE);
    assert_eq!(json.code(), 1);
    assert!(json.json().as_array().is_some_and(|f| f.len() >= 4));

    let file = env.path("loud.txt");
    std::fs::write(&file, LOUD).expect("write");
    let loud = env
        .run(["lint", file.to_str().expect("utf-8")])
        .ok()
        .stdout();
    assert!(loud.contains("Lint warning [exclamation]"), "{loud}");
    assert!(!loud.contains("Lint error"), "{loud}");
    let clean = LOUD.replace("sorry!!!", "sorry.");
    env.run_with_stdin(["lint", "-"], &clean).ok();
    env.run(["lint", env.path("nowhere.txt").to_str().expect("utf-8")])
        .fails_with(1, "cannot read");
}
