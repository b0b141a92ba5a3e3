//! What happened to each message in one run, for the report.

use std::collections::HashMap;

/// What happened to one message in this run, for the report.
#[derive(Debug, Clone)]
pub(super) struct Outcome {
    pub action: &'static str,
    pub note: Option<String>,
    pub eml: Option<String>,
}

/// Outcomes by message row id.
pub(super) type Outcomes = HashMap<String, Outcome>;

pub(super) fn outcome(
    outcomes: &mut Outcomes,
    id: &str,
    action: &'static str,
    note: Option<String>,
) {
    outcomes.insert(
        id.to_string(),
        Outcome {
            action,
            note,
            eml: None,
        },
    );
}
