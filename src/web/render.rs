//! The page templates (embedded in the binary) and their rendering, HTML-escaped.

use minijinja::{Environment, Value};

/// Every template, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    (
        "invitations.html",
        include_str!("templates/invitations.html"),
    ),
    ("import.html", include_str!("templates/import.html")),
    ("imported.html", include_str!("templates/imported.html")),
    ("review.html", include_str!("templates/review.html")),
    ("invitation.html", include_str!("templates/invitation.html")),
    ("delete.html", include_str!("templates/delete.html")),
    ("advise.html", include_str!("templates/advise.html")),
    ("decline.html", include_str!("templates/decline.html")),
    ("accept.html", include_str!("templates/accept.html")),
    ("drafts.html", include_str!("templates/drafts.html")),
    ("send.html", include_str!("templates/send.html")),
    ("sent.html", include_str!("templates/sent.html")),
    ("agenda.html", include_str!("templates/agenda.html")),
    ("call.html", include_str!("templates/call.html")),
    ("letter.html", include_str!("templates/letter.html")),
    ("replies.html", include_str!("templates/replies.html")),
    ("synced.html", include_str!("templates/synced.html")),
    ("referrals.html", include_str!("templates/referrals.html")),
    ("settings.html", include_str!("templates/settings.html")),
    ("error.html", include_str!("templates/error.html")),
    ("login.html", include_str!("templates/login.html")),
    ("coach.html", include_str!("templates/coach.html")),
    ("admin.html", include_str!("templates/admin.html")),
    ("audit.html", include_str!("templates/audit.html")),
    (
        "audit-table.html",
        include_str!("templates/audit-table.html"),
    ),
    ("notes.html", include_str!("templates/notes.html")),
];

pub struct Render {
    env: Environment<'static>,
}

/// The address itself when it is an http(s) URL, else nothing: what came from mail becomes
/// a live link only when it cannot run script.
fn http_url(value: &str) -> String {
    match url::Url::parse(value.trim()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => u.to_string(),
        _ => String::new(),
    }
}

impl Render {
    pub fn new() -> anyhow::Result<Self> {
        let mut env = Environment::new();
        // Every template is .html: minijinja escapes every value for HTML (attributes too).
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.add_filter("http_url", http_url);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)?;
        }
        Ok(Self { env })
    }

    pub fn page(&self, name: &str, ctx: Value) -> Result<String, minijinja::Error> {
        self.env.get_template(name)?.render(ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::http_url;

    #[test]
    fn only_http_and_https_addresses_become_links() {
        assert_eq!(http_url("javascript:alert(1)"), "");
        assert_eq!(http_url(" JaVaScRiPt:alert(1)"), "");
        assert_eq!(http_url("data:text/html,hi"), "");
        assert_eq!(
            http_url("https://cal.example/book?a=1"),
            "https://cal.example/book?a=1"
        );
    }
}
