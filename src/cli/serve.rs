//! `bowout serve`: the web UI on this machine (see `crate::web`).

use crate::actions::App;
use crate::exit::Status;
use anyhow::Result;
use std::net::SocketAddr;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The address to listen on; the first line printed is the URL to open, with its
    /// access token. Port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8719", value_name = "IP:PORT")]
    addr: SocketAddr,
    /// Open the default browser at the URL.
    #[arg(long)]
    open: bool,
}

pub async fn run(app: App, args: Args) -> Result<Status> {
    if args.addr.ip().is_unspecified() {
        app.store.close().await;
        return Err(crate::exit::UsageError(format!(
            "--addr {}: give the one address to listen on (such as 127.0.0.1:8719); the server \
             answers only to the address it is bound to",
            args.addr
        ))
        .into());
    }
    let store = app.store.clone();
    let result = crate::web::serve(app, args.addr, args.open).await;
    store.close().await;
    result.map(|()| Status::Success)
}
