//! Checks a [`LetterInput`] and turns it into the template's `sys.inputs`.
//!
//! Everything is normalised before typesetting: runs of whitespace and
//! control characters (CR, LF, tab…) become one space, so no field can add
//! lines of its own. Sizes are bounded so that absurd input is refused early
//! instead of keeping the typesetter busy, and every character must have a
//! glyph in the bundled fonts so nothing prints as an empty box.

use typst::foundations::{Array, Dict, IntoValue, Str, Value};

use crate::world::printable;
use crate::{LetterError, LetterInput, Paper, Party};

/// Longest single-line field (names, address lines, subject…), in characters.
const MAX_LINE: usize = 200;
/// Longest body paragraph, in characters.
const MAX_PARAGRAPH: usize = 2_000;
/// Longest body in all, in characters; more could never fit on one page.
const MAX_BODY: usize = 6_000;
/// Most lines in an address block (role, organisation, street, city…).
const MAX_PARTY_LINES: usize = 8;
/// Most body paragraphs.
const MAX_PARAGRAPHS: usize = 16;

/// A letter whose every string is normalised and within bounds.
pub(crate) struct Checked {
    dict: Dict,
}

impl Checked {
    /// The template inputs for one attempt at body size `size_pt`.
    pub(crate) fn inputs(&self, size_pt: f64) -> Dict {
        let mut dict = self.dict.clone();
        dict.insert("size".into(), Value::Float(size_pt));
        dict
    }
}

/// Validates `input` and builds the template's inputs.
pub(crate) fn check(input: &LetterInput) -> Result<Checked, LetterError> {
    let mut dict = Dict::new();
    let mut put = |key: &str, value: Value| {
        dict.insert(key.into(), value);
    };
    put("sender", party(&input.sender, "sender")?);
    put(
        "phone",
        str_value(optional(&input.sender_phone, "sender phone")?),
    );
    put(
        "email",
        str_value(optional(&input.sender_email, "sender email")?),
    );
    put("date", str_value(required(&input.date, "date")?));
    put("recipient", party(&input.recipient, "recipient")?);
    put("subject", str_value(required(&input.subject, "subject")?));
    put(
        "salutation",
        str_value(required(&input.salutation, "salutation")?),
    );
    put("paragraphs", paragraphs(&input.paragraphs)?);
    put("closing", str_value(required(&input.closing, "closing")?));
    put(
        "signature",
        str_value(required(&input.signature, "signature")?),
    );
    put(
        "footer",
        str_value(line(&input.footer_note, "footer note")?),
    );
    let paper = match input.paper {
        Paper::Letter => "us-letter",
        Paper::A4 => "a4",
    };
    put("paper", str_value(paper.to_owned()));
    let lang = if input.lang.len() == 2 && input.lang.chars().all(|c| c.is_ascii_lowercase()) {
        input.lang.clone()
    } else {
        "en".to_owned()
    };
    put("lang", str_value(lang));
    Ok(Checked { dict })
}

fn party(party: &Party, field: &str) -> Result<Value, LetterError> {
    let name = required(&party.name, &format!("{field} name"))?;
    if party.lines.len() > MAX_PARTY_LINES {
        return Err(LetterError::TooMany {
            field: format!("{field} address"),
            count: party.lines.len(),
            max: MAX_PARTY_LINES,
        });
    }
    let mut lines = Vec::with_capacity(party.lines.len());
    for (i, raw) in party.lines.iter().enumerate() {
        let text = line(raw, &format!("{field} address line {}", i + 1))?;
        if !text.is_empty() {
            lines.push(str_value(text));
        }
    }
    let mut dict = Dict::new();
    dict.insert("name".into(), str_value(name));
    dict.insert("lines".into(), Value::Array(Array::from_iter(lines)));
    Ok(Value::Dict(dict))
}

fn paragraphs(raw: &[String]) -> Result<Value, LetterError> {
    if raw.len() > MAX_PARAGRAPHS {
        return Err(LetterError::TooMany {
            field: "body".to_owned(),
            count: raw.len(),
            max: MAX_PARAGRAPHS,
        });
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut total = 0;
    for (i, text) in raw.iter().enumerate() {
        let text = bounded(text, &format!("body paragraph {}", i + 1), MAX_PARAGRAPH)?;
        total += text.chars().count();
        if !text.is_empty() {
            out.push(str_value(text));
        }
    }
    if total > MAX_BODY {
        return Err(LetterError::TooLong {
            field: "body".to_owned(),
            len: total,
            max: MAX_BODY,
        });
    }
    if out.is_empty() {
        return Err(LetterError::Missing {
            field: "body".to_owned(),
        });
    }
    Ok(Value::Array(Array::from_iter(out)))
}

fn required(raw: &str, field: &str) -> Result<String, LetterError> {
    let text = line(raw, field)?;
    if text.is_empty() {
        return Err(LetterError::Missing {
            field: field.to_owned(),
        });
    }
    Ok(text)
}

fn optional(raw: &Option<String>, field: &str) -> Result<String, LetterError> {
    raw.as_deref()
        .map_or(Ok(String::new()), |raw| line(raw, field))
}

fn line(raw: &str, field: &str) -> Result<String, LetterError> {
    bounded(raw, field, MAX_LINE)
}

/// Normalises `raw` and checks its length and glyphs.
fn bounded(raw: &str, field: &str, max: usize) -> Result<String, LetterError> {
    let text = normalise(raw);
    let len = text.chars().count();
    if len > max {
        return Err(LetterError::TooLong {
            field: field.to_owned(),
            len,
            max,
        });
    }
    if let Some(ch) = text.chars().find(|&c| !printable(c)) {
        return Err(LetterError::UnsupportedCharacter {
            field: field.to_owned(),
            ch,
        });
    }
    Ok(text)
}

/// Collapses every run of whitespace and control characters into one space
/// and trims the ends.
pub(crate) fn normalise(raw: &str) -> String {
    raw.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn str_value(text: String) -> Value {
    Str::from(text).into_value()
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn control_characters_and_runs_of_space_become_one_space() {
        assert_eq!(normalise("  Dana\r\nWhit\tfield \u{7} "), "Dana Whit field");
        assert_eq!(normalise("\n\r\t"), "");
        assert_eq!(normalise("Zoë #Müller* [x]"), "Zoë #Müller* [x]");
    }
}
