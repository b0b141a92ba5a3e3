//! Templates → drafts, and the diplomacy linter.

pub mod lint;
