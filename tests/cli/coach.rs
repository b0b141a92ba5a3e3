//! Coach mode through the binary, on the test PostgreSQL server: accounts, `--user`, and
//! `serve --multi-user` walked route by route as the wrong user, as a coach not assigned,
//! and without a session.

use crate::harness::Env;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

const PASSWORD: &str = "correct horse battery";

/// A PostgreSQL-backed home with accounts: alice and bob (seekers), carol (coach of bob),
/// dave (a coach with no seekers) and root (admin).
struct Firm {
    env: Env,
    alice_inv: String,
    bob_inv: String,
    bob_id: String,
}

fn add_user(env: &Env, name: &str, role: &str) -> Value {
    env.run_with_stdin(
        [
            "--json",
            "user",
            "add",
            name,
            "--role",
            role,
            "--full-name",
            "Pat Example",
            "--email",
            "pat@example.net",
        ],
        &format!("{PASSWORD}\n"),
    )
    .ok()
    .json()
}

fn add_as(env: &Env, user: &str, employer: &str) -> String {
    env.run([
        "--user",
        user,
        "--json",
        "add",
        "--employer",
        employer,
        "--title",
        "Data Analyst",
        "--primary",
        "Ann Lee <ann@globex.example>",
    ])
    .ok()
    .json()["id"]
        .as_str()
        .expect("id")
        .to_string()
}

impl Firm {
    fn new() -> Self {
        let env = Env::postgres();
        add_user(&env, "alice", "seeker");
        let bob_id = add_user(&env, "bob", "seeker")["id"]
            .as_str()
            .expect("id")
            .to_string();
        add_user(&env, "carol", "coach");
        add_user(&env, "dave", "coach");
        add_user(&env, "root", "admin");
        env.run(["user", "assign", "carol", "bob"]).ok();
        let alice_inv = add_as(&env, "alice", "Alicecorp");
        let bob_inv = add_as(&env, "bob", "Bobworks");
        Self {
            env,
            alice_inv,
            bob_inv,
            bob_id,
        }
    }
}

#[test]
fn accounts_are_added_listed_assigned_and_given_tokens_of_which_only_a_hash_is_kept() {
    let env = Env::postgres();
    let added = add_user(&env, "alice", "seeker");
    assert_eq!(added["name"], "alice");
    assert_eq!(added["role"], "seeker");
    add_user(&env, "carol", "coach");
    env.run_with_stdin(["user", "add", "alice", "--role", "coach"], PASSWORD)
        .fails_with(1, "already a user called \"alice\"");
    env.run_with_stdin(["user", "add", "eve", "--role", "seeker"], "short\n")
        .fails_with(2, "at least 10 characters");
    env.run_with_stdin(["user", "add", "eve", "--role", "boss"], PASSWORD)
        .fails_with(2, "not a role");
    env.run_with_stdin(["user", "add", "e ve", "--role", "seeker"], PASSWORD)
        .fails_with(2, "not a user name");
    let users = env.run(["--json", "user", "list"]).ok().json();
    let names: Vec<&str> = users
        .as_array()
        .expect("list")
        .iter()
        .map(|u| u["name"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["alice", "carol"]);
    let assigned = env
        .run(["--json", "user", "assign", "carol", "alice"])
        .ok()
        .json();
    assert_eq!(assigned["already"], false);
    let again = env
        .run(["--json", "user", "assign", "carol", "alice"])
        .ok()
        .json();
    assert_eq!(again["already"], true);
    env.run(["user", "assign", "alice", "carol"])
        .fails_with(1, "not a coach");
    let token = env.run(["user", "token", "alice"]).ok().stdout();
    let token = token.trim();
    assert!(token.len() >= 40, "{token}");
    let url = database_url(&env);
    let stored = psql(&url, "SELECT token_hash FROM bowout_accounts.api_tokens");
    assert!(!stored.contains(token), "the token itself is stored");
    assert!(stored.contains(&sha256_hex(token)), "{stored}");
    let hashes = psql(&url, "SELECT password_hash FROM bowout_accounts.users");
    assert!(hashes.contains("$argon2id$"), "{hashes}");
    assert!(!hashes.contains(PASSWORD));
    let revoked = env
        .run(["--json", "user", "token", "alice", "--revoke"])
        .ok()
        .json();
    assert_eq!(revoked["revoked"], 1);
    let log = env.run(["--json", "user", "audit", "alice"]).ok().json();
    let kinds: Vec<&str> = log
        .as_array()
        .expect("log")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    for kind in ["user-added", "assigned", "token-created", "token-revoked"] {
        assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
    }
}

#[test]
fn accounts_need_postgresql_and_user_needs_a_seeker() {
    let env = Env::new();
    env.run(["user", "list"])
        .fails_with(2, "PostgreSQL database");
    let env = Env::postgres();
    add_user(&env, "carol", "coach");
    env.run(["--user", "carol", "list"])
        .fails_with(2, "only a seeker has records");
    env.run(["--user", "nobody", "list"])
        .fails_with(2, "no user called \"nobody\"");
}

#[test]
fn each_seeker_reaches_only_their_own_records_from_the_command_line() {
    let firm = Firm::new();
    let env = &firm.env;
    let alice = env.run(["--user", "alice", "--json", "list"]).ok().json();
    assert_eq!(alice.as_array().expect("list").len(), 1);
    assert_eq!(alice[0]["employer"], "Alicecorp");
    let bob = env.run(["--user", "bob", "--json", "list"]).ok().json();
    assert_eq!(bob.as_array().expect("list").len(), 1);
    assert_eq!(bob[0]["employer"], "Bobworks");
    env.run(["--user", "bob", "show", &firm.alice_inv])
        .fails_with(1, "no invitation with id");
    env.run([
        "--user",
        "bob",
        "edit",
        &firm.alice_inv,
        "--title",
        "Stolen",
    ])
    .fails_with(1, "no invitation with id");
    env.run(["--user", "bob", "delete", &firm.alice_inv, "--yes"])
        .fails_with(1, "no invitation with id");
    // A guessed prefix of another user's id finds nothing either.
    env.run(["--user", "bob", "show", &firm.alice_inv[..6]])
        .fails_with(1, "no invitation with id");
    let shown = env
        .run(["--user", "alice", "--json", "show", &firm.alice_inv])
        .ok()
        .json();
    assert_eq!(shown["job_title"], "Data Analyst");
    // The export of one seeker holds exactly that seeker's records.
    let out = env.path("alice.json");
    env.run([
        "--user",
        "alice",
        "export",
        "--out",
        out.to_str().expect("path"),
    ])
    .ok();
    let text = std::fs::read_to_string(&out).expect("export");
    assert!(text.contains("Alicecorp"));
    assert!(!text.contains("Bobworks"));
    assert!(!text.contains(&firm.bob_inv));
    let log = env.run(["--json", "user", "audit", "alice"]).ok().json();
    assert!(
        log.as_array()
            .expect("log")
            .iter()
            .any(|e| e["kind"] == "export"),
        "{log}"
    );
}

/// A running `bowout serve --multi-user`, stopped when dropped.
struct Served {
    child: Child,
    base: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(env: &Env, extra: &[&str]) -> Served {
    let mut child = env
        .command()
        .args(["serve", "--multi-user", "--addr", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start bowout serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read the first line");
    let line = line.trim().to_string();
    let base = line
        .strip_suffix("/login")
        .unwrap_or_else(|| panic!("the first line is the sign-in address: {line:?}"))
        .to_string();
    Served { child, base }
}

fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build(),
    )
}

/// A signed-in browser: its session cookie and CSRF token.
struct Browser {
    cookie: String,
    csrf: String,
}

fn login_response(s: &Served, name: &str, password: &str) -> ureq::http::Response<ureq::Body> {
    agent()
        .post(&format!("{}/login", s.base))
        .header("origin", &s.base)
        .header("content-type", "application/x-www-form-urlencoded")
        .send(format!(
            "name={name}&password={}",
            password.replace(' ', "+")
        ))
        .expect("POST /login")
}

fn login(s: &Served, name: &str) -> Browser {
    let res = login_response(s, name, PASSWORD);
    assert_eq!(res.status(), 303, "signing in as {name}");
    let set = res.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_string();
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Max-Age="),
        "{set}"
    );
    let cookie = set.split(';').next().expect("pair").to_string();
    let to = res.headers()["location"]
        .to_str()
        .expect("location")
        .to_string();
    let (_, page) = get(s, Some(&cookie), &to);
    let csrf = page
        .split("name=\"csrf-token\" content=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("no CSRF token on {to}: {page}"))
        .to_string();
    Browser { cookie, csrf }
}

fn get(s: &Served, cookie: Option<&str>, path: &str) -> (u16, String) {
    let mut req = agent().get(&format!("{}{path}", s.base));
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    let mut res = req.call().expect("GET");
    let status = res.status().as_u16();
    (status, res.body_mut().read_to_string().unwrap_or_default())
}

fn post(s: &Served, who: Option<&Browser>, path: &str, form: &str) -> (u16, String) {
    let mut req = agent()
        .post(&format!("{}{path}", s.base))
        .header("origin", &s.base)
        .header("content-type", "application/x-www-form-urlencoded");
    let mut body = form.to_string();
    if let Some(b) = who {
        req = req.header("cookie", &b.cookie);
        body = format!("_csrf={}&{form}", b.csrf);
    }
    let mut res = req.send(body).expect("POST");
    let status = res.status().as_u16();
    (status, res.body_mut().read_to_string().unwrap_or_default())
}

/// Every route that names an invitation, as (method, path with `ID`).
const RECORD_ROUTES: &[(&str, &str)] = &[
    ("GET", "/invitations/ID"),
    ("GET", "/invitations/ID/delete"),
    ("GET", "/invitations/ID/advise"),
    ("GET", "/invitations/ID/decline"),
    ("GET", "/invitations/ID/accept"),
    ("GET", "/invitations/ID/drafts"),
    ("GET", "/invitations/ID/send"),
    ("GET", "/invitations/ID/call"),
    ("GET", "/invitations/ID/letter"),
    ("GET", "/invitations/ID/letter.pdf"),
    ("GET", "/api/invitations/ID"),
    ("GET", "/api/invitations/ID/drafts"),
    ("GET", "/api/invitations/ID/referrals"),
    ("GET", "/api/invitations/ID/call"),
    ("GET", "/api/invitations/ID/send"),
    ("POST", "/invitations/ID/edit"),
    ("POST", "/invitations/ID/dismiss"),
    ("POST", "/invitations/ID/undismiss"),
    ("POST", "/invitations/ID/delete"),
    ("POST", "/invitations/ID/contacts"),
    ("POST", "/invitations/ID/contacts/edit"),
    ("POST", "/invitations/ID/contacts/remove"),
    ("POST", "/invitations/ID/contacts/primary"),
    ("POST", "/invitations/ID/contacts/address"),
    ("POST", "/invitations/ID/advise"),
    ("POST", "/invitations/ID/decline"),
    ("POST", "/invitations/ID/accept"),
    ("POST", "/invitations/ID/drafts/someone"),
    ("POST", "/invitations/ID/send"),
    ("POST", "/invitations/ID/eml"),
    ("POST", "/invitations/ID/call"),
    ("POST", "/invitations/ID/letter/mailed"),
    ("POST", "/invitations/ID/letter/receipt"),
    ("POST", "/api/invitations/ID/call"),
    ("POST", "/api/invitations/ID/advice"),
    ("POST", "/api/invitations/ID/advise"),
    ("POST", "/api/invitations/ID/lint"),
    ("POST", "/api/invitations/ID/decline"),
    ("POST", "/api/invitations/ID/dismiss"),
    ("POST", "/api/invitations/ID/undismiss"),
    ("POST", "/api/invitations/ID/send"),
    ("POST", "/coach/notes/ID"),
];

/// Every route that lists or summarises the user's own records.
const LIST_ROUTES: &[&str] = &[
    "/",
    "/agenda",
    "/referrals",
    "/replies",
    "/import",
    "/settings",
    "/review",
    "/calendar.ics",
    "/api/invitations",
    "/api/agenda",
    "/api/referrals",
    "/api/review",
];

/// A form with every field any of the routes reads, so that a refusal is never about the
/// form.
const FORM: &str = "reason=accepted-job&email=ann%40globex.example&name=Ann+Lee&outcome=reached\
                    &date=2026-11-20&tracking=RR123456789US&body=Hello&text=Hello&gut=negative\
                    &at=2026-12-02+14%3A00&tz=UTC&confirm=1&employer=Evil&title=Evil";

fn walk(s: &Served, who: Option<&Browser>, id: &str, expect_get: u16, expect_post: u16) {
    for (method, route) in RECORD_ROUTES {
        let path = route.replace("ID", id);
        let (status, body) = match *method {
            "GET" => get(s, who.map(|b| b.cookie.as_str()), &path),
            _ => post(s, who, &path, FORM),
        };
        let expected = if *method == "GET" {
            expect_get
        } else {
            expect_post
        };
        assert_eq!(status, expected, "{method} {path}: {body}");
        assert!(
            !body.contains("Alicecorp"),
            "{method} {path} shows alice's record"
        );
    }
}

#[test]
fn every_route_answers_404_to_the_wrong_user_and_401_without_a_session() {
    let firm = Firm::new();
    let s = serve(&firm.env, &[]);
    let alice = login(&s, "alice");
    let bob = login(&s, "bob");
    let carol = login(&s, "carol");
    let dave = login(&s, "dave");
    let root = login(&s, "root");

    // The owner reaches the record (so that the walks below could fail).
    let (status, page) = get(
        &s,
        Some(&alice.cookie),
        &format!("/invitations/{}", firm.alice_inv),
    );
    assert_eq!(status, 200);
    assert!(page.contains("Alicecorp"));

    // Another seeker, a coach not assigned, a coach looking at another seeker, the admin:
    // 404 for reads and writes alike.
    walk(&s, Some(&bob), &firm.alice_inv, 404, 404);
    walk(&s, Some(&dave), &firm.alice_inv, 404, 404);
    walk(&s, Some(&root), &firm.alice_inv, 404, 404);
    walk(&s, Some(&dave), &firm.bob_inv, 404, 404);
    // A guessed id, and a guessed prefix of a real one.
    walk(&s, Some(&bob), "zzzzzzzzzzzz", 404, 404);
    walk(&s, Some(&bob), &firm.alice_inv[..5], 404, 404);
    // Without a session: 401, whatever the route.
    walk(&s, None, &firm.alice_inv, 401, 401);
    for path in LIST_ROUTES.iter().skip(1) {
        assert_eq!(get(&s, None, path).0, 401, "GET {path} without a session");
    }
    assert_eq!(get(&s, None, "/").0, 303, "/ sends to the sign-in page");

    // The lists show each seeker their own records only.
    for path in LIST_ROUTES {
        let (status, body) = get(&s, Some(&bob.cookie), path);
        assert_eq!(status, 200, "GET {path} as bob: {body}");
        assert!(
            !body.contains("Alicecorp"),
            "GET {path} as bob shows alice's"
        );
    }
    let (_, list) = get(&s, Some(&bob.cookie), "/api/invitations");
    assert!(list.contains("Bobworks"), "{list}");

    // A coach not assigned cannot look at a seeker; nor can a seeker.
    assert_eq!(
        post(&s, Some(&dave), &format!("/coach/view/{}", firm.bob_id), "").0,
        404
    );
    assert_eq!(
        post(
            &s,
            Some(&alice),
            &format!("/coach/view/{}", firm.bob_id),
            ""
        )
        .0,
        404
    );
    // The assigned coach sees the seeker's pages, read-only, and still not alice's.
    let (status, coach_page) = get(&s, Some(&carol.cookie), "/coach");
    assert_eq!(status, 200);
    assert!(coach_page.contains("bob"), "{coach_page}");
    assert!(!coach_page.contains("alice"), "{coach_page}");
    assert_eq!(
        post(
            &s,
            Some(&carol),
            &format!("/coach/view/{}", firm.bob_id),
            ""
        )
        .0,
        303
    );
    let (status, page) = get(
        &s,
        Some(&carol.cookie),
        &format!("/invitations/{}", firm.bob_inv),
    );
    assert_eq!(status, 200, "{page}");
    assert!(
        page.contains("Bobworks") && page.contains("read-only"),
        "{page}"
    );
    walk(&s, Some(&carol), &firm.alice_inv, 404, 404);
    let (status, body) = post(
        &s,
        Some(&carol),
        &format!("/invitations/{}/dismiss", firm.bob_inv),
        "reason=duplicate",
    );
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("read-only"), "{body}");
    // The coach's note shows on the seeker's page.
    let (status, _) = post(
        &s,
        Some(&carol),
        &format!("/coach/notes/{}", firm.bob_inv),
        "body=Call+Ann+before+Friday&to_email=",
    );
    assert_eq!(status, 303);
    let (_, page) = get(
        &s,
        Some(&bob.cookie),
        &format!("/invitations/{}", firm.bob_inv),
    );
    assert!(page.contains("Call Ann before Friday"), "{page}");
    let (_, page) = get(
        &s,
        Some(&alice.cookie),
        &format!("/invitations/{}", firm.alice_inv),
    );
    assert!(!page.contains("Call Ann before Friday"));
}

#[test]
fn api_tokens_act_as_their_user_until_revoked() {
    let firm = Firm::new();
    let token = firm.env.run(["user", "token", "bob"]).ok().stdout();
    let token = token.trim().to_string();
    let s = serve(&firm.env, &[]);
    let call = |path: &str, token: &str| {
        let mut res = agent()
            .get(&format!("{}{path}", s.base))
            .header("authorization", &format!("Bearer {token}"))
            .call()
            .expect("GET");
        (
            res.status().as_u16(),
            res.body_mut().read_to_string().unwrap_or_default(),
        )
    };
    let (status, list) = call("/api/invitations", &token);
    assert_eq!(status, 200);
    assert!(
        list.contains("Bobworks") && !list.contains("Alicecorp"),
        "{list}"
    );
    assert_eq!(
        call(&format!("/api/invitations/{}", firm.alice_inv), &token).0,
        404
    );
    assert_eq!(
        call(&format!("/api/invitations/{}", firm.bob_inv), &token).0,
        200
    );
    assert_eq!(call("/", &token).0, 401, "a token opens the API only");
    assert_eq!(call("/api/invitations", "not-a-token").0, 401);
    firm.env.run(["user", "token", "bob", "--revoke"]).ok();
    let (status, body) = call("/api/invitations", &token);
    assert_eq!(status, 401);
    assert!(body.contains("revoked"), "{body}");
    let log = firm.env.run(["--json", "user", "audit", "bob"]).ok().json();
    assert!(
        log.as_array()
            .expect("log")
            .iter()
            .any(|e| e["kind"] == "token-used"),
        "{log}"
    );
}

/// Each user's list of invitations is kept in memory: never another user's, and read again
/// at once after a change made through the server.
#[test]
fn each_user_s_kept_list_is_their_own_and_a_change_shows_at_once() {
    let firm = Firm::new();
    let s = serve(&firm.env, &[]);
    let (alice, bob) = (login(&s, "alice"), login(&s, "bob"));
    for _ in 0..2 {
        let (status, list) = get(&s, Some(&bob.cookie), "/api/invitations");
        assert_eq!(status, 200);
        assert!(
            list.contains("Bobworks") && !list.contains("Alicecorp"),
            "{list}"
        );
        let (status, list) = get(&s, Some(&alice.cookie), "/api/invitations");
        assert_eq!(status, 200);
        assert!(
            list.contains("Alicecorp") && !list.contains("Bobworks"),
            "{list}"
        );
    }
    let (status, body) = post(
        &s,
        Some(&bob),
        &format!("/invitations/{}/dismiss", firm.bob_inv),
        "reason=duplicate",
    );
    assert!(status < 400, "{status} {body}");
    let (_, list) = get(&s, Some(&bob.cookie), "/api/invitations");
    assert!(
        !list.contains("Bobworks"),
        "a dismissed invitation is listed: {list}"
    );
    let (_, list) = get(&s, Some(&alice.cookie), "/api/invitations");
    assert!(list.contains("Alicecorp"), "{list}");
}

#[test]
fn sign_in_is_rate_limited_and_a_removed_user_s_session_ends() {
    let firm = Firm::new();
    let s = serve(&firm.env, &["--public-url", "https://coach.example"]);
    let res = login_response(&s, "bob", "wrong password!");
    assert_eq!(res.status(), 401);
    // A browser from elsewhere cannot post the sign-in form.
    let (status, _) = {
        let mut res = agent()
            .post(&format!("{}/login", s.base))
            .header("origin", "https://evil.example")
            .header("content-type", "application/x-www-form-urlencoded")
            .send(format!("name=bob&password={}", PASSWORD.replace(' ', "+")))
            .expect("POST");
        (
            res.status().as_u16(),
            res.body_mut().read_to_string().unwrap_or_default(),
        )
    };
    assert_eq!(status, 403);
    // Behind TLS the cookie is Secure.
    let ok = login_response(&s, "alice", PASSWORD);
    assert_eq!(ok.status(), 303);
    assert!(
        ok.headers()["set-cookie"]
            .to_str()
            .expect("cookie")
            .contains("; Secure")
    );
    for _ in 0..4 {
        assert_eq!(login_response(&s, "bob", "wrong password!").status(), 401);
    }
    // The sixth attempt is refused, even with the right password.
    assert_eq!(login_response(&s, "bob", PASSWORD).status(), 429);
    let log = firm.env.run(["--json", "user", "audit", "bob"]).ok().json();
    let failures = log
        .as_array()
        .expect("log")
        .iter()
        .filter(|e| e["kind"] == "login-failed")
        .count();
    assert_eq!(failures, 5, "{log}");

    let alice_cookie = ok.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_string();
    assert_eq!(get(&s, Some(&alice_cookie), "/api/invitations").0, 200);
    firm.env.run(["user", "remove", "alice"]).ok();
    let (status, body) = get(&s, Some(&alice_cookie), "/api/invitations");
    assert_eq!(status, 401);
    assert!(body.contains("sign in again"), "{body}");
}

fn database_url(env: &Env) -> String {
    env.var("BOWOUT_DATABASE_URL").expect("a PostgreSQL env")
}

fn psql(url: &str, sql: &str) -> String {
    let out = std::process::Command::new("psql")
        .args([url, "-At", "-c", sql])
        .output()
        .expect("run psql");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn sha256_hex(text: &str) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

const KEY_A: &str = "a AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
const KEY_B: &str = "b AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

#[test]
fn mail_passwords_are_stored_encrypted_and_sealed_again_on_rotation() {
    let mut env = Env::postgres();
    add_user(&env, "alice", "seeker");
    env.run_with_stdin(["user", "password", "alice", "smtp"], "sink-secret-42\n")
        .fails_with(1, "BOWOUT_SECRET_KEY_FILE");
    env.set("BOWOUT_SECRET_KEYS", KEY_A);
    env.run_with_stdin(["user", "password", "alice", "pop3"], "sink-secret-42\n")
        .fails_with(2, "smtp or imap");
    let stored = env
        .run_with_stdin(
            ["--json", "user", "password", "alice", "smtp"],
            "sink-secret-42\n",
        )
        .ok();
    assert!(!stored.stdout().contains("sink-secret-42"));
    assert_eq!(stored.json()["key_id"], "a");
    let url = database_url(&env);
    let dump = psql(
        &url,
        "SELECT key_id, nonce, ciphertext FROM bowout_accounts.secrets",
    );
    assert!(dump.starts_with("a|"), "{dump}");
    assert!(!dump.contains("sink-secret-42"), "{dump}");
    // A new key first: rotation seals it again under the new key; the old one can go.
    env.set("BOWOUT_SECRET_KEYS", &format!("{KEY_B};{KEY_A}"));
    let rotated = env.run(["--json", "user", "rotate-keys"]).ok().json();
    assert_eq!(rotated["key_id"], "b");
    assert_eq!(rotated["resealed"], 1);
    let again = env.run(["--json", "user", "rotate-keys"]).ok().json();
    assert_eq!(again["resealed"], 0, "rotating twice changes nothing");
    let dump = psql(&url, "SELECT key_id FROM bowout_accounts.secrets");
    assert_eq!(dump.trim(), "b");
    // Only the old key: the password sealed under the new one cannot be read, and
    // rotation says so without changing anything.
    env.set("BOWOUT_SECRET_KEYS", KEY_A);
    env.run(["user", "rotate-keys"])
        .fails_with(1, "the server key \"b\" is not given");
}

#[test]
fn the_coach_sees_what_each_seeker_owes_and_the_admin_manages_accounts() {
    let firm = Firm::new();
    let s = serve(&firm.env, &[]);
    let carol = login(&s, "carol");
    let bob = login(&s, "bob");
    let root = login(&s, "root");
    let (status, body) = get(&s, Some(&carol.cookie), "/api/coach/seekers");
    assert_eq!(status, 200, "{body}");
    let seekers: Value = serde_json::from_str(&body).expect("json");
    let seekers = seekers.as_array().expect("list");
    assert_eq!(seekers.len(), 1, "{body}");
    assert_eq!(seekers[0]["name"], "bob");
    assert_eq!(seekers[0]["undecided"], 1);
    assert_eq!(seekers[0]["calls_due"], 0);
    assert_eq!(seekers[0]["unconfirmed"], 0);
    assert_eq!(get(&s, Some(&bob.cookie), "/api/coach/seekers").0, 404);
    assert_eq!(get(&s, Some(&bob.cookie), "/coach").0, 404);
    assert_eq!(get(&s, Some(&carol.cookie), "/admin").0, 404);
    assert_eq!(
        post(
            &s,
            Some(&carol),
            "/admin/users",
            "name=x&role=admin&password=x"
        )
        .0,
        404
    );
    // The admin adds an account, assigns it and changes a role: no records of anyone.
    let (status, page) = get(&s, Some(&root.cookie), "/admin");
    assert_eq!(status, 200);
    assert!(
        page.contains("carol") && !page.contains("Bobworks"),
        "{page}"
    );
    assert_eq!(get(&s, Some(&root.cookie), "/api/invitations").0, 404);
    let (status, body) = post(
        &s,
        Some(&root),
        "/admin/users",
        "name=erin&role=seeker&password=another+long+password",
    );
    assert_eq!(status, 303, "{body}");
    assert_eq!(
        post(&s, Some(&root), "/admin/assign", "coach=carol&seeker=erin").0,
        303
    );
    assert_eq!(
        post(&s, Some(&root), "/admin/role", "name=dave&role=seeker").0,
        303
    );
    let users = firm.env.run(["--json", "user", "list"]).ok().json();
    let dave = users
        .as_array()
        .expect("users")
        .iter()
        .find(|u| u["name"] == "dave")
        .expect("dave");
    assert_eq!(dave["role"], "seeker");
    let (_, body) = get(&s, Some(&carol.cookie), "/api/coach/seekers");
    assert!(body.contains("erin"), "{body}");
    // The audit log: everything for the admin, one's own entries for everyone else.
    let (_, all) = get(&s, Some(&root.cookie), "/api/audit");
    assert!(
        all.contains("role-changed") && all.contains("dave from coach to seeker"),
        "{all}"
    );
    let (_, own) = get(&s, Some(&bob.cookie), "/api/audit");
    assert!(own.contains("\"login\""), "{own}");
    assert!(!own.contains("dave"), "{own}");
}

#[test]
fn sessions_end_after_twelve_hours_and_a_second_start_migrates_nothing_again() {
    let mut firm = Firm::new();
    let s = serve(&firm.env, &[]);
    let bob = login(&s, "bob");
    assert_eq!(get(&s, Some(&bob.cookie), "/api/invitations").0, 200);
    drop(s);
    // Started again (every schema is migrated again, which changes nothing) 11 hours later:
    // the session holds; 13 hours later it has ended.
    firm.env.set("BOWOUT_NOW", "2026-11-27T23:00:00Z");
    let s = serve(&firm.env, &[]);
    assert_eq!(get(&s, Some(&bob.cookie), "/api/invitations").0, 200);
    drop(s);
    firm.env.set("BOWOUT_NOW", "2026-11-28T01:00:00Z");
    let s = serve(&firm.env, &[]);
    let (status, body) = get(&s, Some(&bob.cookie), "/api/invitations");
    assert_eq!(status, 401);
    assert!(body.contains("session ended"), "{body}");
    let url = database_url(&firm.env);
    let versions = psql(
        &url,
        "SELECT count(*) FROM bowout_accounts._sqlx_migrations",
    );
    assert_eq!(versions.trim(), "1");
}

/// A TCP proxy to PostgreSQL that can be switched off (every connection cut, new ones
/// refused) and on again, as a database that goes away and comes back.
struct Switch {
    port: u16,
    up: std::sync::Arc<std::sync::atomic::AtomicBool>,
    open: std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>,
}

impl Switch {
    fn start(upstream: u16) -> Self {
        use std::sync::atomic::Ordering;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let up = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
        let open = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (up2, open2) = (up.clone(), open.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                if !up2.load(Ordering::SeqCst) {
                    let _ = client.shutdown(std::net::Shutdown::Both);
                    continue;
                }
                let Ok(server) = std::net::TcpStream::connect(("127.0.0.1", upstream)) else {
                    continue;
                };
                let pairs = [
                    (
                        client.try_clone().expect("clone"),
                        server.try_clone().expect("clone"),
                    ),
                    (
                        server.try_clone().expect("clone"),
                        client.try_clone().expect("clone"),
                    ),
                ];
                open2.lock().expect("lock").extend([client, server]);
                for (mut from, mut to) in pairs {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                }
            }
        });
        Self { port, up, open }
    }

    fn down(&self) {
        self.up.store(false, std::sync::atomic::Ordering::SeqCst);
        for s in self.open.lock().expect("lock").drain(..) {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }

    fn up(&self) {
        self.up.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn a_database_that_goes_away_answers_503_and_the_server_serves_again_when_it_is_back() {
    let mut firm = Firm::new();
    let url = database_url(&firm.env);
    let (head, tail) = url.rsplit_once('@').expect("a URL with a user");
    let (hostport, name) = tail.split_once('/').expect("a database name");
    let upstream: u16 = hostport
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("a port");
    let switch = Switch::start(upstream);
    firm.env.set(
        "BOWOUT_DATABASE_URL",
        &format!("{head}@127.0.0.1:{}/{name}", switch.port),
    );
    let s = serve(&firm.env, &[]);
    let bob = login(&s, "bob");
    assert_eq!(get(&s, Some(&bob.cookie), "/api/invitations").0, 200);
    switch.down();
    let (status, body) = get(&s, Some(&bob.cookie), "/api/invitations");
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("database cannot be reached"), "{body}");
    let (status, _) = post(
        &s,
        Some(&bob),
        &format!("/invitations/{}/dismiss", firm.bob_inv),
        "reason=duplicate",
    );
    assert_eq!(status, 503);
    switch.up();
    let (status, body) = get(&s, Some(&bob.cookie), "/api/invitations");
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("\"undecided\""),
        "nothing was dismissed: {body}"
    );
}

#[test]
fn a_seeker_sends_with_their_own_stored_password_never_the_server_s() {
    use crate::send::sink::{declined_to_ann, sink};
    let sink = sink();
    let mut env = Env::postgres();
    // The server's own password is in its environment: a seeker must not send with it.
    env.set("BOWOUT_SMTP_HOST", "127.0.0.1")
        .set("BOWOUT_SMTP_PORT", &sink.port.to_string())
        .set("BOWOUT_SMTP_SECURITY", "none")
        .set("BOWOUT_SMTP_USERNAME", &sink.user)
        .set("BOWOUT_SMTP_PASSWORD", &sink.password)
        .set("BOWOUT_SECRET_KEYS", KEY_A);
    add_user(&env, "alice", "seeker");
    env.set("BOWOUT_USER", "alice");
    let (ann, id) = declined_to_ann(&env, "ann");
    env.run(["send", &id])
        .fails_with(1, "no smtp password is stored for this account");
    env.run_with_stdin(["user", "password", "alice", "smtp"], "not-the-password\n")
        .ok();
    env.run(["send", &id]).fails_with(1, "535");
    assert_eq!(sink.count(&ann), 0);
    env.run_with_stdin(
        ["user", "password", "alice", "smtp"],
        &format!("{}\n", sink.password),
    )
    .ok();
    env.run(["send", &id]).ok();
    assert_eq!(sink.count(&ann), 1);
    let log = env.run(["--json", "user", "audit", "alice"]).ok().json();
    let kinds: Vec<&str> = log
        .as_array()
        .expect("log")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    assert!(
        kinds.contains(&"send") && kinds.contains(&"secret-set"),
        "{kinds:?}"
    );
}

/// The lookups every coach-mode request makes (the session, its user, an API token, an
/// assignment, the coach's seekers, notes, the audit log) and the lookups of one record in a
/// user's schema, as the store writes them: each must be able to use an index (with
/// sequential scans priced out, a query that has none still shows `Seq Scan`). Lists read
/// the user's own tables whole: the schema is the user's partition.
#[test]
fn the_lookups_of_every_request_use_an_index() {
    let firm = Firm::new();
    let url = database_url(&firm.env);
    let bob_schema = format!("bowout_u_{}", firm.bob_id);
    let accounts = [
        "SELECT user_id, csrf, expires_at, viewing FROM sessions \
         WHERE session_hash = 'x' AND expires_at > 0",
        "SELECT password_hash FROM users WHERE name = 'bob' AND deleted_at IS NULL",
        "SELECT id, name, role, full_name, email, created_at FROM users \
         WHERE id = 'x' AND deleted_at IS NULL",
        "UPDATE api_tokens SET last_used_at = 1 WHERE token_hash = 'x' AND revoked_at IS NULL \
         RETURNING user_id",
        "SELECT 1 FROM assignments WHERE coach_id = 'x' AND seeker_id = 'y'",
        "SELECT u.id FROM users u JOIN assignments a ON a.seeker_id = u.id \
         WHERE a.coach_id = 'x' AND u.deleted_at IS NULL AND u.role = 'seeker' ORDER BY u.name",
        "SELECT id FROM notes WHERE seeker_id = 'x' AND invitation_id = 'y' \
         ORDER BY created_at, id",
        "SELECT id FROM audit WHERE user_id = 'x' ORDER BY at DESC, id DESC LIMIT 200",
        "SELECT key_id FROM secrets WHERE user_id = 'x' AND name = 'smtp'",
    ];
    let records = [
        "SELECT id FROM invitations WHERE id = 'x'",
        "SELECT id FROM contacts WHERE invitation_id = 'x' ORDER BY position, id",
        "SELECT id FROM messages WHERE invitation_id = 'x'",
        "SELECT id FROM drafts WHERE invitation_id = 'x'",
        "SELECT id FROM events WHERE invitation_id = 'x' ORDER BY seq",
        "SELECT id FROM calls WHERE invitation_id = 'x'",
    ];
    for (schema, queries) in [
        ("bowout_accounts", &accounts[..]),
        (bob_schema.as_str(), &records[..]),
    ] {
        for q in queries {
            let plan = psql(
                &url,
                &format!("SET enable_seqscan = off; SET search_path = {schema}; EXPLAIN {q}"),
            );
            assert!(!plan.contains("Seq Scan"), "{q}\n{plan}");
            assert!(plan.contains("Index"), "{q}\n{plan}");
        }
    }
}
