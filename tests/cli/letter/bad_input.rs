//! What the letter refuses, with one line on stderr and no file left behind.

use super::{add_invitation, env_with_address, only_files};
use crate::harness::Env;

#[test]
fn no_identity_address_no_decline_and_unwritable_paths() {
    let env = Env::new();
    let id = add_invitation(&env);
    env.run(["decline", &id]).ok();
    let out = env.path("out");
    std::fs::create_dir(&out).expect("mkdir");
    let pdf = out.join("letter.pdf");
    let pdf_arg = pdf.to_str().expect("utf-8");
    env.run(["letter", &id, "--out", pdf_arg])
        .fails_with(1, "no [identity] address");
    only_files(&out, &[]);

    let env = env_with_address();
    let id = add_invitation(&env);
    let out = env.path("out");
    std::fs::create_dir(&out).expect("mkdir");
    let pdf = out.join("letter.pdf");
    let pdf_arg = pdf.to_str().expect("utf-8");
    env.run(["letter", &id, "--out", pdf_arg])
        .fails_with(1, "no decline recorded");
    env.run(["accept", &id]).ok();
    env.run(["letter", &id, "--out", pdf_arg])
        .fails_with(1, "no decline recorded");
    only_files(&out, &[]);

    let id = add_invitation(&env);
    env.run(["decline", &id]).ok();
    // A parent that is a file, and a path that is a directory.
    std::fs::write(out.join("plain"), b"x").expect("write");
    let under_file = out.join("plain/letter.pdf");
    env.run(["letter", &id, "--out", under_file.to_str().expect("utf-8")])
        .fails_with(1, "cannot write");
    env.run(["letter", &id, "--out", out.to_str().expect("utf-8")])
        .fails_with(1, "cannot write");
    only_files(&out, &["plain"]);
    let shown = env.run(["--json", "show", &id]).ok().json();
    assert!(shown["letter"].is_null(), "a failed write records nothing");
}

#[test]
fn mailing_and_receipt_checks() {
    let env = env_with_address();
    let id = add_invitation(&env);
    env.run(["letter", &id, "--mailed", "2026-11-26", "--tracking", "RR1"])
        .fails_with(1, "no decline recorded");
    env.run(["decline", &id]).ok();
    env.run(["letter", &id, "--receipt", "2026-11-27"])
        .fails_with(1, "not recorded as mailed");
    env.run(["letter", &id, "--mailed", "2026-11-26"])
        .fails_with(2, "--tracking");
    env.run(["letter", &id, "--mailed", "26/11/2026", "--tracking", "RR1"])
        .fails_with(2, "YYYY-MM-DD");
    env.run(["letter", &id, "--mailed", "2026-12-01", "--tracking", "RR1"])
        .fails_with(2, "in the future");
    env.run([
        "letter",
        &id,
        "--mailed",
        "2026-11-26",
        "--tracking",
        "RR1\nX",
    ])
    .fails_with(2, "--tracking");
    env.run(["letter", &id, "--mailed", "2026-11-26", "--tracking", "RR1"])
        .ok();
    env.run(["letter", &id, "--receipt", "2026-11-25"])
        .fails_with(1, "before the letter was mailed");
    env.run(["letter", &id, "--receipt", "2026-11-27"]).ok();
    env.run(["letter", &id, "--mailed", "2026-11-27", "--tracking", "RR2"])
        .fails_with(1, "already has its return receipt");
}

#[test]
fn contact_set_checks() {
    let env = env_with_address();
    let id = add_invitation(&env);
    env.run([
        "contact",
        "set",
        &id,
        "--email",
        "nobody@x.example",
        "--address",
        "1 Rd",
    ])
    .fails_with(1, "no contact with address");
    env.run(["contact", "set", &id]).fails_with(2, "--address");
    let long = "x".repeat(101);
    env.run(["contact", "set", &id, "--address", &long])
        .fails_with(2, "at most 100 characters");
    env.run([
        "contact",
        "set",
        &id,
        "--email",
        "bo@creme.example",
        "--address",
        "9 Way",
    ])
    .ok();
    let shown = env.run(["--json", "show", &id]).ok().json();
    assert_eq!(shown["contacts"][1]["postal_address"], "9 Way");
    env.run([
        "contact",
        "set",
        &id,
        "--email",
        "BO@creme.example",
        "--clear-address",
    ])
    .ok();
    let shown = env.run(["--json", "show", &id]).ok().json();
    assert!(shown["contacts"][1]["postal_address"].is_null());
}
