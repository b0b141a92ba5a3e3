//! Logging in to IMAP: `LOGIN` with a password, or `AUTHENTICATE` with an OAuth2 access token
//! (XOAUTH2 or OAUTHBEARER, whichever the server lists; the first message goes with the
//! command itself where the server offers SASL-IR, RFC 4959).

use super::conn::Stream;
use super::{ImapError, Login, Settings, step};
use crate::mail::oauth::sasl::{Mechanism, describe_challenge};
use async_imap::imap_proto::Response;
use async_imap::types::UnsolicitedResponse;
use async_imap::{Client, Session};
use base64::Engine;

/// A logged-in session for `s.username`.
pub(super) async fn log_in(
    s: &Settings,
    mut client: Client<Stream>,
    login: &Login,
) -> Result<Session<Stream>, ImapError> {
    let refused = |reason: String| ImapError::Login {
        host: s.host.clone(),
        user: s.username.clone(),
        reason,
    };
    let token = match login {
        Login::Password(p) => {
            let session = step(s, "login", client.login(&s.username, p.expose())).await?;
            return session.map_err(|(e, _)| refused(e.to_string()));
        }
        Login::Bearer(token) => token,
    };
    let capabilities = step(s, "capability", capabilities(&mut client))
        .await?
        .map_err(|e| ImapError::Protocol {
            host: s.host.clone(),
            reason: format!("CAPABILITY failed: {e}"),
        })?;
    let offered: Vec<&str> = capabilities
        .iter()
        .filter_map(|c| {
            c.get(..5)
                .filter(|p| p.eq_ignore_ascii_case("AUTH="))
                .map(|_| &c[5..])
        })
        .collect();
    let Some(mechanism) = Mechanism::choose(offered.iter().copied()) else {
        return Err(ImapError::NoOAuth {
            host: s.host.clone(),
            offered: if offered.is_empty() {
                "no AUTHENTICATE mechanism".into()
            } else {
                offered.join(" ")
            },
        });
    };
    let first = mechanism.initial_response(&s.username, token.expose());
    let ir = capabilities
        .iter()
        .any(|c| c.eq_ignore_ascii_case("SASL-IR"));
    let command = if ir {
        let b64 = base64::engine::general_purpose::STANDARD.encode(&first);
        format!("{} {b64}", mechanism.name())
    } else {
        mechanism.name().to_string()
    };
    let mut exchange = Exchange {
        mechanism,
        first: (!ir).then_some(first),
        challenge: None,
    };
    let outcome = step(
        s,
        "authenticate",
        client.authenticate(command, &mut exchange),
    )
    .await?;
    outcome.map_err(|(e, _)| {
        let words = exchange
            .challenge
            .as_deref()
            .and_then(describe_challenge)
            .unwrap_or_else(|| e.to_string());
        refused(format!(
            "{} refused ({words}): the token is expired, revoked or for another account than \
             [imap] username; sign in again as {} with `bowout login`",
            mechanism.name(),
            s.username
        ))
    })
}

/// The SASL exchange: the first message when the server asks for it, then the abort for an
/// error challenge (kept, to say why).
struct Exchange {
    mechanism: Mechanism,
    first: Option<Vec<u8>>,
    challenge: Option<Vec<u8>>,
}

impl async_imap::Authenticator for &mut Exchange {
    type Response = Vec<u8>;

    fn process(&mut self, challenge: &[u8]) -> Vec<u8> {
        if let Some(first) = self.first.take() {
            return first;
        }
        self.challenge = Some(challenge.to_vec());
        self.mechanism.abort_response().to_vec()
    }
}

/// The server's capabilities before login, as their names.
async fn capabilities(client: &mut Client<Stream>) -> async_imap::error::Result<Vec<String>> {
    let (tx, rx) = async_channel::unbounded();
    client
        .run_command_and_check_ok("CAPABILITY", Some(tx))
        .await?;
    let mut names = Vec::new();
    while let Ok(response) = rx.try_recv() {
        if let UnsolicitedResponse::Other(data) = response
            && let Response::Capabilities(list) = data.parsed()
        {
            names.extend(list.iter().map(capability_name));
        }
    }
    Ok(names)
}

fn capability_name(c: &async_imap::imap_proto::Capability<'_>) -> String {
    use async_imap::imap_proto::Capability;
    match c {
        Capability::Imap4rev1 => "IMAP4rev1".into(),
        Capability::Auth(m) => format!("AUTH={m}"),
        Capability::Atom(a) => a.to_string(),
    }
}
