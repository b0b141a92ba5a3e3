//! The streaming mbox splitter and the lazy prefilter must never panic, must cover every
//! input byte exactly once, and must not depend on how the input is chunked by `read`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Read;

// The scanner's modules are plain files with no app dependencies: compile them here as is.
#[path = "../../src/mail/scan/decode.rs"]
#[allow(dead_code)]
mod decode;
#[path = "../../src/mail/scan/headers.rs"]
#[allow(dead_code)]
mod headers;
#[path = "../../src/mail/scan/lazy.rs"]
#[allow(dead_code)]
mod lazy;
#[path = "../../src/mail/scan/mbox.rs"]
#[allow(dead_code)]
mod mbox;

/// A reader that hands out the input in small, uneven pieces.
struct Dribble<'a> {
    data: &'a [u8],
    step: usize,
}

impl Read for Dribble<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.step = self.step % 7 + 1;
        let n = buf.len().min(self.data.len()).min(self.step * 997);
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    let pre = lazy::Prefilter::new().expect("automaton");
    let mut scratch = Vec::new();
    let mut splitter = mbox::Splitter::new(Dribble { data, step: 0 });
    let mut covered = 0u64;
    while let Some(batch) = splitter.next_batch() {
        let batch = batch.expect("reading a slice cannot fail");
        let mut expected = batch.offset;
        for r in &batch.messages {
            assert_eq!(
                batch.offset + r.start as u64,
                expected,
                "messages are contiguous"
            );
            expected += r.len() as u64;
            let msg = &batch.buf[r.clone()];
            let _ = pre.glance(msg, &mut scratch);
            let _ = mbox::unquote(msg);
        }
        covered = expected.max(covered);
    }
    assert_eq!(
        covered,
        data.len() as u64,
        "every byte belongs to one message"
    );
});
