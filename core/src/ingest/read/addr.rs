//! A mailbox: the display name and the address, from a header or as written in a forwarded
//! header block or a calendar attendee line.

/// A mailbox from a header, display name kept as written (decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addr {
    pub name: Option<String>,
    /// Lowercased address.
    pub email: String,
}

impl Addr {
    pub fn local(&self) -> &str {
        self.email
            .rsplit_once('@')
            .map_or(self.email.as_str(), |(l, _)| l)
    }
    pub fn domain(&self) -> &str {
        self.email.rsplit_once('@').map_or("", |(_, d)| d)
    }
}

/// `Name <addr>` or a bare address, as written in a forwarded header block.
pub fn parse_addr(v: &str) -> Option<Addr> {
    let v = v.trim();
    let (name, email) = match (v.rfind('<'), v.rfind('>')) {
        (Some(a), Some(b)) if a < b => (v[..a].trim().trim_matches('"').trim(), &v[a + 1..b]),
        _ => ("", v),
    };
    let email = email.trim().trim_start_matches("mailto:").to_lowercase();
    if !email.contains('@') || email.contains(' ') {
        return None;
    }
    Some(Addr {
        name: Some(name.to_string()).filter(|n| !n.is_empty()),
        email,
    })
}
