//! A TCP proxy between bowout and a real server (Dovecot, the SMTP sink) that cuts its first
//! connection at a chosen point, as a network or a server does when it drops a connection.
//! Later connections pass untouched. What the client sent on each connection is kept, to
//! see what a later run asked for.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Where the first connection is cut.
#[derive(Clone, Copy)]
pub enum Cut {
    /// Once the client has sent `after`, the server's bytes pass until the line on which
    /// `pattern` starts for the `n`-th time, and `extra` bytes of that line; then both
    /// sides are closed.
    ServerLine {
        after: &'static [u8],
        pattern: &'static [u8],
        n: usize,
        extra: usize,
    },
    /// The client's bytes pass up to and including `pattern`; then the client's side is
    /// closed, so the server gets them and its reply never reaches the client.
    ClientSent { pattern: &'static [u8] },
}

pub struct Proxy {
    pub port: u16,
    sent: Arc<Mutex<Vec<Vec<u8>>>>,
}

impl Proxy {
    /// Listens on a free loopback port, forwarding to `127.0.0.1:upstream`.
    pub fn start(upstream: u16, cut: Cut) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let sent = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&sent);
        std::thread::spawn(move || {
            for (i, client) in listener.incoming().enumerate() {
                let Ok(client) = client else { continue };
                let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else {
                    continue;
                };
                let n = {
                    let mut log = log.lock().expect("log");
                    log.push(Vec::new());
                    log.len() - 1
                };
                relay(client, server, (i == 0).then_some(cut), Arc::clone(&log), n);
            }
        });
        Self { port, sent }
    }

    /// What the client sent on its `n`-th connection (from 0).
    pub fn client_bytes(&self, n: usize) -> Vec<u8> {
        self.sent
            .lock()
            .expect("log")
            .get(n)
            .cloned()
            .unwrap_or_default()
    }

    /// How many connections were made.
    pub fn connections(&self) -> usize {
        self.sent.lock().expect("log").len()
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Relays one connection in two threads, cutting it as `cut` says.
fn relay(
    client: TcpStream,
    server: TcpStream,
    cut: Option<Cut>,
    log: Arc<Mutex<Vec<Vec<u8>>>>,
    n: usize,
) {
    let triggered = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicBool::new(false));
    let (c_in, mut s_out) = (
        client.try_clone().expect("clone"),
        server.try_clone().expect("clone"),
    );
    let (mut s_in, mut c_out) = (server, client);
    {
        let (triggered, done) = (Arc::clone(&triggered), Arc::clone(&done));
        std::thread::spawn(move || {
            let mut c_in = c_in;
            let mut seen = Vec::new();
            let mut buf = [0u8; 8192];
            while let Ok(k) = c_in.read(&mut buf) {
                if k == 0 || done.load(Ordering::SeqCst) {
                    break;
                }
                let before = seen.len();
                seen.extend_from_slice(&buf[..k]);
                log.lock().expect("log")[n].extend_from_slice(&buf[..k]);
                match cut {
                    Some(Cut::ServerLine { after, .. }) if find(&seen, after).is_some() => {
                        triggered.store(true, Ordering::SeqCst);
                    }
                    Some(Cut::ClientSent { pattern }) => {
                        if let Some(at) = find(&seen, pattern) {
                            let upto = at + pattern.len() - before;
                            done.store(true, Ordering::SeqCst);
                            let _ = s_out.write_all(&buf[..upto]);
                            let _ = c_in.shutdown(Shutdown::Both);
                            // The server gets time to take what it was sent.
                            std::thread::sleep(Duration::from_secs(2));
                            let _ = s_out.shutdown(Shutdown::Both);
                            return;
                        }
                    }
                    _ => {}
                }
                if s_out.write_all(&buf[..k]).is_err() {
                    break;
                }
            }
            let _ = s_out.shutdown(Shutdown::Write);
        });
    }
    std::thread::spawn(move || {
        let mut since_trigger: Vec<u8> = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(k) = s_in.read(&mut buf) {
            if k == 0 || done.load(Ordering::SeqCst) {
                break;
            }
            if let Some(Cut::ServerLine {
                pattern,
                n: nth,
                extra,
                ..
            }) = cut
                && triggered.load(Ordering::SeqCst)
            {
                let before = since_trigger.len();
                since_trigger.extend_from_slice(&buf[..k]);
                if let Some(line) = nth_line_start(&since_trigger, pattern, nth) {
                    let upto = (line + extra).saturating_sub(before).min(k);
                    let _ = c_out.write_all(&buf[..upto]);
                    done.store(true, Ordering::SeqCst);
                    let _ = c_out.shutdown(Shutdown::Both);
                    let _ = s_in.shutdown(Shutdown::Both);
                    return;
                }
            }
            if c_out.write_all(&buf[..k]).is_err() {
                break;
            }
        }
        let _ = c_out.shutdown(Shutdown::Write);
    });
}

/// Where the line holding the `n`-th occurrence of `pattern` starts, once that is known.
fn nth_line_start(hay: &[u8], pattern: &[u8], n: usize) -> Option<usize> {
    let mut from = 0;
    let mut at = 0;
    for _ in 0..n {
        at = from + find(&hay[from..], pattern)?;
        from = at + pattern.len();
    }
    let line = hay[..at]
        .windows(2)
        .rposition(|w| w == b"\r\n")
        .map_or(0, |p| p + 2);
    Some(line)
}

#[test]
fn lines_are_found_by_their_nth_pattern() {
    let hay = b"* 1 FETCH (a)\r\n* 2 FETCH (b)\r\n";
    assert_eq!(nth_line_start(hay, b" FETCH (", 1), Some(0));
    assert_eq!(nth_line_start(hay, b" FETCH (", 2), Some(15));
    assert_eq!(nth_line_start(hay, b" FETCH (", 3), None);
}
