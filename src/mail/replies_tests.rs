use super::*;

fn reply(headers: &str) -> Reply {
    let raw = format!("{headers}\r\n\r\nThanks, received.\r\n");
    parse(raw.as_bytes()).expect("a header")
}

#[test]
fn threading_ids_come_without_brackets_in_reply_to_first() {
    let r = reply(
        "From: Ann Lee <Ann@Globex.example>\r\nSubject: RE: Interview\r\n\
         Message-ID: <r1@globex.example>\r\nIn-Reply-To: <m2@dana.example>\r\n\
         References: <m0@dana.example> <m1@dana.example>\r\n\
         Date: Mon, 30 Nov 2026 09:15:00 +0000",
    );
    assert_eq!(r.key, "r1@globex.example");
    assert_eq!(
        r.refs,
        ["m2@dana.example", "m1@dana.example", "m0@dana.example"]
    );
    assert_eq!(r.from.as_deref(), Some("ann@globex.example"));
    assert_eq!(r.date, Some(1_796_030_100));
    assert_eq!(r.automatic, None);
}

#[test]
fn a_reply_without_message_id_is_keyed_by_its_header() {
    let a = reply("From: a@x.example\r\nSubject: Re: hi");
    let b = reply("From: a@x.example\r\nSubject: Re: hi");
    assert!(a.key.starts_with("sha256:"));
    assert_eq!(a.key, b.key);
    assert_ne!(a.key, reply("From: b@x.example\r\nSubject: Re: hi").key);
}

#[test]
fn reply_prefixes_are_stripped_in_any_case_and_number() {
    let base = "interview invitation for data analyst 4471";
    for s in [
        "Re: Interview invitation for Data Analyst 4471",
        "AW: RE:  Interview   invitation for Data Analyst 4471",
        "Re[2]: Interview invitation for Data Analyst 4471",
        "SV: Interview invitation for Data Analyst 4471",
        "Automatic reply: Interview invitation for Data Analyst 4471",
    ] {
        assert_eq!(base_subject(s), base, "{s}");
    }
    assert_eq!(base_subject("Regarding the role"), "regarding the role");
}

#[test]
fn robots_are_recognised_by_header_or_subject() {
    let by_header = reply("From: a@x.example\r\nSubject: Re: hi\r\nAuto-Submitted: auto-replied");
    assert!(by_header.automatic.is_some());
    let human = reply("From: a@x.example\r\nSubject: Re: hi\r\nAuto-Submitted: no");
    assert!(human.automatic.is_none());
    let x = reply("From: a@x.example\r\nSubject: Re: hi\r\nX-Autoreply: yes");
    assert!(x.automatic.is_some());
    let ooo = reply("From: a@x.example\r\nSubject: Out of Office: back Monday");
    assert!(ooo.automatic.is_some());
    let de = reply("From: a@x.example\r\nSubject: Automatische Antwort: Einladung");
    assert!(de.automatic.is_some());
}

#[test]
fn junk_is_not_a_reply_and_never_panics() {
    assert_eq!(parse(b""), None);
    for junk in [&b"\x00\xff\xfe"[..], b"no header here", b":::\r\n\r\n"] {
        let _ = parse(junk);
    }
}

#[test]
fn ids_are_normalised() {
    assert_eq!(normalize_id(" <a@b> "), "a@b");
    assert_eq!(normalize_id("a@b"), "a@b");
}
