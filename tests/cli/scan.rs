//! `bowout scan` on every format it reads, and on bad input.

use super::harness::Env;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn corpus(n: u32) -> Vec<u8> {
    std::fs::read(fixture(&format!("corpus/{n:03}.eml"))).expect("corpus file")
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// An mbox of corpus messages: `From ` separators, body lines starting with "From "
/// quoted as mboxrd does, line ends as given.
fn mbox(ids: &[u32], crlf: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for &n in ids {
        let msg = String::from_utf8_lossy(&corpus(n)).replace("\r\n", "\n");
        out.extend_from_slice(b"From sender@example.net Mon Mar  3 16:14:25 2025\n");
        for line in msg.lines() {
            if line.trim_start_matches('>').starts_with("From ") {
                out.push(b'>');
            }
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.push(b'\n');
    }
    if crlf {
        out = String::from_utf8_lossy(&out)
            .replace('\n', "\r\n")
            .into_bytes();
    }
    out
}

#[test]
fn eml_file_reports_the_invitation_with_the_jsonl_keys() {
    let env = Env::new();
    let run = env
        .run([
            "scan",
            "--jsonl",
            fixture("corpus/002.eml").to_str().expect("utf-8"),
        ])
        .ok();
    let found = lines(&run.stdout());
    assert_eq!(found.len(), 1);
    let f = &found[0];
    for key in [
        "source",
        "message_id",
        "kind",
        "score",
        "employer",
        "agency",
        "job_title",
        "requisition",
        "round",
        "primary_contact",
        "other_contacts",
        "phone",
        "scheduling_link",
        "red_flags",
    ] {
        assert!(f.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(f["kind"], "invitation");
    assert_eq!(f["employer"], "Northwind Analytics");
    assert_eq!(f["requisition"], "4821");
}

#[test]
fn mbox_lf_and_crlf_give_one_result_per_message_with_offsets() {
    let env = Env::new();
    let ids = [1, 2, 3, 4, 35];
    for crlf in [false, true] {
        let path = env.path(if crlf { "crlf.mbox" } else { "lf.mbox" });
        std::fs::write(&path, mbox(&ids, crlf)).expect("write");
        let run = env
            .run(["scan", "--jsonl", "--all", path.to_str().expect("utf-8")])
            .ok();
        let found = lines(&run.stdout());
        assert_eq!(
            found.len(),
            ids.len(),
            "crlf={crlf}: exactly one result per message"
        );
        let kinds: Vec<&str> = found
            .iter()
            .map(|f| f["kind"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(
            kinds,
            ["other", "invitation", "other", "scam", "other"],
            "crlf={crlf}"
        );
        assert!(
            found[1]["source"].as_str().unwrap_or("").contains(".mbox:"),
            "source has the byte offset"
        );
    }
}

#[test]
fn mboxrd_quoted_from_lines_are_unquoted_and_do_not_split() {
    let env = Env::new();
    let mut raw = b"From a@b Mon Mar  3 16:14:25 2025\nFrom: Ann Lee <ann@acme.example>\nTo: dana@example.net\nSubject: Interview invitation\nMessage-ID: <q1@acme.example>\n\nWe would like to invite you to a phone interview for the Data Analyst role.\nFrom the team: welcome.\n>From here on, quoted.\n\n".to_vec();
    raw.extend_from_slice(&mbox(&[19], false));
    let path = env.path("rd.mbox");
    std::fs::write(&path, raw).expect("write");
    let found = lines(
        &env.run(["scan", "--jsonl", "--all", path.to_str().expect("utf-8")])
            .ok()
            .stdout(),
    );
    assert_eq!(
        found.len(),
        2,
        "an unquoted 'From the team' body line is not a separator"
    );
    assert_eq!(found[0]["message_id"], "q1@acme.example");
}

#[test]
fn gzip_mbox_is_read() {
    let env = Env::new();
    let path = env.path("mail.mbox.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&mbox(&[2, 5, 7], false)).expect("gzip");
    std::fs::write(&path, gz.finish().expect("gzip")).expect("write");
    let found = lines(
        &env.run(["scan", "--jsonl", path.to_str().expect("utf-8")])
            .ok()
            .stdout(),
    );
    assert_eq!(found.len(), 3);
    assert!(found.iter().all(|f| f["kind"] == "invitation"));
}

#[test]
fn maildir_plus_plus_tree_is_walked_and_nothing_is_an_invitation() {
    let env = Env::new();
    let run = env
        .run([
            "scan",
            "--jsonl",
            "--all",
            fixture("peer-mail").to_str().expect("utf-8"),
        ])
        .ok();
    let found = lines(&run.stdout());
    let nested = found
        .iter()
        .filter(|f| {
            f["source"]
                .as_str()
                .unwrap_or("")
                .contains(".My Folder.Nested Folder")
        })
        .count();
    assert_eq!(nested, 2, "both messages of the nested Maildir++ folder");
    assert!(found.len() >= 110, "every message once: {}", found.len());
    assert!(found.iter().all(|f| f["kind"] != "invitation"));
}

#[test]
fn directory_of_eml_files_is_scanned_recursively() {
    let env = Env::new();
    let dir = env.path("mail/sub");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("a.eml"), corpus(20)).expect("write");
    std::fs::write(env.path("mail/b.eml"), corpus(8)).expect("write");
    let found = lines(
        &env.run(["scan", "--jsonl", env.path("mail").to_str().expect("utf-8")])
            .ok()
            .stdout(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["employer"], "Brightwater Health");
}

#[test]
fn bad_input_warns_with_location_and_the_exit_code_says_so() {
    let env = Env::new();
    // A truncated mbox: the last message is cut inside its MIME body.
    let mut raw = mbox(&[7, 2], false);
    let cut = raw.len() - 300;
    raw.truncate(cut);
    std::fs::write(env.path("cut.mbox"), &raw).expect("write");
    // Binary junk and a file with 8-bit, broken headers.
    std::fs::write(
        env.path("junk.eml"),
        (0..5000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .expect("write");
    std::fs::write(
        env.path("broken.eml"),
        b"Subj\xe9ct: caf\xe9\nFrom: <<>>\n\n\xff\xfe",
    )
    .expect("write");
    let missing = env.path("no-such.mbox");
    let mut args: Vec<String> = vec!["scan".into(), "--jsonl".into(), "--all".into()];
    for name in ["cut.mbox", "junk.eml", "broken.eml"] {
        args.push(env.path(name).to_str().expect("utf-8").to_string());
    }
    // A path that does not exist stops the scan before it starts: a usage error.
    let mut with_missing = args.clone();
    with_missing.push(missing.to_str().expect("utf-8").to_string());
    env.run(&with_missing)
        .fails_with(2, "no-such.mbox: no such file or directory");
    // A file that exists but cannot be read (a corrupt .mbox.gz) is skipped with a warning.
    let mut gz = vec![0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0xff];
    gz.extend((0..4000u32).map(|i| (i * 7919 % 251) as u8));
    std::fs::write(env.path("corrupt.mbox.gz"), gz).expect("write");
    let corrupt = env.path("corrupt.mbox.gz");
    args.push(corrupt.to_str().expect("utf-8").to_string());
    let run = env.run(&args);
    assert_eq!(run.code(), 3, "something was skipped: {}", run.stderr());
    let found = lines(&run.stdout());
    assert_eq!(
        found.len(),
        4,
        "two mbox messages, the junk file and the broken file"
    );
    let err = run.stderr();
    assert!(
        err.contains("corrupt.mbox.gz:") && err.contains("rest of the file skipped"),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.contains("cut.mbox:") && l.contains("closing boundary")),
        "{err}"
    );
}

#[test]
fn empty_directory_and_oversized_message_do_not_fail() {
    let env = Env::new();
    std::fs::create_dir_all(env.path("empty")).expect("mkdir");
    let run = env
        .run(["scan", env.path("empty").to_str().expect("utf-8")])
        .ok();
    assert!(run.stderr().contains("no mail found"), "{}", run.stderr());
    // A message over the 40 MiB cap: its head is read, the rest skipped with a warning.
    let mut big = corpus(34);
    big.truncate(big.len() - 20);
    big.extend(std::iter::repeat_n(b"QUJDRA==\n".to_vec(), 5_200_000).flatten());
    let mut raw = b"From x@y Mon Mar  3 16:14:25 2025\n".to_vec();
    raw.extend_from_slice(&big);
    raw.extend_from_slice(&mbox(&[2], false));
    std::fs::write(env.path("big.mbox"), raw).expect("write");
    let run = env
        .run([
            "scan",
            "--jsonl",
            "--all",
            env.path("big.mbox").to_str().expect("utf-8"),
        ])
        .ok();
    assert_eq!(lines(&run.stdout()).len(), 2);
    assert!(
        run.stderr().contains("larger than 40 MiB"),
        "{}",
        run.stderr()
    );
}

/// A message the prefilter passes over still gets its row with `--all`: its Message-ID, date
/// and subject as the header block gives them, `kind: other`, and the reason.
#[test]
fn a_row_for_a_message_passed_over_carries_what_its_header_says() {
    let env = Env::new();
    let path = env.path("lunch.mbox");
    std::fs::write(
        &path,
        "From a@example.net Mon Mar  3 16:14:25 2025\n\
         From: Ann <a@example.net>\n\
         Subject: =?utf-8?q?Quarterly_figures?=\n\
         Date: Mon, 03 Mar 2025 16:14:25 +0000\n\
         Message-ID: <q1@example.net>\n\
         List-Id: <figures.example.net>\n\n\
         The figures are attached; see you at the launch call.\n",
    )
    .expect("write");
    let run = env
        .run(["scan", "--jsonl", "--all", path.to_str().expect("utf-8")])
        .ok();
    let rows = lines(&run.stdout());
    assert_eq!(rows.len(), 1, "{rows:?}");
    let row = &rows[0];
    assert_eq!(row["kind"], "other");
    assert_eq!(row["review"], false);
    assert_eq!(row["message_id"], "q1@example.net");
    assert_eq!(row["subject"], "Quarterly figures");
    assert_eq!(row["date"], 1_741_018_465);
    assert!(
        row["evidence"][0]
            .as_str()
            .is_some_and(|e| e.contains("no interview keyword")),
        "{row}"
    );
}
