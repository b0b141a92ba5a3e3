//! Each security check, with a request that it must refuse (each test fails without it).

use super::{HOST, ORIGIN, Site, text};
use crate::web::security::CSP;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};

#[tokio::test]
async fn the_token_in_the_address_becomes_a_strict_httponly_cookie_and_leaves_the_address_bar() {
    let site = Site::new().await;
    let token = site.web.token.clone();
    let req = Request::get(format!("/agenda?token={token}&x=1"))
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    let res = site.send(req).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/agenda?x=1");
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.starts_with(&format!("bowout_8719={token};")),
        "{cookie}"
    );
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");
}

#[tokio::test]
async fn a_wrong_token_is_refused() {
    let site = Site::new().await;
    let req = Request::get("/?token=not-the-token")
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    let res = site.send(req).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.headers().get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn every_request_without_the_cookie_is_refused() {
    let site = Site::new().await;
    for path in [
        "/",
        "/agenda",
        "/api/invitations",
        "/assets/app.js",
        "/settings",
    ] {
        let req = Request::get(path)
            .header(header::HOST, HOST)
            .body(Body::empty())
            .unwrap();
        let res = site.send(req).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path}");
        let req = Request::get(path)
            .header(header::HOST, HOST)
            .header(header::COOKIE, "bowout_8719=guess")
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            site.send(req).await.status(),
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_request_for_another_host_is_refused_even_with_the_cookie() {
    let site = Site::new().await;
    for host in ["evil.example:8719", "127.0.0.1:9999", "evil.example", ""] {
        let req = Request::get("/api/invitations")
            .header(header::HOST, host)
            .header(header::COOKIE, site.cookie())
            .body(Body::empty())
            .unwrap();
        let res = site.send(req).await;
        assert_eq!(res.status(), StatusCode::MISDIRECTED_REQUEST, "{host:?}");
    }
    // localhost is the same loopback address.
    let req = Request::get("/")
        .header(header::HOST, "localhost:8719")
        .header(header::COOKIE, site.cookie())
        .body(Body::empty())
        .unwrap();
    assert_eq!(site.send(req).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_change_from_another_origin_or_without_one_is_refused() {
    let site = Site::new().await;
    for origin in [
        Some("http://evil.example"),
        Some("null"),
        Some("https://127.0.0.1:8719"),
        None,
    ] {
        let mut req = site.form_req("/example", "");
        match origin {
            Some(o) => {
                req.headers_mut().insert(header::ORIGIN, o.parse().unwrap());
            }
            None => {
                req.headers_mut().remove(header::ORIGIN);
            }
        }
        let res = site.send(req).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{origin:?}");
    }
    let app = site.web.app();
    assert!(crate::actions::list(&app, true).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_change_without_the_csrf_token_is_refused() {
    let site = Site::new().await;
    let no_token = Request::post("/example")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, site.cookie())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(""))
        .unwrap();
    assert_eq!(site.send(no_token).await.status(), StatusCode::FORBIDDEN);
    let wrong = Request::post("/example")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, site.cookie())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("_csrf=wrong"))
        .unwrap();
    assert_eq!(site.send(wrong).await.status(), StatusCode::FORBIDDEN);
    let header_wrong = Request::post("/api/lint")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, site.cookie())
        .header("x-csrf-token", "wrong")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("body=hello"))
        .unwrap();
    assert_eq!(
        site.send(header_wrong).await.status(),
        StatusCode::FORBIDDEN
    );
    let app = site.web.app();
    assert!(crate::actions::list(&app, true).await.unwrap().is_empty());
    // With the header, as the page's script sends it.
    let ok = Request::post("/api/lint")
        .header(header::HOST, HOST)
        .header(header::ORIGIN, ORIGIN)
        .header(header::COOKIE, site.cookie())
        .header("x-csrf-token", &site.web.csrf)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("body=hello"))
        .unwrap();
    assert_eq!(site.send(ok).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn every_answer_carries_the_strict_policy_and_no_page_has_inline_script_or_style() {
    let site = Site::new().await;
    let id = site.declined().await;
    assert!(CSP.contains("script-src 'self'") && !CSP.contains("unsafe-inline"));
    assert!(CSP.contains("default-src 'none'"));
    let refused = Request::get("/")
        .header(header::HOST, HOST)
        .body(Body::empty())
        .unwrap();
    let res = site.send(refused).await;
    assert_eq!(res.headers()[header::CONTENT_SECURITY_POLICY], CSP);
    for path in [
        "/".to_string(),
        format!("/invitations/{id}"),
        format!("/invitations/{id}/advise"),
        format!("/invitations/{id}/decline"),
        format!("/invitations/{id}/accept"),
        format!("/invitations/{id}/drafts"),
        format!("/invitations/{id}/send"),
        format!("/invitations/{id}/letter"),
        "/agenda".into(),
        "/import".into(),
        "/replies".into(),
        "/referrals".into(),
        "/settings".into(),
        "/invitations/nope-nope/advise".into(),
    ] {
        let res = site.send(site.get_req(&path)).await;
        assert_eq!(
            res.headers()[header::CONTENT_SECURITY_POLICY],
            CSP,
            "{path}"
        );
        assert_eq!(res.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        let html = text(res).await;
        for (at, _) in html.match_indices("<script") {
            let tag = &html[at..at + html[at..].find('>').unwrap()];
            assert!(
                tag.contains(" src=\"/assets/"),
                "{path}: inline script {tag}"
            );
        }
        assert!(!html.contains(" style="), "{path}: inline style");
        let lower = html.to_ascii_lowercase();
        for handler in [
            " onclick=",
            " onload=",
            " onerror=",
            " onsubmit=",
            " onchange=",
        ] {
            assert!(!lower.contains(handler), "{path}: {handler}");
        }
    }
}

#[tokio::test]
async fn an_upload_over_the_limit_is_refused_and_nothing_is_recorded() {
    let site = Site::with_limit(4 * 1024).await;
    let big = vec![b'x'; 16 * 1024];
    let res = site
        .send(site.upload_req("/import", &[("big.mbox", &big)]))
        .await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    // A form elsewhere is bounded too (1 MB).
    let huge = format!("body={}", "a".repeat(2 * 1024 * 1024));
    let res = site.send(site.form_req("/api/lint", &huge)).await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let app = site.web.app();
    assert!(crate::actions::list(&app, true).await.unwrap().is_empty());
}

#[tokio::test]
async fn what_came_from_mail_is_escaped_and_a_javascript_link_is_never_live() {
    use bowout_core::model::{EmailAddress, JobTitle, Mailbox, OrgName, PersonName};
    let site = Site::new().await;
    let app = site.web.app();
    let id = crate::actions::add_invitation(
        &app,
        crate::actions::NewInvitation {
            employer: OrgName::parse("Evil \"><script>alert(1)</script> Co").unwrap(),
            agency: None,
            job_title: JobTitle::parse("Analyst <img src=x onerror=alert(2)>").unwrap(),
            requisition: None,
            round: None,
            primary: Some(Mailbox {
                name: Some(PersonName::parse("Eve \"onmouseover=\"alert(3)").unwrap()),
                email: EmailAddress::parse("eve@evil.example").unwrap(),
            }),
            greeting: None,
            references: Vec::new(),
            phone: None,
            scheduling_link: Some("javascript:alert(document.cookie)".into()),
            others: Vec::new(),
            message_id: None,
            source: None,
            red_flags: vec!["<b>wire money</b>".into()],
            received_at: None,
            language: None,
        },
    )
    .await
    .unwrap();
    for path in [
        format!("/invitations/{id}"),
        "/".to_string(),
        format!("/invitations/{id}/advise"),
    ] {
        let (status, html) = site.get(&path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            !html.contains("<script>alert(1)"),
            "{path}: employer unescaped"
        );
        assert!(!html.contains("\"><script>"), "{path}: attribute unescaped");
        assert!(!html.contains("<img src=x"), "{path}: title unescaped");
        assert!(!html.contains("\"onmouseover=\""), "{path}: name unescaped");
        assert!(!html.contains("<b>wire money"), "{path}: flag unescaped");
        assert!(
            !html.to_ascii_lowercase().contains("href=\"javascript:"),
            "{path}: live javascript: link"
        );
    }
    let (_, html) = site.get(&format!("/invitations/{id}")).await;
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "employer shown escaped"
    );
    assert!(
        html.contains("javascript:alert(document.cookie)"),
        "the link is shown as text"
    );
}
