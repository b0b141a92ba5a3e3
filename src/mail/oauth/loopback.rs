//! The browser's way back (RFC 8252, section 7.3): a listener on a free loopback port that
//! takes the one redirect carrying the authorization code, checks its `state`, and answers
//! the browser with a short page. Requests are bounded in size and time; anything else
//! (a favicon) gets a 404 and the wait goes on.

use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The longest request line and headers read from the browser.
const MAX_REQUEST: usize = 16 * 1024;
/// How long one connection may take to send its request.
const READ_LIMIT: Duration = Duration::from_secs(10);

/// What the provider sent the browser back with.
#[derive(Debug)]
pub enum Answer {
    /// The authorization code, with the state checked.
    Code(String),
    /// The provider's `error` (and `error_description`), e.g. `access_denied`.
    Error(String),
    /// A redirect whose `state` is not this sign-in's.
    WrongState,
}

pub struct Listener {
    v4: TcpListener,
    /// The same port on `::1`, for a browser that resolves `localhost` there first.
    v6: Option<TcpListener>,
}

impl Listener {
    pub async fn bind() -> std::io::Result<Self> {
        let v4 = TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = v4.local_addr()?.port();
        let v6 = TcpListener::bind(("::1", port)).await.ok();
        Ok(Self { v4, v6 })
    }

    pub fn port(&self) -> std::io::Result<u16> {
        Ok(self.v4.local_addr()?.port())
    }

    /// Waits for the redirect with `state`; None when nothing came within `limit`.
    pub async fn wait(&self, state: &str, limit: Duration) -> std::io::Result<Option<Answer>> {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            let accepted = tokio::time::timeout_at(deadline, self.accept()).await;
            let Ok(stream) = accepted else {
                return Ok(None);
            };
            if let Some(answer) = serve(stream?, state).await {
                return Ok(Some(answer));
            }
        }
    }

    async fn accept(&self) -> std::io::Result<TcpStream> {
        match &self.v6 {
            Some(v6) => tokio::select! {
                a = self.v4.accept() => a.map(|(s, _)| s),
                b = v6.accept() => b.map(|(s, _)| s),
            },
            None => self.v4.accept().await.map(|(s, _)| s),
        }
    }
}

/// Answers one connection; the answer when it was the redirect.
async fn serve(mut stream: TcpStream, state: &str) -> Option<Answer> {
    let target = match tokio::time::timeout(READ_LIMIT, read_target(&mut stream)).await {
        Ok(Some(t)) => t,
        _ => {
            respond(
                &mut stream,
                "400 Bad Request",
                "This is not a sign-in answer.",
            )
            .await;
            return None;
        }
    };
    let url = url::Url::parse(&format!("http://127.0.0.1{target}")).ok()?;
    let param = |name: &str| {
        url.query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    };
    let (code, error) = (param("code"), param("error"));
    if url.path() != "/" || (code.is_none() && error.is_none()) {
        respond(&mut stream, "404 Not Found", "Nothing here.").await;
        return None;
    }
    if param("state").as_deref() != Some(state) {
        respond(
            &mut stream,
            "400 Bad Request",
            "This answer does not belong to the sign-in bowout started, so it was refused. \
             Run bowout login again.",
        )
        .await;
        return Some(Answer::WrongState);
    }
    if let Some(error) = error {
        let words = match param("error_description") {
            Some(d) => format!("{error}: {d}"),
            None => error,
        };
        respond(
            &mut stream,
            "200 OK",
            "The sign-in was not allowed. You can close this window.",
        )
        .await;
        return Some(Answer::Error(clean(&words)));
    }
    respond(
        &mut stream,
        "200 OK",
        "Signed in. You can close this window and go back to bowout.",
    )
    .await;
    code.map(Answer::Code)
}

/// The request target of a `GET`, once the headers are in.
async fn read_target(stream: &mut TcpStream) -> Option<String> {
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 || buf.len() + n > MAX_REQUEST {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let line = buf.split(|b| *b == b'\n').next()?;
    let line = std::str::from_utf8(line).ok()?.trim_end();
    let mut words = line.split(' ');
    match (words.next(), words.next()) {
        (Some("GET"), Some(target)) if target.starts_with('/') => Some(target.to_string()),
        _ => None,
    }
}

async fn respond(stream: &mut TcpStream, status: &str, text: &str) {
    let body =
        format!("<!doctype html><meta charset=\"utf-8\"><title>bowout</title><p>{text}</p>\n");
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    // The browser may be gone already; the answer it carried counts all the same.
    let _ = stream.write_all(head.as_bytes()).await;
    let _ = stream.write_all(body.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// A provider's words for a message line: printable, one line, bounded.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(300)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn get(port: u16, target: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", port))
            .await
            .expect("connect");
        s.write_all(format!("GET {target} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
            .await
            .expect("write");
        let mut out = String::new();
        s.read_to_string(&mut out).await.expect("read");
        out
    }

    #[tokio::test]
    async fn takes_the_code_with_the_right_state_only() {
        let l = Listener::bind().await.expect("bind");
        let port = l.port().expect("port");
        let client = tokio::spawn(async move {
            let favicon = get(port, "/favicon.ico").await;
            let code = get(port, "/?code=abc&state=s1").await;
            (favicon, code)
        });
        let answer = l.wait("s1", Duration::from_secs(10)).await.expect("io");
        assert!(matches!(answer, Some(Answer::Code(c)) if c == "abc"));
        let (favicon, code) = client.await.expect("join");
        assert!(favicon.starts_with("HTTP/1.1 404"), "{favicon}");
        assert!(code.contains("Signed in"), "{code}");
    }

    #[tokio::test]
    async fn a_wrong_state_or_silence_ends_the_wait() {
        let l = Listener::bind().await.expect("bind");
        let port = l.port().expect("port");
        let client = tokio::spawn(async move { get(port, "/?code=abc&state=forged").await });
        let answer = l.wait("s1", Duration::from_secs(10)).await.expect("io");
        assert!(matches!(answer, Some(Answer::WrongState)));
        assert!(client.await.expect("join").starts_with("HTTP/1.1 400"));
        let none = l.wait("s1", Duration::from_millis(50)).await.expect("io");
        assert!(none.is_none());
    }
}
