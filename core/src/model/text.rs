//! Single-line text newtypes: anything that can end up in a mail header.
//!
//! A CR or LF in a name, title or subject is how header injection happens, so it is
//! refused when the value is parsed, long before anything is sent.

use super::ModelError;

/// Checks that `input` is one line of printable text and returns it trimmed.
pub fn single_line(field: &'static str, input: &str, max: usize) -> Result<String, ModelError> {
    if input.contains(['\r', '\n']) {
        return Err(ModelError::LineBreak { field });
    }
    if input.chars().any(|c| c.is_control() && c != '\t') {
        return Err(ModelError::ControlChar { field });
    }
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ModelError::Empty { field });
    }
    let len = trimmed.chars().count();
    if len > max {
        return Err(ModelError::TooLong { field, len, max });
    }
    Ok(trimmed.replace('\t', " "))
}

/// Declares a validated single-line text newtype with `parse`, `as_str` and serde support.
macro_rules! single_line_type {
    ($(#[$doc:meta])* $name:ident, $field:literal, $max:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The field's name as used in error messages.
            pub const FIELD: &'static str = $field;

            /// Validates one line of text (no CR/LF, no control characters, not empty).
            pub fn parse(input: &str) -> Result<Self, $crate::model::ModelError> {
                $crate::model::text::single_line($field, input, $max).map(Self)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(d)?;
                Self::parse(&raw).map_err(serde::de::Error::custom)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::model::ModelError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use single_line_type;

single_line_type!(
    /// A person's display name.
    PersonName, "name", 200
);
single_line_type!(
    /// An organisation: the hiring employer or a recruiting agency.
    OrgName, "employer", 200
);
single_line_type!(
    /// The job title as the employer wrote it.
    JobTitle, "job title", 200
);
single_line_type!(
    /// A contact's role in the process (hiring manager, panelist, recruiter…).
    Role, "role", 100
);
single_line_type!(
    /// A phone number, kept exactly as written.
    Phone, "phone", 60
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_line_breaks_anywhere() {
        for bad in ["a\r\nBcc: x@y.z", "a\nb", "a\rb", "\n"] {
            assert_eq!(
                PersonName::parse(bad),
                Err(ModelError::LineBreak { field: "name" })
            );
        }
    }

    #[test]
    fn refuses_control_characters_and_empty() {
        assert!(matches!(
            JobTitle::parse("Data\u{0}Analyst"),
            Err(ModelError::ControlChar { .. })
        ));
        assert!(matches!(
            JobTitle::parse("   "),
            Err(ModelError::Empty { .. })
        ));
    }

    #[test]
    fn trims_and_keeps_unicode() {
        let name = PersonName::parse("  Zoë Müller-Straße ").expect("valid");
        assert_eq!(name.as_str(), "Zoë Müller-Straße");
    }

    #[test]
    fn bounds_length() {
        let long = "x".repeat(201);
        assert!(matches!(
            OrgName::parse(&long),
            Err(ModelError::TooLong { .. })
        ));
    }

    #[test]
    fn deserialize_validates() {
        let bad: Result<Role, _> = serde_json::from_str("\"a\\nb\"");
        assert!(bad.is_err());
    }
}
