//! Likely duplicates: an invitation recorded already under the same Message-ID, or for the
//! same requisition at the same employer. `add` asks before recording one; `import` lists
//! those it did not link.

use super::Result;
use crate::store;
use bowout_core::model::legal_form;
use serde::Serialize;

/// An invitation already recorded that the new one likely duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LikelyDuplicate {
    /// The id of the invitation already recorded.
    pub existing: String,
    /// `same Message-ID`, or `same employer and requisition`.
    pub why: &'static str,
}

/// What a new invitation is compared by.
#[derive(Debug, Clone, Copy)]
pub struct Fingerprint<'a> {
    pub employer: &'a str,
    pub requisition: Option<&'a str>,
    pub message_id: Option<&'a str>,
}

/// The recorded invitations `new` likely duplicates, oldest first, leaving out `except`
/// (the invitation itself, or the one it was linked to).
pub async fn likely_duplicates(
    conn: &mut store::Conn,
    new: Fingerprint<'_>,
    except: Option<&str>,
) -> Result<Vec<LikelyDuplicate>> {
    let mut out = Vec::new();
    if let Some(mid) = new.message_id
        && let Some(id) = store::find_by_message_id(conn, mid).await?
    {
        out.push(LikelyDuplicate {
            existing: id,
            why: "same Message-ID",
        });
    }
    if let Some(req) = new.requisition {
        for (id, employer, recorded) in store::invitations_with_requisitions(conn).await? {
            if same_requisition(&recorded, req)
                && same_organisation(&employer, new.employer)
                && !out.iter().any(|d| d.existing == id)
            {
                out.push(LikelyDuplicate {
                    existing: id,
                    why: "same employer and requisition",
                });
            }
        }
    }
    out.retain(|d| Some(d.existing.as_str()) != except);
    Ok(out)
}

/// Legal forms a company's name may carry in one message and not in the next.
/// The name reduced for comparison: lower case, letters and digits only, and without the legal
/// form a company's name may carry in one message and not in the next.
fn organisation_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    let short = legal_form::strip(lower).unwrap_or(lower);
    short.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// "Alderbrook Pharmaceuticals" and "Alderbrook Pharmaceuticals UK Ltd" are one employer.
pub(super) fn same_organisation(a: &str, b: &str) -> bool {
    let (a, b) = (organisation_key(a), organisation_key(b));
    !a.is_empty() && a == b
}

/// "JR-00123" and "jr 00123" are one requisition: case, spaces and punctuation aside.
fn same_requisition(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::{same_organisation, same_requisition};

    #[test]
    fn one_employer_with_or_without_its_legal_form() {
        assert!(same_organisation(
            "Alderbrook Pharmaceuticals",
            "Alderbrook Pharmaceuticals UK Ltd"
        ));
        assert!(same_organisation("Litware Inc.", "litware"));
        assert!(!same_organisation(
            "Alderbrook Pharmaceuticals",
            "Brightwater Pharmaceuticals"
        ));
        assert!(!same_organisation("Globex", "Globex Analytics"));
    }

    #[test]
    fn one_requisition_whatever_its_case_and_punctuation() {
        assert!(same_requisition("JR-00123", "jr 00123"));
        assert!(same_requisition("4471", "4471"));
        assert!(!same_requisition("4471", "4472"));
        assert!(!same_requisition("--", "--"));
    }
}
