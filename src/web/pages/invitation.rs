//! One invitation: contacts, timeline, messages with their copies and hashes, the letter;
//! and the corrections (edit, contacts, dismiss, undismiss, delete).

use super::{given, page, see, v};
use crate::actions::{
    self, ContactAddress, ContactEdit, DismissReason, EditInput, NewContactInput,
};
use crate::web::error::WebError;
use crate::web::state::{Acting, Shared};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Form, Router};
use bowout_core::model::{
    EmailAddress, JobTitle, OrgName, PersonName, Phone, Requisition, Role, Round,
};
use serde::Deserialize;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route("/invitations/{id}", get(show))
        .route("/invitations/{id}/edit", post(edit))
        .route("/invitations/{id}/dismiss", post(dismiss))
        .route("/invitations/{id}/undismiss", post(undismiss))
        .route("/invitations/{id}/delete", get(confirm_delete).post(delete))
        .route("/invitations/{id}/contacts", post(add_contact))
        .route("/invitations/{id}/contacts/edit", post(edit_contact))
        .route("/invitations/{id}/contacts/remove", post(remove_contact))
        .route("/invitations/{id}/contacts/primary", post(make_primary))
        .route("/invitations/{id}/contacts/address", post(set_address))
}

async fn show(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let inv = actions::show(&acting.app, &id).await?;
    // Coach mode: the coach's notes and suggested drafts on it.
    let notes = match (&web.multi, &acting.who) {
        (Some(multi), Some(who)) => {
            Some(actions::accounts::notes(&multi.accounts, who.owner(), &inv.id).await?)
        }
        _ => None,
    };
    let coaching = acting.who.as_ref().is_some_and(|w| w.viewing.is_some());
    page(
        &web,
        "invitation.html",
        "invitations",
        minijinja::context! {
            inv => v(&(inv)), reasons => v(&(DISMISS_REASONS)),
            notes => v(&notes), coaching => coaching,
        },
    )
}

const DISMISS_REASONS: [(&str, &str); 3] = [
    ("duplicate", "A duplicate of another invitation"),
    ("not-an-invitation", "Not an invitation"),
    ("withdrawn", "Withdrawn by the employer"),
];

#[derive(Debug, Deserialize)]
struct EditForm {
    employer: Option<String>,
    agency: Option<String>,
    title: Option<String>,
    requisition: Option<String>,
    round: Option<String>,
}

/// Only the fields that changed are corrections; an emptied agency or requisition is
/// removed.
async fn edit(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<EditForm>,
) -> Result<Response, WebError> {
    let now = actions::show(&acting.app, &id).await?;
    let changed = |new: &Option<String>, old: Option<&str>| {
        let new = given(new);
        (new.as_deref() != old).then_some(new)
    };
    let employer = changed(&f.employer, Some(&now.employer))
        .flatten()
        .map(|e| OrgName::parse(&e))
        .transpose()?;
    let title = changed(&f.title, Some(&now.job_title))
        .flatten()
        .map(|t| JobTitle::parse(&t))
        .transpose()?;
    let agency = changed(&f.agency, now.agency.as_deref())
        .map(|a| a.map(|a| OrgName::parse(&a)).transpose())
        .transpose()?;
    let requisition = changed(&f.requisition, now.requisition.as_deref())
        .map(|r| r.map(|r| Requisition::parse(&r)).transpose())
        .transpose()?;
    let round = match given(&f.round) {
        Some(r) if Some(r.as_str()) != now.round.map(|n| n.to_string()).as_deref() => {
            let n: i64 = r
                .parse()
                .map_err(|_| WebError::bad(format!("the round must be 1, 2 or 3, not {r:?}")))?;
            Some(Round::new(n)?)
        }
        _ => None,
    };
    if employer.is_none()
        && title.is_none()
        && agency.is_none()
        && requisition.is_none()
        && round.is_none()
    {
        return Ok(see(&format!("/invitations/{}", now.id)));
    }
    let edited = actions::edit(
        &acting.app,
        EditInput {
            id: now.id.clone(),
            employer,
            agency,
            title,
            requisition,
            round,
            at: None,
            tz: None,
            language: None,
        },
    )
    .await?;
    let _ = edited;
    Ok(see(&format!("/invitations/{}", now.id)))
}

#[derive(Debug, Deserialize)]
struct DismissForm {
    reason: String,
}

async fn dismiss(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<DismissForm>,
) -> Result<Response, WebError> {
    let reason = DismissReason::parse(&f.reason)
        .ok_or_else(|| WebError::bad(format!("unknown reason {:?}", f.reason)))?;
    let done = actions::dismiss(&acting.app, &id, reason).await?;
    Ok(see(&format!("/invitations/{}", done.id)))
}

async fn undismiss(acting: Acting, Path(id): Path<String>) -> Result<Response, WebError> {
    let done = actions::undismiss(&acting.app, &id).await?;
    Ok(see(&format!("/invitations/{}", done.id)))
}

async fn confirm_delete(
    State(web): State<Shared>,
    acting: Acting,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let what = actions::check_delete(&acting.app, &id).await?;
    page(
        &web,
        "delete.html",
        "invitations",
        minijinja::context! { what => v(&(what)) },
    )
}

async fn delete(acting: Acting, Path(id): Path<String>) -> Result<Response, WebError> {
    actions::delete(&acting.app, &id).await?;
    Ok(see("/"))
}

#[derive(Debug, Deserialize)]
struct ContactForm {
    name: Option<String>,
    email: Option<String>,
    new_email: Option<String>,
    role: Option<String>,
    phone: Option<String>,
}

fn email(raw: &Option<String>) -> Result<EmailAddress, WebError> {
    let raw = given(raw).ok_or_else(|| WebError::bad("give the contact's email address"))?;
    Ok(EmailAddress::parse(&raw)?)
}

async fn add_contact(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<ContactForm>,
) -> Result<Response, WebError> {
    let name = given(&f.name).ok_or_else(|| WebError::bad("give the contact's name"))?;
    let done = actions::add_contact(
        &acting.app,
        NewContactInput {
            invitation: id,
            name: PersonName::parse(&name)?,
            email: email(&f.email)?,
            role: given(&f.role).map(|r| Role::parse(&r)).transpose()?,
            phone: given(&f.phone).map(|p| Phone::parse(&p)).transpose()?,
            greeting: None,
        },
    )
    .await?;
    Ok(see(&format!("/invitations/{}", done.invitation_id)))
}

async fn edit_contact(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<ContactForm>,
) -> Result<Response, WebError> {
    let current = email(&f.email)?;
    let inv = actions::show(&acting.app, &id).await?;
    let Some(was) = inv
        .contacts
        .0
        .iter()
        .find(|c| c.email == current.to_string())
    else {
        return Err(WebError::bad(format!(
            "no contact {current} on this invitation"
        )));
    };
    let differs =
        |new: &Option<String>, old: Option<&str>| given(new).filter(|n| Some(n.as_str()) != old);
    let done = actions::edit_contact(
        &acting.app,
        ContactEdit {
            invitation: inv.id.clone(),
            email: current.clone(),
            name: differs(&f.name, was.name.as_deref())
                .map(|n| PersonName::parse(&n))
                .transpose()?,
            new_email: differs(&f.new_email, Some(&was.email))
                .map(|e| EmailAddress::parse(&e))
                .transpose()?,
            role: differs(&f.role, was.role.as_deref())
                .map(|r| Role::parse(&r))
                .transpose()?,
            phone: differs(&f.phone, was.phone.as_deref())
                .map(|p| Phone::parse(&p))
                .transpose()?,
            greeting: Default::default(),
        },
    )
    .await;
    match done {
        Ok(_) => Ok(see(&format!("/invitations/{}", inv.id))),
        // Nothing changed: nothing to record.
        Err(actions::ActionError::BadInput(_)) if nothing_changed(&f, was) => {
            Ok(see(&format!("/invitations/{}", inv.id)))
        }
        Err(e) => Err(e.into()),
    }
}

fn nothing_changed(f: &ContactForm, was: &crate::actions::views::ContactView) -> bool {
    let same = |new: &Option<String>, old: Option<&str>| {
        given(new).is_none_or(|n| Some(n.as_str()) == old)
    };
    same(&f.name, was.name.as_deref())
        && same(&f.new_email, Some(&was.email))
        && same(&f.role, was.role.as_deref())
        && same(&f.phone, was.phone.as_deref())
}

async fn remove_contact(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<ContactForm>,
) -> Result<Response, WebError> {
    let done = actions::remove_contact(&acting.app, &id, &email(&f.email)?).await?;
    Ok(see(&format!("/invitations/{}", done.invitation_id)))
}

async fn make_primary(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<ContactForm>,
) -> Result<Response, WebError> {
    let done = actions::make_primary(&acting.app, &id, &email(&f.email)?).await?;
    Ok(see(&format!("/invitations/{}", done.invitation_id)))
}

#[derive(Debug, Deserialize)]
struct AddressForm {
    email: Option<String>,
    address: String,
}

async fn set_address(
    acting: Acting,
    Path(id): Path<String>,
    Form(f): Form<AddressForm>,
) -> Result<Response, WebError> {
    let lines: Vec<String> = f
        .address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let done = actions::set_contact_address(
        &acting.app,
        ContactAddress {
            invitation: id,
            email: given(&f.email),
            lines,
        },
    )
    .await?;
    let _ = done;
    Ok(see("/agenda"))
}
