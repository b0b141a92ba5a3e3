//! Parts of a job title's text: the subject's segments, and the parentheses a title carries
//! that are not part of it (identifiers, hours) or are (a gender marker).

use super::title::has_head;

/// Drops parentheses that are not part of the title: an identifier ("(Posting ID: 0624571)",
/// "(ID: 3317)") or the hours ("(Part Time / Full Time)"). A gender marker ("(m/w/d)"),
/// a level or a place ("(Entry Level)", "(Remote)") stays.
pub fn drop_asides(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        let inner = rest[open + 1..close].to_lowercase();
        let aside = inner.chars().any(|c| c.is_ascii_digit())
            || ["id", "req", "ref", "posting", "job"]
                .iter()
                .any(|l| inner.starts_with(l) && inner[l.len()..].starts_with([':', ' ', '#']))
            || [
                "full time",
                "full-time",
                "part time",
                "part-time",
                "contract",
                "temporary",
                "permanent",
                "fixed-term",
                "no experience",
                "experience needed",
            ]
            .iter()
            .any(|h| inner.contains(h));
        out.push_str(&rest[..if aside { open } else { close + 1 }]);
        rest = &rest[close + 1..];
    }
    // A parenthesis the text cut before it closed ("Coordinador/a (Ref") is dropped whole.
    let rest = rest.split_once('(').map_or(rest, |(before, _)| before);
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "(m/w/d)", "(h/f)", "(all genders)": the gender marker of a European job ad, which is
/// part of the title as advertised.
fn gender_marker(inner: &str) -> bool {
    let l = inner.trim().to_lowercase();
    l == "all genders"
        || l.contains('/')
            && l.split('/')
                .all(|p| matches!(p.trim(), "m" | "w" | "d" | "f" | "h" | "x" | "divers"))
}

/// "next round for FP&A Manager", "next steps for …": the step the subject announces is no
/// part of the title.
fn strip_step_prefix(segment: &str) -> &str {
    let lower = crate::ingest::read::text::lower_same_len(segment);
    [
        "next round for ",
        "next steps for ",
        "next step for ",
        "phone screen for ",
        "application for ",
    ]
    .iter()
    .find_map(|p| lower.starts_with(p).then(|| &segment[p.len()..]))
    .unwrap_or(segment)
}

pub fn from_subject(subject: &str) -> Option<String> {
    // Parentheses end a segment, except a gender marker that belongs to the title.
    let mut parts: Vec<String> = Vec::new();
    for (i, seg) in subject.split('(').enumerate() {
        let marker = seg
            .split_once(')')
            .filter(|(inner, _)| gender_marker(inner));
        match (marker, parts.last_mut()) {
            (Some((inner, tail)), Some(last)) if i > 0 => {
                last.truncate(last.trim_end().len());
                last.push_str(&format!(" ({})", inner.trim()));
                parts.push(tail.to_string());
            }
            _ => parts.push(seg.to_string()),
        }
    }
    parts
        .iter()
        .flat_map(|s| s.split([':', '|']))
        .flat_map(|s| s.split(" - "))
        .flat_map(|s| s.split(" – "))
        .flat_map(|s| s.split(" — "))
        .map(|s| {
            let s = s.trim();
            // A closing parenthesis left from the split, unless it closes a gender marker.
            if s.ends_with(')') && !s.contains('(') {
                s.trim_end_matches(')')
            } else {
                s
            }
        })
        .map(strip_step_prefix)
        .find(|s| {
            has_head(s)
                && s.split_whitespace().count() <= 8
                && !s.to_lowercase().contains("interview")
        })
        .map(|s| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asides_and_subjects() {
        assert_eq!(
            drop_asides("Research Software Engineer (Posting ID: 0624571)"),
            "Research Software Engineer"
        );
        assert_eq!(
            drop_asides("Data Analyst (Remote)"),
            "Data Analyst (Remote)"
        );
        assert_eq!(
            from_subject("Einladung zum Zweitgespräch - Senior Data Engineer (m/w/d)").as_deref(),
            Some("Senior Data Engineer (m/w/d)")
        );
    }
}
