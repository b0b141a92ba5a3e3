//! `bowout serve` through the binary: the first line is the URL with its access token, the
//! token becomes a cookie, and nothing is served without it. (The pages themselves are
//! covered by the route tests in `src/web/tests/` and the browser tests in `tests/browser/`.)

use crate::harness::Env;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

/// A running `bowout serve`, stopped when dropped.
struct Served {
    child: Child,
    url: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(env: &Env) -> Served {
    let mut child = env
        .command()
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start bowout serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read the first line");
    Served {
        child,
        url: line.trim().to_string(),
    }
}

fn agent() -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build();
    ureq::Agent::new_with_config(config)
}

#[test]
fn serve_prints_the_url_first_and_the_token_opens_the_pages() {
    let env = Env::new();
    let served = serve(&env);
    let (base, token) = served
        .url
        .split_once("/?token=")
        .expect("a URL with a token");
    assert!(base.starts_with("http://127.0.0.1:"), "{}", served.url);
    assert!(token.len() >= 40, "{token}");
    let agent = agent();
    let mut refused = agent.get(&format!("{base}/")).call().expect("GET /");
    assert_eq!(refused.status(), 401);
    assert!(
        refused
            .body_mut()
            .read_to_string()
            .expect("value")
            .contains("access token")
    );
    let first = agent.get(&served.url).call().expect("GET the URL");
    assert_eq!(first.status(), 303);
    assert_eq!(first.headers()["location"], "/");
    let cookie = first.headers()["set-cookie"]
        .to_str()
        .expect("value")
        .to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().expect("value").to_string();
    let mut page = agent
        .get(&format!("{base}/"))
        .header("cookie", &pair)
        .call()
        .expect("GET / with the cookie");
    assert_eq!(page.status(), 200);
    assert!(
        page.body_mut()
            .read_to_string()
            .expect("value")
            .contains("Load the example invitation")
    );
    let mut api = agent
        .get(&format!("{base}/api/invitations"))
        .header("cookie", &pair)
        .call()
        .expect("GET /api/invitations");
    assert_eq!(api.status(), 200);
    assert_eq!(api.body_mut().read_to_string().expect("value"), "[]");
}

#[test]
fn serve_refuses_an_address_it_cannot_parse_as_a_usage_error() {
    let env = Env::new();
    env.run(["serve", "--addr", "localhost"])
        .fails_with(2, "invalid value 'localhost' for '--addr <IP:PORT>'");
    env.run(["serve", "--addr", "0.0.0.0:0"])
        .fails_with(2, "give the one address to listen on");
}
