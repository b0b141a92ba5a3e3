//! Route tests: the router answers requests in process (`oneshot`), over a real SQLite store
//! in a temporary home, with the clock pinned.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod api;
mod pages;
mod security;

use super::{Shared, Web, router};
use crate::actions::App;
use crate::clock::Clock;
use crate::config::{Config, Home};
use crate::store::Store;
use axum::body::{Body, to_bytes};
use axum::http::{Request, Response, StatusCode, header};
use std::sync::Arc;
use tower::ServiceExt;

pub const HOST: &str = "127.0.0.1:8719";
pub const ORIGIN: &str = "http://127.0.0.1:8719";

/// A server over a fresh home, and what a browser that opened its URL holds.
pub struct Site {
    pub web: Shared,
    pub dir: tempfile::TempDir,
}

impl Site {
    pub async fn new() -> Self {
        Self::with_limit(super::UPLOAD_LIMIT).await
    }

    pub async fn with_limit(limit: usize) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let home = Home::single(dir.path());
        home.create().unwrap();
        let vars = [
            ("BOWOUT_IDENTITY_NAME", "Dana Whitfield"),
            ("BOWOUT_IDENTITY_EMAIL", "dana@example.net"),
            ("BOWOUT_AGENDA_TIMEZONE", "UTC"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()));
        let config = Config::load(&home.config_file, vars.into_iter()).unwrap();
        let clock = Clock::new(Some("2026-11-27T12:00:00Z"), Some("UTC"), &[]).unwrap();
        let store = Store::open_sqlite(&home.database, true).await.unwrap();
        let app = App {
            store,
            config,
            home,
            clock,
            mail_passwords: None,
        };
        let web = Arc::new(Web::new(app, HOST.parse().unwrap(), limit).unwrap());
        Self { web, dir }
    }

    pub fn cookie(&self) -> String {
        format!(
            "{}={}",
            super::security::cookie_name(&self.web),
            self.web.token
        )
    }

    pub async fn send(&self, req: Request<Body>) -> Response<Body> {
        router(Arc::clone(&self.web)).oneshot(req).await.unwrap()
    }

    /// A GET as the browser that holds the cookie sends it.
    pub fn get_req(&self, path: &str) -> Request<Body> {
        Request::get(path)
            .header(header::HOST, HOST)
            .header(header::COOKIE, self.cookie())
            .body(Body::empty())
            .unwrap()
    }

    pub async fn get(&self, path: &str) -> (StatusCode, String) {
        let res = self.send(self.get_req(path)).await;
        let status = res.status();
        (status, text(res).await)
    }

    /// A form posted from one of the server's pages, with its CSRF field.
    pub fn form_req(&self, path: &str, form: &str) -> Request<Body> {
        let sep = if form.is_empty() { "" } else { "&" };
        Request::post(path)
            .header(header::HOST, HOST)
            .header(header::ORIGIN, ORIGIN)
            .header(header::COOKIE, self.cookie())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("_csrf={}{sep}{form}", self.web.csrf)))
            .unwrap()
    }

    pub async fn post(&self, path: &str, form: &str) -> (StatusCode, String, Option<String>) {
        let res = self.send(self.form_req(path, form)).await;
        let status = res.status();
        let location = res
            .headers()
            .get(header::LOCATION)
            .map(|l| l.to_str().unwrap().to_string());
        (status, text(res).await, location)
    }

    /// Loads the example invitation through the first page's button; its id.
    pub async fn example(&self) -> String {
        let (status, _, location) = self.post("/example", "").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        location
            .unwrap()
            .strip_prefix("/invitations/")
            .unwrap()
            .to_string()
    }

    /// Adds a referral at a personal address; its id.
    pub async fn referral(&self) -> String {
        let (status, _, _) = self
            .post(
                "/referrals",
                "name=Sam+Park&email=sam%40fastmail.example&permission_date=2026-11-20&permission_how=phone+call",
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let app = self.web.app();
        crate::actions::referrals(&app).await.unwrap()[0].id.clone()
    }

    /// The example, declined with a referral: two drafts.
    pub async fn declined(&self) -> String {
        let id = self.example().await;
        let rid = self.referral().await;
        let (status, body, _) = self
            .post(
                &format!("/invitations/{id}/decline"),
                &format!("reason=accepted-job&referral={rid}"),
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        id
    }

    /// A multipart upload of `files` (name, bytes) to `path`.
    pub fn upload_req(&self, path: &str, files: &[(&str, &[u8])]) -> Request<Body> {
        let boundary = "bowout-test-boundary";
        let mut body = Vec::new();
        for (name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        Request::post(path)
            .header(header::HOST, HOST)
            .header(header::ORIGIN, ORIGIN)
            .header(header::COOKIE, self.cookie())
            .header("x-csrf-token", &self.web.csrf)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .unwrap()
    }
}

pub async fn text(res: Response<Body>) -> String {
    String::from_utf8(
        to_bytes(res.into_body(), 64 * 1024 * 1024)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap()
}

pub async fn json(res: Response<Body>) -> serde_json::Value {
    serde_json::from_str(&text(res).await).unwrap()
}
