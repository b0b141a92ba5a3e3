//! Long, realistic mail and the never-panic property over every labeled message.
//!
//! `tests/fixtures/holdout/long` holds invitations buried in what real mail carries: a
//! signature with direct, mobile, fax and toll-free numbers, tracking links, legal
//! disclaimers, ATS vendor footers, long quoted history, a 50 KB style block. Each `.json`
//! states the fields that must survive the noise.

use super::fixtures;
use super::golden::check_dir;
use crate::ingest::{Kind, analyze};

#[test]
fn long_mail_keeps_its_fields() {
    let (checked, failures) = check_dir(&fixtures("holdout").join("long"));
    assert!(checked >= 3, "long-mail fixtures missing");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// An invitation followed by megabytes of attachment and HTML is still read, and read in
/// time: the text caps keep the rules linear.
#[test]
fn huge_message_is_capped_not_slow() {
    let base = std::fs::read(fixtures("holdout").join("long").join("long_signature.eml"))
        .expect("fixture");
    let text = String::from_utf8_lossy(&base).replace(
        "Content-Type: text/plain; charset=utf-8\r\n",
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n",
    );
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let blob = "QUJD".repeat(750_000);
    let html =
        "<p>footer &amp; legal text, <a href=\"https://t.example/x\">link</a></p>".repeat(20_000);
    let raw = format!(
        "{head}\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n--b\r\n\
         Content-Type: text/html\r\n\r\n{html}\r\n--b\r\nContent-Type: application/pdf\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{blob}\r\n--b--\r\n"
    );
    let started = std::time::Instant::now();
    let a = analyze(raw.as_bytes());
    assert_eq!(a.kind, Kind::Invitation);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

/// Characters whose lower case is longer ("İ") before a label or a cue once shifted every
/// offset found in the lowered text, and slicing the original there could panic.
#[test]
fn case_folding_that_changes_length_is_safe() {
    let raw = "From: Ann Lee <ann@acme.example>\r\nTo: alex.moreau@example.org\r\n\
               Subject: Interview\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
               We'd like to invite you to a phone interview. İ the position of éé Analyst. \
               İ Req ID: é4821\r\n\r\nBest,\r\nAnn Lee\r\n";
    let a = analyze(raw.as_bytes());
    assert!(
        a.kind == Kind::Invitation || a.review,
        "found, as an invitation or to review: {a:?}"
    );
    assert_eq!(a.requisition.as_ref().map(|r| r.as_str()), Some("é4821"));
}

/// Every labeled message, cut and corrupted in many ways, is analysed without a panic.
#[test]
fn corrupted_labeled_mail_never_panics() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut files = Vec::new();
    for dir in ["corpus", "holdout"] {
        for e in std::fs::read_dir(fixtures(dir)).expect("dir").flatten() {
            if e.path().extension().is_some_and(|x| x == "eml") {
                files.push(e.path());
            }
        }
    }
    let inserts: &[&[u8]] = &[
        b"(",
        b"(ID: ",
        b"\r\n ",
        b"=?utf-8?Q?=E2=80?=",
        b"<td><td></tr>",
        b"BEGIN:VEVENT\r\nATTENDEE;CN=\"x:y\r\nDESCRIPTION:\\",
        "Sra. é ß – ".as_bytes(),
        b"Job code: -",
        b"\xff\xfe\x00",
        // Case folding that changes a character's length in bytes, in both directions.
        "İ".as_bytes(),
        "ẞ Ⱥ ".as_bytes(),
        "Interview İİ Req ID: Ⱥ".as_bytes(),
    ];
    for f in files {
        let base = std::fs::read(&f).expect("read");
        for _ in 0..12 {
            let mut bytes = base.clone();
            let at = (next() % bytes.len().max(1) as u64) as usize;
            match next() % 3 {
                0 => bytes.truncate(at),
                1 => {
                    let ins = inserts[(next() % inserts.len() as u64) as usize];
                    bytes.splice(at..at, ins.iter().copied());
                }
                _ => {
                    if let Some(b) = bytes.get_mut(at) {
                        *b = (next() & 0xff) as u8;
                    }
                }
            }
            let _ = analyze(&bytes);
        }
    }
}
