//! The fields of an invitation, the third stage, filled for invitations and scams only. Reads
//! the view of [`crate::ingest::read`]; imports nothing of `classify`.
//!
//! - [`org`]: employer and agency. The employer is chosen by the learned [`ranker`] among
//!   the candidates of [`org_candidates`] (their shapes in [`org_name`], what the ranker
//!   knows of them in [`org_features`]).
//! - [`title`]: the job title in the text, then the subject ([`title_subject`]); what a title
//!   looks like and what around it is no part of it is in [`title_shape`].
//!   The rules' choice is one candidate among those of [`title_candidates`]; the learned
//!   [`ranker`] picks.
//! - [`requisition`]: the requisition number.
//! - [`round`]: the interview round.
//! - [`primary_contact`]: the human to answer, and the person who wrote the mail.
//! - [`greeting`]: how to greet them, as they signed or wrote.
//! - [`other_contacts`]: interviewers, panelists, Cc'd managers, with their [`roles`].
//! - [`addresses`]: mailboxes nobody reads, addresses in the text and their owners.
//! - [`phone`]: the primary contact's phone.
//! - [`scheduling_link`]: the link that lets the reader pick a time.

mod addresses;
mod greeting;
mod org;
mod org_candidates;
pub mod org_features;
mod org_name;
mod other_contacts;
mod phone;
mod primary_contact;
mod ranker;
mod requisition;
mod roles;
mod round;
mod scheduling_link;
mod title;
pub mod title_candidates;
mod title_shape;
mod title_subject;

use crate::ingest::analysis::Analysis;
use crate::ingest::read::mail::MailView;

/// Runs every extractor; each one only reads the view, so their order does not matter
/// except that the phone belongs to the primary contact found first.
pub fn fill(view: &MailView, out: &mut Analysis) {
    let orgs = org::find(view);
    out.employer = orgs.employer;
    out.agency = orgs.agency;
    out.job_title = title::find(view);
    out.requisition = requisition::find(view);
    out.round = round::find(view);
    let primary = primary_contact::find(view);
    out.other_contacts = other_contacts::find(view, primary.as_ref());
    out.phone = phone::find(view, primary.as_ref());
    out.greeting = greeting::find(view, primary.as_ref());
    out.primary_contact = primary;
    out.scheduling_link = scheduling_link::find(view);
}

/// The job-title candidates of a message with their features, for training.
pub fn title_candidates_of(view: &MailView) -> Vec<title_candidates::TitleCand> {
    title::training_candidates(view)
}

/// The employer candidates of a message with their features, for training.
pub fn employer_candidates_of(view: &MailView) -> Vec<(crate::model::OrgName, Vec<(u32, f32)>)> {
    org::candidates(view).candidates
}

pub use ranker::BUCKETS;
