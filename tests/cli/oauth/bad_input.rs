//! What goes wrong when signing in, each with one line naming what to do: a revoked sign-in,
//! an unreachable provider, consent denied, a forged redirect, a closed browser, a server
//! without OAuth2, another account's token, no keyring, bad settings.

use super::{Account, Client, Consent, browse, login, maildir, not_delivered, revoke, var};
use crate::harness::{Env, message_to, show};

/// An invitation declined to Ann at `domain`; (id, Ann's address).
fn declined(env: &Env, tag: &str) -> (String, String) {
    let ann = format!("ann@{tag}.example");
    let id = crate::followup::add(env, "Globex", &format!("Ann Lee <{ann}>"));
    env.run(["decline", &id]).ok();
    (id, ann)
}

fn tag(account: &Account) -> String {
    account.user.split('@').next().expect("name").to_string()
}

#[test]
fn a_revoked_sign_in_asks_to_sign_in_again_and_nothing_is_sent_or_marked() {
    let mut account = Account::new(Client::Short);
    // Microsoft's name, this machine's provider: the message names the command to run.
    account
        .env
        .set("BOWOUT_OAUTH_PROVIDER", "microsoft")
        .set("BOWOUT_OAUTH_SCOPES", "openid email offline_access");
    let signed_in = account.login();
    assert_eq!(signed_in["provider"], "microsoft");
    let kept = account.sign_in();
    revoke(
        kept["refresh_token"].as_str().expect("refresh"),
        Client::Short,
    );
    super::wait_until_expired(kept["access_token"].as_str().expect("access"));

    let env = &account.env;
    let (id, ann) = declined(env, &tag(&account));
    env.run(["send", &id])
        .fails_with(1, "sign in again: `bowout login microsoft`");
    let message = message_to(&show(env, &id), &ann).clone();
    assert_eq!(message["status"], "queued", "{message}");
    assert!(message["last_error"].is_null(), "{message}");
    assert!(message["sent_at"].is_null());
    let (name, domain) = ann.split_once('@').expect("address");
    let mid = message["message_id"].as_str().expect("mid");
    assert!(not_delivered(&maildir(domain, name), mid));
    let before = env.snapshot();
    env.run(["replies", "--imap"])
        .fails_with(1, "sign in again: `bowout login microsoft`");
    assert_eq!(env.snapshot(), before, "nothing was recorded");
}

#[test]
fn an_unreachable_provider_is_named_and_nothing_is_sent() {
    let mut account = Account::new(Client::Hour);
    // A sign-in whose access token ran out, and a provider nobody answers for.
    std::fs::write(
        &account.kept,
        r#"{"provider":"custom","account":null,"access_token":"old","expires_at":1,"refresh_token":"r1"}"#,
    )
    .expect("write");
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let url = format!("http://127.0.0.1:{closed}/token");
    account.env.set("BOWOUT_OAUTH_TOKEN_URL", &url);
    let env = &account.env;
    let (id, ann) = declined(env, &tag(&account));
    env.run(["send", &id])
        .fails_with(1, &format!("cannot reach the sign-in provider at {url}"));
    assert_eq!(message_to(&show(env, &id), &ann)["status"], "queued");
    let status = env.run(["login", "--status"]);
    assert!(
        status.stdout().contains("Refreshing failed."),
        "{}",
        status.stdout()
    );
    status.fails_with(1, "cannot reach the sign-in provider");
}

#[test]
fn denying_consent_stores_nothing_and_says_to_try_again() {
    let account = Account::new(Client::Hour);
    let mut page = String::new();
    let run = login(&account.env, &[], |url| {
        page = browse(url, &account.user, Consent::Deny);
    });
    run.fails_with(1, "the sign-in was not allowed at custom (access_denied");
    assert!(page.contains("not allowed"), "{page}");
    assert!(!account.kept.exists(), "nothing was stored");
}

#[test]
fn a_redirect_with_a_wrong_state_is_refused() {
    let account = Account::new(Client::Hour);
    let mut answer = (0, String::new());
    let run = login(&account.env, &[], |url| {
        // Where bowout listens, from the address it printed; a code with someone else's state.
        let port = url
            .split("redirect_uri=http%3A%2F%2F127.0.0.1%3A")
            .nth(1)
            .and_then(|rest| rest.split("%2F").next())
            .expect("redirect port");
        answer = super::get(&format!(
            "http://127.0.0.1:{port}/?code=stolen&state=forged"
        ));
    });
    run.fails_with(1, "refused a sign-in answer whose state does not match");
    assert_eq!(answer.0, 400, "{}", answer.1);
    assert!(!account.kept.exists(), "nothing was stored");
}

#[test]
fn a_browser_that_never_comes_back_ends_the_wait() {
    let account = Account::new(Client::Hour);
    login(&account.env, &["--timeout", "1"], |_| {})
        .fails_with(1, "no answer from the browser within 1 s");
    assert!(!account.kept.exists());
}

#[test]
fn a_server_that_offers_no_oauth2_is_named() {
    let mut env = Env::new();
    env.set("BOWOUT_OAUTH_TOKEN", "ya29.any-token")
        .set("BOWOUT_SMTP_HOST", "127.0.0.1")
        .set("BOWOUT_SMTP_PORT", &var("BOWOUT_TEST_SMTP_PORT"))
        .set("BOWOUT_SMTP_SECURITY", "none")
        .set("BOWOUT_SMTP_USERNAME", "dana@example.net")
        .set("BOWOUT_SMTP_AUTH", "oauth2")
        .set("BOWOUT_IMAP_HOST", "127.0.0.1")
        .set("BOWOUT_IMAP_PORT", &var("BOWOUT_TEST_IMAP_PORT"))
        .set("BOWOUT_IMAP_SECURITY", "none")
        .set("BOWOUT_IMAP_USERNAME", "imap8@example.test")
        .set("BOWOUT_IMAP_AUTH", "oauth2");
    let (id, ann) = declined(&env, "no-oauth");
    env.run(["send", &id]).fails_with(
        1,
        "offers no OAuth2 sign-in (XOAUTH2 or OAUTHBEARER; it offers",
    );
    assert_eq!(message_to(&show(&env, &id), &ann)["status"], "failed");
    env.run(["replies", "--imap"]).fails_with(
        1,
        "offers no OAuth2 sign-in (XOAUTH2 or OAUTHBEARER; it offers",
    );
}

#[test]
fn a_token_for_another_account_is_refused() {
    // Signing in as someone else than [imap]/[smtp] username: refused, nothing kept.
    let account = Account::new(Client::Hour);
    let other = Account::new(Client::Hour);
    login(&account.env, &[], |url| {
        browse(url, &other.user, Consent::Allow);
    })
    .fails_with(
        1,
        &format!(
            "signed in at custom as {}, but [smtp] username is {}",
            other.user, account.user
        ),
    );
    assert!(!account.kept.exists());

    // Another account's token handed over directly: the servers refuse it.
    other.login();
    let token = other.sign_in()["access_token"]
        .as_str()
        .expect("token")
        .to_string();
    let mut env = account.env;
    env.set("BOWOUT_OAUTH_TOKEN", &token);
    env.run(["replies", "--imap"])
        .fails_with(1, "XOAUTH2 refused (status 401, needed scope: mail): the token is expired, revoked or for another account than [imap] username");
    let (id, ann) = declined(&env, &tag(&other));
    env.run(["send", &id])
        .fails_with(1, "refused the OAuth2 token for");
    let message = message_to(&show(&env, &id), &ann).clone();
    assert_eq!(message["status"], "failed", "{message}");
}

#[test]
fn without_a_refresh_token_command_the_keyring_keeps_the_sign_in_or_says_it_cannot() {
    let mut account = Account::new(Client::Hour);
    account.env.unset("BOWOUT_OAUTH_REFRESH_TOKEN_COMMAND");
    let run = login(&account.env, &[], |url| {
        browse(url, &account.user, Consent::Allow);
    });
    let (id, ann) = declined(&account.env, &tag(&account));
    if !run.output.status.success() {
        // A keyring that refuses: one line naming the ways out.
        run.fails_with(1, "the OS keyring cannot keep the sign-in here (");
    }
    let status = account.env.run(["--json", "login", "--status"]);
    if status.output.status.success() {
        // A keyring that keeps it: send uses it, logout takes it out.
        assert_eq!(status.json()["stored_in"], "the OS keyring");
        account.env.run(["send", &id]).ok();
        assert_eq!(
            account.env.run(["--json", "logout"]).ok().json()["removed"],
            true
        );
    } else {
        // Nothing kept (refused, or a keyring that forgets between processes, as in a
        // container): every command says to sign in, and nothing is sent.
        status.fails_with(1, "not signed in at custom: run `bowout login custom`");
        account
            .env
            .run(["send", &id])
            .fails_with(1, "not signed in at custom: run `bowout login custom`");
        assert_eq!(
            message_to(&show(&account.env, &id), &ann)["status"],
            "queued"
        );
    }
}

#[test]
fn bad_oauth_settings_are_named() {
    let mut account = Account::new(Client::Hour);
    let (id, _) = declined(&account.env, &tag(&account));
    account.env.set("BOWOUT_SMTP_AUTH", "kerberos");
    account.env.run(["send", &id]).fails_with(
        1,
        "[smtp] auth \"kerberos\" is not one of \"password\", \"oauth2\"",
    );
    account.env.set("BOWOUT_SMTP_AUTH", "oauth2");
    account.env.set("BOWOUT_OAUTH_TOKEN", "two words");
    account
        .env
        .run(["send", &id])
        .fails_with(1, "BOWOUT_OAUTH_TOKEN is not an OAuth2 access token");
    account.env.unset("BOWOUT_OAUTH_TOKEN");
    account.env.unset("BOWOUT_OAUTH_CLIENT_ID");
    account
        .env
        .run(["login", "--no-browser"])
        .fails_with(1, "no [oauth] client_id is configured");
    account.env.set("BOWOUT_OAUTH_CLIENT_ID", "bowout-test");
    account
        .env
        .set("BOWOUT_OAUTH_TOKEN_URL", "http://idp.example.net/token");
    account
        .env
        .run(["login", "--no-browser"])
        .fails_with(1, "must be an https:// address");
    // None of it touched the message.
    assert_eq!(show(&account.env, &id)["messages"][0]["status"], "queued");
}
