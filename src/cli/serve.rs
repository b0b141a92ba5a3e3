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
    let store = app.store.clone();
    let result = crate::web::serve(app, args.addr, args.open).await;
    store.close().await;
    result.map(|()| Status::Success)
}
