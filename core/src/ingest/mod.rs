//! Raw RFC 5322 bytes → classification, extracted fields and threading ids. Never panics.
