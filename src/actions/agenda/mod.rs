//! `agenda`: what is owed today (overdue or due today) and what comes next — undecided
//! invitations, declines waiting for their receipt, calls, sends in doubt, interviews ahead,
//! letters waiting for their return receipt — each with the command that closes it.
//!
//! Extension point: each kind of item is an [`AgendaKind`] with one collector in
//! `collect.rs` that reads the `Snapshot` and dates every item with the day it is owed;
//! this module sorts the items into the two sections by that day. To add a kind, add the
//! variant to the enum and to `ALL`, load what it needs into `Snapshot`, and write its
//! collector; the exhaustive match makes the compiler ask for it.

mod collect;
mod item;
mod snapshot;

pub use item::{Agenda, AgendaItem, AgendaKind};

use crate::actions::{App, Result};
use snapshot::Snapshot;

pub async fn agenda(app: &App) -> Result<Agenda> {
    let snap = Snapshot::load(app).await?;
    let today = app.clock.today();
    let (mut owed, mut next): (Vec<AgendaItem>, Vec<AgendaItem>) = AgendaKind::ALL
        .iter()
        .flat_map(|k| collect::collect(*k, app, &snap))
        .partition(|i| i.due.is_some_and(|d| d <= today));
    // Oldest debt first; then the soonest, and what has no day yet (interviews to
    // schedule) last.
    let order = |a: &AgendaItem, b: &AgendaItem| {
        (a.due.is_none(), a.due, &a.invitation_id).cmp(&(b.due.is_none(), b.due, &b.invitation_id))
    };
    owed.sort_by(order);
    next.sort_by(order);
    let to_review = crate::actions::pending_reviews(app).await?.len();
    Ok(Agenda {
        today,
        owed,
        next,
        to_review,
    })
}
