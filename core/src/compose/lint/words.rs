//! Words and phrases on word boundaries, case-insensitively, without a regex crate.
//!
//! A word is a run of letters and digits, with inner apostrophes ("don't"). Phrases match
//! consecutive words separated only by spaces, line breaks or hyphens, so "co-worker"
//! matches the phrase `co worker` and a phrase never spans a full stop or a comma. In
//! French and Italian an apostrophe ends an elided word instead ("l'entreprise" is `l
//! entreprise`, "j'ai" is `j ai`), and phrases may cross it.

/// One word of the text: its byte span and its lowercase form.
#[derive(Debug, Clone)]
pub(super) struct Token {
    pub start: usize,
    pub end: usize,
    pub lower: String,
}

/// A match: byte span in the text and the index of its first and last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub start: usize,
    pub end: usize,
    pub first: usize,
    pub last: usize,
}

/// A text split into words, keeping offsets so findings can quote the original wording.
pub(super) struct Words<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    /// Apostrophes separate words (French, Italian).
    elisions: bool,
}

impl<'t> Words<'t> {
    /// English words: "don't" is one word.
    #[cfg(test)]
    pub(super) fn new(text: &'t str) -> Self {
        Self::with_elisions(text, false)
    }

    /// `elisions`: an apostrophe ends a word ("l'entreprise" is two).
    pub(super) fn with_elisions(text: &'t str, elisions: bool) -> Self {
        Self {
            text,
            tokens: tokenize(text, elisions),
            elisions,
        }
    }

    /// The original words of a match, as written.
    pub(super) fn quote(&self, span: Span) -> &'t str {
        self.text.get(span.start..span.end).unwrap_or_default()
    }

    /// Every match of `pattern`: words separated by spaces, each matched whole, or as a
    /// prefix when it ends in `*` (`disorgani*`). Patterns are written in lowercase.
    pub(super) fn find(&self, pattern: &str) -> Vec<Span> {
        let parts: Vec<&str> = pattern.split_whitespace().collect();
        if parts.is_empty() {
            return Vec::new();
        }
        (0..self.tokens.len())
            .filter(|&i| self.matches_at(i, &parts))
            .filter_map(|i| {
                let last = i + parts.len() - 1;
                Some(Span {
                    start: self.tokens.get(i)?.start,
                    end: self.tokens.get(last)?.end,
                    first: i,
                    last,
                })
            })
            .collect()
    }

    /// True when `pattern` matches starting at word `i`.
    pub(super) fn starts_at(&self, i: usize, pattern: &str) -> bool {
        let parts: Vec<&str> = pattern.split_whitespace().collect();
        !parts.is_empty() && self.matches_at(i, &parts)
    }

    /// Every match of any of `patterns`, in text order.
    pub(super) fn find_any(&self, patterns: &[&str]) -> Vec<Span> {
        let mut spans: Vec<Span> = patterns.iter().flat_map(|p| self.find(p)).collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans.dedup();
        spans
    }

    /// The lowercase word at `i`, if any.
    pub(super) fn word(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| t.lower.as_str())
    }

    /// True when words `i` and `i + 1` exist and only spaces or hyphens (or, with elisions,
    /// an apostrophe) separate them.
    pub(super) fn joined(&self, i: usize) -> bool {
        let apostrophe = |c: char| self.elisions && matches!(c, '\'' | '’');
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.end..b.start).is_some_and(|gap| {
                gap.chars()
                    .all(|c| c.is_whitespace() || c == '-' || apostrophe(c))
            }),
            _ => false,
        }
    }

    /// True when word `i` is written Capitalised (not ALL CAPS) and does not start a
    /// sentence: the mark of a job title or a name ("the Payroll Manager position").
    pub(super) fn is_title_word(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        let word = self.text.get(t.start..t.end).unwrap_or_default();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase);
        capitalised && !self.starts_sentence(t.start)
    }

    /// True when only opening quotes, brackets and spaces lie between `at` and the start of
    /// the text or the end of the previous sentence.
    fn starts_sentence(&self, at: usize) -> bool {
        let before = self.text.get(..at).unwrap_or_default();
        let last = before
            .trim_end_matches(|c: char| c.is_whitespace() || "\"'(“‘[".contains(c))
            .chars()
            .next_back();
        last.is_none_or(|c| ".!?".contains(c))
    }

    fn matches_at(&self, i: usize, parts: &[&str]) -> bool {
        parts.iter().enumerate().all(|(k, part)| {
            let Some(word) = self.word(i + k) else {
                return false;
            };
            let fits = match part.strip_suffix('*') {
                Some(prefix) => word.starts_with(prefix),
                None => word == *part,
            };
            fits && (k == 0 || self.joined(i + k - 1))
        })
    }
}

/// Splits `text` into words of letters and digits, keeping apostrophes between letters.
fn tokenize(text: &str, elisions: bool) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        let inner_apostrophe =
            !elisions && matches!(c, '\'' | '’') && start.is_some() && next_is_alnum;
        match (c.is_alphanumeric() || inner_apostrophe, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(token(text, s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(token(text, s, text.len()));
    }
    tokens
}

fn token(text: &str, start: usize, end: usize) -> Token {
    let lower = text
        .get(start..end)
        .unwrap_or_default()
        .to_lowercase()
        .replace('’', "'");
    Token { start, end, lower }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        Words::new(text)
            .tokens
            .into_iter()
            .map(|t| t.lower)
            .collect()
    }

    #[test]
    fn splits_on_punctuation_and_keeps_inner_apostrophes() {
        assert_eq!(
            words("Don't, co-worker's PAY!"),
            ["don't", "co", "worker's", "pay"]
        );
        assert_eq!(words("'quoted' café"), ["quoted", "café"]);
        assert_eq!(words(""), Vec::<String>::new());
        let french: Vec<String> = Words::with_elisions("J'ai quitté l’entreprise", true)
            .tokens
            .into_iter()
            .map(|t| t.lower)
            .collect();
        assert_eq!(french, ["j", "ai", "quitté", "l", "entreprise"]);
        assert_eq!(
            Words::with_elisions("j'ai accepté", true)
                .find("j ai accepté")
                .len(),
            1
        );
    }

    #[test]
    fn whole_words_only_case_insensitive() {
        let w = Words::new("Repay the payload; company PAY, pay.");
        let quotes: Vec<&str> = w.find("pay").into_iter().map(|s| w.quote(s)).collect();
        assert_eq!(quotes, ["PAY", "pay"]);
    }

    #[test]
    fn prefixes_and_phrases() {
        let w = Words::new("Disorganised, a waste of\ntime, my co-workers.");
        assert_eq!(w.find("disorgani*").len(), 1);
        let phrase = w.find("waste of time");
        assert_eq!(phrase.len(), 1);
        assert_eq!(w.quote(phrase[0]), "waste of\ntime");
        assert_eq!(w.find("co worker*").len(), 1);
    }

    #[test]
    fn phrases_do_not_cross_punctuation() {
        assert!(
            Words::new("a waste. Of time")
                .find("waste of time")
                .is_empty()
        );
        assert!(Words::new("since, the").find("since the").is_empty());
    }

    #[test]
    fn title_words_are_capitalised_mid_sentence() {
        let w = Words::new("Pay is low. The Payroll Manager PAY role");
        assert!(!w.is_title_word(0), "sentence start");
        assert!(w.is_title_word(5), "Manager");
        assert!(!w.is_title_word(6), "ALL CAPS is shouting, not a title");
        assert!(!w.is_title_word(99));
    }
}
