//! The word lists behind the scam red flags, lowercase. Kept apart from the rules so that a
//! new chat app or payment method is a one-line change.

/// Chat apps and text-only formats that no real employer interviews on.
#[rustfmt::skip]
pub const CHAT_APPS: &[&str] = &[
    "telegram", "whatsapp", "google chat", "hangouts", "wickr", "text interview", "text chat",
    "skype chat", "instant messag", "wire app", "wire messenger", "zangi", "viber", "wechat",
    "kik messenger", "teams chat", "text only", "text-only", "chat de texto", "text-based chat",
    "chat only", "text-based interview", "chat-based interview",
];

/// "Signal" is also an ordinary word: these say the app is meant.
pub const SIGNAL_APP: &[&str] = &[
    "download signal",
    "signal text",
    "signal app",
    "on signal",
    "via signal",
];

/// A sentence with one of these is a warning, not a demand.
pub const NEGATED: &[&str] = &[
    "never",
    "do not send",
    "don't send",
    "no fee",
    "no interview fee",
    "free of charge",
];

pub const CHEQUE: &[&str] = &[" check ", "cheque", "company check", " check."];
pub const CHEQUE_USE: &[&str] = &[
    "equipment",
    "vendor",
    "purchase",
    "laptop",
    "office supplies",
];

/// What goes with "fee" when a fee is demanded, besides a way to pay of [`PAY_METHODS`].
pub const FEE_CONTEXT: &[&str] = &["refund", "registration", "payment", "pay ", "paypal"];

/// Untraceable ways to pay; with a purchase or payment verb, or with a fee, they are a demand
/// for money.
#[rustfmt::skip]
pub const PAY_METHODS: &[&str] = &[
    "gift card", "bitcoin", "btc", "usdt", "crypto", "zelle", "cash app", "western union",
    "moneygram", "wire transfer",
];
/// Verbs of paying and buying.
#[rustfmt::skip]
pub const PAYING: &[&str] = &[
    "purchase", "buy ", "payment", "reimburs", "refund", "must pay", "to pay", "paid via",
];

#[rustfmt::skip]
pub const PERSONAL_DATA: &[&str] = &[
    "social security", "ssn", "bank name", "routing number", "account number", "driver's license",
    "date of birth", "passport number", "bank details", "bank account", "banking credentials",
    "online banking", "social insurance number",
];

/// "No experience needed" in the languages bowout reads.
#[rustfmt::skip]
pub const NO_EXPERIENCE: &[&str] = &[
    "no experience", "no prior experience", "no previous experience",
    "experience not required", "experience: not required", "sin experiencia",
    "no se requiere experiencia", "keine erfahrung", "ohne erfahrung", "sans expérience",
    "aucune expérience",
];

#[rustfmt::skip]
pub const EASY: &[&str] = &[
    "no experience", "entry level", "data entry", "weekly pay", "paid training", "fully trained",
    "hrs/week", "hours per week", "hours per day", "you choose your own",
    "start date : immediately", "flexible",
];

#[rustfmt::skip]
pub const URGENT: &[&str] = &[
    "within 24 hours", "within 48 hours", "within 12 hours", "next 12 hours", "today only",
    "act fast", "urgent", "first come first serve", "slots are limited", "will be released",
    "closing this position", "tomorrow only", "within 30 min", "30mins after", "asap",
    "immediately upon", "don't miss this", "próximas 12 horas", "próximas 24 horas",
    "en 24 horas", "urgente", "dringend", "innerhalb von 24 stunden", "dans les 24 heures",
    "expires today", "spots fill fast",
];

#[rustfmt::skip]
pub const GENERIC_GREETINGS: &[&str] = &[
    "dear candidate", "dear applicant", "dear job seeker", "dear sir/madam",
    "estimado/a candidato", "estimado candidato", "estimada candidata", "sehr geehrte bewerber",
    "cher candidat", "chère candidate",
];
