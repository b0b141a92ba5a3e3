//! `password_command` is run without a shell, so its words are split here: plain words,
//! quotes and backslashes as a shell reads them, and none of a shell's expansions.

/// Splits a command line into words the way a shell would for plain words, quotes and
/// backslashes, without any of a shell's expansions.
pub(crate) fn split_words(line: &str) -> Result<Vec<String>, &'static str> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => words.extend(word.take()),
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => w.push(c),
                        None => return Err("has an unclosed single quote"),
                    }
                }
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => w.push(chars.next().ok_or("ends in a backslash")?),
                        Some(c) => w.push(c),
                        None => return Err("has an unclosed double quote"),
                    }
                }
            }
            '\\' => word
                .get_or_insert_with(String::new)
                .push(chars.next().ok_or("ends in a backslash")?),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::split_words;

    #[test]
    fn splits_like_a_shell_without_expanding() {
        assert_eq!(
            split_words(r#"pass show 'mail/smtp box' "a \"b\"" c\ d $HOME"#).expect("ok"),
            ["pass", "show", "mail/smtp box", "a \"b\"", "c d", "$HOME"]
        );
        assert!(split_words("pass 'open").is_err());
        assert_eq!(split_words("  ").expect("ok"), Vec::<String>::new());
    }
}
