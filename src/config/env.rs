//! `BOWOUT_<SECTION>_<KEY>` overrides.

use anyhow::{Result, bail};
use serde::{Deserialize, Deserializer};

/// Sections that environment variables may override.
const SECTIONS: &[&str] = &[
    "identity", "smtp", "imap", "agenda", "letter", "oauth", "compose",
];

/// Variables that share the prefix but are not configuration keys.
const NOT_CONFIG: &[&str] = &[
    "BOWOUT_HOME",
    "BOWOUT_DATABASE_URL",
    "BOWOUT_SMTP_PASSWORD",
    "BOWOUT_IMAP_PASSWORD",
    "BOWOUT_OAUTH_TOKEN",
    "BOWOUT_NOW",
    "BOWOUT_LOG",
];

/// Sets `table[section][key] = value` for each `BOWOUT_SECTION_KEY=value`.
pub fn overlay(
    table: &mut toml::Table,
    vars: impl Iterator<Item = (String, String)>,
) -> Result<()> {
    for (name, value) in vars {
        let Some(rest) = name.strip_prefix("BOWOUT_") else {
            continue;
        };
        if NOT_CONFIG.contains(&name.as_str()) {
            continue;
        }
        let lower = rest.to_ascii_lowercase();
        let Some((section, key)) = lower.split_once('_') else {
            continue;
        };
        if !SECTIONS.contains(&section) {
            continue;
        }
        let entry = table
            .entry(section.to_string())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        let Some(section_table) = entry.as_table_mut() else {
            bail!("[{section}] in the config file is not a table");
        };
        section_table.insert(key.to_string(), toml::Value::String(value));
    }
    Ok(())
}

/// Accepts `["Jobs", "Recruiters"]` from the file and `"Jobs, Recruiters"` from the
/// environment.
pub fn list_or_string<'de, D>(d: D) -> Result<Vec<String>, D::Error>
where
    D: Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        List(Vec<String>),
        Str(String),
    }
    Ok(match Raw::deserialize(d)? {
        Raw::List(items) => items,
        Raw::Str(s) => s
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

/// Accepts `587` from the file and `"587"` from the environment.
pub fn int_or_string<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: TryFrom<i64> + std::str::FromStr,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Int(i64),
        Str(String),
    }
    let raw = Option::<Raw>::deserialize(d)?;
    let out = match raw {
        None => None,
        Some(Raw::Int(n)) => Some(
            T::try_from(n).map_err(|_| serde::de::Error::custom(format!("{n} is out of range")))?,
        ),
        Some(Raw::Str(s)) => Some(
            s.trim()
                .parse::<T>()
                .map_err(|_| serde::de::Error::custom(format!("{s:?} is not a number")))?,
        ),
    };
    Ok(out)
}
