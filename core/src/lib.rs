//! bowout-core: the rules of bowout, with no I/O, no clock, no database and no network.
//!
//! - [`model`]: validated values (addresses, names, requisitions) and the records built of them.
//! - [`advisor`]: facts → advice with reasons, one small function per rule.
//! - [`compose`]: templates → drafts, and the diplomacy linter.
//! - [`ingest`]: raw mail bytes → classification and extracted fields.
//! - [`lexicon`]: the words mail is read by, one lexicon per language.
//!
//! Anything that needs the time of day receives it as an argument.

pub mod advisor;
pub mod compose;
pub mod fnv;
pub mod ingest;
pub mod lexicon;
pub mod model;
