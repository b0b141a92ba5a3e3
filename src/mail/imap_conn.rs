//! The connection under an IMAP session: TCP, then TLS (implicit or STARTTLS) verified
//! against the system's roots and `ca_file`'s, or plain text to a loopback host only.

use super::{ImapError, Security, Settings, step};
use async_imap::Client;
use std::fmt::Debug;
use std::sync::Arc;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls;

pub(super) trait Io: AsyncRead + AsyncWrite + Unpin + Send + Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + Debug> Io for T {}
pub(super) type Stream = Box<dyn Io>;

/// True for `localhost` and loopback addresses: the only hosts `security = "none"` may use.
pub fn is_loopback(host: &str) -> bool {
    let h = host.trim().trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost")
        || h.parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// A connected client that has read the server's greeting (and done STARTTLS if asked).
pub(super) async fn connect(s: &Settings) -> Result<Client<Stream>, ImapError> {
    if s.security == Security::None && !is_loopback(&s.host) {
        return Err(ImapError::Insecure(s.host.clone()));
    }
    let addr = format!("{}:{}", s.host, s.port);
    let tcp = step(s, "connect", TcpStream::connect((s.host.as_str(), s.port)))
        .await?
        .map_err(|e| ImapError::Connect {
            addr: addr.clone(),
            reason: e.to_string(),
        })?;
    let stream: Stream = match s.security {
        Security::Tls => Box::new(tls(s, tcp).await?),
        _ => Box::new(tcp),
    };
    let mut client = Client::new(stream);
    greeting(s, &mut client).await?;
    if s.security != Security::StartTls {
        return Ok(client);
    }
    step(
        s,
        "STARTTLS",
        client.run_command_and_check_ok("STARTTLS", None),
    )
    .await?
    .map_err(|e| tls_error(s, e))?;
    let plain: Stream = client.into_inner();
    let secured: Stream = Box::new(tls(s, plain).await?);
    Ok(Client::new(secured))
}

async fn greeting(s: &Settings, client: &mut Client<Stream>) -> Result<(), ImapError> {
    match step(s, "greeting", client.read_response()).await? {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(ImapError::Protocol {
            host: s.host.clone(),
            reason: "the server closed the connection before greeting".into(),
        }),
        Err(e) => Err(ImapError::Protocol {
            host: s.host.clone(),
            reason: format!("no IMAP greeting: {e}"),
        }),
    }
}

async fn tls<S: AsyncRead + AsyncWrite + Unpin>(
    s: &Settings,
    io: S,
) -> Result<tokio_rustls::client::TlsStream<S>, ImapError> {
    let config = client_config(s)?;
    let name =
        rustls::pki_types::ServerName::try_from(s.host.clone()).map_err(|e| tls_error(s, e))?;
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    step(s, "TLS handshake", connector.connect(name, io))
        .await?
        .map_err(|e| tls_error(s, e))
}

/// The system's roots (the platform verifier) plus those of `ca_file`.
fn client_config(s: &Settings) -> Result<rustls::ClientConfig, ImapError> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut extra = Vec::new();
    if let Some(path) = s
        .ca_file
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let pem = std::fs::read(path)
            .map_err(|e| tls_error(s, format!("cannot read ca_file {path}: {e}")))?;
        extra = CertificateDer::pem_slice_iter(&pem)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| tls_error(s, format!("ca_file {path}: {e}")))?;
        if extra.is_empty() {
            return Err(tls_error(
                s,
                format!("ca_file {path} holds no PEM certificate"),
            ));
        }
    }
    let verifier =
        rustls_platform_verifier::Verifier::new_with_extra_roots(extra, provider.clone())
            .map_err(|e| tls_error(s, e))?;
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| tls_error(s, e))?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth())
}

fn tls_error(s: &Settings, e: impl std::fmt::Display) -> ImapError {
    ImapError::Tls {
        host: s.host.clone(),
        reason: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for h in ["localhost", "127.0.0.1", "127.3.4.5", "::1", "[::1]"] {
            assert!(is_loopback(h), "{h}");
        }
        for h in ["imap.example.net", "10.0.0.1", "192.168.1.2", ""] {
            assert!(!is_loopback(h), "{h}");
        }
    }
}
