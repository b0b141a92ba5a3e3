use super::*;

fn sample<'a>(to_name: Option<&'a str>, subject: &'a str, body: &'a str) -> Outgoing<'a> {
    Outgoing {
        from_name: "Dana Whitfield",
        from_email: "dana@example.net",
        to_name,
        to_email: "ann@globex.example",
        subject,
        body,
        date: 1_795_780_800,
        message_id: "<bowout.1.abc@example.net>",
        in_reply_to: Some("<inv-1@globex.example>"),
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("ascii")
}

fn header<'a>(msg: &'a str, name: &str) -> Vec<&'a str> {
    let head = msg.split("\r\n\r\n").next().unwrap_or("");
    head.split("\r\n")
        .filter_map(|l| l.split_once(": "))
        .filter(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
        .collect()
}

#[test]
fn one_recipient_no_copies_and_threading_headers() {
    let bytes = build(&sample(
        Some("Ann Lee"),
        "Interview",
        "Hello Ann,\nThanks.\n",
    ))
    .expect("build");
    let msg = text(&bytes);
    assert_eq!(header(&msg, "To"), ["\"Ann Lee\" <ann@globex.example>"]);
    assert!(header(&msg, "Cc").is_empty() && header(&msg, "Bcc").is_empty());
    assert_eq!(
        header(&msg, "From"),
        ["\"Dana Whitfield\" <dana@example.net>"]
    );
    assert_eq!(header(&msg, "Reply-To"), header(&msg, "From"));
    assert_eq!(header(&msg, "Message-ID"), ["<bowout.1.abc@example.net>"]);
    assert_eq!(header(&msg, "In-Reply-To"), ["<inv-1@globex.example>"]);
    assert_eq!(header(&msg, "MIME-Version"), ["1.0"]);
    assert!(header(&msg, "Content-Type")[0].starts_with("text/plain; charset=utf-8"));
    assert!(header(&msg, "Date")[0].contains("2026"));
    assert!(msg.ends_with("Hello Ann,\r\nThanks.\r\n"), "{msg}");
}

#[test]
fn non_ascii_names_and_subject_are_encoded_words() {
    let bytes = build(&sample(Some("Zoë Müller"), "Entrevista – Señor", "Grüße\n")).expect("build");
    assert!(bytes.is_ascii(), "the wire form is 7-bit");
    let msg = text(&bytes);
    assert!(header(&msg, "Subject")[0].contains("=?utf-8?"), "{msg}");
    assert!(!header(&msg, "Subject")[0].contains('ñ'));
    assert!(header(&msg, "To")[0].contains("=?utf-8?"), "{msg}");
    assert!(!msg.contains("Grüße"));
}

#[test]
fn a_malformed_parent_id_is_left_out() {
    let mut m = sample(None, "Interview", "x");
    m.in_reply_to = Some("<a@b>\r\nBcc: x@y.example");
    let msg = text(&build(&m).expect("build"));
    assert!(header(&msg, "In-Reply-To").is_empty());
    assert!(!msg.contains("Bcc"));
    assert_eq!(header(&msg, "To"), ["ann@globex.example"]);
}

#[test]
fn message_ids_are_unique_and_under_the_senders_domain() {
    let a = new_message_id("dana@example.net", 5);
    let b = new_message_id("dana@example.net", 5);
    assert_ne!(a, b);
    assert!(a.starts_with("<bowout.5.") && a.ends_with("@example.net>"));
    assert!(is_message_id(&a));
}
