//! A declined invitation gets its letter, mailed, then its return receipt.

use super::{add_invitation, env_with_address, pdf_text, poppler};
use sha2::{Digest, Sha256};

#[test]
fn letter_from_address_to_receipt() {
    let mut env = env_with_address();
    let id = add_invitation(&env);
    env.run([
        "contact",
        "set",
        &id,
        "--address",
        "Calle de Alcalá 42",
        "--address",
        "28014 Madrid, Spain",
    ])
    .ok();
    env.run(["decline", &id, "--reason", "field-fit"]).ok();

    let out = env.path("letters/núñez.pdf");
    let out_arg = out.to_str().expect("utf-8 path");
    let written = env
        .run(["--json", "letter", &id, "--out", out_arg])
        .ok()
        .json();
    let pdf = std::fs::read(&out).expect("the letter was written");
    assert!(pdf.starts_with(b"%PDF-"));
    let hash: String = Sha256::digest(&pdf)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(written["sha256"], hash.as_str());
    assert_eq!(written["no_postal_address"], false);

    let text = pdf_text(&out);
    for part in [
        "Zoë Łukasiewicz",
        "Hauptstraße 5",
        "80331 München",
        "+49 89 555 0100",
        "dana@example.net",
        "November 27, 2026",
        "Begoña Núñez",
        "Crème Analytics",
        "Calle de Alcalá 42",
        "28014 Madrid, Spain",
        "Interview invitation for Data Analyst R0034567",
        "Dear Begoña Núñez,",
        "this field is not a good fit for me at this point in my career",
        "Perhaps the timing will be better at some point in the future.",
        "Sincerely,",
        "Sent by registered mail, return receipt requested.",
    ] {
        assert!(text.contains(part), "the letter lacks {part:?}: {text}");
    }
    assert!(
        !text.contains("Bo Chen"),
        "the letter goes to the primary contact only"
    );
    assert!(
        !text.contains("Please reply"),
        "the receipt replaces the reply request"
    );
    let info = poppler("pdfinfo", &[], &out);
    assert!(info.lines().any(|l| l == "Pages:           1"), "{info}");
    let fonts = poppler("pdffonts", &[], &out);
    for row in fonts.lines().skip(2) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(
            cols.get(cols.len().saturating_sub(5)),
            Some(&"yes"),
            "{row}"
        );
    }

    let mailed = env
        .run([
            "--json",
            "letter",
            &id,
            "--mailed",
            "2026-11-27",
            "--tracking",
            "RR 123 456 789 US",
        ])
        .ok()
        .json();
    assert_eq!(mailed["mailed_on"], "2026-11-27");
    assert_eq!(mailed["receipt_overdue"], false);

    // Nine business days later the receipt is not overdue yet; after ten, it is, and the
    // agenda says so.
    env.set("BOWOUT_NOW", "2026-12-10T12:00:00Z");
    let shown = env.run(["--json", "show", &id]).ok().json();
    assert_eq!(shown["letter"]["waiting_business_days"], 9);
    assert_eq!(shown["letter"]["receipt_overdue"], false);
    // Until then it comes next on the agenda, with the day the receipt is owed.
    let agenda = env.run(["--json", "agenda"]).ok().json();
    assert!(
        !agenda["owed"].to_string().contains("letter-receipt"),
        "{agenda}"
    );
    let waiting = agenda["next"]
        .as_array()
        .expect("next")
        .iter()
        .find(|i| i["kind"] == "letter-receipt")
        .unwrap_or_else(|| panic!("no letter-receipt item ahead: {agenda}"));
    assert_eq!(waiting["due"], "2026-12-11");
    env.set("BOWOUT_NOW", "2026-12-14T12:00:00Z");
    let shown = env.run(["--json", "show", &id]).ok().json();
    assert_eq!(shown["letter"]["receipt_overdue"], true);
    let agenda = env.run(["--json", "agenda"]).ok().json();
    let items = agenda["owed"].as_array().expect("owed");
    let due = items
        .iter()
        .find(|i| i["kind"] == "letter-receipt")
        .unwrap_or_else(|| panic!("no letter-receipt item: {agenda}"));
    assert_eq!(due["invitation_id"], id.as_str());
    assert_eq!(due["due"], "2026-12-11");
    assert!(
        due["summary"].to_string().contains("RR 123 456 789 US"),
        "{due}"
    );
    assert_eq!(shown["letter"]["sha256"], hash.as_str());
    let text = env.run(["show", &id]).ok().stdout();
    assert!(text.contains("tracking RR 123 456 789 US"), "{text}");
    assert!(text.contains("overdue"), "{text}");

    env.run(["letter", &id, "--receipt", "2026-12-14"]).ok();
    let shown = env.run(["--json", "show", &id]).ok().json();
    assert_eq!(shown["letter"]["receipt_on"], "2026-12-14");
    assert_eq!(shown["letter"]["receipt_overdue"], false);
    let agenda = env.run(["--json", "agenda"]).ok().json().to_string();
    assert!(!agenda.contains("letter-receipt"), "{agenda}");
    let kinds: Vec<String> = shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .map(|e| format!("{} {}", e["kind"].as_str().unwrap_or(""), e["detail"]))
        .collect();
    let timeline = kinds.join("\n");
    assert!(timeline.contains("letter-mailed"), "{timeline}");
    assert!(timeline.contains("RR 123 456 789 US"), "{timeline}");
    assert!(timeline.contains("letter-receipt"), "{timeline}");

    // Recording the same receipt again adds nothing; the export carries the letter.
    let before = env.snapshot();
    env.run(["letter", &id, "--receipt", "2026-12-14"]).ok();
    assert_eq!(env.snapshot(), before);
    assert_eq!(before["letters"][0]["tracking"], "RR 123 456 789 US");
}

#[test]
fn a4_paper_from_config_and_no_postal_address_noted() {
    let mut env = env_with_address();
    env.set("BOWOUT_LETTER_PAPER", "a4");
    let id = add_invitation(&env);
    env.run(["decline", &id]).ok();
    let out = env.path("letter.pdf");
    let text = env
        .run(["letter", &id, "--out", out.to_str().expect("utf-8")])
        .ok()
        .stdout();
    assert!(text.contains("no postal address"), "{text}");
    let info = poppler("pdfinfo", &[], &out);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    let text = pdf_text(&out);
    assert!(text.contains("27 November 2026"), "{text}");
}
