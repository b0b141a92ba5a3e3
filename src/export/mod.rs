//! Files for other programs: the calendar ([`ics`]).

pub mod ics;
