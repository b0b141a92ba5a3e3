//! `bowout login`, `login --status` and `logout` against the real provider.

use super::{Account, Client, Consent, browse, login};

#[test]
fn login_keeps_the_sign_in_and_status_and_logout_report_on_it() {
    let account = Account::new(Client::Hour);
    let env = &account.env;
    let signed_in = account.login();
    assert_eq!(signed_in["provider"], "custom");
    assert_eq!(signed_in["account"], account.user.as_str());
    assert_eq!(signed_in["stored_in"], "refresh_token_command");
    assert_eq!(signed_in["refresh_token"], true);
    assert!(signed_in["expires_at"].is_string());
    let kept = account.sign_in();
    assert_eq!(kept["account"], account.user.as_str());
    assert!(kept["refresh_token"].is_string());

    let status = env.run(["--json", "login", "--status"]).ok().json();
    assert_eq!(status["signed_in"], true);
    assert_eq!(status["account"], account.user.as_str());
    assert_eq!(status["refresh_works"], true);
    assert!(status["problem"].is_null());
    let text = env.run(["login", "--status"]).ok().stdout();
    assert!(
        text.contains(&format!("Signed in at custom as {}", account.user)),
        "{text}"
    );
    assert!(text.contains("Refreshing works."), "{text}");

    let out = env.run(["--json", "logout"]).ok().json();
    assert_eq!(out["removed"], true);
    assert!(!account.kept.exists(), "the sign-in is erased");
    let status = env.run(["--json", "login", "--status"]);
    assert_eq!(status.json()["signed_in"], false);
    status.fails_with(1, "not signed in at custom: run `bowout login custom`");
}

#[test]
fn the_provider_on_the_command_line_must_be_the_configured_one() {
    let account = Account::new(Client::Hour);
    account
        .env
        .run(["login", "google", "--no-browser"])
        .fails_with(1, "[oauth] provider is \"custom\", not \"google\"");
    assert!(!account.kept.exists());
}

#[test]
fn the_browser_page_says_the_sign_in_worked() {
    let account = Account::new(Client::Hour);
    let mut page = String::new();
    login(&account.env, &["custom"], |url| {
        page = browse(url, &account.user, Consent::Allow);
    })
    .ok();
    assert!(
        page.contains("Signed in. You can close this window"),
        "{page}"
    );
    assert!(account.kept.exists());
}
