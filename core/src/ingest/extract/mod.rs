//! Extracting the fields of an invitation from a message already read and classified.

mod addresses;
mod contacts;
mod org;
mod org_candidates;
mod org_name;
mod other_contacts;
mod phone;
mod requisition;
mod roles;
mod round;
mod scheduling_link;
mod title;
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
    let people = contacts::find(view);
    out.phone = phone::find(view, people.primary.as_ref());
    out.primary_contact = people.primary;
    out.other_contacts = people.others;
    out.scheduling_link = scheduling_link::find(view);
}
