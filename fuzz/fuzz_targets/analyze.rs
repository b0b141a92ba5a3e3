//! `analyze` must never panic, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let a = bowout_core::ingest::analyze(data);
    // Touch every field, as the scan output does.
    let _ = format!("{a:?}");
});
