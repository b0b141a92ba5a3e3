//! One lexicon per language: the words bowout reads mail by, in every language it reads.
//!
//! Each language fills every field of [`MailWords`] (a missing list is a compile error, so a
//! new language cannot forget one). The classifier's rules never name a language: each rule
//! asks for a *class* of words ([`WordClass`]), and a class is the union of that field over
//! every language, matched in one pass over lowercased text.
//!
//! Words are lowercase and matched as substrings of lowercased text, so a stem ("invit")
//! covers its forms; keep stems long enough not to match inside unrelated words.

mod de;
mod en;
mod es;
mod fr;
mod ga;
mod it;
mod nl;
mod pl;
mod pt;

use std::sync::LazyLock;

/// The languages bowout reads, as ISO 639-1 codes.
pub const LANGUAGES: [&Lexicon; 9] = [
    &en::EN,
    &fr::FR,
    &de::DE,
    &es::ES,
    &pt::PT,
    &it::IT,
    &nl::NL,
    &pl::PL,
    &ga::GA,
];

/// One language's words.
pub struct Lexicon {
    /// ISO 639-1 code.
    pub code: &'static str,
    pub mail: MailWords,
}

/// The words of interview mail, by what they say. Each field's doc says what belongs in it.
pub struct MailWords {
    /// A job interview, or an event that is one ("interview", "selection day", "entretien").
    pub interview: &'static [&'static str],
    /// A conversation that may be an interview without the word: "a quick call", "a chat",
    /// "coffee", "échange", "Kennenlernen".
    pub conversation: &'static [&'static str],
    /// Inviting or summoning: "invite", "convoquer", "einladen", "please attend".
    pub invite: &'static [&'static str],
    /// Proposing or arranging a time: "schedule", "set up", "book a slot", "we'd like to".
    pub arrange: &'static [&'static str],
    /// Asking for the reader's availability or to pick a time.
    pub availability: &'static [&'static str],
    /// A stage of a hiring process: "first round", "second interview", "final stage".
    pub stage: &'static [&'static str],
    /// Being selected or shortlisted.
    pub selected: &'static [&'static str],
    /// The reader's application, CV or candidacy.
    pub candidacy: &'static [&'static str],
    /// Nouns of a job: "position", "role", "vacancy", "poste", "Stelle".
    pub job: &'static [&'static str],
    /// Words that make a sentence conditional or about someone else's future.
    pub conditional: &'static [&'static str],
    /// Days of the week.
    pub weekdays: &'static [&'static str],
    /// A rejection.
    pub rejection: &'static [&'static str],
    /// An acknowledgement that an application was received.
    pub receipt: &'static [&'static str],
    /// A test or assessment to complete (online, coding, aptitude).
    pub assessment: &'static [&'static str],
    /// An interview already booked: "is scheduled for", "confirmed", "thank you for
    /// interviewing".
    pub booked: &'static [&'static str],
    /// A reminder.
    pub reminder: &'static [&'static str],
    /// Moving a booked interview.
    pub reschedule: &'static [&'static str],
    /// A cancellation, or a position put on hold.
    pub cancelled: &'static [&'static str],
    /// A job offer.
    pub offer: &'static [&'static str],
    /// Background, reference and pre-employment checks.
    pub checks: &'static [&'static str],
    /// Mail sent to many: newsletters, unsubscribe footers, alerts.
    pub bulk: &'static [&'static str],
    /// Job alerts and digests of postings.
    pub job_alert: &'static [&'static str],
    /// An automatic reply (out of office).
    pub auto_reply: &'static [&'static str],
    /// An informational interview or networking coffee, no posting behind it.
    pub informational: &'static [&'static str],
    /// Press, podcast and media interviews.
    pub media: &'static [&'static str],
    /// Research, practice and user interviews: not for a job.
    pub research: &'static [&'static str],
    /// The reader asked to interview others.
    pub interviewer: &'static [&'static str],
    /// Cold outreach with no specific role.
    pub cold: &'static [&'static str],
    /// Exit interviews at the reader's current employer.
    pub exit_interview: &'static [&'static str],
    /// Events that are not interviews: webinars, fairs, workshops, info sessions.
    pub event: &'static [&'static str],
    /// The sender's own job search ("my interview", "I was invited").
    pub own_search: &'static [&'static str],
    /// Interviews held by chat app or text only.
    pub chat_app: &'static [&'static str],
    /// A fee or a payment demanded.
    pub fee: &'static [&'static str],
    /// Untraceable ways to pay.
    pub pay_method: &'static [&'static str],
    /// A cheque to buy equipment.
    pub cheque: &'static [&'static str],
    /// Bank, identity and tax details.
    pub personal_data: &'static [&'static str],
    /// "No experience needed", easy money.
    pub easy_money: &'static [&'static str],
    /// Pressure to act at once.
    pub urgency: &'static [&'static str],
    /// A greeting to nobody in particular ("Dear candidate").
    pub generic_greeting: &'static [&'static str],
    /// Words that turn a warning into advice ("never pay", "we do not charge").
    pub negation: &'static [&'static str],
}

/// A class of words: one field of [`MailWords`], across every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum WordClass {
    Interview,
    Conversation,
    Invite,
    Arrange,
    Availability,
    Stage,
    Selected,
    Candidacy,
    Job,
    Conditional,
    Weekday,
    Rejection,
    Receipt,
    Assessment,
    Booked,
    Reminder,
    Reschedule,
    Cancelled,
    Offer,
    Checks,
    Bulk,
    JobAlert,
    AutoReply,
    Informational,
    Media,
    Research,
    Interviewer,
    Cold,
    ExitInterview,
    Event,
    OwnSearch,
    ChatApp,
    Fee,
    PayMethod,
    Cheque,
    PersonalData,
    EasyMoney,
    Urgency,
    GenericGreeting,
    Negation,
}

impl WordClass {
    pub const ALL: [Self; 40] = [
        Self::Interview,
        Self::Conversation,
        Self::Invite,
        Self::Arrange,
        Self::Availability,
        Self::Stage,
        Self::Selected,
        Self::Candidacy,
        Self::Job,
        Self::Conditional,
        Self::Weekday,
        Self::Rejection,
        Self::Receipt,
        Self::Assessment,
        Self::Booked,
        Self::Reminder,
        Self::Reschedule,
        Self::Cancelled,
        Self::Offer,
        Self::Checks,
        Self::Bulk,
        Self::JobAlert,
        Self::AutoReply,
        Self::Informational,
        Self::Media,
        Self::Research,
        Self::Interviewer,
        Self::Cold,
        Self::ExitInterview,
        Self::Event,
        Self::OwnSearch,
        Self::ChatApp,
        Self::Fee,
        Self::PayMethod,
        Self::Cheque,
        Self::PersonalData,
        Self::EasyMoney,
        Self::Urgency,
        Self::GenericGreeting,
        Self::Negation,
    ];

    /// This class's words in one language.
    pub fn words(self, w: &MailWords) -> &'static [&'static str] {
        match self {
            Self::Interview => w.interview,
            Self::Conversation => w.conversation,
            Self::Invite => w.invite,
            Self::Arrange => w.arrange,
            Self::Availability => w.availability,
            Self::Stage => w.stage,
            Self::Selected => w.selected,
            Self::Candidacy => w.candidacy,
            Self::Job => w.job,
            Self::Conditional => w.conditional,
            Self::Weekday => w.weekdays,
            Self::Rejection => w.rejection,
            Self::Receipt => w.receipt,
            Self::Assessment => w.assessment,
            Self::Booked => w.booked,
            Self::Reminder => w.reminder,
            Self::Reschedule => w.reschedule,
            Self::Cancelled => w.cancelled,
            Self::Offer => w.offer,
            Self::Checks => w.checks,
            Self::Bulk => w.bulk,
            Self::JobAlert => w.job_alert,
            Self::AutoReply => w.auto_reply,
            Self::Informational => w.informational,
            Self::Media => w.media,
            Self::Research => w.research,
            Self::Interviewer => w.interviewer,
            Self::Cold => w.cold,
            Self::ExitInterview => w.exit_interview,
            Self::Event => w.event,
            Self::OwnSearch => w.own_search,
            Self::ChatApp => w.chat_app,
            Self::Fee => w.fee,
            Self::PayMethod => w.pay_method,
            Self::Cheque => w.cheque,
            Self::PersonalData => w.personal_data,
            Self::EasyMoney => w.easy_money,
            Self::Urgency => w.urgency,
            Self::GenericGreeting => w.generic_greeting,
            Self::Negation => w.negation,
        }
    }

    /// The class's words in every language, without repeats, in a stable order.
    pub fn all_words(self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for lex in LANGUAGES {
            for w in self.words(&lex.mail) {
                if !out.contains(w) {
                    out.push(w);
                }
            }
        }
        out
    }

    fn bit(self) -> u64 {
        1 << (self as u8)
    }
}

/// A set of word classes found in a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u64);

impl Classes {
    pub fn has(self, c: WordClass) -> bool {
        self.0 & c.bit() != 0
    }

    pub fn any(self, cs: &[WordClass]) -> bool {
        cs.iter().any(|c| self.has(*c))
    }

    pub fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }
}

/// Every word of every class, in one automaton: which classes a text holds, in one pass.
struct Finder {
    automaton: aho_corasick::AhoCorasick,
    class_of: Vec<WordClass>,
}

static FINDER: LazyLock<Option<Finder>> = LazyLock::new(|| {
    let mut patterns: Vec<&'static str> = Vec::new();
    let mut class_of = Vec::new();
    for class in WordClass::ALL {
        for w in class.all_words() {
            patterns.push(w);
            class_of.push(class);
        }
    }
    // Built from the constant lists above: it fails only if they were empty or absurdly
    // large, which the lexicon tests rule out. A failure leaves every text without classes
    // rather than panicking.
    aho_corasick::AhoCorasick::new(&patterns)
        .ok()
        .map(|automaton| Finder {
            automaton,
            class_of,
        })
});

/// The classes whose words occur in `lowercased`.
pub fn classes(lowercased: &str) -> Classes {
    let Some(f) = FINDER.as_ref() else {
        return Classes::default();
    };
    let mut set = 0u64;
    for m in f.automaton.find_overlapping_iter(lowercased) {
        if m.end() - m.start() <= SHORT && !whole_word(lowercased, m.start(), m.end()) {
            continue;
        }
        if let Some(c) = f.class_of.get(m.pattern().as_usize()) {
            set |= c.bit();
        }
    }
    Classes(set)
}

/// Words this long or shorter (in bytes) count only as whole words: "rg" (a Brazilian
/// identity card) is not the end of "Hamburg". Longer words also match inside a word, as
/// stems ("candidat…") and in compounds ("Vorstellungsgespräch").
const SHORT: usize = 3;

/// Whether `text[start..end]` stands alone: no letter or digit just before or after it.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The words of `class` that occur in `lowercased`, for evidence.
pub fn found(lowercased: &str, class: WordClass) -> Vec<&'static str> {
    class
        .all_words()
        .into_iter()
        .filter(|w| occurs(lowercased, w))
        .collect()
}

/// Whether `word` occurs in `text` as `classes` counts it (a short word only whole).
pub fn occurs(text: &str, word: &str) -> bool {
    if word.len() > SHORT {
        return text.contains(word);
    }
    text.match_indices(word)
        .any(|(at, w)| whole_word(text, at, at + w.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_fills_every_class_with_lowercase_words() {
        for lex in LANGUAGES {
            for class in WordClass::ALL {
                let words = class.words(&lex.mail);
                assert!(!words.is_empty(), "{} has no {class:?} words", lex.code);
                for w in words {
                    assert_eq!(*w, w.to_lowercase(), "{} {class:?}: {w:?}", lex.code);
                    assert!(w.trim().len() >= 2, "{} {class:?}: {w:?}", lex.code);
                }
            }
        }
    }

    #[test]
    fn short_words_count_only_whole() {
        assert!(!classes("regards, bill lumbergh, hamburg").has(WordClass::PersonalData));
        assert!(classes("send a copy of your rg and cpf").has(WordClass::PersonalData));
    }

    #[test]
    fn classes_are_found_in_every_language() {
        let c = classes("nous souhaiterions vous inviter à un entretien mardi");
        assert!(c.has(WordClass::Invite) && c.has(WordClass::Interview));
        assert!(c.has(WordClass::Weekday));
        let c = classes("wir möchten sie zu einem vorstellungsgespräch einladen");
        assert!(c.has(WordClass::Invite) && c.has(WordClass::Interview));
        let c = classes("nos gustaría platicar contigo sobre la vacante");
        assert!(c.has(WordClass::Arrange) && c.has(WordClass::Conversation));
        assert!(!classes("lunch on friday?").has(WordClass::Interview));
    }
}
