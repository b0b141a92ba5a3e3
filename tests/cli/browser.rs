//! The web UI in a real headless Chromium: `tests/browser/flow.mjs` (Playwright) walks a
//! newcomer through import, the advisor, a decline with a referral, a draft fixed by
//! editing, sending to the test SMTP sink, a reply, the call and the letter, and checks every
//! page with axe-core (WCAG 2.1 AA) at laptop and phone width. `scripts/test.d/60-browser.sh`
//! installs Chromium and the npm packages; `scripts/test.d/20-smtp.sh` starts the sink.
//!
//! The screenshots go to `$BOWOUT_TEST_STATE/screenshots`, or to `docs/screenshots/` with
//! `BOWOUT_UPDATE_SCREENSHOTS=1`.

use std::process::Command;

#[track_caller]
fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: the browser tests need Chromium, the npm packages and the SMTP \
             sink that ./scripts/test installs and starts; run them with ./scripts/test"
        )
    })
}

#[test]
fn a_newcomer_goes_from_import_to_the_letter_in_the_browser() {
    let root = env!("CARGO_MANIFEST_DIR");
    let shots = if std::env::var("BOWOUT_UPDATE_SCREENSHOTS").is_ok_and(|v| v == "1") {
        format!("{root}/docs/screenshots")
    } else {
        format!("{}/screenshots", var("BOWOUT_TEST_STATE"))
    };
    let mut cmd = Command::new("node");
    cmd.arg(format!("{root}/tests/browser/flow.mjs"))
        .env("BOWOUT_BIN", env!("CARGO_BIN_EXE_bowout"))
        .env("BOWOUT_SCREENSHOTS", &shots);
    for name in [
        "BOWOUT_TEST_CHROMIUM",
        "BOWOUT_TEST_BROWSER_MODULES",
        "BOWOUT_TEST_SMTP_PORT",
        "BOWOUT_TEST_SMTP_USER",
        "BOWOUT_TEST_SMTP_PASSWORD",
        "BOWOUT_TEST_SMTP_SPOOL",
    ] {
        cmd.env(name, var(name));
    }
    let out = cmd.output().expect("run node tests/browser/flow.mjs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the browser flow failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains(", 0 failed"), "{stdout}");
    assert!(
        !stdout.contains("FAILED"),
        "the browser flow reported a failure:\n{stdout}"
    );
}
