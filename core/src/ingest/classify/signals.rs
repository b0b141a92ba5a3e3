//! What the rules and the features read, computed once per message: the lowercased subject
//! and live text (quotes, signatures and footers cut by `read`), the word classes of the
//! subject, of the whole text, of each sentence and of each line, and the red flags.

use super::scam;
use crate::ingest::read::mail::MailView;
use crate::ingest::read::text::sentences;
use crate::lexicon::{Classes, WordClass, classes};

/// Live text beyond this many bytes is not read by the rules and the features: an
/// invitation says what it has to say at the top.
const READ_CAP: usize = 32 * 1024;

pub struct Signals<'a> {
    pub view: &'a MailView,
    /// Lowercased, hyphens read as spaces ("second-round panel" is "second round panel").
    pub subject: String,
    /// Lowercased live text (the newest part and any forwarded message), hyphens as spaces,
    /// without a bulk-mail footer.
    pub live: String,
    /// The live text's length in bytes with its footer, if any (up to the read cap): how
    /// long the message is as its reader sees it.
    pub length: usize,
    /// The same, without the whitespace around the text.
    pub trimmed_length: usize,
    pub subject_classes: Classes,
    pub live_classes: Classes,
    pub sentences: Vec<Classes>,
    pub lines: Vec<Classes>,
    pub red_flags: Vec<&'static str>,
}

impl<'a> Signals<'a> {
    pub fn new(view: &'a MailView) -> Self {
        let subject = view.subject.to_lowercase().replace('-', " ");
        let mut live = view.live_text();
        if live.len() > READ_CAP {
            let mut end = READ_CAP;
            while !live.is_char_boundary(end) {
                end -= 1;
            }
            live.truncate(end);
        }
        let mut live = live.to_lowercase().replace('-', " ");
        let lines: Vec<Classes> = live.lines().map(classes).collect();
        let (length, trimmed_length) = (live.len(), live.trim().len());
        // A bulk-mail footer ("unsubscribe", "newsletter", "preferences") says nothing of the
        // message: its words ("cancel your subscription", "new offers for you") are not read
        // as the message's, only as a footer (BULK_FOOTER reads every line).
        if let Some(at) = footer_start(&live, &lines) {
            live.truncate(at);
        }
        let sentence_classes: Vec<Classes> = sentences(&live).into_iter().map(classes).collect();
        let live_classes = classes(&live);
        let red_flags = scam::red_flags(view, &subject, live_classes, &sentence_classes);
        Self {
            view,
            subject_classes: classes(&subject),
            subject,
            live,
            length,
            trimmed_length,
            live_classes,
            sentences: sentence_classes,
            lines,
            red_flags,
        }
    }

    /// True when some sentence passes `test`.
    pub fn sentence(&self, test: impl Fn(Classes) -> bool) -> bool {
        self.sentences.iter().any(|c| test(*c))
    }

    pub fn flagged(&self, name: &str) -> bool {
        self.red_flags.contains(&name)
    }
}

/// Where a bulk-mail footer starts: the first line with a bulk word in the last two thirds of
/// the text (a newsletter's "view in browser" at the top is no footer).
fn footer_start(live: &str, lines: &[Classes]) -> Option<usize> {
    let mut at = 0;
    for (line, c) in live.split_inclusive('\n').zip(lines) {
        if c.has(WordClass::Bulk) && at * 3 >= live.len() {
            return Some(at);
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_footer_is_cut_and_a_header_line_is_not() {
        let text = "we would like to invite you to an interview on monday.\nbest regards\n\
                    to cancel your subscription to our newsletter, click here";
        let lines: Vec<Classes> = text.lines().map(classes).collect();
        let at = footer_start(text, &lines);
        assert_eq!(
            at.map(|a| &text[..a]),
            Some("we would like to invite you to an interview on monday.\nbest regards\n")
        );
        let top = "view in browser\nwe would like to invite you to an interview on monday.";
        let lines: Vec<Classes> = top.lines().map(classes).collect();
        assert_eq!(footer_start(top, &lines), None);
    }
}
