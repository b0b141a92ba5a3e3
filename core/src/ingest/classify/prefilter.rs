//! The cheap test the scanner runs before a full parse: a message whose subject and text parts
//! (lowercased) hold no keyword is not looked at, and the classifier only runs on what passes.
//!
//! The keywords come in two strengths:
//! - **strong**: the lexicon's words for an interview, the reader's candidacy, a stage of a
//!   hiring process and an invitation, in every language, and the words of a trial day;
//!   one of them lets any message through;
//! - **weak**: the words of a job and of a conversation proposed ("can you come in Thursday to
//!   meet the owner?" names nothing else), which are everywhere in ordinary mail ("call",
//!   "role", "meeting"). One of them lets a message through when it was not sent to a list
//!   (List-Id, List-Unsubscribe, or a bulk or list Precedence); mail sent to many passes
//!   with a word of a job and a word of a conversation together (a recruiter's note relayed
//!   by a social network: "a vaga … uma chamada"), or with a strong word ("interview",
//!   "your application").
//!
//! Every invitation and scam of the labelled corpus passes (a test checks it), and a second
//! test checks that the prefilter changes no answer of the classifier on the corpus: what it
//! drops the classifier calls other, with no review.

use crate::lexicon::WordClass;
use std::sync::LazyLock;

/// The classes whose words let any message through.
pub const STRONG: [WordClass; 4] = [
    WordClass::Interview,
    WordClass::Candidacy,
    WordClass::Stage,
    WordClass::Invite,
];

/// The classes whose words let a message through unless it was sent to a list.
pub const WEAK: [WordClass; 2] = [WordClass::Job, WordClass::Conversation];

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
    "see how you work",
    "cómo trabajas",
    "como trabajas",
];

/// Lowercase needles for a case-sensitive search over lowercased text: the words of
/// [`STRONG`] in every language and [`TRIAL_WORK`], without any word that holds another one
/// (it would match nothing more).
pub static STRONG_KEYWORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut all: Vec<&'static str> = TRIAL_WORK.to_vec();
    all.extend(STRONG.iter().flat_map(|c| c.all_words()));
    minimal(all, &[])
});

/// The words of [`WEAK`] in every language, without any word that holds another one or a
/// strong keyword.
pub static WEAK_KEYWORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let all: Vec<&'static str> = WEAK.iter().flat_map(|c| c.all_words()).collect();
    minimal(all, &STRONG_KEYWORDS)
});

/// The words of a job alone, minimal as [`WEAK_KEYWORDS`] are: with a word of
/// [`CONVERSATION_KEYWORDS`], they let mail sent to a list through.
pub static JOB_KEYWORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| minimal(WordClass::Job.all_words(), &STRONG_KEYWORDS));

/// The words of a conversation proposed alone, minimal as [`WEAK_KEYWORDS`] are.
pub static CONVERSATION_KEYWORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| minimal(WordClass::Conversation.all_words(), &STRONG_KEYWORDS));

/// `words` sorted and deduplicated, without a word that holds another of them or one of
/// `covered`.
fn minimal(mut words: Vec<&'static str>, covered: &[&'static str]) -> Vec<&'static str> {
    words.sort_unstable();
    words.dedup();
    let mut kept: Vec<&'static str> = words
        .iter()
        .copied()
        .filter(|w| !words.iter().any(|o| o != w && w.contains(o)))
        .filter(|w| !covered.iter().any(|o| w.contains(o)))
        .collect();
    kept.sort_unstable();
    kept
}

/// True when a message whose subject and text parts are `lowercased` passes: a strong
/// keyword; a weak one in a message not sent to a list (`bulk`); a word of a job and one of
/// a conversation in one that was. The scanner uses automata over the same lists; this is
/// the reference used in tests.
pub fn may_match(lowercased: &str, bulk: bool) -> bool {
    let any = |words: &[&str]| words.iter().any(|k| lowercased.contains(k));
    any(&STRONG_KEYWORDS)
        || if bulk {
            any(&JOB_KEYWORDS) && any(&CONVERSATION_KEYWORDS)
        } else {
            any(&WEAK_KEYWORDS)
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_of_the_classes_passes() {
        for class in STRONG {
            for w in class.all_words() {
                assert!(
                    may_match(w, true),
                    "{w} ({class:?}) does not pass the prefilter"
                );
            }
        }
        for class in WEAK {
            for w in class.all_words() {
                assert!(
                    may_match(w, false),
                    "{w} ({class:?}) does not pass the prefilter"
                );
            }
        }
        for w in TRIAL_WORK {
            assert!(may_match(w, true), "{w} does not pass the prefilter");
        }
        assert!(may_match(
            "können sie freitag um 7 uhr zur probefahrt kommen?",
            true
        ));
        assert!(!may_match("quarterly report attached", false));
    }

    #[test]
    fn weak_words_pass_only_mail_not_sent_to_a_list() {
        let text = "join our launch call on thursday";
        assert!(may_match(text, false));
        assert!(!may_match(text, true), "a newsletter's call");
        assert!(may_match("your application: interview on thursday", true));
        assert!(
            may_match("about the vacancy: a call on friday?", true),
            "a job and a conversation together"
        );
    }

    #[test]
    fn the_lists_are_minimal_and_apart() {
        for w in WEAK_KEYWORDS.iter() {
            assert!(
                !STRONG_KEYWORDS.iter().any(|s| w.contains(s)),
                "{w} holds a strong keyword"
            );
        }
        for list in [&*STRONG_KEYWORDS, &*WEAK_KEYWORDS] {
            for w in list {
                assert!(
                    !list.iter().any(|o| o != w && w.contains(o)),
                    "{w} holds another keyword"
                );
            }
        }
    }
}
