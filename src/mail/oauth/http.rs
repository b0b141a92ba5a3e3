//! The HTTP under the `oauth2` crate's requests: ureq, with rustls verifying against the
//! platform's trust store. An error status is handed back as a response, so that `oauth2`
//! reads the provider's own error (`invalid_grant`…) from it; redirects are not followed,
//! and answers are bounded.

use oauth2::{HttpRequest, HttpResponse};
use std::sync::Arc;
use std::time::Duration;

/// How long one request to the provider may take.
const TIMEOUT: Duration = Duration::from_secs(30);
/// The largest answer read from a token endpoint.
const MAX_BODY: u64 = 1 << 20;

/// Why a request to the provider failed before it answered.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(pub String);

/// The client `oauth2` calls with each request.
#[derive(Clone)]
pub struct Http {
    agent: ureq::Agent,
}

impl Http {
    pub fn new() -> Self {
        let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::PlatformVerifier)
            .unversioned_rustls_crypto_provider(provider)
            .build();
        let config = ureq::Agent::config_builder()
            .tls_config(tls)
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(TIMEOUT))
            .user_agent(concat!("bowout/", env!("CARGO_PKG_VERSION")))
            .build();
        Self {
            agent: ureq::Agent::new_with_config(config),
        }
    }

    /// Sends `request` (on a blocking thread: ureq is synchronous).
    pub async fn call(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let agent = self.agent.clone();
        tokio::task::spawn_blocking(move || send(&agent, request))
            .await
            .map_err(|e| HttpError(format!("the request was abandoned: {e}")))?
    }
}

fn send(agent: &ureq::Agent, request: HttpRequest) -> Result<HttpResponse, HttpError> {
    let response = agent.run(request).map_err(|e| HttpError(describe(&e)))?;
    let (parts, mut body) = response.into_parts();
    let bytes = body
        .with_config()
        .limit(MAX_BODY)
        .read_to_vec()
        .map_err(|e| HttpError(describe(&e)))?;
    Ok(HttpResponse::from_parts(parts, bytes))
}

fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Io(io) => io.to_string(),
        ureq::Error::Timeout(_) => format!("no answer within {} s", TIMEOUT.as_secs()),
        ureq::Error::HostNotFound => "the host name does not resolve".into(),
        other => other.to_string(),
    }
}
