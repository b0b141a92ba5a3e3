//! The cheap test the scanner runs before a full parse: a message whose subject and text parts
//! (lowercased) contain none of these cannot be an invitation or a job scam, because every
//! positive rule of the classifier needs one of them.

/// Lowercase needles for a case-sensitive search over lowercased text.
pub const KEYWORDS: &[&str] = &[
    "interview",
    "phone screen",
    "screening call",
    "intro call",
    "onsite",
    "entrevista",
    "entrevue",
    "entretien",
    "gespräch",
    "gespraech",
    "colloquio",
    "final round",
    "first round",
    "second round",
    "round two",
    "round 2",
    "2nd round",
    "final stage",
    "1st round",
    "selection day",
    "meet the panel",
    "meet our panel",
    "assessment cent",
    "hiring manager",
    "first stage",
    "second stage",
    "stage 2",
    "next round",
    "your application",
    "applying to",
    "applying for",
    "you applied",
    "your cv",
    "your resume",
    "your résumé",
    "passed on your",
    "the role",
    "this role",
];

/// True when `lowercased` holds one of the keywords. The scanner uses an automaton over the
/// same list; this is the reference used in tests and by callers with a single message.
pub fn may_match(lowercased: &str) -> bool {
    KEYWORDS.iter().any(|k| lowercased.contains(k))
}

#[cfg(test)]
mod tests {
    /// Every interview word of the classifier passes the prefilter, or the scanner would skip
    /// mail the classifier calls an invitation.
    #[test]
    fn keywords_cover_the_interview_lexicon() {
        let candidacy = super::super::positive_words::CANDIDACY;
        for w in crate::ingest::lexicon::INTERVIEW.iter().chain(candidacy) {
            assert!(super::may_match(w), "{w} is not covered by the prefilter");
        }
    }
}
