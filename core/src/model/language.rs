//! The language an invitation is answered in: one of the six bowout writes in.
//!
//! It is detected from the invitation's text at import ([`Language::detect`], with the
//! whatlang detector), stored on the invitation, and changeable by the user.

use serde::{Deserialize, Serialize};

/// A language bowout writes its drafts, letters and call sheets in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Fr,
    De,
    Es,
    Pt,
    It,
}

/// Fewer letters than this are too little text to tell a language by.
const MIN_LETTERS: usize = 40;

impl Language {
    pub const ALL: [Self; 6] = [Self::En, Self::Fr, Self::De, Self::Es, Self::Pt, Self::It];

    /// The ISO 639-1 code: `en`, `fr`, `de`, `es`, `pt`, `it`.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
            Self::De => "de",
            Self::Es => "es",
            Self::Pt => "pt",
            Self::It => "it",
        }
    }

    /// The language's name in English, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::En => "English",
            Self::Fr => "French",
            Self::De => "German",
            Self::Es => "Spanish",
            Self::Pt => "Portuguese",
            Self::It => "Italian",
        }
    }

    /// A code as the user or the database writes it (case and spaces ignored).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == s)
    }

    /// The codes bowout knows, for error messages: `en, fr, de, es, pt, it`.
    pub fn codes() -> String {
        Self::ALL.map(Self::code).join(", ")
    }

    /// The language of `text`, when the detector is confident it is one of the six. Mail in
    /// another language (Dutch, Polish…) or too short to tell gives `None`.
    pub fn detect(text: &str) -> Option<Self> {
        use whatlang::Lang;
        if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
            return None;
        }
        // The languages bowout reads: a Dutch or Polish mail must not pass for German.
        let detector = whatlang::Detector::with_allowlist(vec![
            Lang::Eng,
            Lang::Fra,
            Lang::Deu,
            Lang::Spa,
            Lang::Por,
            Lang::Ita,
            Lang::Nld,
            Lang::Pol,
            Lang::Cat,
        ]);
        let info = detector.detect(text)?;
        match info.lang() {
            Lang::Eng => Some(Self::En),
            Lang::Fra => Some(Self::Fr),
            Lang::Deu => Some(Self::De),
            Lang::Spa => Some(Self::Es),
            Lang::Por => Some(Self::Pt),
            Lang::Ita => Some(Self::It),
            _ => None,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in Language::ALL {
            assert_eq!(Language::parse(l.code()), Some(l));
        }
        assert_eq!(Language::parse(" DE "), Some(Language::De));
        assert_eq!(Language::parse("nl"), None);
    }

    #[test]
    fn detects_each_language_from_an_invitation() {
        let texts = [
            (
                Language::En,
                "Thank you for applying. We would like to invite you to an interview for the \
                 analyst position next week. Please let us know which times suit you.",
            ),
            (
                Language::Fr,
                "Nous vous remercions pour votre candidature. Nous souhaiterions vous inviter à \
                 un entretien pour le poste d'analyste la semaine prochaine.",
            ),
            (
                Language::De,
                "Vielen Dank für Ihre Bewerbung. Wir möchten Sie gerne zu einem \
                 Vorstellungsgespräch für die Stelle als Analyst einladen.",
            ),
            (
                Language::Es,
                "Gracias por su candidatura. Nos gustaría invitarle a una entrevista para el \
                 puesto de analista la próxima semana.",
            ),
            (
                Language::Pt,
                "Agradecemos a sua candidatura. Gostaríamos de o convidar para uma entrevista \
                 para a vaga de analista na próxima semana.",
            ),
            (
                Language::It,
                "La ringraziamo per la sua candidatura. Vorremmo invitarla a un colloquio per la \
                 posizione di analista la prossima settimana.",
            ),
        ];
        for (lang, text) in texts {
            assert_eq!(Language::detect(text), Some(lang), "{text}");
        }
    }

    #[test]
    fn too_little_text_or_another_language_is_not_guessed() {
        assert_eq!(Language::detect("Hi"), None);
        assert_eq!(
            Language::detect(
                "Bedankt voor je sollicitatie. We willen je graag uitnodigen voor een gesprek \
                 over de functie van analist volgende week."
            ),
            None
        );
    }
}
