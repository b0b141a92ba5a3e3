//! The OAuth2 exchanges, done by the `oauth2` crate: the authorization-code flow with PKCE
//! for a native app (RFC 8252: the browser, then a loopback redirect), and refreshing.

use super::http::Http;
use super::loopback::{Answer, Listener};
use super::{OAuthError, Settings, SignIn, signin};
use oauth2::basic::{
    BasicErrorResponse, BasicErrorResponseType, BasicRevocationErrorResponse,
    BasicTokenIntrospectionResponse, BasicTokenType,
};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet,
    ExtraTokenFields, PkceCodeChallenge, RedirectUrl, RefreshToken, RequestTokenError, Scope,
    StandardRevocableToken, StandardTokenResponse, TokenResponse, TokenUrl,
};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The ID token that comes with the tokens when `openid` was asked for.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct IdToken {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id_token: Option<String>,
}

impl ExtraTokenFields for IdToken {}

type Tokens = StandardTokenResponse<IdToken, BasicTokenType>;
type Client = oauth2::Client<
    BasicErrorResponse,
    Tokens,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

fn client(s: &Settings) -> Client {
    let mut c = oauth2::Client::new(ClientId::new(s.client_id.clone()))
        .set_auth_uri(AuthUrl::from_url(s.auth_url.clone()))
        .set_token_uri(TokenUrl::from_url(s.token_url.clone()));
    if let Some(secret) = &s.client_secret {
        c = c.set_client_secret(ClientSecret::new(secret.expose().to_string()));
    }
    // Installed apps send their (public) secret in the body, as Google documents.
    c.set_auth_type(oauth2::AuthType::RequestBody)
}

/// A sign-in waiting for the browser: the address to open, and the listener it comes back
/// to.
pub struct Pending {
    pub url: url::Url,
    listener: Listener,
    state: CsrfToken,
    verifier: oauth2::PkceCodeVerifier,
    redirect: RedirectUrl,
}

/// Starts a sign-in: a listener on a free loopback port and the authorization address, with
/// a fresh `state` and PKCE challenge.
pub async fn start(s: &Settings) -> Result<Pending, OAuthError> {
    let listener = Listener::bind()
        .await
        .map_err(|e| OAuthError::Listen(e.to_string()))?;
    let port = listener
        .port()
        .map_err(|e| OAuthError::Listen(e.to_string()))?;
    let redirect = RedirectUrl::new(format!("http://{}:{port}/", s.provider.redirect_host()))
        .map_err(|e| OAuthError::Listen(e.to_string()))?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let client = client(s).set_redirect_uri(redirect.clone());
    let mut request = client
        .authorize_url(CsrfToken::new_random)
        .add_scopes(s.scopes.iter().cloned().map(Scope::new))
        .set_pkce_challenge(challenge);
    for (k, v) in s.provider.extra_auth_params() {
        request = request.add_extra_param(*k, *v);
    }
    let (url, state) = request.url();
    Ok(Pending {
        url,
        listener,
        state,
        verifier,
        redirect,
    })
}

/// Waits for the browser's answer and exchanges the code for tokens.
pub async fn finish(s: &Settings, p: Pending, limit: Duration) -> Result<SignIn, OAuthError> {
    let provider = s.provider.name();
    let answer = p
        .listener
        .wait(p.state.secret(), limit)
        .await
        .map_err(|e| OAuthError::Listen(e.to_string()))?;
    let code = match answer {
        None => {
            return Err(OAuthError::Timeout {
                provider,
                secs: limit.as_secs(),
            });
        }
        Some(Answer::WrongState) => return Err(OAuthError::WrongState { provider }),
        Some(Answer::Error(reason)) => return Err(OAuthError::Denied { provider, reason }),
        Some(Answer::Code(code)) => code,
    };
    let http = Http::new();
    let call = |request| http.call(request);
    let tokens = client(s)
        .set_redirect_uri(p.redirect)
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(p.verifier)
        .request_async(&call)
        .await
        .map_err(|e| token_error(s, e))?;
    sign_in(s, &tokens, None)
}

/// A new access token for `previous`'s refresh token (and the new refresh token, when the
/// provider rotates them).
pub async fn refresh(s: &Settings, previous: &SignIn) -> Result<SignIn, OAuthError> {
    let provider = s.provider.name();
    let Some(refresh_token) = &previous.refresh_token else {
        return Err(OAuthError::SignInAgain {
            provider,
            reason: "the provider gave no refresh token".into(),
        });
    };
    let http = Http::new();
    let call = |request| http.call(request);
    let token = RefreshToken::new(refresh_token.clone());
    let tokens = client(s)
        .exchange_refresh_token(&token)
        .request_async(&call)
        .await
        .map_err(|e| token_error(s, e))?;
    sign_in(s, &tokens, Some(previous))
}

fn sign_in(s: &Settings, t: &Tokens, previous: Option<&SignIn>) -> Result<SignIn, OAuthError> {
    let access_token = t.access_token().secret().clone();
    signin::check_token(&access_token, "what the provider sent")?;
    let now = jiff::Timestamp::now().as_second();
    let lifetime = t
        .expires_in()
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    let account = t
        .extra_fields()
        .id_token
        .as_deref()
        .and_then(signin::account_of)
        .or_else(|| previous.and_then(|p| p.account.clone()));
    Ok(SignIn {
        provider: s.provider.name().to_string(),
        account,
        access_token,
        expires_at: lifetime.map(|l| now.saturating_add(l)),
        refresh_token: t
            .refresh_token()
            .map(|r| r.secret().clone())
            .or_else(|| previous.and_then(|p| p.refresh_token.clone())),
    })
}

fn token_error(
    s: &Settings,
    e: RequestTokenError<super::http::HttpError, BasicErrorResponse>,
) -> OAuthError {
    let url = s.token_url.to_string();
    match e {
        RequestTokenError::ServerResponse(r) => {
            let reason = match r.error_description() {
                Some(d) => format!("{}: {}", r.error(), one_line(d)),
                None => r.error().to_string(),
            };
            match r.error() {
                BasicErrorResponseType::InvalidGrant => OAuthError::SignInAgain {
                    provider: s.provider.name(),
                    reason,
                },
                BasicErrorResponseType::InvalidClient
                | BasicErrorResponseType::UnauthorizedClient => OAuthError::Provider {
                    url,
                    reason: format!(
                        "{reason}; check [oauth] client_id (and client_secret) against the \
                         client registered at the provider"
                    ),
                },
                _ => OAuthError::Provider { url, reason },
            }
        }
        RequestTokenError::Request(e) => OAuthError::Unreachable {
            url,
            reason: e.to_string(),
        },
        RequestTokenError::Parse(_, body) => OAuthError::Provider {
            url,
            reason: format!(
                "the answer is not a token response ({} bytes); is token_url right?",
                body.len()
            ),
        },
        RequestTokenError::Other(reason) => OAuthError::Provider {
            url,
            reason: one_line(&reason),
        },
    }
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(300)
        .collect()
}
