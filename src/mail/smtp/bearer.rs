//! SMTP `AUTH` with an OAuth2 access token: XOAUTH2 or OAUTHBEARER, whichever the server
//! lists in its EHLO reply (lettre knows XOAUTH2 only, and not what else a server offers, so
//! the EHLO and the exchange are done here, over lettre's connection).

use super::{COMMAND_TIMEOUT, ConnectError, connect_error, server_words, timed_out, within};
use crate::mail::oauth::sasl::{Mechanism, describe_challenge};
use crate::mail::password::Secret;
use base64::Engine;
use lettre::transport::smtp::client::AsyncSmtpConnection;
use lettre::transport::smtp::commands::Ehlo;
use lettre::transport::smtp::extension::ClientId;

/// Logs `user` in with `token`; a refusal names the likely causes and the way out.
pub(super) async fn log_in(
    conn: &mut AsyncSmtpConnection,
    hello: &ClientId,
    place: &str,
    user: &str,
    token: &Secret,
) -> Result<(), ConnectError> {
    let refused = |words: String| ConnectError {
        transient: false,
        message: format!(
            "{place} refused the OAuth2 token for {user} ({words}): the token is expired, \
             revoked or for another account than [smtp] username; sign in again as {user} \
             with `bowout login`"
        ),
    };
    let reply = within(COMMAND_TIMEOUT, conn.command(Ehlo::new(hello.clone())))
        .await
        .map_err(|()| timed_out(place))?
        .map_err(|e| connect_error(&format!("EHLO to {place} failed"), &e))?;
    let offered: Vec<String> = reply
        .message()
        .filter_map(|line| {
            let upper = line.to_ascii_uppercase();
            upper
                .strip_prefix("AUTH ")
                .or_else(|| upper.strip_prefix("AUTH="))
                .map(str::to_string)
        })
        .flat_map(|list| {
            list.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let Some(mechanism) = Mechanism::choose(offered.iter().map(String::as_str)) else {
        let list = if offered.is_empty() {
            "no AUTH at all".to_string()
        } else {
            offered.join(" ")
        };
        return Err(ConnectError {
            transient: false,
            message: format!(
                "{place} offers no OAuth2 sign-in (XOAUTH2 or OAUTHBEARER; it offers {list}): \
                 set [smtp] auth = \"password\", or point [smtp] at the provider's server"
            ),
        });
    };
    let b64 = base64::engine::general_purpose::STANDARD;
    let first = b64.encode(mechanism.initial_response(user, token.expose()));
    let auth = format!("AUTH {} {first}\r\n", mechanism.name());
    let reply = within(COMMAND_TIMEOUT, conn.command(auth))
        .await
        .map_err(|()| timed_out(place))?;
    let reply = match reply {
        Ok(r) => r,
        Err(e) if e.is_permanent() || e.is_transient() => return Err(refused(server_words(&e))),
        Err(e) => return Err(connect_error(&format!("AUTH with {place} failed"), &e)),
    };
    if reply.code().to_string() == "235" {
        return Ok(());
    }
    // 334: the server explains the refusal in a challenge, answered with the abort.
    let challenge = reply.message().collect::<Vec<_>>().join("");
    let why = b64
        .decode(challenge.trim())
        .ok()
        .and_then(|c| describe_challenge(&c));
    let abort = format!("{}\r\n", b64.encode(mechanism.abort_response()));
    let last = within(COMMAND_TIMEOUT, conn.command(abort)).await;
    let words = match (why, last) {
        (Some(why), _) => why,
        (None, Ok(Err(e))) => server_words(&e),
        (None, _) => format!("{} refused", mechanism.name()),
    };
    Err(refused(words))
}
