//! Requisition numbers and interview rounds.

use super::{ModelError, text::single_line};
use serde::{Deserialize, Serialize};

/// A requisition identifier exactly as the employer wrote it, minus its label.
///
/// `Req #10457` → `10457`; `Job ID: JR-00123` → `JR-00123`. Prefixes that are part of the
/// identifier itself are kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Requisition(String);

/// Labels that introduce a requisition, longest first so that `Req ID` wins over `Req`.
const LABELS: &[&str] = &[
    "requisition number",
    "requisition no.",
    "requisition id",
    "requisition #",
    "requisition",
    "job requisition",
    "job reference",
    "job ref.",
    "job ref",
    "job id",
    "job no.",
    "job #",
    "posting id",
    "position id",
    "req. id",
    "req id",
    "req no.",
    "req.",
    "req #",
    "req",
    "reference",
    "ref no.",
    "ref.",
    "ref",
    "réf.",
    "réf",
    "referenz",
    "kennziffer",
    "referencia",
];

impl Requisition {
    pub const FIELD: &'static str = "requisition";

    pub fn parse(input: &str) -> Result<Self, ModelError> {
        let line = single_line(Self::FIELD, input, 80)?;
        let mut rest = line.as_str();
        let lower = rest.to_lowercase();
        for label in LABELS {
            if lower.starts_with(label) && lower.is_char_boundary(label.len()) {
                let after = &rest[label.len()..];
                // Only a label when followed by a separator: not `Referral`, and not the
                // `REQ-` that belongs to an identifier such as `REQ-2025-0412`.
                if after.starts_with([' ', ':', '#', '.']) || after.is_empty() {
                    rest = after;
                    break;
                }
            }
        }
        let cleaned = rest
            .trim_start_matches([' ', ':', '.', '-'])
            .trim_start_matches('#')
            .trim_start_matches([' ', ':'])
            .trim_end_matches(['.', ',', ';', ')'])
            .trim();
        if cleaned.is_empty() {
            return Err(ModelError::Empty { field: Self::FIELD });
        }
        Ok(Self(cleaned.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Requisition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Requisition {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl<'de> Deserialize<'de> for Requisition {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// The interview round: 1 = phone screen or first interview, 2 = second or technical,
/// 3 = final or onsite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Round(u8);

impl Round {
    pub fn new(n: i64) -> Result<Self, ModelError> {
        match n {
            1..=3 => Ok(Self(n as u8)),
            _ => Err(ModelError::Invalid {
                field: "round",
                input: n.to_string(),
                reason: "must be 1 (first), 2 (second) or 3 (final)",
            }),
        }
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// A later round: the candidate has already interviewed there for this job.
    pub fn is_later(self) -> bool {
        self.0 >= 2
    }
}

impl std::str::FromStr for Round {
    type Err = ModelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let n = match s.trim().to_ascii_lowercase().as_str() {
            "first" | "screen" => 1,
            "second" | "technical" => 2,
            "third" | "final" | "onsite" => 3,
            other => other.parse::<i64>().map_err(|_| ModelError::Invalid {
                field: "round",
                input: s.to_string(),
                reason: "must be 1, 2 or 3",
            })?,
        };
        Self::new(n)
    }
}

impl<'de> Deserialize<'de> for Round {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Self::new(i64::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(s: &str) -> String {
        Requisition::parse(s).expect("valid").as_str().to_string()
    }

    #[test]
    fn strips_labels_and_hash() {
        assert_eq!(req("Req #10457"), "10457");
        assert_eq!(req("#10457"), "10457");
        assert_eq!(req("Req ID: R0034567"), "R0034567");
        assert_eq!(req("Job ID JR-00123"), "JR-00123");
        assert_eq!(req("Réf. : 2025-DA-17"), "2025-DA-17");
        assert_eq!(req("REQ-2025-0412"), "REQ-2025-0412");
        assert_eq!(req("Requisition: 4471."), "4471");
    }

    #[test]
    fn refuses_empty_and_line_breaks() {
        assert!(Requisition::parse("Req #").is_err());
        assert!(Requisition::parse("12\r\n34").is_err());
    }

    #[test]
    fn round_bounds_and_words() {
        assert!(Round::new(0).is_err());
        assert!(Round::new(4).is_err());
        assert_eq!("final".parse::<Round>().map(Round::number), Ok(3));
        assert_eq!("2".parse::<Round>().map(Round::number), Ok(2));
        assert!("x".parse::<Round>().is_err());
    }
}
