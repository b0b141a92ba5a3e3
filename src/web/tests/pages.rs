//! Every page answers, and every form does what it says through its action.

use super::{Site, text};
use crate::web::assets::EXAMPLE_INVITATION;
use axum::http::{StatusCode, header};

#[tokio::test]
async fn an_empty_store_offers_import_and_the_example() {
    let site = Site::new().await;
    let (status, html) = site.get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/import\""));
    assert!(html.contains("action=\"/example\""));
    let id = site.example().await;
    let (status, html) = site.get(&format!("/invitations/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Northwind Traders"));
    assert!(html.contains("priya.raman@northwind.example"));
    let (_, list) = site.get("/").await;
    assert!(list.contains(&format!("/invitations/{id}")));
    assert!(!list.contains("action=\"/example\""));
}

#[tokio::test]
async fn every_page_answers() {
    let site = Site::new().await;
    let id = site.declined().await;
    for path in [
        "/".to_string(),
        "/?status=declined&q=northwind&owed=1&flagged=&all=1&page=3".into(),
        format!("/invitations/{id}"),
        format!("/invitations/{id}/advise"),
        format!("/invitations/{id}/decline"),
        format!("/invitations/{id}/accept"),
        format!("/invitations/{id}/drafts"),
        format!("/invitations/{id}/send"),
        format!("/invitations/{id}/letter"),
        format!("/invitations/{id}/delete"),
        "/agenda".into(),
        "/import".into(),
        "/review".into(),
        "/replies".into(),
        "/referrals".into(),
        "/settings".into(),
        "/calendar.ics".into(),
        "/assets/app.css".into(),
        "/assets/app.js".into(),
    ] {
        let (status, body) = site.get(&path).await;
        assert_eq!(status, StatusCode::OK, "{path}: {body}");
    }
}

#[tokio::test]
async fn an_unknown_invitation_is_not_found_and_a_bad_value_is_a_bad_request() {
    let site = Site::new().await;
    let id = site.example().await;
    let (status, html) = site.get("/invitations/zzzzzzzzzz").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("no invitation"), "{html}");
    let (status, _, _) = site
        .post(&format!("/invitations/{id}/decline"), "reason=because")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = site
        .post(&format!("/invitations/{id}/edit"), "round=7")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn import_takes_eml_mbox_gz_and_a_zipped_maildir_and_lists_what_it_found() {
    use std::io::Write as _;
    let site = Site::new().await;
    let res = site
        .send(site.upload_req("/import", &[("invitation.eml", EXAMPLE_INVITATION)]))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let location = res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    assert!(location.starts_with("/import/"), "{location}");
    let (status, html) = site.get(&location).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Northwind Traders"), "{html}");
    assert!(
        html.contains("1 invitation(s) recorded or linked"),
        "{html}"
    );

    // The same invitation as a gzipped mbox: found again, recorded once.
    let mut mbox = b"From priya@northwind.example Tue Nov 24 10:02:11 2026\n".to_vec();
    mbox.extend_from_slice(EXAMPLE_INVITATION);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&mbox).unwrap();
    let gz = gz.finish().unwrap();
    let res = site
        .send(site.upload_req("/import", &[("all.mbox.gz", &gz)]))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // A zipped Maildir holding it.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.add_directory("Maildir/cur/", opts).unwrap();
    zip.start_file("Maildir/cur/1700000000.M1P1.host:2,S", opts)
        .unwrap();
    zip.write_all(EXAMPLE_INVITATION).unwrap();
    let zipped = zip.finish().unwrap().into_inner();
    let res = site
        .send(site.upload_req("/import", &[("maildir.zip", &zipped)]))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = site
        .get(res.headers()[header::LOCATION].to_str().unwrap())
        .await;
    assert!(html.contains("Northwind Traders"), "{html}");
    let app = site.web.app();
    assert_eq!(crate::actions::list(&app, true).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_zip_whose_names_leave_the_folder_is_refused() {
    use std::io::Write as _;
    let site = Site::new().await;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("../../escaped.eml", opts).unwrap();
    zip.write_all(EXAMPLE_INVITATION).unwrap();
    let zipped = zip.finish().unwrap().into_inner();
    let res = site
        .send(site.upload_req("/import", &[("evil.zip", &zipped)]))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(text(res).await.contains("points outside the archive"));
    let res = site.send(site.upload_req("/import", &[])).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_advisor_records_the_ticked_boxes_and_sends_on_to_the_advice() {
    let site = Site::new().await;
    let id = site.example().await;
    let (status, _, location) = site
        .post(
            &format!("/invitations/{id}/advise"),
            "started_new_job=1&gut=negative&concern_pay=1&review1_stars=2&review1_date=2026-10-01&review1_location=Chicago",
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.unwrap(), format!("/invitations/{id}/decline"));
    let (_, html) = site.get(&format!("/invitations/{id}/advise")).await;
    assert!(
        html.contains("name=\"started_new_job\" value=\"1\" checked"),
        "{html}"
    );
    assert!(html.contains("Advice: Decline"));
    let (status, _, _) = site
        .post(
            &format!("/invitations/{id}/advise"),
            "review1_stars=9&review1_date=2026-10-01",
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn decline_offers_only_referrals_that_pass_the_gate_and_writes_one_draft_per_contact() {
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
    let (_, html) = site.get(&format!("/invitations/{id}/decline")).await;
    let app = site.web.app();
    let refs = crate::actions::referrals(&app).await.unwrap();
    let sam = refs.iter().find(|r| r.name == "Sam Park").unwrap();
    let wes = refs.iter().find(|r| r.name == "Wes Inside").unwrap();
    assert!(html.contains(&format!("value=\"{}\"", sam.id)), "{html}");
    assert!(!html.contains(&format!("value=\"{}\"", wes.id)), "{html}");
    assert!(
        html.contains("Wes Inside:"),
        "the refused one is named with why"
    );
    let (status, _, location) = site
        .post(
            &format!("/invitations/{id}/decline"),
            &format!("reason=accepted-job&referral={}", sam.id),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, html) = site.get(&location.unwrap()).await;
    assert_eq!(html.matches("<textarea").count(), 2, "{html}");
    assert!(html.contains("priya.raman@northwind.example"));
    assert!(html.contains("marcus.feld@northwind.example"));
}

#[tokio::test]
async fn an_edited_draft_is_saved_linted_and_on_the_timeline() {
    let site = Site::new().await;
    let id = site.declined().await;
    let app = site.web.app();
    let drafts = crate::actions::drafts(&app, &id).await.unwrap();
    let contact = drafts[0].contact_id.clone();
    let rude = "Hi Priya,\n\nYour process was a waste of my time. Bye.\n\nDana";
    let (status, _, location) = site
        .post(
            &format!("/invitations/{id}/drafts/{contact}"),
            &format!("body={}", urlencode(rude)),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.unwrap().ends_with(&format!("#draft-{contact}")));
    let now = crate::actions::drafts(&app, &id).await.unwrap();
    assert_eq!(now[0].body, rude);
    assert!(now[0].has_lint_errors(), "{:?}", now[0].lint);
    let (_, html) = site.get(&format!("/invitations/{id}/drafts")).await;
    assert!(html.contains("class=\"findings\""));
    let (_, html) = site.get(&format!("/invitations/{id}")).await;
    assert!(html.contains("draft to priya.raman@northwind.example edited"));
    let (status, _, _) = site
        .post(&format!("/invitations/{id}/drafts/{contact}"), "body=+")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _, _) = site
        .post(&format!("/invitations/{id}/drafts/nobody"), "body=hello")
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn send_asks_first_naming_every_recipient_and_without_smtp_says_what_to_set() {
    let site = Site::new().await;
    let id = site.declined().await;
    let (status, html) = site.get(&format!("/invitations/{id}/send")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Priya Raman &lt;priya.raman@northwind.example&gt;"),
        "{html}"
    );
    assert!(
        html.contains("Marcus Feld &lt;marcus.feld@northwind.example&gt;"),
        "{html}"
    );
    assert!(html.contains("Send 2 message(s) now"));
    let (status, html, _) = site.post(&format!("/invitations/{id}/send"), "").await;
    assert_eq!(status, StatusCode::CONFLICT, "{html}");
    assert!(html.contains("[smtp] host"), "{html}");
}

#[tokio::test]
async fn the_eml_files_download_as_a_zip_and_the_calendar_as_ics() {
    let site = Site::new().await;
    let id = site.declined().await;
    let res = site
        .send(site.form_req(&format!("/invitations/{id}/eml"), ""))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "application/zip");
    assert!(
        res.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 24)
        .await
        .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    assert_eq!(zip.len(), 2);
    let mut first = String::new();
    std::io::Read::read_to_string(&mut zip.by_index(0).unwrap(), &mut first).unwrap();
    assert!(first.contains("Message-ID:"), "{first}");
    // They are exported now: a second download holds the same messages, not new ones.
    let res = site
        .send(site.form_req(&format!("/invitations/{id}/eml"), ""))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 24)
        .await
        .unwrap();
    let mut again = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut same = String::new();
    std::io::Read::read_to_string(&mut again.by_index(0).unwrap(), &mut same).unwrap();
    assert_eq!(same, first);
    let res = site.send(site.get_req("/calendar.ics")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(text(res).await.starts_with("BEGIN:VCALENDAR"));
}

#[tokio::test]
async fn accept_records_the_interview_and_writes_the_acceptance() {
    let site = Site::new().await;
    let id = site.example().await;
    let (status, body, location) = site
        .post(
            &format!("/invitations/{id}/accept"),
            "at=2026-12-02T14%3A00&tz=Europe%2FBerlin&duration=45&location=Globex&video_link=https%3A%2F%2Fmeet.example%2Fx",
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let (_, html) = site.get(&location.unwrap()).await;
    assert_eq!(html.matches("<textarea").count(), 1);
    let (_, ics) = site.get("/calendar.ics").await;
    assert!(ics.contains("DTSTART"), "{ics}");
    let (status, _, _) = site
        .post(
            &format!("/invitations/{id}/accept"),
            "at=2026-01-02T14%3A00",
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn corrections_dismiss_undismiss_and_delete_go_through_their_actions() {
    let site = Site::new().await;
    let id = site.example().await;
    let base = format!("/invitations/{id}");
    let (s, b, _) = site
        .post(&format!("{base}/edit"), "employer=Northwind+Traders&title=Lead+Data+Analyst&agency=&requisition=R0034567&round=2")
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{b}");
    let (s, b, _) = site
        .post(
            &format!("{base}/contacts"),
            "name=Cy+Diaz&email=cy%40northwind.example&role=panelist",
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{b}");
    let (s, b, _) = site
        .post(&format!("{base}/contacts/edit"), "email=cy%40northwind.example&name=Cy+D%C3%ADaz&new_email=cy%40northwind.example&role=panelist&phone=")
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{b}");
    let (s, b, _) = site
        .post(
            &format!("{base}/contacts/primary"),
            "email=cy%40northwind.example",
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{b}");
    let (s, _, _) = site
        .post(
            &format!("{base}/contacts/remove"),
            "email=marcus.feld%40northwind.example",
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, html) = site.get(&base).await;
    assert!(html.contains("Lead Data Analyst"));
    assert!(html.contains("Cy Díaz"));
    assert!(!html.contains("Marcus Feld <span"), "removed: {html}");
    let (s, _, _) = site
        .post(&format!("{base}/dismiss"), "reason=withdrawn")
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, list) = site.get("/").await;
    assert!(!list.contains(&base));
    let (_, list) = site.get("/?all=1").await;
    assert!(list.contains(&base));
    let (s, _, _) = site.post(&format!("{base}/undismiss"), "").await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, html) = site.get(&format!("{base}/delete")).await;
    assert!(html.contains("cannot be undone"));
    let (s, _, location) = site.post(&format!("{base}/delete"), "").await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(location.unwrap(), "/");
    let (s, _) = site.get(&base).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_call_sheet_waits_for_a_sent_decline() {
    let site = Site::new().await;
    let id = site.declined().await;
    let (status, html) = site.get(&format!("/invitations/{id}/call")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{html}");
    let (status, _, _) = site
        .post(&format!("/invitations/{id}/call"), "outcome=reached")
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _, _) = site
        .post(&format!("/invitations/{id}/call"), "outcome=shouted")
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn settings_write_the_config_and_take_effect_and_a_password_is_never_shown_back() {
    let site = Site::new().await;
    let (s, b, _) = site
        .post(
            "/settings/smtp",
            "host=127.0.0.1&port=2525&security=none&username=dana%40example.net",
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{b}");
    let config = std::fs::read_to_string(site.dir.path().join("config.toml")).unwrap();
    assert!(config.contains("port = 2525"), "{config}");
    assert_eq!(site.web.app().config.smtp.port, Some(2525));
    let (_, html) = site.get("/settings").await;
    assert!(html.contains("value=\"2525\""));
    let (s, _, _) = site.post("/settings/smtp", "port=many").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _, _) = site.post("/settings/smtp", "password_command=rm").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _, _) = site.post("/settings/identity", "name=Dana%0AEvil").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (_, html, _) = site
        .post("/settings/smtp/password", "password=s3cret-Pa55-word")
        .await;
    assert!(!html.contains("s3cret-Pa55-word"));
    let config = std::fs::read_to_string(site.dir.path().join("config.toml")).unwrap();
    assert!(!config.contains("s3cret-Pa55-word"));
    // Nothing listens there: the test says so, as an answer, not a crash.
    let (s, html, _) = site.post("/settings/imap/test", "").await;
    assert_ne!(s, StatusCode::OK);
    assert!(html.contains("IMAP:"), "{html}");
}

#[tokio::test]
async fn a_template_is_checked_before_it_is_saved_and_can_be_reset() {
    let site = Site::new().await;
    let (s, _, _) = site
        .post("/settings/templates/subject.txt", "source=%7B%25+if+%25%7D")
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    let (s, _, _) = site
        .post(
            "/settings/templates/subject.txt",
            "source=Re%3A+%7B%7B+job_title+%7D%7D",
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let saved = site.dir.path().join("templates/subject.txt");
    assert_eq!(
        std::fs::read_to_string(&saved).unwrap(),
        "Re: {{ job_title }}"
    );
    let (_, html) = site.get("/settings").await;
    assert!(html.contains("subject.txt (yours)"));
    let (s, _, _) = site.post("/settings/templates/subject.txt/reset", "").await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(!saved.exists());
    let (s, _, _) = site
        .post("/settings/templates/..%2Fconfig.toml", "source=x")
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn the_letter_page_asks_for_addresses_and_records_mailing_and_receipt() {
    let site = Site::new().await;
    let id = site.declined().await;
    let (_, html) = site.get(&format!("/invitations/{id}/letter")).await;
    assert!(html.contains("needs your postal address"));
    let (s, b, _) = site
        .post(
            &format!("/invitations/{id}/contacts/address"),
            "address=Northwind+Traders%0A1+Lake+St%0AChicago%2C+IL+60601",
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{b}");
    let (s, b, _) = site
        .post(
            &format!("/invitations/{id}/letter/mailed"),
            "mailed=2026-11-26&tracking=RR123456789US",
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{b}");
    let (s, _, _) = site
        .post(
            &format!("/invitations/{id}/letter/receipt"),
            "received=2026-11-27",
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, html) = site.get(&format!("/invitations/{id}/letter")).await;
    assert!(html.contains("RR123456789US"));
    assert!(html.contains("Receipt came back 2026-11-27"));
    let (s, _, _) = site
        .post(
            &format!("/invitations/{id}/letter/mailed"),
            "mailed=2027-01-01&tracking=RR1",
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn reply_files_are_read_and_without_imap_the_page_says_where_to_set_it() {
    let site = Site::new().await;
    let (_, html) = site.get("/replies").await;
    assert!(html.contains("Set up IMAP"));
    let res = site
        .send(site.upload_req("/replies/upload", &[("reply.eml", EXAMPLE_INVITATION)]))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(text(res).await.contains("1 message(s) read"));
    let (s, _, _) = site.post("/replies/imap", "").await;
    assert_eq!(s, StatusCode::CONFLICT);
}

pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[tokio::test]
async fn a_change_made_outside_the_server_shows_within_seconds() {
    let site = Site::new().await;
    let id = site.example().await;
    let (_, list) = site.get("/").await;
    assert!(list.contains(&format!("/invitations/{id}")));
    // The command line dismisses it, behind the server's back.
    let app = site.web.app();
    crate::actions::dismiss(&app, &id, crate::actions::DismissReason::Withdrawn)
        .await
        .unwrap();
    let started = std::time::Instant::now();
    loop {
        let (_, list) = site.get("/").await;
        if !list.contains(&format!("/invitations/{id}")) {
            break;
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the list still shows the dismissed invitation"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// A message of the labelled corpus the classifier is unsure about: its name and bytes.
fn unsure_message() -> (String, Vec<u8>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|batch| batch.unwrap().path())
        .filter(|batch| batch.is_dir())
        .flat_map(|batch| std::fs::read_dir(batch).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .find_map(|path| {
            let raw = std::fs::read(&path).unwrap();
            bowout_core::ingest::analyze(&raw).review.then(|| {
                (
                    path.file_name().unwrap().to_string_lossy().into_owned(),
                    raw,
                )
            })
        })
        .expect("the corpus holds a message the classifier is unsure about")
}

#[tokio::test]
async fn a_message_to_review_is_listed_after_import_and_answered_on_the_review_page() {
    let site = Site::new().await;
    let (name, raw) = unsure_message();
    let res = site
        .send(site.upload_req("/import", &[(&name, &raw)]))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = site
        .get(res.headers()[header::LOCATION].to_str().unwrap())
        .await;
    assert!(html.contains("href=\"/review\""), "{html}");
    let (status, html) = site.get("/review").await;
    assert_eq!(status, StatusCode::OK);
    let pending = crate::actions::pending_reviews(&site.web.app())
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    let action = format!(
        "action=\"/review/{}\"",
        url::form_urlencoded::byte_serialize(pending[0].key.as_bytes()).collect::<String>()
    );
    assert!(html.contains(&action), "{action} in {html}");
    let (_, agenda) = site.get("/agenda").await;
    assert!(agenda.contains("1 message(s) to review"), "{agenda}");

    // An unknown answer is a bad request and changes nothing.
    let key = url::form_urlencoded::byte_serialize(pending[0].key.as_bytes()).collect::<String>();
    let (status, _, _) = site.post(&format!("/review/{key}"), "answer=maybe").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Answered as an invitation: recorded and opened.
    let (status, _, location) = site
        .post(&format!("/review/{key}"), "answer=invitation")
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let location = location.unwrap();
    assert!(location.starts_with("/invitations/"), "{location}");
    let (status, _) = site.get(&location).await;
    assert_eq!(status, StatusCode::OK);
    let app = site.web.app();
    assert!(
        crate::actions::pending_reviews(&app)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(crate::actions::list(&app, true).await.unwrap().len(), 1);
    let (_, html) = site.get("/review").await;
    assert!(html.contains("Nothing to review."), "{html}");
    // A second answer is refused.
    let (status, _, _) = site.post(&format!("/review/{key}"), "answer=not").await;
    assert!(status.is_client_error(), "{status}");
}
