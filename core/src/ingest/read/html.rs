//! HTML to text for the rules, and the anchors of an HTML part with the words next to them.
//!
//! A scheduling link in an HTML-only mail often lives only in an `href` behind a button
//! ("Schedule Interview"), so anchors are collected with their text.

use super::link::Link;

/// Tags after which a reader sees a line break.
const BLOCK: &[&str] = &[
    "p",
    "br",
    "div",
    "tr",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "hr",
    "blockquote",
];

/// Visible text of an HTML document: tags dropped, blocks on their own lines, entities decoded,
/// `<head>`, `<style>` and `<script>` skipped.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skip_until: Option<&str> = None;
    while let Some(lt) = rest.find('<') {
        if skip_until.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        if tag.starts_with("!--") {
            if let Some(end) = rest.find("-->") {
                rest = &rest[end + 3..];
            }
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let closing = tag.starts_with('/');
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        if !closing && matches!(name.as_str(), "style" | "script" | "head" | "title") {
            skip_until = Some(match name.as_str() {
                "style" => "style",
                "script" => "script",
                "head" => "head",
                _ => "title",
            });
            continue;
        }
        if BLOCK.contains(&name.as_str()) {
            out.push('\n');
        } else if (name == "td" || name == "th") && !closing {
            // Cells of one row stay on one line, like a reader sees them: "Recruiter | Ann".
            let line_start = out.rfind('\n').map_or(0, |i| i + 1);
            if !out[line_start..].trim().is_empty() {
                out.push_str(" | ");
            }
        }
    }
    if skip_until.is_none() {
        push_text(&mut out, rest);
    }
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

fn push_text(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        match end.and_then(|e| entity(&after[..e]).map(|c| (e, c))) {
            Some((e, c)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "rsquo" | "lsquo" => '\'',
        "rdquo" | "ldquo" => '"',
        "bull" | "middot" => '·',
        "hellip" => '…',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "iacute" => 'í',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        _ => return None,
    })
}

/// `<a href="…">text</a>` pairs, http(s) only.
pub fn anchors(html: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<a ") {
        let start = from + i;
        let Some(tag_end) = lower[start..].find('>').map(|e| start + e) else {
            break;
        };
        from = tag_end;
        let tag = &html[start..tag_end];
        let Some(url) = attr(tag, "href") else {
            continue;
        };
        if !url.to_ascii_lowercase().starts_with("http") {
            continue;
        }
        let close = lower[tag_end..]
            .find("</a")
            .map_or(lower.len(), |c| tag_end + c);
        let context = to_text(&html[tag_end + 1..close.max(tag_end + 1)]);
        out.push(Link {
            url: decode_amp(&url),
            context: context.trim().to_string(),
        });
    }
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[at..];
    let (quote, body) = match rest.chars().next()? {
        q @ ('"' | '\'') => (q, &rest[1..]),
        _ => (' ', rest),
    };
    let end = body.find(quote).unwrap_or(body.len());
    Some(body[..end].trim().to_string())
}

fn decode_amp(url: &str) -> String {
    url.replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_keeps_blocks_and_entities() {
        let t = to_text(
            "<html><head><style>p{}</style></head><body><p>Hi&nbsp;Dana,</p><p>We&#39;d like</p></body>",
        );
        assert_eq!(t.trim(), "Hi Dana,\n\nWe'd like");
    }

    #[test]
    fn anchors_carry_their_text() {
        let a = anchors(
            r#"<a href="https://x.example/s?a=1&amp;b=2" style="x">Schedule <b>Interview</b></a>"#,
        );
        assert_eq!(a[0].url, "https://x.example/s?a=1&b=2");
        assert_eq!(a[0].context, "Schedule Interview");
    }
}
