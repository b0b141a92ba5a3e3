//! STARTTLS and implicit TLS with a certificate made at test time; plain text only to loopback.

use super::sink::{declined_to_ann, message_to, show, sink};

#[test]
fn starttls_and_implicit_tls_deliver_with_the_test_ca() {
    let sink = sink();
    let ca = sink.ca.to_str().expect("utf-8").to_string();
    for (port, security, listener) in [
        (sink.starttls_port, "starttls", "starttls"),
        (sink.smtps_port, "tls", "smtps"),
    ] {
        let mut env = sink.env_on(port, security);
        env.set("BOWOUT_SMTP_CA_FILE", &ca);
        let (ann, id) = declined_to_ann(&env, "ann");
        env.run(["send", &id]).ok();
        let got = sink.deliveries(&ann);
        assert_eq!(got.len(), 1, "{security}");
        assert_eq!(got[0].meta["listener"], listener);
        assert_eq!(got[0].meta["tls"], true, "{security}: delivered encrypted");
        assert_eq!(message_to(&show(&env, &id), &ann)["status"], "sent");
    }
}

#[test]
fn an_untrusted_certificate_is_refused_and_nothing_is_sent() {
    let sink = sink();
    let env = sink.env_on(sink.smtps_port, "tls");
    let (ann, id) = declined_to_ann(&env, "ann");
    env.run(["send", &id]).fails_with(1, "certificate");
    assert_eq!(sink.count(&ann), 0);
    let stored = show(&env, &id);
    let m = message_to(&stored, &ann);
    assert_eq!(m["status"], "failed");
    assert_eq!(m["attempts"], 0);
}

#[test]
fn starttls_is_required_when_configured() {
    let sink = sink();
    // The plain listener does not offer STARTTLS: bowout must not fall back to plain text.
    let env = sink.env_on(sink.port, "starttls");
    let (ann, id) = declined_to_ann(&env, "ann");
    env.run(["send", &id])
        .fails_with(1, "does not offer STARTTLS");
    assert_eq!(sink.count(&ann), 0);
}

#[test]
fn no_encryption_is_refused_towards_another_host() {
    let sink = sink();
    let mut env = sink.env();
    env.set("BOWOUT_SMTP_HOST", "smtp.example.net");
    let (_, id) = declined_to_ann(&env, "ann");
    env.run(["send", &id])
        .fails_with(1, "only allowed towards this machine");
    assert_eq!(
        show(&env, &id)["messages"],
        serde_json::json!([]),
        "nothing queued"
    );
}
