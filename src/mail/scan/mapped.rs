//! A large mailbox read through a memory map, as ripgrep reads a single large file: no copy
//! through `read`, and the pages of what was read given back as the scan goes, so that memory
//! stays flat whatever the file's size. Anything that is not a regular file (a pipe, a
//! device) or cannot be mapped is streamed instead ([`super::mbox::Splitter`]).

use memmap2::{Advice, Mmap, UncheckedAdvice};
use std::fs::File;

pub struct Mapped {
    map: Mmap,
}

impl Mapped {
    /// The file mapped read-only, or `None` when it should be streamed.
    #[allow(unsafe_code)]
    pub fn open(file: &File) -> Option<Self> {
        let meta = file.metadata().ok()?;
        if !meta.is_file() || meta.len() == 0 {
            return None;
        }
        // SAFETY: the map is read-only and lives as long as this value. Another process that
        // shrinks the file during the scan makes a later read of the lost pages fault, the
        // same trade-off every tool that maps files makes; a mailbox being scanned is not
        // written to.
        let map = unsafe { Mmap::map(file) }.ok()?;
        // Only a hint: reading ahead helps a sequential scan, and nothing is lost without it.
        let _ = map.advise(Advice::Sequential);
        Some(Self { map })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.map
    }

    /// Gives back the pages of `start..end` once they have been read. The file keeps them:
    /// a later read of those bytes would only fault them in again.
    #[allow(unsafe_code)]
    pub fn release(&self, start: usize, end: usize) {
        // The start of the range must be page-aligned: 64 KiB covers every page size.
        let start = start & !0xFFFF;
        if end <= start || end > self.map.len() {
            return;
        }
        // SAFETY: the map is a read-only shared map of a file: dropping its pages loses
        // nothing, since they are read back from the file on the next access.
        let _ = unsafe {
            self.map
                .unchecked_advise_range(UncheckedAdvice::DontNeed, start, end - start)
        };
    }
}
