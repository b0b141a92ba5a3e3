//! Coach mode (`serve --multi-user`): signing in and out, sessions, API tokens, the rate
//! limit on sign-in attempts, and who acts on a request.
//!
//! Every request but the sign-in page and the assets needs a session cookie (or, under
//! `/api`, an `Authorization: Bearer` token from `bowout user token`); without one it is
//! refused with 401. A seeker acts on their own store; a coach reads the store of a seeker
//! assigned to them, read-only, after choosing them on `/coach`; an admin only manages
//! accounts. Whose store a request reaches is decided here (the checks of each request are
//! in [`super::signed_in`]) and in the store (each user's records are in a schema of their
//! own): another user's record is never found (404).

use super::error::WebError;
use crate::actions::{App, accounts};
use crate::store::Store;
use crate::store::accounts::{Role, User};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "bowout_session";

/// Failed sign-ins counted per account and per address within this window…
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// …at most this many for one account…
const PER_ACCOUNT: usize = 5;
/// …and this many from one address.
const PER_ADDRESS: usize = 20;

/// What a coach-mode server keeps.
pub struct Multi {
    pub accounts: Store,
    /// The server's keys for mail passwords, when configured.
    pub keys: Option<std::sync::Arc<accounts::Keys>>,
    /// The address people open, behind a TLS reverse proxy (`--public-url`).
    pub public: Option<url::Url>,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
    /// Each coach's overview as last read, and one lock per coach so that one request reads
    /// it while the others wait for that read.
    overviews: Mutex<HashMap<String, Overview>>,
}

/// How long a coach's overview is served from memory: a seeker's change shows within it.
pub const OVERVIEW_TTL: Duration = Duration::from_secs(2);

#[derive(Clone, Default)]
struct Overview {
    read: Option<(
        Instant,
        std::sync::Arc<Vec<super::overview::SeekerOverview>>,
    )>,
    lock: std::sync::Arc<tokio::sync::Mutex<()>>,
}

/// Who signed in, on this request.
#[derive(Clone, Debug)]
pub struct Who {
    pub user: User,
    /// The assigned seeker a coach is looking at (checked on this request).
    pub viewing: Option<User>,
    /// The session's cookie hash (none for an API token).
    pub session_hash: Option<String>,
}

impl Who {
    /// Whose records the request reaches.
    pub fn owner(&self) -> &str {
        self.viewing.as_ref().map_or(&self.user.id, |s| &s.id)
    }
}

/// What every page of the request shows: its CSRF token, who signed in, whom a coach views.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct PageContext {
    pub csrf: String,
    pub me: Option<String>,
    pub role: Option<&'static str>,
    pub viewing: Option<String>,
}

tokio::task_local! {
    /// Set for the handler of every signed-in request in coach mode.
    pub static PAGE: PageContext;
}

/// Another user's record, or a page this user has no access to: the same answer as an id
/// that does not exist.
pub fn not_found() -> WebError {
    WebError::new(StatusCode::NOT_FOUND, "no such page or record")
}

impl Multi {
    pub fn new(accounts: Store, keys: Option<accounts::Keys>, public: Option<url::Url>) -> Self {
        Self {
            accounts,
            keys: keys.map(std::sync::Arc::new),
            public,
            failures: Mutex::new(HashMap::new()),
            overviews: Mutex::new(HashMap::new()),
        }
    }

    /// Forgets every overview read (after an assignment or a role changed).
    pub fn forget_overviews(&self) {
        if let Ok(mut all) = self.overviews.lock() {
            all.clear();
        }
    }

    /// The coach's overview, read at most [`OVERVIEW_TTL`] ago; `read` reads it again.
    pub async fn overview<F, Fut>(
        &self,
        coach_id: &str,
        read: F,
    ) -> Result<std::sync::Arc<Vec<super::overview::SeekerOverview>>, WebError>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Vec<super::overview::SeekerOverview>, WebError>>,
    {
        let fresh = |o: &Overview| {
            o.read
                .as_ref()
                .filter(|(at, _)| at.elapsed() < OVERVIEW_TTL)
                .map(|(_, v)| std::sync::Arc::clone(v))
        };
        let lock = {
            let mut all = self
                .overviews
                .lock()
                .map_err(|_| WebError::internal("the overview cache is poisoned"))?;
            if all.len() > 10_000 {
                all.clear();
            }
            let entry = all.entry(coach_id.to_string()).or_default();
            if let Some(v) = fresh(entry) {
                return Ok(v);
            }
            std::sync::Arc::clone(&entry.lock)
        };
        // One request reads it again; the others are served the last one meanwhile (or wait
        // for the first read).
        let stale = self
            .overviews
            .lock()
            .ok()
            .and_then(|all| all.get(coach_id).and_then(|o| o.read.clone()))
            .map(|(_, v)| v);
        let _reading = match (lock.try_lock(), stale) {
            (Ok(guard), _) => guard,
            (Err(_), Some(stale)) => return Ok(stale),
            (Err(_), None) => lock.lock().await,
        };
        // Read by another request while this one waited?
        if let Some(v) = self
            .overviews
            .lock()
            .ok()
            .and_then(|all| all.get(coach_id).and_then(fresh))
        {
            return Ok(v);
        }
        let value = std::sync::Arc::new(read().await?);
        if let Ok(mut all) = self.overviews.lock() {
            all.entry(coach_id.to_string()).or_default().read =
                Some((Instant::now(), std::sync::Arc::clone(&value)));
        }
        Ok(value)
    }

    /// `host[:port]` of the public address, as the proxy passes it in `Host`.
    pub fn public_host(&self) -> Option<String> {
        let url = self.public.as_ref()?;
        let host = url.host_str()?;
        Some(match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        })
    }

    /// Cookies are `Secure` when people reach the server over TLS.
    pub fn secure(&self) -> bool {
        self.public.as_ref().is_some_and(|u| u.scheme() == "https")
    }

    pub(super) fn origin_ok(&self, hosts: &[String], origin: &str) -> bool {
        let public = self
            .public
            .as_ref()
            .map(|u| u.origin().ascii_serialization());
        public.as_deref() == Some(origin) || super::request::own_origin(hosts, origin)
    }

    /// The app the request acts through (see the module's comment).
    pub fn app_for(&self, server: &App, who: &Who) -> Result<App, WebError> {
        let (user, read_only) = match (who.user.role, &who.viewing) {
            (Role::Seeker, _) => (&who.user, false),
            (Role::Coach, Some(seeker)) => (seeker, true),
            _ => return Err(not_found()),
        };
        Ok(accounts::user_app(
            server,
            &self.accounts,
            user,
            read_only,
            self.keys.as_ref(),
        )?)
    }

    /// Whether another attempt to sign in as `name` from `address` is refused for now.
    pub fn limited(&self, name: &str, address: &str) -> bool {
        let Ok(mut failures) = self.failures.lock() else {
            return true;
        };
        let now = Instant::now();
        let mut count = |key: String| {
            let times = failures.entry(key).or_default();
            while times
                .front()
                .is_some_and(|t| now.duration_since(*t) > WINDOW)
            {
                times.pop_front();
            }
            times.len()
        };
        count(format!("n:{name}")) >= PER_ACCOUNT || count(format!("a:{address}")) >= PER_ADDRESS
    }

    /// Counts a failed attempt.
    pub fn failed(&self, name: &str, address: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            if failures.len() > 100_000 {
                failures.clear();
            }
            for key in [format!("n:{name}"), format!("a:{address}")] {
                failures.entry(key).or_default().push_back(Instant::now());
            }
        }
    }
}

/// The client's address: the peer, or behind the proxy (`--public-url`) the last address
/// the proxy added to `X-Forwarded-For`.
pub fn client_address(req_headers: &HeaderMap, peer: Option<SocketAddr>, multi: &Multi) -> String {
    if multi.public.is_some()
        && let Some(forwarded) = req_headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    {
        return forwarded.chars().take(64).collect();
    }
    peer.map_or_else(|| "unknown".to_string(), |p| p.ip().to_string())
}

/// The client's address, for the sign-in handlers.
#[derive(Clone, Debug)]
pub struct ClientAddress(pub String);

/// The session cookie for `value` (empty and expired to end it).
pub fn session_cookie(multi: &Multi, value: &str, max_age: i64) -> HeaderValue {
    let secure = if multi.secure() { "; Secure" } else { "" };
    let text = format!(
        "{SESSION_COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/; Max-Age={max_age}{secure}"
    );
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}
