//! `send` through Postfix and `replies --imap` from Dovecot, logged in with the access token
//! of a real sign-in, and again once it ran out.

use super::{Account, Client, active, delivered, maildir, wait_until_expired, walk};
use crate::followup::{SUBJECT, reply};
use crate::harness::{Env, message_to, show};

/// A decline to Ann at a domain of this test's own; returns (invitation id, Ann's address).
fn declined(env: &Env, user: &str) -> (String, String) {
    let domain = format!("{}.example", user.split('@').next().expect("name"));
    let ann = format!("ann@{domain}");
    let id = crate::followup::add(env, "Globex", &format!("Ann Lee <{ann}>"));
    env.run(["decline", &id]).ok();
    (id, ann)
}

/// Ann's Maildir (Postfix delivers every domain into Dovecot).
fn ann_box(ann: &str) -> std::path::PathBuf {
    let (name, domain) = ann.split_once('@').expect("address");
    maildir(domain, name)
}

/// Puts Ann's reply to the message `mid` into the user's INBOX.
fn ann_replies(account: &Account, ann: &str, mid: &str, name: &str) {
    let inbox = account.inbox();
    let text = reply(
        ann,
        &format!("Re: {SUBJECT}"),
        &format!("r.{name}@example.test"),
        &[&format!("In-Reply-To: {mid}")],
    );
    let tmp = inbox.join("tmp").join(name);
    std::fs::write(&tmp, text).expect("write");
    let owner = super::var("BOWOUT_TEST_OAUTH_OWNER");
    let (uid, gid) = owner.split_once(':').expect("uid:gid");
    std::os::unix::fs::chown(
        &tmp,
        Some(uid.parse().expect("uid")),
        Some(gid.parse().expect("gid")),
    )
    .expect("chown");
    std::fs::rename(&tmp, inbox.join("new").join(name)).expect("deliver");
}

#[test]
fn send_and_replies_log_in_with_the_token_of_the_sign_in_and_keep_it_nowhere_else() {
    let account = Account::new(Client::Hour);
    let env = &account.env;
    let signed_in = account.login();
    assert_eq!(signed_in["account"], account.user.as_str());
    let kept = account.sign_in();
    let access = kept["access_token"].as_str().expect("token").to_string();
    let refresh = kept["refresh_token"].as_str().expect("refresh").to_string();

    // XOAUTH2 through Postfix, which asks Dovecot, which asks the provider.
    let (id, ann) = declined(env, &account.user);
    let sent = env.run(["send", &id]).ok();
    let shown = show(env, &id);
    let message = message_to(&shown, &ann);
    assert_eq!(message["status"], "sent");
    let mid = message["message_id"].as_str().expect("mid").to_string();
    assert!(delivered(&ann_box(&ann), &mid), "Ann has the decline");
    // The access token was still good: it was used as it was, not refreshed.
    assert_eq!(account.sign_in()["access_token"], access.as_str());

    // XOAUTH2 over IMAP, with SASL-IR.
    ann_replies(&account, &ann, &mid, "ann-1");
    let report = env.run(["--json", "replies", "--imap"]).ok().json();
    assert_eq!(report["acknowledged"], 1, "{report}");
    assert!(show(env, &id)["messages"][0]["acknowledged_at"].is_string());

    // No token anywhere but where the command keeps it: not in what bowout printed, not in
    // the database, the archive or the config, not in an export.
    let export = env.path("export.json");
    env.run(["export", "--out", export.to_str().expect("utf-8")])
        .ok();
    std::fs::remove_file(&account.kept).expect("rm");
    for secret in [&access, &refresh] {
        for text in [sent.stdout(), sent.stderr(), signed_in.to_string()] {
            assert!(!text.contains(secret.as_str()), "a token was printed");
        }
        for file in walk(env.home()) {
            let bytes = std::fs::read(&file).expect("read");
            let found = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
            assert!(!found, "a token is stored in {}", file.display());
        }
    }
}

#[test]
fn an_access_token_that_ran_out_is_refreshed_for_send_and_replies() {
    let account = Account::new(Client::Short);
    let env = &account.env;
    account.login();
    let first = account.sign_in();
    let token = |s: &serde_json::Value, k: &str| s[k].as_str().expect("token").to_string();
    wait_until_expired(&token(&first, "access_token"));

    let (id, ann) = declined(env, &account.user);
    env.run(["send", &id]).ok();
    let mid = message_to(&show(env, &id), &ann)["message_id"]
        .as_str()
        .expect("mid")
        .to_string();
    assert!(delivered(&ann_box(&ann), &mid));
    // A new access token, and the refresh token the provider rotated, were kept.
    let second = account.sign_in();
    assert_ne!(
        token(&second, "access_token"),
        token(&first, "access_token")
    );
    assert_ne!(
        token(&second, "refresh_token"),
        token(&first, "refresh_token")
    );
    assert!(
        !active(&token(&first, "refresh_token")),
        "the old one is spent"
    );

    wait_until_expired(&token(&second, "access_token"));
    ann_replies(&account, &ann, &mid, "ann-2");
    let report = env.run(["--json", "replies", "--imap"]).ok().json();
    assert_eq!(report["acknowledged"], 1, "{report}");
    let third = account.sign_in();
    assert_ne!(
        token(&third, "access_token"),
        token(&second, "access_token")
    );
}

#[test]
fn oauthbearer_is_used_where_the_server_offers_only_it() {
    let mut account = Account::new(Client::Hour);
    account.login();
    account.env.set(
        "BOWOUT_SMTP_PORT",
        &super::var("BOWOUT_TEST_OAUTH_SMTP_BEARER_PORT"),
    );
    let env = &account.env;
    let (id, ann) = declined(env, &account.user);
    env.run(["send", &id]).ok();
    let mid = message_to(&show(env, &id), &ann)["message_id"]
        .as_str()
        .expect("mid")
        .to_string();
    assert!(delivered(&ann_box(&ann), &mid));
}

#[test]
fn token_command_and_bowout_oauth_token_take_the_place_of_login() {
    let mut account = Account::new(Client::Hour);
    account.login();
    let access = account.sign_in()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    // The sign-in is gone: tokens come from elsewhere.
    account.env.run(["logout"]).ok();
    let script = account.env.path("token.sh");
    std::fs::write(&script, format!("#!/bin/sh\necho '{access}'\n")).expect("script");
    account.env.set(
        "BOWOUT_OAUTH_TOKEN_COMMAND",
        &format!("sh '{}'", script.display()),
    );
    let env = &account.env;
    let status = env.run(["--json", "login", "--status"]).ok().json();
    assert_eq!(status["source"], "token_command");
    let (id, ann) = declined(env, &account.user);
    env.run(["send", &id]).ok();
    assert_eq!(message_to(&show(env, &id), &ann)["status"], "sent");

    account.env.unset("BOWOUT_OAUTH_TOKEN_COMMAND");
    account.env.set("BOWOUT_OAUTH_TOKEN", &access);
    let report = account.env.run(["--json", "replies", "--imap"]).ok().json();
    assert_eq!(report["read"], 0, "{report}");
    assert!(!account.kept.exists(), "nothing was kept");
}
