//! `bowout contact add|edit|remove|primary`: the people on an invitation corrected, each
//! change on the timeline; the primary contact and anyone a message went to stay.

use super::{details, drafts, export};
use crate::followup::sent_decline;
use crate::harness::{Env, show};

const CRLF: &str = "x\r\nBcc: victim@evil.example";

#[test]
fn contacts_are_added_edited_made_primary_and_removed() {
    let env = Env::new();
    let id = env.add(&[]);
    env.run(["decline", &id]).ok();

    let added = env
        .run([
            "--json",
            "contact",
            "add",
            &id,
            "--name",
            "Cy Diaz",
            "--email",
            "cy@globex.example",
            "--role",
            "panelist",
            "--phone",
            "+1 555 0199",
        ])
        .ok()
        .json();
    assert_eq!(added["action"], "added");
    assert_eq!(added["contact"]["email"], "cy@globex.example");
    assert_eq!(added["contact"]["primary"], false);
    assert_eq!(added["drafts_stale"], true);
    let shown = show(&env, &id);
    assert_eq!(shown["other_contacts"][0]["role"], "panelist");
    assert_eq!(shown["contacts"][1]["phone"], "+1 555 0199");

    let edited = env
        .run([
            "--json",
            "contact",
            "edit",
            &id,
            "--email",
            "ANN@globex.example",
            "--name",
            "Anne Lee",
            "--new-email",
            "anne.lee@globex.example",
        ])
        .ok()
        .json();
    assert_eq!(edited["changes"][0]["field"], "name");
    assert_eq!(edited["changes"][0]["from"], "Ann Lee");
    assert_eq!(edited["changes"][1]["to"], "anne.lee@globex.example");
    assert_eq!(
        show(&env, &id)["primary_contact"]["email"],
        "anne.lee@globex.example"
    );

    let primary = env
        .run([
            "--json",
            "contact",
            "primary",
            &id,
            "--email",
            "cy@globex.example",
        ])
        .ok()
        .json();
    assert_eq!(primary["contact"]["primary"], true);
    assert_eq!(primary["changes"][0]["from"], "anne.lee@globex.example");
    let shown = show(&env, &id);
    assert_eq!(shown["primary_contact"]["email"], "cy@globex.example");
    assert_eq!(
        shown["contacts"][0]["email"], "cy@globex.example",
        "primary first"
    );
    assert_eq!(shown["contacts"][1]["primary"], false);

    env.run([
        "contact",
        "remove",
        &id,
        "--email",
        "anne.lee@globex.example",
    ])
    .ok();
    let shown = show(&env, &id);
    let contacts = shown["contacts"].as_array().expect("contacts");
    assert_eq!(contacts.len(), 1);
    let log = details(&shown, "edited");
    for expected in [
        "contact added: Cy Diaz <cy@globex.example> (panelist)",
        "contact ann@globex.example: name changed from \"Ann Lee\" to \"Anne Lee\"",
        "primary contact changed from anne.lee@globex.example to cy@globex.example",
        "contact removed: Anne Lee <anne.lee@globex.example>",
    ] {
        assert!(
            log.contains(&expected.to_string()),
            "{expected:?} in {log:?}"
        );
    }

    // The drafts were to Ann: stale, so never sent; deciding again writes one to Cy.
    export(&env, &id).fails_with(1, "written before you edited the invitation");
    env.run(["decline", &id]).ok();
    let fresh = drafts(&env, &id);
    assert_eq!(fresh.len(), 1);
    assert_eq!(fresh[0]["to"]["email"], "cy@globex.example");
    assert!(fresh[0]["body"].as_str().expect("body").contains("Cy Diaz"));
    export(&env, &id).ok();
}

#[test]
fn the_primary_contact_and_anyone_written_to_stay() {
    let env = Env::new();
    let id = sent_decline(&env);
    env.run(["contact", "remove", &id, "--email", "ann@globex.example"])
        .fails_with(1, "make another contact primary first");
    env.run(["contact", "remove", &id, "--email", "bo@globex.example"])
        .fails_with(1, "stays on invitation");
    // Naming Bo primary does not free Ann: a decline went to her too.
    env.run(["contact", "primary", &id, "--email", "bo@globex.example"])
        .ok();
    env.run(["contact", "remove", &id, "--email", "ann@globex.example"])
        .fails_with(1, "was sent");
    assert_eq!(
        show(&env, &id)["contacts"].as_array().map(Vec::len),
        Some(2)
    );
}

#[test]
fn contact_commands_refuse_bad_input_and_write_nothing() {
    let env = Env::new();
    let id = env.add(&["--other", "Bo Chen <bo@globex.example>"]);
    let before = env.snapshot();
    let add = |name: &str, email: &str, role: &str, phone: &str| {
        env.run([
            "contact", "add", &id, "--name", name, "--email", email, "--role", role, "--phone",
            phone,
        ])
    };
    let ok = ("Cy Diaz", "cy@globex.example", "panelist", "555 0199");
    add(&format!("Cy{CRLF}"), ok.1, ok.2, ok.3).fails_with(2, "line break");
    add(ok.0, &format!("cy@globex.example{CRLF}"), ok.2, ok.3).fails_with(2, "line break");
    add(ok.0, ok.1, &format!("panelist{CRLF}"), ok.3).fails_with(2, "line break");
    add(ok.0, ok.1, ok.2, &format!("555{CRLF}")).fails_with(2, "line break");
    add(ok.0, "bo@globex.example", ok.2, ok.3).fails_with(1, "already has a contact");
    env.run([
        "contact",
        "edit",
        &id,
        "--email",
        "bo@globex.example",
        "--name",
        &format!("Bo{CRLF}"),
    ])
    .fails_with(2, "line break");
    env.run(["contact", "edit", &id, "--email", "bo@globex.example"])
        .fails_with(2, "nothing to change");
    env.run([
        "contact",
        "edit",
        &id,
        "--email",
        "zed@globex.example",
        "--name",
        "Zed",
    ])
    .fails_with(1, "no contact with address zed@globex.example");
    env.run([
        "contact",
        "edit",
        &id,
        "--email",
        "bo@globex.example",
        "--new-email",
        "ann@globex.example",
    ])
    .fails_with(1, "already has another contact");
    env.run([
        "contact",
        "remove",
        &id,
        "--email",
        &format!("bo@globex.example{CRLF}"),
    ])
    .fails_with(2, "line break");
    env.run([
        "contact",
        "primary",
        "zzzzzzzzzzzz",
        "--email",
        "bo@globex.example",
    ])
    .fails_with(1, "no invitation with id");
    assert_eq!(env.snapshot(), before, "nothing was written");
}
