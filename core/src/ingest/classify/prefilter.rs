//! The cheap test the scanner runs before a full parse: a message whose subject and text parts
//! (lowercased) contain none of the keywords cannot be an invitation or a job scam, because
//! the classifier calls nothing job-related without an interview word or a word of the
//! reader's candidacy, and the keywords are those very words.

use super::positive_words::CANDIDACY;
use crate::ingest::lexicon::INTERVIEW;

/// Shorter forms that each stand for several of the classifier's words in one needle:
/// "gespraech" for the German compounds written without the umlaut, "assessment cent" for
/// both spellings of the centre, "hiring manager" for every phrase built on it.
const STEMS: &[&str] = &["gespraech", "assessment cent", "hiring manager"];

/// The interview words, the words of the reader's candidacy and the stems, in one array.
const ALL: [&str; INTERVIEW.len() + CANDIDACY.len() + STEMS.len()] =
    concat([INTERVIEW, CANDIDACY, STEMS]);

/// Lowercase needles for a case-sensitive search over lowercased text: the classifier's
/// [`INTERVIEW`] and [`CANDIDACY`] words and a few stems that cover several of them.
pub const KEYWORDS: &[&str] = &ALL;

/// The words of `lists`, in order, as one array of `N` words.
const fn concat<const N: usize>(lists: [&[&'static str]; 3]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut list, mut at) = (0, 0);
    while list < lists.len() {
        let mut i = 0;
        while i < lists[list].len() {
            out[at] = lists[list][i];
            at += 1;
            i += 1;
        }
        list += 1;
    }
    out
}

/// True when `lowercased` holds one of the keywords. The scanner uses an automaton over the
/// same list; this is the reference used in tests and by callers with a single message.
pub fn may_match(lowercased: &str) -> bool {
    KEYWORDS.iter().any(|k| lowercased.contains(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stem only widens the search for words the classifier reads: each one is part of an
    /// interview or candidacy word.
    #[test]
    fn stems_stand_for_classifier_words() {
        for stem in STEMS {
            assert!(
                INTERVIEW.iter().chain(CANDIDACY).any(|w| w.contains(stem)),
                "{stem} stands for no word of the classifier"
            );
        }
    }

    #[test]
    fn keywords_hold_every_word_of_the_lists() {
        assert_eq!(KEYWORDS.len(), ALL.len());
        assert_eq!(KEYWORDS.first(), INTERVIEW.first());
        assert_eq!(KEYWORDS.last(), STEMS.last());
        assert!(may_match("your résumé"));
        assert!(!may_match("quarterly report"));
    }
}
