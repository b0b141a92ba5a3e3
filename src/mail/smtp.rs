//! Talking SMTP: connect (implicit TLS, STARTTLS, or plain towards loopback only), log in,
//! and hand over one message at a time, telling apart "not delivered" from "maybe delivered".
//!
//! lettre's connection is driven command by command rather than through its transport, so
//! that each failure is known to have happened before the content went out (the server
//! cannot have the message) or after it (it may).

use super::login::Login;
use super::outbox::Delivery;
use super::tls;
use lettre::Address;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;
use std::time::Duration;

/// How long a command may wait for its reply.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// How long the reply to the message content may take (servers scan mail before replying).
const CONTENT_TIMEOUT: Duration = Duration::from_secs(180);

mod bearer;
mod settings;

pub use settings::{Security, Settings, is_loopback};

/// Why a connection or login failed; `transient` failures are worth another try.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct ConnectError {
    pub transient: bool,
    pub message: String,
}

/// An open, logged-in connection.
pub struct Session {
    conn: AsyncSmtpConnection,
}

fn connect_error(what: &str, e: &lettre::transport::smtp::Error) -> ConnectError {
    ConnectError {
        transient: !(e.is_permanent() || e.is_tls() || e.is_client() || is_invalid_data(e)),
        message: format!("{what}: {}", server_words(e)),
    }
}

/// The peer sent something we cannot accept (a certificate that does not verify, a garbled
/// handshake): trying again gets the same answer.
fn is_invalid_data(e: &lettre::transport::smtp::Error) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::InvalidData
        {
            return true;
        }
        source = err.source();
    }
    false
}

impl Session {
    /// Connects, secures and logs in, within `COMMAND_TIMEOUT` for each step.
    pub async fn open(s: &Settings, login: Option<&Login>) -> Result<Self, ConnectError> {
        let place = s.describe();
        let hello = ClientId::default();
        let implicit = match s.security {
            Security::Tls => Some(tls_parameters(s)?),
            _ => None,
        };
        let connect = AsyncSmtpConnection::connect_tokio1(
            (s.host.as_str(), s.port),
            Some(COMMAND_TIMEOUT),
            &hello,
            implicit,
            None,
        );
        let mut conn = within(COMMAND_TIMEOUT, connect)
            .await
            .map_err(|()| timed_out(&place))?
            .map_err(|e| connect_error(&format!("cannot connect to {place}"), &e))?;
        if s.security == Security::StartTls {
            if !conn.can_starttls() {
                return Err(ConnectError {
                    transient: false,
                    message: format!(
                        "{place} does not offer STARTTLS; refusing to send in the clear"
                    ),
                });
            }
            within(COMMAND_TIMEOUT, conn.starttls(tls_parameters(s)?, &hello))
                .await
                .map_err(|()| timed_out(&place))?
                .map_err(|e| connect_error(&format!("STARTTLS with {place} failed"), &e))?;
        }
        if let Some(user) = &s.username {
            let password = match login {
                Some(Login::Password(p)) => p,
                Some(Login::Bearer(token)) => {
                    bearer::log_in(&mut conn, &hello, &place, user, token).await?;
                    return Ok(Self { conn });
                }
                None => {
                    return Err(ConnectError {
                        transient: false,
                        message: format!("no password for {user}"),
                    });
                }
            };
            let creds = Credentials::new(user.clone(), password.expose().to_string());
            let mechanisms = [Mechanism::Plain, Mechanism::Login];
            within(COMMAND_TIMEOUT, conn.auth(&mechanisms, &creds))
                .await
                .map_err(|()| timed_out(&place))?
                .map_err(|e| connect_error(&format!("{place} refused the login of {user}"), &e))?;
        }
        Ok(Self { conn })
    }

    /// Opens the hand-over of one message to one recipient: MAIL FROM, RCPT TO and DATA.
    /// Until the content is sent the server cannot have the message, so a failure here is
    /// always "not delivered". After `Ok`, either [`Session::content`] follows or the session
    /// is dropped (closing the connection mid-DATA, which makes the server discard it).
    pub async fn envelope(&mut self, from: &Address, to: &Address) -> Result<(), Delivery> {
        let steps = [
            (
                "MAIL FROM",
                Mail::new(Some(from.clone()), vec![]).to_string(),
            ),
            ("RCPT TO", Rcpt::new(to.clone(), vec![]).to_string()),
            ("DATA", Data.to_string()),
        ];
        for (what, command) in steps {
            match within(COMMAND_TIMEOUT, self.conn.command(command)).await {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => {
                    return Err(Delivery::NotDelivered {
                        transient: !e.is_permanent(),
                        reason: format!("{what} <{to}>: {}", server_words(&e)),
                    });
                }
                Err(()) => {
                    return Err(Delivery::NotDelivered {
                        transient: true,
                        reason: format!("no reply to {what} in time"),
                    });
                }
            }
        }
        Ok(())
    }

    /// Sends the content after [`Session::envelope`] and reads the server's verdict. From
    /// the first byte on, a lost connection or a missing reply means the server may have
    /// the message: [`Delivery::Unknown`].
    pub async fn content(&mut self, bytes: &[u8]) -> Delivery {
        match within(CONTENT_TIMEOUT, self.conn.message(bytes)).await {
            Ok(Ok(reply)) => Delivery::Accepted {
                reply: reply_text(&reply),
            },
            Ok(Err(e)) if e.is_transient() || e.is_permanent() => Delivery::NotDelivered {
                transient: e.is_transient(),
                reason: server_words(&e),
            },
            Ok(Err(e)) => Delivery::Unknown {
                reason: format!("the connection failed after the message went out: {e}"),
            },
            Err(()) => Delivery::Unknown {
                reason: format!(
                    "no reply within {} s after the message went out",
                    CONTENT_TIMEOUT.as_secs()
                ),
            },
        }
    }

    /// Says goodbye politely; errors no longer matter here.
    pub async fn quit(mut self) {
        let _ = within(Duration::from_secs(5), self.conn.quit()).await;
    }
}

fn tls_parameters(s: &Settings) -> Result<TlsParameters, ConnectError> {
    tls::parameters(&s.host, s.ca_file.as_deref()).map_err(|message| ConnectError {
        transient: false,
        message,
    })
}

async fn within<T>(limit: Duration, f: impl Future<Output = T>) -> Result<T, ()> {
    tokio::time::timeout(limit, f).await.map_err(|_| ())
}

fn timed_out(place: &str) -> ConnectError {
    ConnectError {
        transient: true,
        message: format!("{place} did not answer in time"),
    }
}

fn reply_text(r: &lettre::transport::smtp::response::Response) -> String {
    let text: Vec<&str> = r.message().collect();
    format!("{} {}", r.code(), text.join(" "))
}

/// The server's own words for a refusal (`550 5.1.1 … unknown`), else lettre's description,
/// on one line.
pub fn server_words(e: &lettre::transport::smtp::Error) -> String {
    let detail = std::error::Error::source(e)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let text = match e.status() {
        Some(code) => format!("{code} {detail}"),
        None => e.to_string(),
    };
    text.replace(['\r', '\n'], " ").trim().to_string()
}
