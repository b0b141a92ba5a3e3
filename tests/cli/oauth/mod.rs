//! Signing in with OAuth2 against the real OpenID provider, Dovecot and Postfix that
//! ./scripts/test starts (scripts/test.d/50-oauth.sh). The browser is played over plain HTTP:
//! the provider's login form, then its consent form, then the redirect to bowout's loopback
//! listener. Each test signs in as a user of its own, so the tests run in parallel.
//!
//! The sign-in is kept by a `refresh_token_command` (a small script in the test's home): there
//! is no OS keyring here.

mod bad_input;
mod mail;
mod signin;

use crate::harness::{Env, Run, unique_suffix};
use base64::Engine;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::Stdio;

pub fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: run the tests with ./scripts/test, which starts the OpenID \
             provider, Dovecot and Postfix"
        )
    })
}

/// The provider's public clients: access tokens that live an hour, or 4 seconds.
#[derive(Debug, Clone, Copy)]
pub enum Client {
    Hour,
    Short,
}

impl Client {
    fn id(self) -> &'static str {
        match self {
            Self::Hour => "bowout-test",
            Self::Short => "bowout-short",
        }
    }
}

/// A test user: its address, its home with `[oauth]`, `[imap]` and `[smtp]` set for OAuth2,
/// and the file its `refresh_token_command` keeps the sign-in in.
pub struct Account {
    pub user: String,
    pub env: Env,
    pub kept: PathBuf,
}

impl Account {
    pub fn new(client: Client) -> Self {
        let user = format!("o{}@example.test", unique_suffix().replace('_', "-"));
        let mut env = Env::new();
        let issuer = var("BOWOUT_TEST_OIDC_URL");
        let keep = env.path("keep.sh");
        std::fs::write(
            &keep,
            "#!/bin/sh\n\
             # Keeps bowout's sign-in in a file beside this script: get, store, erase.\n\
             f=\"$(dirname \"$0\")/signin.json\"\n\
             case \"$1\" in\n\
               get) if [ -f \"$f\" ]; then cat \"$f\"; fi ;;\n\
               store) cat >\"$f.tmp\" && mv \"$f.tmp\" \"$f\" ;;\n\
               erase) rm -f \"$f\" ;;\n\
               *) exit 2 ;;\n\
             esac\n",
        )
        .expect("script");
        env.set("BOWOUT_OAUTH_PROVIDER", "custom")
            .set("BOWOUT_OAUTH_CLIENT_ID", client.id())
            .set("BOWOUT_OAUTH_AUTH_URL", &format!("{issuer}/auth"))
            .set("BOWOUT_OAUTH_TOKEN_URL", &format!("{issuer}/token"))
            .set(
                "BOWOUT_OAUTH_REFRESH_TOKEN_COMMAND",
                &format!("sh '{}'", keep.display()),
            )
            .set("BOWOUT_IDENTITY_EMAIL", &user)
            .set("BOWOUT_IMAP_HOST", "127.0.0.1")
            .set("BOWOUT_IMAP_PORT", &var("BOWOUT_TEST_OAUTH_IMAP_PORT"))
            .set("BOWOUT_IMAP_SECURITY", "none")
            .set("BOWOUT_IMAP_USERNAME", &user)
            .set("BOWOUT_IMAP_AUTH", "oauth2")
            .set("BOWOUT_SMTP_HOST", "127.0.0.1")
            .set("BOWOUT_SMTP_PORT", &var("BOWOUT_TEST_OAUTH_SMTP_PORT"))
            .set("BOWOUT_SMTP_SECURITY", "none")
            .set("BOWOUT_SMTP_USERNAME", &user)
            .set("BOWOUT_SMTP_AUTH", "oauth2");
        let kept = env.path("signin.json");
        Self { user, env, kept }
    }

    /// `bowout login` as this user, consent given.
    pub fn login(&self) -> serde_json::Value {
        let run = login(&self.env, &[], |url| {
            browse(url, &self.user, Consent::Allow);
        });
        run.ok().json()
    }

    /// The sign-in the command keeps.
    pub fn sign_in(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(&self.kept).expect("a sign-in is kept");
        serde_json::from_str(&text).expect("json")
    }

    /// The user's INBOX Maildir, made as Dovecot would (owned by the mail user).
    pub fn inbox(&self) -> PathBuf {
        let (name, domain) = self.user.split_once('@').expect("address");
        maildir(domain, name)
    }
}

/// `<maildirs>/<domain>/<name>/Maildir`, created with `cur`, `new` and `tmp` if missing.
pub fn maildir(domain: &str, name: &str) -> PathBuf {
    let owner = var("BOWOUT_TEST_OAUTH_OWNER");
    let (uid, gid) = owner.split_once(':').expect("uid:gid");
    let (uid, gid) = (uid.parse().expect("uid"), gid.parse().expect("gid"));
    let base = PathBuf::from(var("BOWOUT_TEST_OAUTH_MAILDIRS"));
    let dir = base.join(domain).join(name).join("Maildir");
    for d in [
        base.join(domain),
        base.join(domain).join(name),
        dir.clone(),
        dir.join("cur"),
        dir.join("new"),
        dir.join("tmp"),
    ] {
        if !d.exists() {
            std::fs::create_dir_all(&d).expect("mkdir");
            std::os::unix::fs::chown(&d, Some(uid), Some(gid)).expect("chown");
        }
    }
    dir
}

/// Whether a message with `message_id` is in `maildir`'s `new/`, now.
fn in_maildir(maildir: &std::path::Path, message_id: &str) -> bool {
    let Ok(entries) = std::fs::read_dir(maildir.join("new")) else {
        return false;
    };
    entries
        .flatten()
        .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|text| text.contains(message_id)))
}

/// Whether Postfix delivered the message with `message_id` into `maildir` (it delivers after
/// it accepted, so this waits up to 15 s for it).
pub fn delivered(maildir: &std::path::Path, message_id: &str) -> bool {
    for _ in 0..60 {
        if in_maildir(maildir, message_id) {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    false
}

/// Whether nothing with `message_id` reached `maildir` (given Postfix a moment).
pub fn not_delivered(maildir: &std::path::Path, message_id: &str) -> bool {
    std::thread::sleep(std::time::Duration::from_secs(1));
    !in_maildir(maildir, message_id)
}

/// Runs `bowout login --no-browser ARGS` and, once it printed the address, `browser(url)`
/// in its place. The returned run's standard error is what came after the address.
pub fn login(env: &Env, args: &[&str], browser: impl FnOnce(&str)) -> Run {
    let mut cmd = env.command();
    cmd.args(["--json", "login", "--no-browser"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start bowout login");
    let mut err = BufReader::new(child.stderr.take().expect("stderr"));
    let mut before = String::new();
    let url = loop {
        let mut line = String::new();
        if err.read_line(&mut line).expect("read stderr") == 0 {
            break None;
        }
        if line.starts_with("http") {
            break Some(line.trim().to_string());
        }
        before.push_str(&line);
    };
    if let Some(url) = &url {
        browser(url);
    }
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).expect("read stderr");
    let output = child.wait_with_output().expect("wait");
    let stderr = if url.is_some() { rest } else { before };
    Run {
        output: std::process::Output {
            status: output.status,
            stdout: output.stdout,
            stderr: stderr.into_bytes(),
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consent {
    Allow,
    Deny,
}

/// Plays the browser: follows redirects (keeping the provider's cookies), signs in as
/// `login` on the login form, then allows or denies on the consent form, until the
/// provider sends it back to bowout. Returns bowout's page.
pub fn browse(url: &str, login: &str, consent: Consent) -> String {
    let agent = agent();
    let mut cookies: Vec<(String, String)> = Vec::new();
    let mut url = url.to_string();
    let mut form: Option<Vec<(&str, &str)>> = None;
    for _ in 0..20 {
        let cookie = cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let response = match form.take() {
            Some(fields) => agent.post(&url).header("Cookie", &cookie).send_form(fields),
            None => agent.get(&url).header("Cookie", &cookie).call(),
        };
        let mut response = response.unwrap_or_else(|e| panic!("GET/POST {url}: {e}"));
        for value in response.headers().get_all("set-cookie") {
            let pair = value
                .to_str()
                .expect("cookie")
                .split(';')
                .next()
                .expect("pair");
            let (name, value) = pair.split_once('=').expect("name=value");
            cookies.retain(|(n, _)| n != name);
            cookies.push((name.to_string(), value.to_string()));
        }
        if let Some(location) = response.headers().get("location") {
            let location = location.to_str().expect("location");
            url = resolve(&url, location);
            continue;
        }
        let body = response.body_mut().read_to_string().expect("body");
        let Some(action) = attribute(&body, "action=\"") else {
            return body;
        };
        let action = resolve(&url, &action.replace("&amp;", "&"));
        if body.contains("name=\"login\"") {
            form = Some(vec![
                ("prompt", "login"),
                ("login", login),
                ("password", "any"),
            ]);
            url = action;
        } else if consent == Consent::Allow {
            form = Some(vec![("prompt", "consent")]);
            url = action;
        } else {
            url = format!("{action}/abort");
        }
    }
    panic!("the sign-in did not come back to bowout: {url}");
}

fn agent() -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build();
    ureq::Agent::new_with_config(config)
}

fn attribute(body: &str, prefix: &str) -> Option<String> {
    let start = body.find(prefix)? + prefix.len();
    let end = body[start..].find('"')?;
    Some(body[start..start + end].to_string())
}

/// `location` against `base` (absolute, or a path on the same host).
fn resolve(base: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        return location.to_string();
    }
    let scheme_end = base.find("://").expect("absolute") + 3;
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    format!("{}{location}", &base[..host_end])
}

/// A plain GET; the status and body.
pub fn get(url: &str) -> (u16, String) {
    let mut response = agent().get(url).call().expect("GET");
    let status = response.status().as_u16();
    (
        status,
        response.body_mut().read_to_string().unwrap_or_default(),
    )
}

/// Whether the provider still takes `token` (RFC 7662 introspection, as the mail servers
/// ask it).
pub fn active(token: &str) -> bool {
    let credentials = base64::engine::general_purpose::STANDARD
        .encode(format!("dovecot:{}", var("BOWOUT_TEST_OIDC_SECRET")));
    let mut response = agent()
        .post(format!(
            "{}/token/introspection",
            var("BOWOUT_TEST_OIDC_URL")
        ))
        .header("Authorization", &format!("Basic {credentials}"))
        .send_form([("token", token)])
        .expect("introspect");
    let body = response.body_mut().read_to_string().expect("body");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    v["active"] == true
}

/// Revokes `token` at the provider (RFC 7009), as a user does from their account's page.
pub fn revoke(token: &str, client: Client) {
    let response = agent()
        .post(format!("{}/token/revocation", var("BOWOUT_TEST_OIDC_URL")))
        .send_form([("token", token), ("client_id", client.id())])
        .expect("revoke");
    assert_eq!(response.status().as_u16(), 200, "revocation");
}

/// Waits until the provider no longer takes `token` (a 4-second token runs out).
pub fn wait_until_expired(token: &str) {
    for _ in 0..40 {
        if !active(token) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    panic!("the access token did not run out");
}

/// Every file under `dir`.
pub fn walk(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
