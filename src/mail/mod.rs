//! Mail in and out: reading mailboxes ([`scan`]).

pub mod scan;
