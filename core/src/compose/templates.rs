//! The three user-editable templates and the engine that renders them.

use super::ComposeError;
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

/// Which template, named as its file in `<home>/templates/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateName {
    Subject,
    Decline,
    Accept,
}

impl TemplateName {
    pub const ALL: [Self; 3] = [Self::Subject, Self::Decline, Self::Accept];

    /// File name under `<home>/templates/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Subject => "subject.txt",
            Self::Decline => "decline.txt",
            Self::Accept => "accept.txt",
        }
    }

    pub fn default_source(self) -> &'static str {
        match self {
            Self::Subject => include_str!("../../templates/subject.txt"),
            Self::Decline => include_str!("../../templates/decline.txt"),
            Self::Accept => include_str!("../../templates/accept.txt"),
        }
    }
}

/// The template sources in use: the defaults, each possibly replaced by the user's file.
#[derive(Debug, Clone)]
pub struct Templates {
    subject: String,
    decline: String,
    accept: String,
}

impl Default for Templates {
    fn default() -> Self {
        Self {
            subject: TemplateName::Subject.default_source().to_string(),
            decline: TemplateName::Decline.default_source().to_string(),
            accept: TemplateName::Accept.default_source().to_string(),
        }
    }
}

impl Templates {
    /// Replaces one template with the user's source; checks that it compiles.
    pub fn with_override(
        mut self,
        name: TemplateName,
        source: String,
    ) -> Result<Self, ComposeError> {
        let mut env = environment();
        env.add_template_owned(name.file_name(), source.clone())
            .map_err(|e| template_error(name, &e))?;
        match name {
            TemplateName::Subject => self.subject = source,
            TemplateName::Decline => self.decline = source,
            TemplateName::Accept => self.accept = source,
        }
        Ok(self)
    }

    fn source(&self, name: TemplateName) -> &str {
        match name {
            TemplateName::Subject => &self.subject,
            TemplateName::Decline => &self.decline,
            TemplateName::Accept => &self.accept,
        }
    }

    /// Renders one template. Plain text: no HTML escaping, undefined variables are errors so
    /// that a typo in a user's template is reported instead of silently dropping a line.
    pub fn render(&self, name: TemplateName, ctx: &impl Serialize) -> Result<String, ComposeError> {
        let env = environment();
        let tmpl = env
            .template_from_str(self.source(name))
            .map_err(|e| template_error(name, &e))?;
        let out = tmpl
            .render(minijinja::value::Serde(ctx))
            .map_err(|e| template_error(name, &e))?;
        Ok(normalise(&out))
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
}
