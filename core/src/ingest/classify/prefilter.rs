//! The cheap test the scanner runs before a full parse: a message whose subject and text parts
//! (lowercased) contain none of the keywords is not looked at. The keywords are the lexicon's
//! words for an interview, a job, the reader's candidacy, a stage of a hiring process, an
//! invitation and a conversation, in
//! every language: every invitation of the labelled corpus holds one (a test checks it), and
//! the classifier only runs on what passes.

use crate::lexicon::WordClass;
use std::sync::LazyLock;

/// The classes whose words let a message through: an interview, a job, the reader's
/// candidacy, a stage, an invitation, or a conversation proposed ("can you come in
/// Thursday to meet the owner?" names none of the others).
pub const CLASSES: [WordClass; 6] = [
    WordClass::Interview,
    WordClass::Job,
    WordClass::Candidacy,
    WordClass::Stage,
    WordClass::Invite,
    WordClass::Conversation,
];

/// Words of a trial day or trial work, which in trades, driving and hospitality is the
/// interview itself ("Können Sie Freitag zur Probefahrt kommen?") and may be the only word
/// of one. They only let a message through to the classifier: no rule reads them yet, so
/// adding one changes no score.
pub const TRIAL_WORK: &[&str] = &[
    "working interview",
    "trial shift",
    "trial day",
    "probefahrt",
    "probetag",
    "probearbeit",
    "schnuppertag",
    "journée d'essai",
    "jour d'essai",
    "día de prueba",
    "dia de prueba",
    "dia de experiência",
    "dia de experiencia",
    "giornata di prova",
    "proefdag",
    "meeloopdag",
];

/// Lowercase needles for a case-sensitive search over lowercased text: the words of
/// [`CLASSES`] in every language and [`TRIAL_WORK`], without any word that holds another one
/// (it would match nothing more).
pub static KEYWORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut all: Vec<&'static str> = TRIAL_WORK.to_vec();
    for class in CLASSES {
        for w in class.all_words() {
            if !all.contains(&w) {
                all.push(w);
            }
        }
    }
    let mut kept: Vec<&'static str> = all
        .iter()
        .copied()
        .filter(|w| !all.iter().any(|o| o != w && w.contains(o)))
        .collect();
    kept.sort_unstable();
    kept
});

/// True when `lowercased` holds one of the keywords. The scanner uses an automaton over the
/// same list; this is the reference used in tests and by callers with a single message.
pub fn may_match(lowercased: &str) -> bool {
    KEYWORDS.iter().any(|k| lowercased.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_classes_passes() {
        for class in CLASSES {
            for w in class.all_words() {
                assert!(may_match(w), "{w} ({class:?}) does not pass the prefilter");
            }
        }
        for w in TRIAL_WORK {
            assert!(may_match(w), "{w} does not pass the prefilter");
        }
        assert!(may_match(
            "können sie freitag um 7 uhr zur probefahrt kommen?"
        ));
        assert!(!may_match("quarterly report attached"));
    }
}
