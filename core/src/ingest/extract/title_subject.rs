//! A job title read from the subject: its segments, a step it announces ("next round for …")
//! and a gender marker ("(m/w/d)") that belongs to the title.

use super::title_shape::has_head;
use crate::ingest::read::text::lower_same_len;

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
pub fn strip_step_prefix(segment: &str) -> &str {
    let lower = lower_same_len(segment);
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

/// The segments of a subject: split at colons, bars and dashes; parentheses end a segment,
/// except a gender marker that belongs to the title before it.
pub fn segments(subject: &str) -> Vec<String> {
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
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The first segment of the subject that names a job ("Interview – Senior Data Analyst").
pub fn from_subject(subject: &str) -> Option<String> {
    segments(subject)
        .iter()
        .map(|s| strip_step_prefix(s))
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
    fn subjects() {
        assert_eq!(
            from_subject("Einladung zum Zweitgespräch - Senior Data Engineer (m/w/d)").as_deref(),
            Some("Senior Data Engineer (m/w/d)")
        );
    }
}
