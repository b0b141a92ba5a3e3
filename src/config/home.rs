//! Where bowout keeps things: one `--home` directory, or the platform's conventions.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Paths for config, database, archive and templates.
#[derive(Debug, Clone)]
pub struct Home {
    pub config_file: PathBuf,
    pub database: PathBuf,
    pub archive: PathBuf,
    pub templates: PathBuf,
}

impl Home {
    /// Everything under one directory (`--home DIR` / `BOWOUT_HOME`).
    pub fn single(dir: &Path) -> Self {
        Self {
            config_file: dir.join("config.toml"),
            database: dir.join("bowout.db"),
            archive: dir.join("archive"),
            templates: dir.join("templates"),
        }
    }

    /// The platform's conventions: on Linux `$XDG_CONFIG_HOME/bowout/config.toml` and the
    /// database, archive and templates in `$XDG_DATA_HOME/bowout/`.
    pub fn platform() -> Result<Self> {
        let dirs = directories::ProjectDirs::from("", "", "bowout")
            .context("cannot find a home directory; pass --home DIR or set BOWOUT_HOME")?;
        let data = dirs.data_dir();
        Ok(Self {
            config_file: dirs.config_dir().join("config.toml"),
            database: data.join("bowout.db"),
            archive: data.join("archive"),
            templates: data.join("templates"),
        })
    }

    /// Creates the directories on first use.
    pub fn create(&self) -> Result<()> {
        for dir in [
            self.config_file.parent(),
            self.database.parent(),
            Some(self.archive.as_path()),
        ]
        .into_iter()
        .flatten()
        {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create directory {}", dir.display()))?;
        }
        Ok(())
    }
}
