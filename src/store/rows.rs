//! One struct per table, exactly as stored. Export and restore move these rows verbatim,
//! which is what makes them lossless; the other modules turn them into model values.

use sqlx::AnyConnection;

/// Declares a row struct with its column list, its SELECT and INSERT statements.
macro_rules! table_row {
    ($(#[$meta:meta])* $name:ident, $table:literal, order by $order:literal,
     { $($field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Serialize, serde::Deserialize)]
        pub struct $name { $(pub $field: $ty),* }

        impl $name {
            pub const TABLE: &'static str = $table;
            pub const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// `SELECT <columns> FROM <table>` followed by `rest` (a WHERE clause or nothing).
            pub fn select(rest: &str) -> String {
                format!("SELECT {} FROM {} {}", Self::COLUMNS.join(", "), $table, rest)
            }

            /// Every row of the table in a stable order, for export.
            pub fn select_all() -> String {
                Self::select(concat!("ORDER BY ", $order))
            }

            pub async fn insert(&self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
                let placeholders: Vec<String> =
                    (1..=Self::COLUMNS.len()).map(|i| format!("${i}")).collect();
                let sql = format!(
                    "INSERT INTO {} ({}) VALUES ({})",
                    $table,
                    Self::COLUMNS.join(", "),
                    placeholders.join(", ")
                );
                // Built only from the compile-time column names above: no user text.
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    $(.bind(self.$field.clone()))*
                    .execute(conn)
                    .await?;
                Ok(())
            }
        }
    };
}

table_row!(InvitationRow, "invitations", order by "created_at, id", {
    id: String,
    employer: String,
    agency: Option<String>,
    job_title: String,
    requisition: Option<String>,
    round: Option<i64>,
    phone: Option<String>,
    scheduling_link: Option<String>,
    message_id: Option<String>,
    source: Option<String>,
    red_flags: String,
    status: String,
    created_at: i64,
    received_at: Option<i64>,
    dismissed_reason: Option<String>,
    status_before_dismissal: Option<String>,
    drafts_stale: Option<String>,
    mail_references: Option<String>,
    language: String,
});

table_row!(ContactRow, "contacts", order by "invitation_id, position, id", {
    id: String,
    invitation_id: String,
    position: i64,
    name: Option<String>,
    email: String,
    role: Option<String>,
    is_primary: i64,
    phone: Option<String>,
    postal_address: Option<String>,
    greeting: Option<String>,
    greeting_formal: Option<i64>,
});

table_row!(FactsRow, "facts", order by "invitation_id", {
    invitation_id: String,
    gut: String,
    facts_json: String,
    recorded_at: i64,
});

table_row!(ReferralRow, "referrals", order by "created_at, id", {
    id: String,
    name: String,
    email: String,
    phone: Option<String>,
    work_domain: Option<String>,
    permission_date: super::Day,
    permission_how: String,
    created_at: i64,
});

table_row!(DecisionRow, "decisions", order by "invitation_id", {
    invitation_id: String,
    verdict: String,
    reason: Option<String>,
    referral_id: Option<String>,
    interview_at: Option<i64>,
    interview_tz: Option<String>,
    decided_at: i64,
    interview_minutes: Option<i64>,
    interview_location: Option<String>,
    interview_video_link: Option<String>,
});

table_row!(DraftRow, "drafts", order by "invitation_id, position, id", {
    id: String,
    invitation_id: String,
    contact_id: String,
    position: i64,
    kind: String,
    to_name: Option<String>,
    to_email: String,
    subject: String,
    body: String,
    created_at: i64,
});

table_row!(
    /// One outgoing message and its state in the outbox.
    MessageRow, "messages", order by "invitation_id, created_at, id", {
    id: String,
    invitation_id: String,
    contact_id: String,
    kind: String,
    message_id: String,
    to_name: Option<String>,
    to_email: String,
    subject: String,
    body: String,
    status: crate::mail::outbox::Status,
    attempts: i64,
    last_error: Option<String>,
    copy_path: Option<String>,
    sha256: Option<String>,
    created_at: i64,
    updated_at: i64,
    sent_at: Option<i64>,
    acknowledged_at: Option<i64>,
    ack_message_id: Option<String>,
    acknowledged_via: Option<String>,
});

table_row!(EventRow, "events", order by "invitation_id, seq", {
    id: String,
    invitation_id: String,
    seq: i64,
    at: i64,
    kind: String,
    detail: String,
});

table_row!(
    /// One logged follow-up call (see `store::calls`).
    CallRow, "calls", order by "invitation_id, called_at, id", {
    id: String,
    invitation_id: String,
    outcome: String,
    note: Option<String>,
    called_at: i64,
    next_due: Option<super::Day>,
});

table_row!(
    /// One reply already taken into account (see `store::sync`).
    ReplyRow, "replies", order by "recorded_at, reply_key", {
    reply_key: String,
    message_id: String,
    invitation_id: String,
    kind: String,
    sender: String,
    subject: String,
    received_at: i64,
    source: String,
    recorded_at: i64,
});

table_row!(
    /// The IMAP high-water mark of one account and mailbox (see `store::sync`).
    ImapSyncRow, "imap_sync", order by "account, mailbox", {
    account: String,
    mailbox: String,
    uid_validity: i64,
    last_uid: i64,
    synced_at: i64,
});

table_row!(
    /// The formal letter of one invitation (see `store::letters`).
    LetterRow, "letters", order by "invitation_id", {
    invitation_id: String,
    rendered_at: Option<i64>,
    sha256: Option<String>,
    mailed_on: Option<super::Day>,
    tracking: Option<String>,
    receipt_on: Option<super::Day>,
    updated_at: i64,
});

table_row!(
    /// A later message of an invitation's thread, linked on import.
    ThreadMessageRow, "thread_messages", order by "invitation_id, linked_at, message_id", {
    message_id: String,
    invitation_id: String,
    round: Option<i64>,
    source: Option<String>,
    linked_at: i64,
});

table_row!(
    /// An accepted interview called off, written as cancelled (see `store::decisions`).
    CancelledInterviewRow, "cancelled_interviews", order by "invitation_id", {
    invitation_id: String,
    interview_at: i64,
    interview_minutes: i64,
    interview_location: Option<String>,
    interview_video_link: Option<String>,
    sequence: i64,
    cancelled_at: i64,
});

table_row!(
    /// A message the classifier was unsure about, and the user's answer (see `store::reviews`).
    ReviewRow, "reviews", order by "found_at, review_key", {
    review_key: String,
    source: String,
    subject: Option<String>,
    sender: Option<String>,
    score_permille: i64,
    analysis: String,
    found_at: i64,
    answer: Option<String>,
    answered_at: Option<i64>,
    invitation_id: Option<String>,
});
