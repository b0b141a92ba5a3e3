//! Mail by others (mail-parser's suite, malformed messages, a Maildir++ tree) and generated
//! junk: every input is analysed without a panic, and none is called an invitation.

use super::fixtures;
use crate::ingest::{Kind, analyze};
use std::path::Path;

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if !p.file_name().is_some_and(|n| {
            n.to_string_lossy().starts_with("LICENSE") || n.to_string_lossy().ends_with(".md")
        }) {
            out.push(p);
        }
    }
}

#[test]
fn peer_mail_never_panics_and_is_never_an_invitation() {
    let mut files = Vec::new();
    walk(&fixtures("peer-mail"), &mut files);
    assert!(files.len() > 100, "peer mail fixtures missing");
    for f in files {
        let raw = std::fs::read(&f).expect("read");
        let a = analyze(&raw);
        assert_ne!(
            a.kind,
            Kind::Invitation,
            "{} called an invitation",
            f.display()
        );
    }
}

#[test]
fn junk_never_panics() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let base = std::fs::read(fixtures("corpus").join("002.eml")).expect("corpus");
    for round in 0..300 {
        let mut bytes = base.clone();
        for _ in 0..(round % 40 + 1) {
            if bytes.is_empty() {
                break;
            }
            let at = (next() % bytes.len() as u64) as usize;
            match next() % 4 {
                0 => bytes[at] = (next() & 0xff) as u8,
                1 => bytes.truncate(at),
                2 => bytes.insert(at.min(bytes.len()), b'\n'),
                _ => bytes
                    .splice(at..at, b"=?utf-8?B?////?= <a@@b> (((\r\n".iter().copied())
                    .for_each(drop),
            }
        }
        let _ = analyze(&bytes);
    }
    for raw in [
        &b""[..],
        b"\0\0\0",
        b"From: \r\n\r\n",
        b"Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\n--x--",
        &[0xff; 4096],
    ] {
        let _ = analyze(raw);
    }
}

/// Inputs that once panicked (found by the fuzzer or by review), kept so they never do again.
#[test]
fn past_panics_stay_fixed() {
    let mut files = Vec::new();
    walk(&fixtures("fuzz-regressions"), &mut files);
    assert!(files.len() >= 2, "regression inputs missing");
    for f in files {
        let raw = std::fs::read(&f).expect("read");
        let _ = analyze(&raw);
    }
}
