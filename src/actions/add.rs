//! Recording an invitation typed in by the user.

use super::duplicates::{Fingerprint, LikelyDuplicate, likely_duplicates};
use super::{App, Result};
use crate::store;
use bowout_core::model::{
    Contact, EventKind, Greeting, Invitation, JobTitle, Language, Mailbox, OrgName, Phone,
    Requisition, Role, Round, Status,
};

/// A contact as given: who, and in what role.
#[derive(Debug, Clone)]
pub struct NewContact {
    pub mailbox: Mailbox,
    pub role: Option<Role>,
}

/// An invitation as given by the user; every field is already validated by its type.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub employer: OrgName,
    pub agency: Option<OrgName>,
    pub job_title: JobTitle,
    pub requisition: Option<Requisition>,
    pub round: Option<Round>,
    /// The human to answer; `None` when the mail does not say (`import` records the
    /// invitation anyway and says so).
    pub primary: Option<Mailbox>,
    /// How to greet the primary contact, as the invitation did.
    pub greeting: Option<Greeting>,
    pub phone: Option<Phone>,
    pub scheduling_link: Option<String>,
    pub others: Vec<NewContact>,
    pub message_id: Option<String>,
    /// The invitation mail's `References`, for threading the answer.
    pub references: Vec<String>,
    pub source: Option<String>,
    pub red_flags: Vec<String>,
    pub received_at: Option<i64>,
    /// The language to answer in: given (`--lang`) or detected; `None` for the user's
    /// `[identity] language`.
    pub language: Option<Language>,
}

impl NewInvitation {
    /// The invitation record, with fresh ids; `default_language` when none was given.
    pub fn into_invitation(self, now: i64, default_language: Language) -> Invitation {
        let greeting = self.greeting;
        let mut contacts: Vec<Contact> = self
            .primary
            .map(|primary| Contact {
                id: store::new_id(),
                name: primary.name,
                email: primary.email,
                role: None,
                primary: true,
                phone: self.phone.clone(),
                postal_address: None,
                greeting,
            })
            .into_iter()
            .collect();
        contacts.extend(self.others.into_iter().map(|c| Contact {
            id: store::new_id(),
            name: c.mailbox.name,
            email: c.mailbox.email,
            role: c.role,
            primary: false,
            phone: None,
            postal_address: None,
            greeting: None,
        }));
        Invitation {
            id: store::new_id(),
            employer: self.employer,
            agency: self.agency,
            job_title: self.job_title,
            requisition: self.requisition,
            round: self.round,
            phone: self.phone,
            scheduling_link: self.scheduling_link,
            contacts,
            message_id: self.message_id,
            references: self.references,
            source: self.source,
            red_flags: self.red_flags,
            status: Status::Undecided,
            created_at: now,
            received_at: self.received_at,
            language: self.language.unwrap_or(default_language),
        }
    }
}

/// Records the invitation and its "captured" event; returns its id.
pub async fn add_invitation(app: &App, new: NewInvitation) -> Result<String> {
    let now = app.clock.now();
    let inv = new.into_invitation(now, app.default_language()?);
    let mut tx = app.store.begin().await?;
    store::insert_invitation(&mut tx, &inv).await?;
    let detail = format!(
        "captured by hand: {} at {}, {} contact(s)",
        inv.job_title,
        inv.employer,
        inv.contacts.len()
    );
    store::append_event(&mut tx, &inv.id, now, EventKind::Captured, &detail).await?;
    tx.commit().await.map_err(store::StoreError::from)?;
    Ok(inv.id)
}

/// The invitations already recorded that `new` likely duplicates (the same requisition at
/// the same employer, or the same Message-ID), oldest first.
pub async fn duplicates_of(app: &App, new: &NewInvitation) -> Result<Vec<LikelyDuplicate>> {
    let mut conn = app.store.conn().await?;
    let print = Fingerprint {
        employer: new.employer.as_str(),
        requisition: new.requisition.as_ref().map(|r| r.as_str()),
        message_id: new.message_id.as_deref(),
    };
    likely_duplicates(&mut conn, print, None).await
}
