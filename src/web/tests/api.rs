//! The JSON API: the CLI's `--json` shapes, from the same actions.

use super::{Site, json};
use axum::http::StatusCode;

#[tokio::test]
async fn the_api_answers_in_the_cli_shapes() {
    let site = Site::new().await;
    let id = site.declined().await;
    let app = site.web.app();
    let res = site.send(site.get_req("/api/invitations")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["x-total-count"], "1");
    let listed = json(res).await;
    let cli = serde_json::to_value(crate::actions::list(&app, false).await.unwrap()).unwrap();
    assert_eq!(listed, cli);
    let shown = json(
        site.send(site.get_req(&format!("/api/invitations/{id}")))
            .await,
    )
    .await;
    let cli = serde_json::to_value(crate::actions::show(&app, &id).await.unwrap()).unwrap();
    assert_eq!(shown, cli);
    let drafts = json(
        site.send(site.get_req(&format!("/api/invitations/{id}/drafts")))
            .await,
    )
    .await;
    assert_eq!(
        drafts,
        serde_json::to_value(crate::actions::drafts(&app, &id).await.unwrap()).unwrap()
    );
    let agenda = json(site.send(site.get_req("/api/agenda")).await).await;
    assert_eq!(
        agenda,
        serde_json::to_value(crate::actions::agenda(&app).await.unwrap()).unwrap()
    );
    let referrals = json(site.send(site.get_req("/api/referrals")).await).await;
    assert_eq!(referrals[0]["name"], "Sam Park");
    let mut choices = json(
        site.send(site.get_req(&format!("/api/invitations/{id}/referrals")))
            .await,
    )
    .await;
    // Both were added in the same second: in name order for the snapshot.
    choices
        .as_array_mut()
        .unwrap()
        .sort_by_key(|c| c["name"].as_str().unwrap().to_string());
    assert_eq!(choices[0]["refused"], serde_json::Value::Null);
    let dry = json(
        site.send(site.get_req(&format!("/api/invitations/{id}/send")))
            .await,
    )
    .await;
    assert_eq!(dry["mode"], "dry-run");
    assert_eq!(dry["messages"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_list_is_paged_and_filtered() {
    let site = Site::new().await;
    site.example().await;
    let res = site
        .send(site.get_req("/api/invitations?per_page=1&page=2"))
        .await;
    assert_eq!(res.headers()["x-total-count"], "1");
    assert_eq!(json(res).await, serde_json::json!([]));
    let res = site
        .send(site.get_req("/api/invitations?status=declined"))
        .await;
    assert_eq!(res.headers()["x-total-count"], "0");
    let res = site
        .send(site.get_req("/api/invitations?q=NORTHWIND"))
        .await;
    assert_eq!(res.headers()["x-total-count"], "1");
}

#[tokio::test]
async fn advice_preview_records_nothing_and_advise_does() {
    let site = Site::new().await;
    let id = site.example().await;
    let res = site
        .send(site.form_req(
            &format!("/api/invitations/{id}/advice"),
            "started_new_job=1",
        ))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let advice = json(res).await;
    assert_eq!(advice["verdict"], "decline");
    assert!(advice["reasons"][0].as_str().unwrap().contains("Reason 1"));
    let app = site.web.app();
    assert!(
        crate::actions::show(&app, &id)
            .await
            .unwrap()
            .facts
            .is_none()
    );
    let res = site
        .send(site.form_req(
            &format!("/api/invitations/{id}/advise"),
            "dream_job_sure_offer=1",
        ))
        .await;
    assert_eq!(json(res).await["facts"]["dream_job_sure_offer"], true);
    assert!(
        crate::actions::show(&app, &id)
            .await
            .unwrap()
            .facts
            .is_some()
    );
}

#[tokio::test]
async fn lint_decline_dismiss_and_errors_answer_in_json() {
    let site = Site::new().await;
    let id = site.example().await;
    let res = site
        .send(site.form_req(&format!("/api/invitations/{id}/decline"), "reason=none"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(json(res).await.as_array().unwrap().len(), 2);
    let res = site
        .send(site.form_req(
            &format!("/api/invitations/{id}/lint"),
            "body=You+wasted+my+time.",
        ))
        .await;
    let findings = json(res).await;
    assert!(!findings.as_array().unwrap().is_empty(), "{findings}");
    let res = site
        .send(site.form_req("/api/lint", "body=Thank+you."))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = site
        .send(site.form_req(
            &format!("/api/invitations/{id}/dismiss"),
            "reason=withdrawn",
        ))
        .await;
    assert_eq!(json(res).await["status"], "dismissed");
    let res = site
        .send(site.form_req(&format!("/api/invitations/{id}/undismiss"), ""))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = site.send(site.get_req("/api/invitations/zzzzzzzz")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(
        json(res).await["error"]
            .as_str()
            .unwrap()
            .contains("no invitation")
    );
    let res = site
        .send(site.form_req(&format!("/api/invitations/{id}/dismiss"), "reason=bored"))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = site
        .send(site.form_req(&format!("/api/invitations/{id}/call"), "outcome=reached"))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = site
        .send(site.get_req(&format!("/api/invitations/{id}/call")))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = site.send(site.form_req("/api/sync", "")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = site.send(site.form_req("/api/replies", "")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = site
        .send(site.form_req(&format!("/api/invitations/{id}/send"), ""))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

/// The documents only the API writes (the others are the CLI's, pinned in
/// `tests/cli/shapes.rs`): the referral picker's choices and an error.
#[tokio::test]
async fn shapes_of_the_api_s_own_documents() {
    let site = Site::new().await;
    let id = site.example().await;
    site.referral().await;
    let (status, _, _) = site
        .post(
            "/referrals",
            "name=Wes+Inside&email=wes%40northwind.example&permission_date=2026-11-20&permission_how=email",
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let mut choices = json(
        site.send(site.get_req(&format!("/api/invitations/{id}/referrals")))
            .await,
    )
    .await;
    // Both were added in the same second: in name order for the snapshot.
    choices
        .as_array_mut()
        .unwrap()
        .sort_by_key(|c| c["name"].as_str().unwrap().to_string());
    insta::assert_json_snapshot!("api_referral_choices", choices, { "[].id" => "[id]" });
    let error = json(site.send(site.get_req("/api/invitations/zzzzzzzz")).await).await;
    insta::assert_json_snapshot!("api_error", error);
}
