//! One function per user action: the only place that joins store, mail and core.
//!
//! Nothing here prints or parses command lines: the CLI calls these
//! functions and render what they return. Every action that writes does so in one
//! transaction and appends its timeline event in the same transaction.

pub mod accounts;
mod add;
mod advise;
mod agenda;
mod app;
mod backup;
mod calendar;
mod call;
mod changes;
mod contact;
pub mod deadlines;
mod decide;
mod doctor;
mod drafts;
mod duplicates;
mod edit;
mod error;
mod import;
mod letter;
mod list;
mod login;
mod referral;
mod removal;
mod replies;
pub(crate) mod review;
mod send;
mod settings;
mod show;
mod sync;
mod verify;
pub mod views;

pub use add::{NewContact, NewInvitation, add_invitation, duplicates_of};
pub use advise::{AdviseOutcome, advise, advise_preview};
pub use agenda::{Agenda, AgendaItem, AgendaKind, agenda};
pub use app::App;
pub use backup::{export, restore};
pub use calendar::{CalendarEntry, CalendarWritten, calendar};
pub use call::{CallInput, CallLogged, CallOutcome, CallSheet, call_sheet, log_call};
pub use changes::Change;
pub use contact::{
    ContactAddress, ContactAddressView, ContactChanged, ContactEdit, GreetingEdit, NewContactInput,
    add_contact, edit_contact, make_primary, remove_contact, set_contact_address,
};
pub use decide::{AcceptInput, DeclineInput, accept, decline, interview_in_past};
pub use doctor::{DoctorReport, doctor};
pub use drafts::{DraftView, drafts, lint_draft, lint_text, save_draft};
pub use duplicates::LikelyDuplicate;
pub use edit::{EditInput, Edited, edit};
pub use error::ActionError;
pub use import::{ImportReport, Imported, ImportedDuplicate, import};
pub use letter::{
    LetterView, WrittenLetter, letter_status, record_mailing, record_receipt, write_letter,
};
pub use list::list;
pub use login::{
    ConnectionChecked, LoginStarted, LoginStatus, SignedIn, SignedOut, check_imap, check_smtp,
    finish_login, login_status, logout, start_login,
};
pub use referral::{
    NewReferral, ReferralChoice, ReferralEdit, ReferralEdited, ReferralItem, ReferralRemoved,
    add_referral, edit_referral, referral_choices, referrals, remove_referral,
};
pub use removal::{
    Deleted, DismissReason, Dismissed, ToDelete, Undismissed, check_delete, delete, dismiss,
    undismiss,
};
pub use replies::{
    ImapReport, Problem, RepliesReport, ReplyOutcome, replies_from_files, replies_from_imap,
};
pub use review::{Answer, Answered, ToReview, answer as answer_review, pending as pending_reviews};
pub use send::{MessageReport, SendInput, SendMode, SendReport, send};
pub use settings::{
    TemplateSource, reset_template, save_settings, save_template, store_password, template_sources,
};
pub use show::show;
pub use sync::{DEFAULT_SINCE, FolderReport, SyncReport, SyncedInvitation, sync};
pub use verify::{CopyCheck, verify};
pub use views::{Created, ExportSummary, InvitationView, ListItem, PasswordStored};

/// What actions return.
pub type Result<T, E = ActionError> = std::result::Result<T, E>;
