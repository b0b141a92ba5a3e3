//! The SASL mechanisms that carry an OAuth2 bearer token to a mail server: XOAUTH2 (what
//! Gmail and Outlook speak) and OAUTHBEARER (RFC 7628), chosen from what the server offers.
//!
//! A server that refuses the token sends a challenge with a JSON status instead of failing at
//! once; the client answers it with the mechanism's abort (an empty line for XOAUTH2, `^A` for
//! OAUTHBEARER) and the server then says no.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mechanism {
    XOAuth2,
    OAuthBearer,
}

impl Mechanism {
    pub fn name(self) -> &'static str {
        match self {
            Self::XOAuth2 => "XOAUTH2",
            Self::OAuthBearer => "OAUTHBEARER",
        }
    }

    /// The mechanism to use among those `offered` (names, any case): XOAUTH2 first, as the
    /// large providers implement it best, then OAUTHBEARER.
    pub fn choose<'a>(offered: impl IntoIterator<Item = &'a str>) -> Option<Self> {
        let offered: Vec<String> = offered.into_iter().map(str::to_ascii_uppercase).collect();
        [Self::XOAuth2, Self::OAuthBearer]
            .into_iter()
            .find(|m| offered.iter().any(|o| o == m.name()))
    }

    /// The client's first message (before base64), carrying `user` and `token`.
    pub fn initial_response(self, user: &str, token: &str) -> Vec<u8> {
        match self {
            Self::XOAuth2 => format!("user={user}\x01auth=Bearer {token}\x01\x01").into_bytes(),
            Self::OAuthBearer => {
                let name = user.replace('=', "=3D").replace(',', "=2C");
                format!("n,a={name},\x01auth=Bearer {token}\x01\x01").into_bytes()
            }
        }
    }

    /// What the client answers a server's error challenge with.
    pub fn abort_response(self) -> &'static [u8] {
        match self {
            Self::XOAuth2 => b"",
            Self::OAuthBearer => b"\x01",
        }
    }
}

/// A server's error challenge (JSON, already base64-decoded) in a few words: its `status`,
/// and the `scope` it wanted when it says.
pub fn describe_challenge(challenge: &[u8]) -> Option<String> {
    let v: serde_json::Value = serde_json::from_slice(challenge).ok()?;
    let status = v.get("status")?.as_str()?;
    let scope = v
        .get("scope")
        .and_then(|s| s.as_str())
        .map(|s| format!(", needed scope: {s}"))
        .unwrap_or_default();
    Some(
        format!("status {status}{scope}")
            .chars()
            .filter(|c| !c.is_control())
            .take(300)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoauth2_is_preferred_and_names_match_in_any_case() {
        assert_eq!(
            Mechanism::choose(["PLAIN", "oauthbearer", "XOAUTH2"]),
            Some(Mechanism::XOAuth2)
        );
        assert_eq!(
            Mechanism::choose(["PLAIN", "OAUTHBEARER"]),
            Some(Mechanism::OAuthBearer)
        );
        assert_eq!(Mechanism::choose(["PLAIN", "LOGIN"]), None);
    }

    #[test]
    fn initial_responses_follow_the_specifications() {
        assert_eq!(
            Mechanism::XOAuth2.initial_response("dana@example.net", "t0k"),
            b"user=dana@example.net\x01auth=Bearer t0k\x01\x01"
        );
        assert_eq!(
            Mechanism::OAuthBearer.initial_response("a,b=c@example.net", "t0k"),
            b"n,a=a=2Cb=3Dc@example.net,\x01auth=Bearer t0k\x01\x01"
        );
    }

    #[test]
    fn error_challenges_are_put_in_words() {
        let words = describe_challenge(br#"{"status":"401","schemes":"bearer","scope":"mail"}"#)
            .expect("json");
        assert_eq!(words, "status 401, needed scope: mail");
        assert_eq!(describe_challenge(b"not json"), None);
    }
}
