//! Invitations and their contacts.

use super::rows::{ContactRow, InvitationRow};
use super::{Conn, StoreError};
use bowout_core::model::{
    Contact, EmailAddress, Greeting, Invitation, JobTitle, Language, OrgName, PersonName, Phone,
    Requisition, Role, Round, Status,
};
use sqlx::AssertSqlSafe;

const WHAT: &str = "invitation";

/// Inserts an invitation with its contacts.
pub async fn insert_invitation(conn: &mut Conn, inv: &Invitation) -> Result<(), StoreError> {
    invitation_row(inv).insert(conn).await?;
    for (position, contact) in inv.contacts.iter().enumerate() {
        contact_row(&inv.id, position, contact).insert(conn).await?;
    }
    Ok(())
}

pub async fn load_invitation(conn: &mut Conn, id: &str) -> Result<Invitation, StoreError> {
    let row: InvitationRow = sqlx::query_as(AssertSqlSafe(InvitationRow::select("WHERE id = $1")))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StoreError::NotFound {
            what: WHAT,
            id: id.to_string(),
        })?;
    let contacts: Vec<ContactRow> = sqlx::query_as(AssertSqlSafe(ContactRow::select(
        "WHERE invitation_id = $1 ORDER BY position, id",
    )))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    to_invitation(row, contacts)
}

/// Every invitation, oldest first, with contacts.
pub async fn list_invitations(conn: &mut Conn) -> Result<Vec<Invitation>, StoreError> {
    let rows: Vec<InvitationRow> = sqlx::query_as(AssertSqlSafe(InvitationRow::select_all()))
        .fetch_all(&mut *conn)
        .await?;
    let mut contacts: Vec<ContactRow> = sqlx::query_as(AssertSqlSafe(ContactRow::select_all()))
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|row| {
            let (mine, rest): (Vec<_>, Vec<_>) =
                contacts.drain(..).partition(|c| c.invitation_id == row.id);
            contacts = rest;
            to_invitation(row, mine)
        })
        .collect()
}

/// Resolves a full id or a unique prefix of one (at least 4 characters).
pub async fn resolve_invitation_id(conn: &mut Conn, given: &str) -> Result<String, StoreError> {
    resolve_prefix(conn, "invitations", WHAT, given).await
}

pub(super) async fn resolve_prefix(
    conn: &mut Conn,
    table: &'static str,
    what: &'static str,
    given: &str,
) -> Result<String, StoreError> {
    let given = given.trim();
    let not_found = || StoreError::NotFound {
        what,
        id: given.to_string(),
    };
    if given.is_empty() || !given.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(not_found());
    }
    let exact: Option<String> = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT id FROM {table} WHERE id = $1"
    )))
    .bind(given)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = exact {
        return Ok(id);
    }
    if given.len() < 4 {
        return Err(StoreError::ShortId {
            what,
            id: given.to_string(),
        });
    }
    let ids: Vec<String> = sqlx::query_scalar(AssertSqlSafe(format!(
        "SELECT id FROM {table} WHERE id LIKE $1 ORDER BY id LIMIT 3"
    )))
    .bind(format!("{}%", given.to_ascii_lowercase()))
    .fetch_all(&mut *conn)
    .await?;
    match ids.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(not_found()),
        many => Err(StoreError::Ambiguous {
            what,
            prefix: given.to_string(),
            count: many.len(),
        }),
    }
}

pub async fn set_status(conn: &mut Conn, id: &str, status: Status) -> Result<(), StoreError> {
    sqlx::query("UPDATE invitations SET status = $1 WHERE id = $2")
        .bind(status.as_str())
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The invitation captured from the message with this `Message-ID`, if any.
pub async fn find_by_message_id(
    conn: &mut Conn,
    message_id: &str,
) -> Result<Option<String>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT id FROM invitations WHERE message_id = $1")
            .bind(message_id)
            .fetch_optional(conn)
            .await?,
    )
}

fn invitation_row(inv: &Invitation) -> InvitationRow {
    InvitationRow {
        id: inv.id.clone(),
        employer: inv.employer.to_string(),
        agency: inv.agency.as_ref().map(ToString::to_string),
        job_title: inv.job_title.to_string(),
        requisition: inv.requisition.as_ref().map(ToString::to_string),
        round: inv.round.map(|r| i64::from(r.number())),
        phone: inv.phone.as_ref().map(ToString::to_string),
        scheduling_link: inv.scheduling_link.clone(),
        message_id: inv.message_id.clone(),
        source: inv.source.clone(),
        red_flags: serde_json::to_string(&inv.red_flags).unwrap_or_else(|_| "[]".into()),
        status: inv.status.as_str().to_string(),
        created_at: inv.created_at,
        received_at: inv.received_at,
        dismissed_reason: None,
        status_before_dismissal: None,
        drafts_stale: None,
        mail_references: Some(inv.references.join(" ")).filter(|r| !r.is_empty()),
        language: inv.language.code().to_string(),
    }
}

pub(super) fn contact_row(invitation_id: &str, position: usize, c: &Contact) -> ContactRow {
    ContactRow {
        id: c.id.clone(),
        invitation_id: invitation_id.to_string(),
        position: i64::try_from(position).unwrap_or(i64::MAX),
        name: c.name.as_ref().map(ToString::to_string),
        email: c.email.to_string(),
        role: c.role.as_ref().map(ToString::to_string),
        is_primary: i64::from(c.primary),
        phone: c.phone.as_ref().map(ToString::to_string),
        postal_address: c.postal_address.clone(),
        greeting: c.greeting.as_ref().map(|g| g.name.to_string()),
        greeting_formal: c.greeting.as_ref().map(|g| i64::from(g.formal)),
    }
}

fn to_invitation(row: InvitationRow, contacts: Vec<ContactRow>) -> Result<Invitation, StoreError> {
    let id = row.id;
    let bad = |e: bowout_core::model::ModelError| StoreError::corrupt(WHAT, &id, e);
    Ok(Invitation {
        employer: OrgName::parse(&row.employer).map_err(bad)?,
        agency: super::parse::optional(row.agency.as_deref(), OrgName::parse).map_err(bad)?,
        job_title: JobTitle::parse(&row.job_title).map_err(bad)?,
        requisition: super::parse::optional(row.requisition.as_deref(), Requisition::parse)
            .map_err(bad)?,
        round: row.round.map(Round::new).transpose().map_err(bad)?,
        phone: super::parse::optional(row.phone.as_deref(), Phone::parse).map_err(bad)?,
        scheduling_link: row.scheduling_link,
        contacts: contacts
            .into_iter()
            .map(to_contact)
            .collect::<Result<_, _>>()?,
        message_id: row.message_id,
        references: row
            .mail_references
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        source: row.source,
        red_flags: serde_json::from_str(&row.red_flags)
            .map_err(|e| StoreError::corrupt(WHAT, &id, format!("red_flags: {e}")))?,
        status: Status::parse(&row.status)
            .ok_or_else(|| StoreError::corrupt(WHAT, &id, format!("status {:?}", row.status)))?,
        created_at: row.created_at,
        received_at: row.received_at,
        language: Language::parse(&row.language).ok_or_else(|| {
            StoreError::corrupt(WHAT, &id, format!("language {:?}", row.language))
        })?,
        id,
    })
}

pub(super) fn to_contact(row: ContactRow) -> Result<Contact, StoreError> {
    let bad = |e: bowout_core::model::ModelError| StoreError::corrupt("contact", &row.id, e);
    Ok(Contact {
        name: super::parse::optional(row.name.as_deref(), PersonName::parse).map_err(bad)?,
        email: EmailAddress::parse(&row.email).map_err(bad)?,
        role: super::parse::optional(row.role.as_deref(), Role::parse).map_err(bad)?,
        primary: row.is_primary != 0,
        phone: super::parse::optional(row.phone.as_deref(), Phone::parse).map_err(bad)?,
        postal_address: row.postal_address.clone(),
        greeting: match row.greeting.as_deref() {
            Some(name) => Some(Greeting {
                name: PersonName::parse(name).map_err(bad)?,
                formal: row.greeting_formal != Some(0),
            }),
            None => None,
        },
        id: row.id,
    })
}

/// Writes the fields `edit` corrects: employer, agency, job title, requisition, round and
/// language.
pub async fn update_captured_fields(conn: &mut Conn, inv: &Invitation) -> Result<(), StoreError> {
    let row = invitation_row(inv);
    sqlx::query(
        "UPDATE invitations SET employer = $1, agency = $2, job_title = $3, requisition = $4, \
         round = $5, language = $6 WHERE id = $7",
    )
    .bind(row.employer)
    .bind(row.agency)
    .bind(row.job_title)
    .bind(row.requisition)
    .bind(row.round)
    .bind(row.language)
    .bind(row.id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Why a dismissed invitation was dismissed, and the status `undismiss` brings it back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dismissal {
    pub reason: String,
    pub previous: Status,
}

/// The invitation's dismissal, while it is dismissed.
pub async fn load_dismissal(conn: &mut Conn, id: &str) -> Result<Option<Dismissal>, StoreError> {
    let row: Option<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT status, dismissed_reason, status_before_dismissal FROM invitations WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    let Some((status, reason, previous)) = row else {
        return Err(StoreError::NotFound {
            what: WHAT,
            id: id.to_string(),
        });
    };
    if status != Status::Dismissed.as_str() {
        return Ok(None);
    }
    let previous = previous
        .as_deref()
        .and_then(Status::parse)
        .filter(|s| *s != Status::Dismissed)
        .ok_or_else(|| {
            StoreError::corrupt(WHAT, id, format!("status before dismissal {previous:?}"))
        })?;
    Ok(Some(Dismissal {
        reason: reason.unwrap_or_default(),
        previous,
    }))
}

/// Dismisses the invitation if it is in `previous` (so two runs cannot both act); false
/// when its status changed meanwhile.
pub async fn dismiss_invitation(
    conn: &mut Conn,
    id: &str,
    reason: &str,
    previous: Status,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE invitations SET status = $1, dismissed_reason = $2, status_before_dismissal = $3 \
         WHERE id = $4 AND status = $3",
    )
    .bind(Status::Dismissed.as_str())
    .bind(reason)
    .bind(previous.as_str())
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Brings a dismissed invitation back to `status`; false when it was not dismissed.
pub async fn undismiss_invitation(
    conn: &mut Conn,
    id: &str,
    status: Status,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE invitations SET status = $1, dismissed_reason = NULL, \
         status_before_dismissal = NULL WHERE id = $2 AND status = $3",
    )
    .bind(status.as_str())
    .bind(id)
    .bind(Status::Dismissed.as_str())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
