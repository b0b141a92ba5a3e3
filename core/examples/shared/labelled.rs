//! The labelled messages of corpus folders, for the training examples: each folder holds
//! `.eml` files beside a `labels.json` (the corpus format).

use serde_json::Value;
use std::path::Path;

/// One labelled message: its path, its batch (the folder's name), its label and its bytes.
pub struct Labelled {
    pub path: String,
    pub group: String,
    pub label: Value,
    pub raw: Vec<u8>,
}

/// Calls `each` on every labelled message of `dirs`, in folder and label order.
pub fn for_each(
    dirs: &[String],
    mut each: impl FnMut(Labelled) -> Result<(), String>,
) -> Result<(), String> {
    for dir in dirs {
        let dir = Path::new(dir);
        let group = dir
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("{}: not a folder name", dir.display()))?;
        let labels_path = dir.join("labels.json");
        let text = std::fs::read_to_string(&labels_path)
            .map_err(|e| format!("{}: {e}", labels_path.display()))?;
        let labels: Vec<Value> =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", labels_path.display()))?;
        for label in labels {
            let file = label["file"]
                .as_str()
                .ok_or_else(|| format!("{}: a label without a file", labels_path.display()))?;
            let path = dir.join(file);
            let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            each(Labelled {
                path: path.display().to_string(),
                group: group.to_string(),
                label,
                raw,
            })?;
        }
    }
    Ok(())
}
