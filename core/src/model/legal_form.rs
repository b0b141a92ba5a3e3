//! Legal forms of company names: "Ltd", "Inc.", "GmbH", "S.A.". One list for every rule that
//! must see past them: telling one employer from another whatever form a message gives its
//! name, keeping a company's name whole when it ends in "Inc.", not taking "Ltd" for part of
//! a person's name.

/// Legal forms as written after a company's name. A form that ends another comes before it
/// ("UK Ltd" before "Ltd"), so that the longer one is found first. A form written with a
/// closing period ("Inc.") is an abbreviation: the period after it ends no sentence and
/// belongs to the name. Matching ignores case and that closing period.
#[rustfmt::skip]
pub const LEGAL_FORMS: &[&str] = &[
    "UK Ltd", "Pty Ltd", "Pvt. Ltd.", "Ltd.", "Limited", "LLC", "LLP", "Inc.", "Corp.",
    "Corporation", "Co.", "GmbH", "AG", "KG", "e.V.", "plc", "S.A.S.", "S.A.", "S.L.U.", "S.L.",
    "B.V.", "N.V.", "S.p.A.", "S.r.l.", "SARL", "Lda.", "Ltda.",
];

/// `s` without one closing period.
fn bare(s: &str) -> &str {
    s.strip_suffix('.').unwrap_or(s)
}

/// True when `word` is a legal form ("Ltd", "inc.", "GmbH"), case and a closing period
/// aside.
pub fn is_legal_form(word: &str) -> bool {
    LEGAL_FORMS
        .iter()
        .any(|f| bare(f).eq_ignore_ascii_case(bare(word)))
}

/// True when `word` is a legal form written as an abbreviation with a closing period ("Inc.",
/// "Co."), with or without that period, case aside.
pub fn is_abbreviation(word: &str) -> bool {
    LEGAL_FORMS
        .iter()
        .any(|f| f.ends_with('.') && bare(f).eq_ignore_ascii_case(bare(word)))
}

/// `name` without the legal form it ends with, and without the space before it:
/// "Alderbrook Pharmaceuticals UK Ltd" → "Alderbrook Pharmaceuticals", "Litware, Inc." →
/// "Litware,". `None` when the name ends with no legal form of its own (the form must be a
/// word after a space). Case and a closing period aside.
pub fn strip(name: &str) -> Option<&str> {
    let body = bare(name);
    LEGAL_FORMS.iter().find_map(|f| {
        let f = bare(f);
        let at = body.len().checked_sub(f.len())?;
        let head = body.get(..at)?.strip_suffix(' ')?;
        body[at..].eq_ignore_ascii_case(f).then_some(head)
    })
}

/// True when `text` starts with a space and a legal form as a word of its own: the text after
/// a company's short name when the full name is written (" UK Ltd is hiring").
pub fn starts_with_form(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(' ') else {
        return false;
    };
    LEGAL_FORMS.iter().any(|f| {
        let f = bare(f);
        rest.get(..f.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(f))
            && rest[f.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_abbreviations() {
        assert!(is_legal_form("Ltd"));
        assert!(is_legal_form("inc."));
        assert!(is_legal_form("GMBH"));
        assert!(!is_legal_form("Acme"));
        assert!(is_abbreviation("Inc."));
        assert!(is_abbreviation("co"));
        assert!(!is_abbreviation("GmbH"));
        assert!(!is_abbreviation("Corporation"));
    }

    #[test]
    fn strips_a_trailing_form() {
        assert_eq!(
            strip("Alderbrook Pharmaceuticals UK Ltd"),
            Some("Alderbrook Pharmaceuticals")
        );
        assert_eq!(strip("Litware, Inc."), Some("Litware,"));
        assert_eq!(strip("acme s.a"), Some("acme"));
        assert_eq!(strip("Tailspin Toys"), None);
        assert_eq!(strip("Inc."), None, "a form alone is no name");
        assert_eq!(strip("Nordco"), None, "a word that ends like a form");
    }

    #[test]
    fn a_form_after_a_name() {
        assert!(starts_with_form(" Ltd is hiring"));
        assert!(starts_with_form(" plc."));
        assert!(!starts_with_form(" Incorporated"));
        assert!(!starts_with_form("Ltd"));
    }
}
