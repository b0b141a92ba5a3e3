//! The mistakes a user makes day to day, each answered by one line that says what to do:
//! a short id, a misspelt zone or command, a broken config file, a mistyped mailbox path, a
//! call before a decline, an interview time in the past, an export over an existing file.
//! Usage errors exit with 2 and change nothing; refusals exit with 1.

use crate::harness::{Env, show};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

#[test]
fn an_id_shorter_than_four_characters_is_a_usage_error() {
    let env = Env::new();
    let id = env.add(&[]);
    let before = env.snapshot();
    env.run(["show", "ab"]).fails_with(
        2,
        "invitation ids need at least four characters; \"ab\" is too short",
    );
    env.run(["decline", &id[..3]])
        .fails_with(2, "at least four characters");
    env.run(["decline", &id, "--refer", "xyz"])
        .fails_with(2, "referral ids need at least four characters");
    assert_eq!(env.snapshot(), before);
    assert_eq!(show(&env, &id[..4])["id"], id.as_str(), "four are enough");
}

#[test]
fn an_unknown_time_zone_or_command_suggests_the_nearest() {
    let env = Env::new();
    let id = env.add(&[]);
    let before = env.snapshot();
    env.run([
        "accept",
        &id,
        "--at",
        "2026-12-02 14:00",
        "--tz",
        "Europe/Berln",
    ])
    .fails_with(
        2,
        "unknown time zone \"Europe/Berln\"; did you mean Europe/Berlin?",
    );
    env.run([
        "accept",
        &id,
        "--at",
        "2026-12-02 14:00",
        "--tz",
        "Mars/Olympus",
    ])
    .fails_with(2, "unknown time zone \"Mars/Olympus\"");
    assert_eq!(env.snapshot(), before);

    let mut misspelt = Env::new();
    misspelt.set("BOWOUT_AGENDA_TIMEZONE", "America/Chicgo");
    misspelt
        .run(["list"])
        .fails_with(1, "did you mean America/Chicago? ([agenda] timezone)");

    // clap's own suggestions reach the one-line message.
    env.run(["lsit"]).fails_with(
        2,
        "unrecognized subcommand 'lsit'; tip: some similar subcommands exist",
    );
    env.run(["shwo", &id]).fails_with(2, "'show'");
    env.run(["list", "--jsn"])
        .fails_with(2, "a similar argument exists: '--json'");
}

#[test]
fn a_config_error_names_its_line_and_column() {
    let env = Env::new();
    std::fs::write(
        env.path("config.toml"),
        "[identity]\nname = \"Dana\"\nemail = \n",
    )
    .expect("config");
    let run = env
        .run(["list"])
        .fails_with(1, "config.toml: line 3, column 9: ");
    assert!(
        run.stderr().contains("string values must be quoted"),
        "{}",
        run.stderr()
    );
    assert!(
        !run.stderr().contains(" | "),
        "no source excerpt: {}",
        run.stderr()
    );
    std::fs::write(
        env.path("config.toml"),
        "[smtp]\nhost = \"h\"\nhots = \"x\"\n",
    )
    .expect("config");
    env.run(["list"])
        .fails_with(1, "line 3, column 1: unknown field `hots`");
}

#[test]
fn a_mailbox_path_that_does_not_exist_is_a_usage_error_naming_it() {
    let env = Env::new();
    let invitation = fixture("corpus/002.eml");
    let missing = env.path("no-such.mbox");
    let before = env.snapshot();
    for command in ["scan", "import", "replies"] {
        let run = env
            .run([command, arg(&invitation), arg(&missing)])
            .fails_with(
                2,
                &format!("{}: no such file or directory", missing.display()),
            );
        assert!(
            run.stdout().is_empty(),
            "{command} read nothing: {}",
            run.stdout()
        );
    }
    assert_eq!(env.snapshot(), before, "nothing was imported");
    // The same path, once it exists, is read.
    std::fs::copy(&invitation, &missing).expect("copy");
    let report = env.run(["--json", "import", arg(&missing)]).ok().json();
    assert_eq!(report["ids"].as_array().map(Vec::len), Some(1), "{report}");
}

#[test]
fn a_call_before_any_decline_says_to_decide_first() {
    let env = Env::new();
    let undecided = env.add(&[]);
    let accepted = crate::followup::add(&env, "Hooli", "Flo Gee <flo@hooli.example>");
    env.run(["accept", &accepted]).ok();
    let before = env.snapshot();
    env.run(["call", &undecided]).fails_with(
        1,
        "has no decision yet, so there is no follow-up call: decide first",
    );
    env.run(["call", &undecided, "--outcome", "reached"])
        .fails_with(1, &format!("bowout decline {undecided}"));
    env.run(["call", &accepted]).fails_with(
        1,
        "was accepted, so there is no decline to follow up by phone",
    );
    env.run(["call", &accepted, "--outcome", "voicemail"])
        .fails_with(1, &format!("decline it first (bowout decline {accepted})"));
    assert_eq!(env.snapshot(), before, "no call was logged");
}

/// Runs `bowout ARGS…` in `env` on a terminal (a pseudo-terminal from `script`), typing
/// `typed` into it; returns the exit status and everything the terminal showed.
fn on_terminal(env: &Env, args: &[&str], typed: &str) -> (i32, String) {
    let bowout = env.command();
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = vec![quote(arg(Path::new(bowout.get_program())))];
    line.extend(bowout.get_args().map(|a| quote(a.to_str().expect("utf-8"))));
    line.extend(args.iter().map(|a| quote(a)));
    let mut script = Command::new("script");
    script.env_clear();
    for (k, v) in bowout.get_envs() {
        if let Some(v) = v {
            script.env(k, v);
        }
    }
    let mut child = script
        .args(["-qec", &line.join(" "), "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run script (util-linux)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(typed.as_bytes())
        .expect("type");
    let out = child.wait_with_output().expect("wait");
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code().unwrap_or(-1), shown)
}

#[test]
fn an_interview_time_in_the_past_is_confirmed_first() {
    let env = Env::new();
    let id = env.add(&[]);
    let before = env.snapshot();
    let past = ["accept", &id, "--at", "2026-11-20 10:00"];
    // Without a terminal there is no one to ask: refused unless --yes.
    env.run(past).fails_with(
        2,
        "the interview time Friday 20 November 2026 at 10:00 (UTC) is in the past; pass --yes",
    );
    assert_eq!(env.snapshot(), before);

    // On a terminal it asks; anything but yes records nothing.
    let question = "Friday 20 November 2026 at 10:00 (UTC) is in the past; record it anyway? [y/N]";
    let (code, shown) = on_terminal(&env, &past, "n\n");
    assert!(shown.contains(question), "{shown}");
    assert!(shown.contains("nothing was recorded"), "{shown}");
    assert_eq!(code, 1, "{shown}");
    assert_eq!(env.snapshot(), before);
    let (code, shown) = on_terminal(&env, &past, "y\n");
    assert_eq!(code, 0, "{shown}");
    assert_eq!(show(&env, &id)["status"], "accepted");

    // --yes records it without asking; a time to come needs no confirmation.
    let other = crate::followup::add(&env, "Hooli", "Flo Gee <flo@hooli.example>");
    let mut yes = past.to_vec();
    yes[1] = &other;
    yes.push("--yes");
    env.run(&yes).ok();
    let later = crate::followup::add(&env, "Acme", "Gus Hu <gus@acme.example>");
    let (code, shown) = on_terminal(&env, &["accept", &later, "--at", "2026-12-02 14:00"], "");
    assert_eq!(code, 0, "{shown}");
    assert!(!shown.contains("in the past"), "{shown}");
}

#[test]
fn export_never_replaces_a_file_without_force() {
    let env = Env::new();
    env.add(&[]);
    let out = env.path("backup.json");
    std::fs::write(&out, "my own notes").expect("write");
    env.run(["export", "--out", arg(&out)]).fails_with(
        1,
        "backup.json already exists; nothing was written (pass --force",
    );
    assert_eq!(std::fs::read_to_string(&out).expect("read"), "my own notes");
    env.run(["export", "--out", arg(&out), "--force"]).ok();
    let dump: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("read")).expect("json");
    assert_eq!(dump["format"], "bowout-export");
    assert_eq!(dump["invitations"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_restored_home_keeps_its_config_and_templates_but_no_secret() {
    let mut env = Env::new();
    env.unset("BOWOUT_IDENTITY_NAME")
        .unset("BOWOUT_IDENTITY_EMAIL");
    let secret = env.path("smtp-secret");
    std::fs::write(&secret, "s3cret-from-the-command\n").expect("write");
    let config = format!(
        "# Dana's settings\n[identity]\nname = \"Dana Whitfield\"\nemail = \"dana@example.net\"\n\n\
         [smtp]\nhost = \"smtp.example.net\"\npassword_command = \"cat {}\"\n",
        secret.display()
    );
    std::fs::write(env.path("config.toml"), &config).expect("config");
    let decline = "Hi {{ contact.name }}, thank you, but no.\n{{ me.name }}\n";
    std::fs::create_dir_all(env.path("templates")).expect("mkdir");
    std::fs::write(env.path("templates/decline.txt"), decline).expect("template");
    let id = env.add(&[]);
    let file = env.path("backup.json");
    env.run(["export", "--out", arg(&file)]).ok();
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(
        !text.contains("s3cret"),
        "no password_command output in the export"
    );
    let dump: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(dump["version"], 2);
    assert_eq!(
        dump["config"],
        config.as_str(),
        "the file as written, comments too"
    );
    assert_eq!(
        dump["templates"],
        serde_json::json!([{ "name": "decline.txt", "text": decline }])
    );

    // Restored into a new home with no identity of its own, it signs as Dana.
    let mut other = Env::new();
    other
        .unset("BOWOUT_IDENTITY_NAME")
        .unset("BOWOUT_IDENTITY_EMAIL");
    other.run(["list"]).ok(); // a new home: it starts with the example config.toml
    let restored = other.run(["--json", "restore", arg(&file)]).ok().json();
    assert_eq!(restored["config"], true, "{restored}");
    assert_eq!(restored["templates"], 1, "{restored}");
    assert_eq!(
        std::fs::read_to_string(other.path("config.toml")).expect("config"),
        config
    );
    let drafts = other.run(["--json", "decline", &id]).ok().json();
    assert_eq!(
        drafts[0]["body"], "Hi Ann Lee, thank you, but no.\nDana Whitfield\n",
        "{drafts}"
    );

    // A home whose own config differs is not overwritten; nothing is restored.
    let third = Env::new();
    std::fs::write(third.path("config.toml"), "[letter]\npaper = \"a4\"\n").expect("config");
    third
        .run(["restore", arg(&file)])
        .fails_with(1, "config.toml already exists with other contents");
    assert_eq!(third.snapshot()["invitations"], serde_json::json!([]));
    assert_eq!(
        std::fs::read_to_string(third.path("config.toml")).expect("config"),
        "[letter]\npaper = \"a4\"\n"
    );
    assert!(!third.path("templates/decline.txt").exists());
}

#[test]
fn an_export_of_the_first_version_is_still_restored() {
    let source = Env::new();
    let id = source.add(&[]);
    let mut dump = source.snapshot();
    let object = dump.as_object_mut().expect("object");
    object.insert("version".into(), 1.into());
    object.remove("config");
    object.remove("templates");
    let file = source.path("v1.json");
    std::fs::write(&file, dump.to_string()).expect("write");
    let env = Env::new();
    let restored = env.run(["--json", "restore", arg(&file)]).ok().json();
    assert_eq!(restored["invitations"], 1);
    assert_eq!(restored["config"], false);
    assert_eq!(show(&env, &id)["employer"], "Globex");
    dump["version"] = 3.into();
    std::fs::write(&file, dump.to_string()).expect("write");
    Env::new().run(["restore", arg(&file)]).fails_with(
        1,
        "export version 3 is not supported (this bowout reads versions 1 to 2)",
    );
}
