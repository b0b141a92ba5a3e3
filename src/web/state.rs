//! What the server keeps between requests: the app, the access and CSRF tokens, the
//! addresses it answers to, the list cache, and the one place that resolves who is acting.

use crate::actions::{self, App, ListItem};
use crate::config::Config;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// The shared state of the server.
pub type Shared = Arc<Web>;

/// How long the invitations list is served from memory before it is read again (a change
/// made through the server reads it again at once).
const LIST_TTL: Duration = Duration::from_secs(2);

/// Import reports kept for their result page, newest last.
const KEPT_REPORTS: usize = 16;

pub struct Web {
    app: RwLock<Arc<App>>,
    /// The access token in the URL printed at start-up, then in the cookie.
    pub token: String,
    /// The token every state-changing request carries (a form field or a header).
    pub csrf: String,
    /// `Host` values the server answers to (the bound address; `localhost` too on loopback).
    pub hosts: Vec<String>,
    /// The largest upload accepted (import, reply files), in bytes.
    pub upload_limit: usize,
    /// Bumped by every state-changing request, so cached reads are taken again.
    generation: AtomicU64,
    /// Each owner's list of invitations (see [`Acting::owner`]): one on a single-user
    /// server, one per user whose pages were asked for in coach mode.
    lists: Mutex<HashMap<String, CachedList>>,
    /// Rendered lists (the page and the API), by owner, route and query, with the list they
    /// were rendered from: valid while that list is the current one.
    rendered: Mutex<HashMap<String, Rendered>>,
    reports: Mutex<VecDeque<(String, String, Arc<Finished>)>>,
    pub(super) render: super::render::Render,
    /// Coach mode: accounts, sessions, and the walls between users.
    pub multi: Option<super::multi::Multi>,
}

/// A list page as it was sent, with the number of invitations that matched.
#[derive(Clone)]
pub struct Rendered {
    list: Arc<Vec<ListItem>>,
    pub bytes: axum::body::Bytes,
    pub total: usize,
}

impl Rendered {
    pub fn new(list: &Arc<Vec<ListItem>>, bytes: axum::body::Bytes, total: usize) -> Self {
        Self {
            list: Arc::clone(list),
            bytes,
            total,
        }
    }
}

/// Rendered lists kept at most (different owners, filters and pages).
const KEPT_RENDERED: usize = 1024;

/// Owners whose lists are kept at most; the next one read starts the cache afresh.
const KEPT_LISTS: usize = 4096;

struct CachedList {
    at: Instant,
    generation: u64,
    items: Arc<Vec<ListItem>>,
    /// A background read of this list is under way.
    refreshing: bool,
}

impl Web {
    pub fn new(app: App, bound: SocketAddr, upload_limit: usize) -> anyhow::Result<Self> {
        let port = bound.port();
        let mut hosts = vec![match bound {
            SocketAddr::V4(a) => format!("{}:{port}", a.ip()),
            SocketAddr::V6(a) => format!("[{}]:{port}", a.ip()),
        }];
        if bound.ip().is_loopback() {
            hosts.push(format!("localhost:{port}"));
        }
        Ok(Self {
            app: RwLock::new(Arc::new(app)),
            token: random_token()?,
            csrf: random_token()?,
            hosts,
            upload_limit,
            generation: AtomicU64::new(0),
            lists: Mutex::new(HashMap::new()),
            rendered: Mutex::new(HashMap::new()),
            reports: Mutex::new(VecDeque::new()),
            render: super::render::Render::new()?,
            multi: None,
        })
    }

    /// A coach-mode server: `multi` holds the accounts; `public` is the address people open
    /// (behind a TLS reverse proxy), answered to besides the bound one.
    pub fn new_multi(
        app: App,
        bound: SocketAddr,
        upload_limit: usize,
        multi: super::multi::Multi,
    ) -> anyhow::Result<Self> {
        let mut web = Self::new(app, bound, upload_limit)?;
        if let Some(host) = multi.public_host() {
            web.hosts.push(host);
        }
        web.multi = Some(multi);
        Ok(web)
    }

    /// The URL to open, with the access token.
    pub fn url(&self) -> String {
        format!("http://{}/?token={}", self.hosts[0], self.token)
    }

    /// The app as it is now (a settings change replaces it).
    pub fn app(&self) -> Arc<App> {
        match self.app.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Reads the configuration again (after settings were written) and uses it from the next
    /// request on.
    pub fn reload_config(&self) -> anyhow::Result<()> {
        let current = self.app();
        let config = Config::load(&current.home.config_file, std::env::vars())?;
        let next = Arc::new(App {
            store: current.store.clone(),
            config,
            home: current.home.clone(),
            clock: current.clock.clone(),
            mail_passwords: current.mail_passwords.clone(),
        });
        match self.app.write() {
            Ok(mut guard) => *guard = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
        Ok(())
    }

    /// Something may have changed: cached reads are taken again.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Every invitation of the acting owner (dismissed ones too), from memory. After a
    /// change made through the server the list is read again before it is shown; otherwise a
    /// list older than [`LIST_TTL`] is shown once more while it is read again in the
    /// background (so that changes made by the command line appear within seconds, and no
    /// request waits for it).
    pub async fn invitations(
        self: &Arc<Self>,
        acting: &Acting,
    ) -> actions::Result<Arc<Vec<ListItem>>> {
        let owner = acting.owner();
        let generation = self.generation.load(Ordering::SeqCst);
        if let Some((items, refresh)) = self.cached_list(&owner, generation) {
            if refresh {
                let (web, app) = (Arc::clone(self), Arc::clone(&acting.app));
                tokio::spawn(async move {
                    if let Err(e) = web.read_list(&owner, &app, generation).await {
                        eprintln!("bowout: cannot read the invitations: {e}");
                    }
                    if let Ok(mut lists) = web.lists.lock()
                        && let Some(c) = lists.get_mut(&owner)
                    {
                        c.refreshing = false;
                    }
                });
            }
            return Ok(items);
        }
        self.read_list(&owner, &acting.app, generation).await
    }

    /// The owner's cached list if it was read at `generation`, and whether the caller is to
    /// read it again in the background (it is older than [`LIST_TTL`] and no one else is).
    fn cached_list(&self, owner: &str, generation: u64) -> Option<(Arc<Vec<ListItem>>, bool)> {
        let mut lists = self.lists.lock().ok()?;
        let c = lists
            .get_mut(owner)
            .filter(|c| c.generation == generation)?;
        let refresh = c.at.elapsed() >= LIST_TTL && !c.refreshing;
        c.refreshing |= refresh;
        Some((Arc::clone(&c.items), refresh))
    }

    async fn read_list(
        &self,
        owner: &str,
        app: &App,
        generation: u64,
    ) -> actions::Result<Arc<Vec<ListItem>>> {
        let items = Arc::new(actions::list(app, true).await?);
        if let Ok(mut lists) = self.lists.lock()
            && lists.get(owner).is_none_or(|c| c.generation <= generation)
        {
            if lists.len() >= KEPT_LISTS && !lists.contains_key(owner) {
                lists.clear();
            }
            lists.insert(
                owner.to_string(),
                CachedList {
                    at: Instant::now(),
                    generation,
                    items: Arc::clone(&items),
                    refreshing: false,
                },
            );
        }
        Ok(items)
    }

    /// The answer rendered for `key` from `list`, if `list` is still what it was rendered
    /// from: the same list and query give the same bytes.
    pub fn rendered(&self, key: &str, list: &Arc<Vec<ListItem>>) -> Option<Rendered> {
        let cache = self.rendered.lock().ok()?;
        cache
            .get(key)
            .filter(|r| Arc::ptr_eq(&r.list, list))
            .cloned()
    }

    pub fn keep_rendered(
        &self,
        key: String,
        list: &Arc<Vec<ListItem>>,
        bytes: axum::body::Bytes,
        total: usize,
    ) {
        if let Ok(mut cache) = self.rendered.lock() {
            if cache.len() >= KEPT_RENDERED {
                cache.clear();
            }
            cache.insert(
                key,
                Rendered {
                    list: Arc::clone(list),
                    bytes,
                    total,
                },
            );
        }
    }

    /// Keeps an import's report for its page, for `owner` (who acted) alone.
    pub(super) fn keep_report(&self, owner: &str, report: Finished) -> anyhow::Result<String> {
        let key = random_token()?;
        let mut reports = self
            .reports
            .lock()
            .map_err(|_| anyhow::anyhow!("the report list is poisoned"))?;
        if reports.len() >= KEPT_REPORTS {
            reports.pop_front();
        }
        reports.push_back((key.clone(), owner.to_string(), Arc::new(report)));
        Ok(key)
    }

    pub(super) fn report(&self, owner: &str, key: &str) -> Option<Arc<Finished>> {
        let reports = self.reports.lock().ok()?;
        reports
            .iter()
            .find(|(k, o, _)| k == key && o == owner)
            .map(|(_, _, r)| Arc::clone(r))
    }
}

/// 32 random bytes, base64url.
pub(super) fn random_token() -> anyhow::Result<String> {
    use base64::Engine as _;
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness for a token: {e}"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// Who is acting on this request, and with which app. The one place a request is tied to
/// a person: on the single-user server, whoever holds the access token acts on the one
/// store (the security layer has checked the token before any handler runs). In coach
/// mode a seeker acts on their own store, a coach looking at an assigned seeker reads that
/// seeker's store (read-only), and anyone else finds nothing here (404).
pub struct Acting {
    pub app: Arc<App>,
    /// Coach mode: who signed in (and whom a coach is looking at).
    pub who: Option<super::multi::Who>,
}

impl Acting {
    /// Whose records these are: the user id in coach mode, `local` on a single-user server.
    pub fn owner(&self) -> String {
        self.who
            .as_ref()
            .map_or_else(|| "local".to_string(), |w| w.owner().to_string())
    }
}

impl FromRequestParts<Shared> for Acting {
    type Rejection = super::error::WebError;

    async fn from_request_parts(parts: &mut Parts, web: &Shared) -> Result<Self, Self::Rejection> {
        let Some(multi) = &web.multi else {
            return Ok(Self {
                app: web.app(),
                who: None,
            });
        };
        let who = parts
            .extensions
            .get::<super::multi::Who>()
            .cloned()
            .ok_or_else(super::multi::not_found)?;
        let app = multi.app_for(&web.app(), &who)?;
        Ok(Self {
            app: Arc::new(app),
            who: Some(who),
        })
    }
}

/// An import's result, kept for its page.
#[derive(Debug, serde::Serialize)]
pub struct Finished {
    pub files: Vec<String>,
    pub report: crate::actions::ImportReport,
}
