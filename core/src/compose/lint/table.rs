//! One language's lint table: every word list the rules read, with the same rule ids in
//! every language. A new language adds one file beside this one and one arm to [`of`].

use super::claim::ClaimWords;
use super::vocab::WordRule;
use crate::model::Language;

/// The words the linter reads one language by.
pub(super) struct Table {
    /// The word rules, in the order of [`super::RULE_IDS`]: `detail-pay`, `detail-commute`,
    /// `detail-location`, `detail-manager`, `detail-coworkers`, `mentions-reviews`, `blame`,
    /// `explains-because`, `negative-tone`.
    pub rules: &'static [WordRule],
    /// `unchosen-claim`'s words.
    pub claim: ClaimWords,
    /// Phrases that ask the reader to confirm receipt (`missing-receipt-request`).
    pub receipt: &'static [&'static str],
    /// The language's default receipt request, suggested when one is missing.
    pub receipt_example: &'static str,
    /// A Capitalised word mid-sentence marks a name or a job title: false in German.
    pub titles_by_case: bool,
    /// An apostrophe ends an elided word ("l'entreprise"): French and Italian.
    pub elisions: bool,
}

pub(super) fn of(language: Language) -> &'static Table {
    match language {
        Language::En => &super::en::TABLE,
        Language::De => &super::de::TABLE,
        Language::Fr => &super::fr::TABLE,
        Language::Es => &super::es::TABLE,
        Language::Pt => &super::pt::TABLE,
        Language::It => &super::it::TABLE,
    }
}
