//! The user-editable templates and the engine that renders them.
//!
//! Every text bowout writes for the employer comes from one of these minijinja templates: the
//! email's subject and body, the formal letter, and the follow-up call's words. The sentences
//! they share live once, as macros in `phrases.txt`, which the others import. A user replaces
//! any of them by putting a file of the same name in `<home>/templates/` (English) or
//! `<home>/templates/<lang>/` (another language, e.g. `<home>/templates/de/decline.txt`).
//!
//! Each [`Language`] has its own folder, `core/templates/<lang>/`, with every template. Two
//! built-in styles word the shared sentences: [`Style::Sample`] (the default, the words of
//! the well-known sample decline) and [`Style::Warm`], whose file `<lang>/warm/phrases.txt`
//! replaces the default one; the user's files replace either.

use super::ComposeError;
use crate::model::Language;
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

/// Which template, named as its file in `<home>/templates/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateName {
    /// Macros for the sentences the others share.
    Phrases,
    Subject,
    Decline,
    Accept,
    /// The formal letter: salutation, paragraphs, closing, notation.
    Letter,
    /// The follow-up call when someone answers, one paragraph per line.
    CallScript,
    /// The message to leave on voicemail.
    CallVoicemail,
    /// What to say if pressed for a reason, one paragraph per answer.
    CallPressed,
    /// Macros for reading ids and addresses aloud on the call.
    Spoken,
}

/// The built-in wording, chosen with `[compose] style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Style {
    /// The words of the well-known sample decline: "I greatly appreciate the opportunity to
    /// interview for … However, at this time I regret that I must decline…".
    #[default]
    Sample,
    /// Warmer words: "Thank you for the invitation to interview… I appreciate the time you
    /// took to consider me…", the decision in a paragraph of its own.
    Warm,
}

impl Style {
    pub const ALL: [Self; 2] = [Self::Sample, Self::Warm];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sample => "sample",
            Self::Warm => "warm",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|style| style.as_str() == s.trim())
    }
}

impl TemplateName {
    pub const ALL: [Self; 9] = [
        Self::Phrases,
        Self::Subject,
        Self::Decline,
        Self::Accept,
        Self::Letter,
        Self::CallScript,
        Self::CallVoicemail,
        Self::CallPressed,
        Self::Spoken,
    ];

    /// File name under `<home>/templates/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Phrases => "phrases.txt",
            Self::Subject => "subject.txt",
            Self::Decline => "decline.txt",
            Self::Accept => "accept.txt",
            Self::Letter => "letter.txt",
            Self::CallScript => "call-script.txt",
            Self::CallVoicemail => "call-voicemail.txt",
            Self::CallPressed => "call-pressed.txt",
            Self::Spoken => "spoken.txt",
        }
    }

    /// The built-in source of this template in `language` and `style`.
    pub fn source(self, language: Language, style: Style) -> &'static str {
        match (style, self) {
            (Style::Warm, Self::Phrases) => builtin(language).warm_phrases,
            _ => self.default_source(language),
        }
    }

    /// The built-in source of the default style in `language`.
    pub fn default_source(self, language: Language) -> &'static str {
        builtin(language).files[self.index()]
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One language's built-in templates, in the order of [`TemplateName::ALL`].
struct Builtin {
    files: [&'static str; TemplateName::ALL.len()],
    warm_phrases: &'static str,
}

/// The files of `core/templates/<lang>/`, compiled in.
macro_rules! builtin {
    ($lang:literal) => {
        Builtin {
            files: [
                include_str!(concat!("../../templates/", $lang, "/phrases.txt")),
                include_str!(concat!("../../templates/", $lang, "/subject.txt")),
                include_str!(concat!("../../templates/", $lang, "/decline.txt")),
                include_str!(concat!("../../templates/", $lang, "/accept.txt")),
                include_str!(concat!("../../templates/", $lang, "/letter.txt")),
                include_str!(concat!("../../templates/", $lang, "/call-script.txt")),
                include_str!(concat!("../../templates/", $lang, "/call-voicemail.txt")),
                include_str!(concat!("../../templates/", $lang, "/call-pressed.txt")),
                include_str!(concat!("../../templates/", $lang, "/spoken.txt")),
            ],
            warm_phrases: include_str!(concat!("../../templates/", $lang, "/warm/phrases.txt")),
        }
    };
}

const EN: Builtin = builtin!("en");
const FR: Builtin = builtin!("fr");
const DE: Builtin = builtin!("de");
const ES: Builtin = builtin!("es");
const PT: Builtin = builtin!("pt");
const IT: Builtin = builtin!("it");

fn builtin(language: Language) -> &'static Builtin {
    match language {
        Language::En => &EN,
        Language::Fr => &FR,
        Language::De => &DE,
        Language::Es => &ES,
        Language::Pt => &PT,
        Language::It => &IT,
    }
}

/// The template sources in use: the built-in ones of a language and a style, each possibly
/// replaced by the user's file.
#[derive(Debug, Clone)]
pub struct Templates {
    language: Language,
    sources: [String; TemplateName::ALL.len()],
}

impl Default for Templates {
    fn default() -> Self {
        Self::of_style(Style::default())
    }
}

impl Templates {
    /// The built-in English templates of `style`.
    pub fn of_style(style: Style) -> Self {
        Self::new(Language::En, style)
    }

    /// The built-in templates of `language` in `style`.
    pub fn new(language: Language, style: Style) -> Self {
        Self {
            language,
            sources: TemplateName::ALL.map(|n| n.source(language, style).to_string()),
        }
    }

    /// The language these templates write in.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Replaces one template with the user's source; checks that it compiles.
    pub fn with_override(
        mut self,
        name: TemplateName,
        source: String,
    ) -> Result<Self, ComposeError> {
        let mut env = environment();
        env.add_template_owned(name.file_name(), source.clone())
            .map_err(|e| template_error(name, &e))?;
        self.sources[name.index()] = source;
        Ok(self)
    }

    /// Renders one template. Plain text: no HTML escaping, undefined variables are errors so
    /// that a typo in a user's template is reported instead of silently dropping a line.
    pub fn render(&self, name: TemplateName, ctx: &impl Serialize) -> Result<String, ComposeError> {
        let mut env = environment();
        for n in TemplateName::ALL {
            env.add_template_owned(n.file_name(), self.sources[n.index()].clone())
                .map_err(|e| template_error(n, &e))?;
        }
        let out = env
            .get_template(name.file_name())
            .and_then(|t| t.render(minijinja::value::Serde(ctx)))
            .map_err(|e| template_error(name, &e))?;
        Ok(normalise(&out))
    }

    /// Renders one template and splits it into its paragraphs (blank-line separated), each
    /// folded onto one line.
    pub fn paragraphs(
        &self,
        name: TemplateName,
        ctx: &impl Serialize,
    ) -> Result<Vec<String>, ComposeError> {
        Ok(self
            .render(name, ctx)?
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect())
    }
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env
}

fn template_error(name: TemplateName, err: &minijinja::Error) -> ComposeError {
    ComposeError::Template {
        name: name.file_name(),
        message: err.to_string(),
    }
}

/// Trims trailing spaces on each line and collapses runs of blank lines, so that optional
/// paragraphs that render empty leave no gap.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.trim().lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_override_is_refused_with_its_name() {
        let err = Templates::default()
            .with_override(TemplateName::Decline, "{% if %}".to_string())
            .expect_err("must not compile");
        assert!(err.to_string().contains("decline.txt"), "{err}");
    }

    #[test]
    fn normalise_collapses_blank_runs() {
        assert_eq!(normalise("a  \n\n\n\nb\n"), "a\n\nb\n");
    }

    #[test]
    fn a_changed_phrase_reaches_every_template_that_uses_it() {
        let phrases = TemplateName::Phrases
            .default_source(Language::En)
            .replace("Perhaps the timing", "Maybe the timing");
        let t = Templates::default()
            .with_override(TemplateName::Phrases, phrases)
            .expect("compiles");
        let ctx = serde_json::json!({
            "contact": {"name": "Ann Lee"}, "me": {"name": "Dana", "phone": null},
            "employer": "Globex", "job_title": "Analyst", "requisition": null,
            "reason": "none", "referral": null, "sent_on": "Friday 27 November",
        });
        for name in [
            TemplateName::Decline,
            TemplateName::Letter,
            TemplateName::CallScript,
        ] {
            let text = t.render(name, &ctx).expect("renders");
            assert!(
                text.contains("Maybe the timing"),
                "{}: {text}",
                name.file_name()
            );
        }
    }
}
