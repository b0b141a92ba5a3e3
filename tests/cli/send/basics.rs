//! One message per contact, the right headers, the copy, never twice.

use super::sink::{AnnAndBo, declined, message_to, sha256_hex, show, sink, tag};

#[test]
fn each_contact_gets_exactly_one_message_with_its_own_headers_and_copy() {
    let sink = sink();
    let env = sink.env();
    let t = tag();
    let (ann, bo, zoe) = (
        format!("ann.{t}@globex.example"),
        format!("bo.{t}@globex.example"),
        format!("zoe.{t}@globex.example"),
    );
    let id = declined(
        &env,
        &format!("Ann Lee <{ann}>"),
        &[&format!("Bo Chen <{bo}>"), &format!("Zoë Müller <{zoe}>")],
    );

    let report = env.run(["--json", "send", &id]).ok().json();
    assert_eq!(report["status"], "sent", "{report}");
    let shown = show(&env, &id);
    assert_eq!(shown["status"], "sent");
    for address in [&ann, &bo, &zoe] {
        let got = sink.deliveries(address);
        assert_eq!(got.len(), 1, "{address} must get exactly one message");
        let d = &got[0];
        let stored = message_to(&shown, address);
        assert_eq!(stored["status"], "sent");
        // To holds exactly this contact; nobody is copied.
        let to = d.header("To");
        assert_eq!(to.len(), 1);
        assert!(
            to[0].ends_with(&format!("<{address}>")) || to[0] == *address,
            "{to:?}"
        );
        assert_eq!(to[0].matches('@').count(), 1, "one address only: {to:?}");
        assert!(d.header("Cc").is_empty() && d.header("Bcc").is_empty());
        assert_eq!(d.meta["rcpt_tos"], serde_json::json!([address]));
        assert_eq!(d.meta["mail_from"], "dana@example.net");
        assert_eq!(d.meta["login"], sink.user.as_str());
        assert_eq!(d.header("From"), ["\"Dana Whitfield\" <dana@example.net>"]);
        assert_eq!(d.header("Reply-To"), d.header("From"));
        assert_eq!(
            d.header("Message-ID"),
            [stored["message_id"].as_str().expect("id")]
        );
        assert_eq!(d.header("MIME-Version"), ["1.0"]);
        assert!(d.header("Content-Type")[0].starts_with("text/plain; charset=utf-8"));
        assert!(
            d.header("Date")[0].contains("27 Nov 2026"),
            "{:?}",
            d.header("Date")
        );
        assert!(
            d.text()
                .contains("Please reply so that I know you have received")
        );
        // The archived copy holds exactly the bytes the server received.
        let copy = stored["copy"].as_str().expect("copy path");
        assert!(copy.starts_with(env.home().join("archive").to_str().expect("utf-8")));
        assert_eq!(std::fs::read(copy).expect("copy"), d.bytes);
        assert_eq!(stored["sha256"], sha256_hex(&d.bytes).as_str());
    }
    let zoe_to = &sink.deliveries(&zoe)[0].header("To")[0];
    assert!(zoe_to.starts_with("=?utf-8?"), "RFC 2047 name: {zoe_to}");
    let sent_events = shown["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["kind"] == "sent")
        .count();
    assert_eq!(sent_events, 3);

    // A second send sends nothing again.
    let again = env.run(["--json", "send", &id]).ok().json();
    assert!(
        again["messages"]
            .as_array()
            .expect("messages")
            .iter()
            .all(|m| m["action"] == "none")
    );
    for address in [&ann, &bo, &zoe] {
        assert_eq!(sink.count(address), 1, "{address} got a second message");
    }
    env.run(["decline", &id, "--reason", "field-fit"])
        .fails_with(1, "already has its declines sent");
}

#[test]
fn verify_reports_changed_and_missing_copies() {
    let sink = sink();
    let env = sink.env();
    let AnnAndBo { ann, bo, id } = AnnAndBo::declined(&env, "bo");
    env.run(["send", &id]).ok();
    let checks = env.run(["--json", "verify"]).ok().json();
    assert_eq!(checks.as_array().expect("list").len(), 2);
    assert!(
        checks
            .as_array()
            .expect("list")
            .iter()
            .all(|c| c["result"] == "intact")
    );

    let shown = show(&env, &id);
    let ann_copy = message_to(&shown, &ann)["copy"]
        .as_str()
        .expect("copy")
        .to_string();
    let mut bytes = std::fs::read(&ann_copy).expect("copy");
    bytes.extend_from_slice(b"P.S. edited later\r\n");
    std::fs::write(&ann_copy, bytes).expect("tamper");
    env.run(["verify", &id]).fails_with(1, "changed");
    std::fs::remove_file(message_to(&shown, &bo)["copy"].as_str().expect("copy")).expect("remove");
    let run = env
        .run(["--json", "verify", &id])
        .fails_with(1, "2 of 2 archived copies failed");
    let result_for = |address: &str| {
        run.json()
            .as_array()
            .expect("list")
            .iter()
            .find(|c| c["to"] == address)
            .expect("checked")["result"]
            .clone()
    };
    assert_eq!(result_for(&ann), "changed");
    assert_eq!(result_for(&bo), "missing");
}
