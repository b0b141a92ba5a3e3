//! `agenda`: everything owed, so nothing is ignored — undecided invitations, declines nobody
//! confirmed, calls due, sends in doubt, interviews ahead.
//!
//! Extension point: each kind of item is an [`AgendaKind`] with one collector in
//! `collect.rs` that reads the `Snapshot`. To add a kind, add the variant to the
//! enum and to `ALL`, load what it needs into `Snapshot`, and write its collector; the
//! exhaustive match makes the compiler ask for it.

mod collect;
mod item;
mod snapshot;

pub use item::{Agenda, AgendaItem, AgendaKind};

use crate::actions::{App, Result};
use snapshot::Snapshot;

pub async fn agenda(app: &App) -> Result<Agenda> {
    let snap = Snapshot::load(app).await?;
    let mut items: Vec<AgendaItem> = AgendaKind::ALL
        .iter()
        .flat_map(|k| collect::collect(*k, app, &snap))
        .collect();
    // Oldest debt first; items without a day (interviews to schedule) last.
    items.sort_by(|a, b| {
        (a.due.is_none(), &a.due, &a.invitation_id).cmp(&(
            b.due.is_none(),
            &b.due,
            &b.invitation_id,
        ))
    });
    Ok(Agenda {
        today: app.clock.today().to_string(),
        items,
    })
}
