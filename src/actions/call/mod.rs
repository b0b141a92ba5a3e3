//! The follow-up call after a decline: when it is due, the call sheet, and logging it.

mod due;
mod log;
mod sheet;

pub(crate) use due::{CallState, Closed, due, state};
pub use log::{CallInput, CallLogged, CallOutcome, log_call};
pub use sheet::{CallSheet, call_sheet};
