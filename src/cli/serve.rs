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
    /// Coach mode: accounts, sign-in and one store per user, on the PostgreSQL database of
    /// --database (see `bowout user`).
    #[arg(long)]
    pub multi_user: bool,
    /// Coach mode behind a TLS reverse proxy: the address people open (https://…); the
    /// server answers to its host too, and its cookies are Secure.
    #[arg(long, value_name = "URL", requires = "multi_user")]
    public_url: Option<url::Url>,
}

/// `serve --multi-user`: every user's store brought to the current version, then served.
pub async fn run_multi(cli: &super::Cli, home: crate::config::Home, args: Args) -> Result<Status> {
    use anyhow::Context as _;
    if let Some(url) = &args.public_url
        && !matches!(url.scheme(), "https" | "http")
    {
        return Err(crate::exit::usage(format!(
            "--public-url {url}: give the http(s) address people open"
        )));
    }
    let accounts = super::user::open(cli.database.as_deref()).await?;
    home.create()?;
    let config = crate::config::Config::load(&home.config_file, std::env::vars())?;
    let clock = crate::clock::Clock::new(
        std::env::var("BOWOUT_NOW").ok().as_deref(),
        config.agenda.timezone.as_deref(),
        &config.agenda.holidays,
    )?;
    for user in crate::actions::accounts::list_users(&accounts).await? {
        accounts
            .prepare_user(&user.id)
            .await
            .with_context(|| format!("cannot bring {}'s records to this version", user.name))?;
    }
    let app = App {
        store: accounts.clone(),
        config,
        home,
        clock,
        mail_passwords: None,
    };
    // Mail passwords need the server key; without one the server runs, and storing a
    // password says how to configure it.
    let keys = match crate::actions::accounts::Keys::from_env() {
        Ok(keys) => Some(keys),
        Err(crate::actions::ActionError::Setup(_))
            if std::env::var_os("BOWOUT_SECRET_KEYS").is_none()
                && std::env::var_os("BOWOUT_SECRET_KEY_FILE").is_none() =>
        {
            None
        }
        Err(e) => return Err(e.into()),
    };
    let multi = crate::web::multi::Multi::new(accounts.clone(), keys, args.public_url.clone());
    let result = if args.addr.ip().is_unspecified() {
        Err(crate::exit::usage(format!(
            "--addr {}: give the one address to listen on; put a TLS reverse proxy in front",
            args.addr
        )))
    } else {
        crate::web::serve_multi(app, multi, args.addr).await
    };
    accounts.close().await;
    result.map(|()| Status::Success)
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
