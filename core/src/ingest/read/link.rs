//! The links of a message with the words a reader sees next to them: anchors of HTML parts
//! (read in [`super::html`]) and URLs written in plain text.

/// A link with the words a reader sees next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    /// Anchor text for HTML links; the line around the URL for text links.
    pub context: String,
}

/// URLs written in plain text, each with its line for context.
pub fn text_links(text: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    for (n, line) in lines.iter().enumerate() {
        let mut rest = *line;
        while let Some(i) = rest.find("http") {
            let cand = &rest[i..];
            let end = cand
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | ')' | ']'))
                .unwrap_or(cand.len());
            let url = cand[..end].trim_end_matches(['.', ',', ';', ':', '!']);
            if url.starts_with("http://") || url.starts_with("https://") {
                let prev = if n > 0 { lines[n - 1] } else { "" };
                let prev2 = if n > 1 { lines[n - 2] } else { "" };
                out.push(Link {
                    url: url.to_string(),
                    context: format!("{prev2} {prev} {line}"),
                });
            }
            rest = &cand[end.max(4)..];
        }
    }
    out
}
