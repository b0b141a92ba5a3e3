//! One language's lint table: every word list the rules read, with the same rule ids in
//! every language. A new language adds one file beside this one and one arm to
//! [`super::tables::of`].

use super::claim::ClaimWords;
use super::vocab::WordRule;

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
