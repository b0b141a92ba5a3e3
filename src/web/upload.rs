//! Uploaded mail, written to a private temporary folder for the import and replies actions:
//! `.eml`, mbox (`.mbox`, `.mbox.gz`), or a zipped Maildir, unpacked with every name kept
//! inside the folder and the unpacked size bounded.

use super::error::WebError;
use axum::extract::Multipart;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// The most a zipped Maildir may unpack to, and the most files it may hold.
const UNZIPPED_LIMIT: u64 = 1024 * 1024 * 1024;
const UNZIPPED_FILES: usize = 200_000;

/// The uploaded files, alive as long as this is.
pub struct Uploaded {
    pub dir: tempfile::TempDir,
    pub paths: Vec<PathBuf>,
    /// The names the files had on the user's machine, in order.
    pub names: Vec<String>,
}

/// A name safe to write: its last part, with anything but letters, digits, `.`, `-` and
/// `_` replaced.
fn safe_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let clean = clean.trim_start_matches('.').to_string();
    if clean.is_empty() {
        "upload".to_string()
    } else {
        clean
    }
}

/// Reads every file field of the form into a new temporary folder (other fields are
/// ignored). The body's size is bounded by the route's limit.
pub async fn receive(mut form: Multipart) -> Result<Uploaded, WebError> {
    let dir = tempfile::Builder::new()
        .prefix("bowout-upload-")
        .tempdir()
        .map_err(|e| WebError::internal(format!("cannot make a folder for the upload: {e}")))?;
    let mut paths = Vec::new();
    let mut names = Vec::new();
    while let Some(mut field) = form.next_field().await.map_err(upload_error)? {
        let Some(original) = field.file_name().map(str::to_string) else {
            continue;
        };
        if original.is_empty() {
            continue;
        }
        let name = format!("{}-{}", paths.len() + 1, safe_name(&original));
        let path = dir.path().join(&name);
        let mut file = std::fs::File::create(&path)
            .map_err(|e| WebError::internal(format!("cannot write the upload: {e}")))?;
        while let Some(chunk) = field.chunk().await.map_err(upload_error)? {
            file.write_all(&chunk)
                .map_err(|e| WebError::internal(format!("cannot write the upload: {e}")))?;
        }
        drop(file);
        let path = if name.to_ascii_lowercase().ends_with(".zip") {
            let target = dir.path().join(format!("{name}.d"));
            let from = path.clone();
            let to = target.clone();
            tokio::task::spawn_blocking(move || unzip(&from, &to))
                .await
                .map_err(WebError::internal)??;
            std::fs::remove_file(&path).ok();
            target
        } else {
            path
        };
        paths.push(path);
        names.push(original);
    }
    if paths.is_empty() {
        return Err(WebError::bad("choose at least one file to upload"));
    }
    Ok(Uploaded { dir, paths, names })
}

fn upload_error(e: axum::extract::multipart::MultipartError) -> WebError {
    WebError::new(e.status(), format!("the upload failed: {}", e.body_text()))
}

/// Unpacks the zip at `from` into `to`, refusing names that leave it and archives that
/// unpack to more than [`UNZIPPED_LIMIT`] or [`UNZIPPED_FILES`].
fn unzip(from: &Path, to: &Path) -> Result<(), WebError> {
    let bad = |why: String| WebError::bad(format!("cannot unpack the zip file: {why}"));
    let file = std::fs::File::open(from).map_err(|e| bad(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| bad(e.to_string()))?;
    if zip.len() > UNZIPPED_FILES {
        return Err(bad(format!("it holds more than {UNZIPPED_FILES} files")));
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| bad(e.to_string()))?;
        let Some(inner) = entry.enclosed_name() else {
            return Err(bad(format!(
                "{:?} points outside the archive",
                entry.name()
            )));
        };
        let out = to.join(inner);
        if entry.is_dir() {
            std::fs::create_dir_all(&out).map_err(|e| bad(e.to_string()))?;
            continue;
        }
        if let Some(parent) = out.parent() {
            std::fs::create_dir_all(parent).map_err(|e| bad(e.to_string()))?;
        }
        let mut writer = std::fs::File::create(&out).map_err(|e| bad(e.to_string()))?;
        let left = UNZIPPED_LIMIT.saturating_sub(total);
        let copied = std::io::copy(&mut (&mut entry).take(left + 1), &mut writer)
            .map_err(|e| bad(e.to_string()))?;
        total += copied;
        if total > UNZIPPED_LIMIT {
            return Err(bad(format!(
                "it unpacks to more than {} MB",
                UNZIPPED_LIMIT / 1024 / 1024
            )));
        }
    }
    Ok(())
}

use std::io::Read as _;

#[cfg(test)]
mod tests {
    use super::safe_name;

    #[test]
    fn names_keep_inside_the_folder() {
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("C:\\mail\\in box.mbox.gz"), "in_box.mbox.gz");
        assert_eq!(safe_name(".."), "upload");
    }
}
