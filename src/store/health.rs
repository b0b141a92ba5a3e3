//! Is the SQLite file whole? Checked before bowout opens it, so that a truncated or garbled
//! database is named and left exactly as it is, never "repaired" by writing over it.
//!
//! The checks read the file's 100-byte header (SQLite's file format, section 1.3): the magic
//! string, the page size and, when the header vouches for it, the number of pages, which
//! the file's length must cover. Damage inside the pages is found after opening by
//! `PRAGMA quick_check`, which reads every page.

use super::StoreError;
use std::io::Read;
use std::path::Path;

/// The first 16 bytes of every SQLite database.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER: usize = 100;

/// What the database file looked like before it was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// No file yet: the first use, it is created.
    Missing,
    /// A file of zero bytes, as SQLite leaves one that never got its first page.
    Empty,
    /// A database whose header and length hold together.
    Whole { bytes: u64, pages: u64 },
}

/// Checks the file at `path` without changing it. A header that is not SQLite's, or a file
/// shorter than its header says, is [`StoreError::Damaged`].
pub fn check_file(path: &Path) -> Result<FileState, StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(e) => {
            return Err(StoreError::Unreadable {
                path: path.to_path_buf(),
                source: e,
            });
        }
    };
    let bytes = file
        .metadata()
        .map_err(|e| StoreError::Unreadable {
            path: path.to_path_buf(),
            source: e,
        })?
        .len();
    if bytes == 0 {
        return Ok(FileState::Empty);
    }
    let mut header = Vec::with_capacity(HEADER);
    file.by_ref()
        .take(HEADER as u64)
        .read_to_end(&mut header)
        .map_err(|e| StoreError::Unreadable {
            path: path.to_path_buf(),
            source: e,
        })?;
    let damaged = |why: String| StoreError::Damaged {
        path: path.to_path_buf(),
        why,
    };
    if !header.starts_with(MAGIC) {
        return Err(damaged(
            "it does not start as a SQLite database does: its first bytes were overwritten, or \
             it is another kind of file"
                .into(),
        ));
    }
    if header.len() < HEADER {
        return Err(damaged(format!(
            "it is cut short: {bytes} bytes, less than a database header"
        )));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        n => {
            return Err(damaged(format!("its header is garbled (page size {n})")));
        }
    };
    let counter = &header[24..28];
    let valid_for = &header[92..96];
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    if bytes % page_size != 0 {
        return Err(damaged(format!(
            "it is cut short: {bytes} bytes, not a whole number of {page_size}-byte pages"
        )));
    }
    // In WAL mode the log may hold pages the file has not caught up with (a checkpoint cut
    // short by a full disk leaves the new size in the header): then SQLite's check of the
    // pages judges, not the length.
    let log_holds_pages = wal_of(path).metadata().is_ok_and(|m| m.len() > 0);
    if pages > 0 && counter == valid_for && bytes < pages * page_size && !log_holds_pages {
        return Err(damaged(format!(
            "it is cut short: {bytes} bytes of the {} its header counts",
            pages * page_size
        )));
    }
    Ok(FileState::Whole {
        bytes,
        pages: bytes / page_size,
    })
}

/// The write-ahead log beside a database: `<file>-wal`.
fn wal_of(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-wal");
    name.into()
}

/// SQLite's own check of every page (`PRAGMA quick_check`): `None` when the database is
/// whole, else the first problems it found.
pub async fn quick_check(conn: &mut super::Conn) -> Result<Option<String>, StoreError> {
    let lines: Vec<String> = sqlx::query_scalar("PRAGMA quick_check(5)")
        .fetch_all(conn)
        .await?;
    Ok(match lines.as_slice() {
        [ok] if ok == "ok" => None,
        _ => Some(lines.join("; ")),
    })
}

/// How the open database makes commits durable: `journal_mode` and `synchronous`, as SQLite
/// names them (`wal`, `full`); `None` for PostgreSQL, which has its own.
pub async fn durability(
    conn: &mut super::Conn,
) -> Result<Option<(String, &'static str)>, StoreError> {
    if conn.backend_name() != "SQLite" {
        return Ok(None);
    }
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut *conn)
        .await?;
    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&mut *conn)
        .await?;
    let sync = match sync {
        0 => "off",
        1 => "normal",
        2 => "full",
        3 => "extra",
        _ => "unknown",
    };
    Ok(Some((mode.to_ascii_lowercase(), sync)))
}

/// True when a database error is SQLite saying the file is damaged (`SQLITE_CORRUPT`,
/// `SQLITE_NOTADB`, with their extended codes).
pub fn is_damage(e: &sqlx::Error) -> bool {
    sqlite_code(e).is_some_and(|c| matches!(c & 0xff, 11 | 26))
}

/// True when a database error is SQLite saying the disk is full (`SQLITE_FULL`).
pub fn is_full(e: &sqlx::Error) -> bool {
    sqlite_code(e).is_some_and(|c| c & 0xff == 13)
}

/// True when a database error is SQLite failing to read or write its files (`SQLITE_IOERR`
/// and its extended codes), which a full disk also causes.
pub fn is_io(e: &sqlx::Error) -> bool {
    sqlite_code(e).is_some_and(|c| c & 0xff == 10)
}

fn sqlite_code(e: &sqlx::Error) -> Option<i64> {
    match e {
        sqlx::Error::Database(db) => db.code()?.parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(page_size: u16, pages: u32) -> Vec<u8> {
        let mut h = vec![0u8; HEADER];
        h[..16].copy_from_slice(MAGIC);
        h[16..18].copy_from_slice(&page_size.to_be_bytes());
        h[24..28].copy_from_slice(&7u32.to_be_bytes());
        h[28..32].copy_from_slice(&pages.to_be_bytes());
        h[92..96].copy_from_slice(&7u32.to_be_bytes());
        h
    }

    fn file_of(bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("bowout.db");
        std::fs::write(&path, bytes).expect("write");
        (dir, path)
    }

    #[test]
    fn a_whole_file_passes_and_a_missing_or_empty_one_is_said() {
        let mut db = header(4096, 2);
        db.resize(8192, 0);
        let (_d, path) = file_of(&db);
        assert_eq!(
            check_file(&path).expect("whole"),
            FileState::Whole {
                bytes: 8192,
                pages: 2
            }
        );
        let (_e, empty) = file_of(b"");
        assert_eq!(check_file(&empty).expect("empty"), FileState::Empty);
        assert_eq!(
            check_file(&empty.with_file_name("none.db")).expect("missing"),
            FileState::Missing
        );
    }

    #[test]
    fn truncated_and_garbled_files_are_damaged() {
        let mut short = header(4096, 3);
        short.resize(8192, 0);
        let (_a, path) = file_of(&short);
        let err = check_file(&path).expect_err("short").to_string();
        assert!(err.contains("8192 bytes of the 12288"), "{err}");

        // With pages in the log beside it, the length is for SQLite's check to judge.
        std::fs::write(path.with_file_name("bowout.db-wal"), b"frames").expect("wal");
        assert!(check_file(&path).is_ok());

        let mut ragged = header(4096, 1);
        ragged.resize(5000, 0);
        let (_b, path) = file_of(&ragged);
        assert!(check_file(&path).is_err());

        let mut garbled = header(4096, 1);
        garbled.resize(4096, 0);
        garbled[..6].copy_from_slice(b"XXXXXX");
        let (_c, path) = file_of(&garbled);
        let err = check_file(&path).expect_err("garbled").to_string();
        assert!(err.contains("does not start as a SQLite database"), "{err}");
    }
}
