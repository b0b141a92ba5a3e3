//! The command line: clap definitions and dispatch. One subcommand per file; each calls one
//! action and prints its result as text, or as JSON with `--json`.

mod accept;
mod add;
mod advise;
mod agenda;
mod calendar;
mod call;
mod completions;
mod contact;
mod decline;
mod delete;
mod dismiss;
mod doctor;
mod drafts;
mod edit;
mod export;
mod import;
mod letter;
mod lint;
mod list;
mod login;
mod output;
mod password;
mod prompt;
mod referral;
mod replies;
mod review;
mod scan;
mod send;
mod serve;
mod show;
mod sync;
mod trouble;
mod undismiss;
mod user;
mod verify;

use crate::actions::App;
use crate::clock::Clock;
use crate::config::{Config, Home};
use crate::exit::Status;
use crate::store::Store;
use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub use output::Output;

/// Answer every interview invitation: accept to learn, or bow out without burning bridges.
#[derive(Debug, Parser)]
#[command(
    name = "bowout",
    version,
    about,
    max_term_width = 100,
    after_long_help = crate::exit::help_section()
)]
pub struct Cli {
    /// One directory for config, database and archive (created on first use).
    #[arg(long, global = true, env = "BOWOUT_HOME", value_name = "DIR")]
    pub home: Option<PathBuf>,

    /// Use this database instead of the home's SQLite file (postgres://…).
    #[arg(
        long,
        global = true,
        env = "BOWOUT_DATABASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub database: Option<String>,

    /// Machine-readable output: one JSON document.
    #[arg(long, global = true)]
    pub json: bool,

    /// Coach mode: act as this seeker on the shared database given by --database.
    #[arg(long, global = true, env = "BOWOUT_USER", value_name = "NAME")]
    pub user: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Record an invitation by hand; prints its id.
    Add(add::Args),
    /// Invitations with status and age.
    List(list::Args),
    /// One invitation with contacts, decision, messages and timeline.
    Show(show::Args),
    /// Correct what was captured: employer, agency, title, requisition, round, interview time.
    Edit(edit::Args),
    /// Take an invitation off the list and the agenda; its history is kept.
    Dismiss(dismiss::Args),
    /// Bring a dismissed invitation back, in the status it had.
    Undismiss(undismiss::Args),
    /// Delete an invitation that never had a message sent or exported.
    Delete(delete::Args),
    /// Record the facts of an invitation and get advice.
    Advise(advise::Args),
    /// Colleagues who agreed to be referred.
    #[command(subcommand)]
    Referral(referral::Command),
    /// Decline: record the decision and draft one message per contact.
    Decline(decline::Args),
    /// Accept: record the decision and draft the acceptance reply.
    Accept(accept::Args),
    /// Show an invitation's drafts with lint findings.
    Drafts(drafts::Args),
    /// Send the drafts: one message per contact over SMTP, or as .eml files.
    Send(send::Args),
    /// Re-hash the archived copies of sent messages; fails if one changed or is missing.
    Verify(verify::Args),
    /// Check the database and the archive for damage; says how to restore from an export.
    Doctor(doctor::Args),
    /// Store a mail password in the OS keyring (read from standard input).
    Password(password::Args),
    /// Sign in with OAuth2 (Google, Microsoft, or [oauth]'s provider) in the browser.
    Login(login::Args),
    /// Remove the OAuth2 sign-in that `login` kept.
    Logout(login::LogoutArgs),
    /// Match replies (files, or new IMAP mail) to the messages sent; confirms receipt.
    Replies(replies::Args),
    /// The messages the classifier was unsure about: answer invitation, not, or scam.
    Review(review::Args),
    /// Check the mail: new invitations recorded and receipts matched, from [imap].
    Sync(sync::Args),
    /// The follow-up call: the call sheet, or log how the call went.
    Call(call::Args),
    /// What is owed today and what comes next, each with the command that closes it.
    Agenda(agenda::Args),
    /// Write follow-up calls and accepted interviews as an iCalendar file.
    Calendar(calendar::Args),
    /// The formal letter: write its PDF, record its mailing and return receipt.
    Letter(letter::Args),
    /// An invitation's contacts: add, edit, remove, make primary, postal address.
    #[command(subcommand)]
    Contact(contact::Command),
    /// Check any text with the diplomacy linter (a file, or - for standard input).
    Lint(lint::Args),
    /// Write the whole store to a JSON file.
    Export(export::ExportArgs),
    /// Load a JSON export into an empty store.
    Restore(export::RestoreArgs),
    /// Read mail (.eml, mbox, Maildir) and record every invitation found; prints ids.
    Import(import::Args),
    /// Read mail (.eml, mbox, Maildir) and report invitations and scams; records nothing.
    Scan(scan::Args),
    /// The web UI on this machine: prints the URL to open (with its access token) first.
    Serve(serve::Args),
    /// Coach mode's accounts (PostgreSQL): add, list, token, assign, role, remove, password.
    #[command(subcommand)]
    User(user::Command),
    /// Print shell completions.
    Completions(completions::Args),
    /// Print the man page (roff).
    Man,
}

impl Cli {
    /// Parses the command line. Help and version print as usual (status 0); a usage error
    /// prints one line naming the problem, and the status to exit with is returned: 2.
    pub fn parse_args() -> Result<Self, Status> {
        match Self::try_parse() {
            Ok(cli) => Ok(cli),
            Err(err) => {
                use clap::error::ErrorKind;
                if matches!(
                    err.kind(),
                    ErrorKind::DisplayHelp
                        | ErrorKind::DisplayVersion
                        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                ) {
                    // Help on a closed standard output is no error either.
                    let _ = err.print();
                    return Err(if err.use_stderr() {
                        Status::Usage
                    } else {
                        Status::Success
                    });
                }
                eprintln!("bowout: {}", usage_error_line(&err.to_string()));
                Err(Status::Usage)
            }
        }
    }
}

/// clap's message up to its first blank line, folded onto one line, with its tips (a
/// similar subcommand or flag) after a `;`.
fn usage_error_line(rendered: &str) -> String {
    let message = rendered
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let tips = rendered
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("tip:"))
        .map(|l| format!("; {l}"));
    std::iter::once(message).chain(tips).collect()
}

/// The home directory: `--home`, or the platform's.
fn home_of(cli: &Cli) -> Result<Home> {
    Ok(match &cli.home {
        Some(dir) => Home::single(dir),
        None => Home::platform()?,
    })
}

/// Builds the app (config, store, clock) for commands that need it.
async fn open_app(cli: &Cli, home: Home) -> Result<App> {
    home.create()?;
    let config = Config::load(&home.config_file, std::env::vars())?;
    let clock = Clock::new(
        std::env::var("BOWOUT_NOW").ok().as_deref(),
        config.agenda.timezone.as_deref(),
        &config.agenda.holidays,
    )?;
    if let Some(name) = &cli.user {
        return open_as_user(cli, name, home, config, clock).await;
    }
    let store = match &cli.database {
        Some(url) => Store::open_url(url).await,
        None => {
            let empty_ok = !crate::mail::archive::holds_files(&home.archive);
            Store::open_sqlite(&home.database, empty_ok).await
        }
    }
    .with_context(|| match &cli.database {
        Some(_) => "cannot open the database given by --database".to_string(),
        None => format!("cannot open {}", home.database.display()),
    })?;
    Ok(App {
        store,
        config,
        home,
        clock,
        mail_passwords: None,
    })
}

/// The app of the seeker `name` on the shared database: their own records, their own
/// directory under the home.
async fn open_as_user(
    cli: &Cli,
    name: &str,
    home: Home,
    config: Config,
    clock: Clock,
) -> Result<App> {
    use crate::actions::accounts;
    let accounts_store = user::open(cli.database.as_deref()).await?;
    let found = accounts::find_user(&accounts_store, name).await;
    let user = match found {
        Ok(u) if u.role == crate::store::accounts::Role::Seeker => u,
        Ok(u) => {
            accounts_store.close().await;
            return Err(crate::exit::usage(format!(
                "--user {name}: {} is a {}; only a seeker has records to act on",
                u.name,
                u.role.as_str()
            )));
        }
        Err(e) => {
            accounts_store.close().await;
            return Err(crate::exit::usage(format!("--user {name}: {e}")));
        }
    };
    accounts_store.prepare_user(&user.id).await?;
    let server = App {
        store: accounts_store.clone(),
        config,
        home,
        clock,
        mail_passwords: None,
    };
    let keys = accounts::Keys::from_env().ok().map(std::sync::Arc::new);
    Ok(accounts::user_app(
        &server,
        &accounts_store,
        &user,
        false,
        keys.as_ref(),
    )?)
}

/// Runs the command; the status it ends with (an error's status is [`Status::of_error`]).
pub async fn run(cli: Cli) -> Result<Status> {
    let out = Output { json: cli.json };
    // Commands that need no store run without creating a home.
    match &cli.command {
        Command::Lint(args) => return lint::run(args, &out),
        Command::Scan(args) => return scan::run(args, &out),
        Command::Completions(args) => return completions::run(args),
        Command::Man => return completions::man(),
        _ => {}
    }
    if let Command::User(cmd) = cli.command {
        return user::run(cli.database.as_deref(), cmd, &out).await;
    }
    let home = home_of(&cli)?;
    // The doctor opens the store itself, and only when the file is whole.
    if let Command::Doctor(args) = &cli.command {
        return doctor::run(&home, cli.database.as_deref(), args, &out).await;
    }
    if let Command::Serve(args) = &cli.command {
        let args = args.clone();
        if args.multi_user {
            return serve::run_multi(&cli, home, args).await;
        }
        let app = open_app(&cli, home.clone()).await.map_err(|e| {
            trouble::explain(e, &home, cli.database.is_none(), "the server did not start")
        })?;
        return serve::run(app, args).await;
    }
    let undone = trouble::undone(&cli.command);
    let own_database = cli.database.is_none();
    let result = match open_app(&cli, home.clone()).await {
        Ok(app) => {
            let audited = user::audited(&cli.command);
            let result = dispatch(&app, cli.command, &out).await;
            if let (Ok(_), Some(kind)) = (&result, audited) {
                user::audit_cli(&app, kind).await?;
            }
            app.store.close().await;
            result
        }
        Err(e) => Err(e),
    };
    result.map_err(|e| trouble::explain(e, &home, own_database, undone))
}

async fn dispatch(app: &App, command: Command, out: &Output) -> Result<Status> {
    match command {
        Command::Add(args) => add::run(app, args, out).await,
        Command::List(args) => list::run(app, args, out).await,
        Command::Show(args) => show::run(app, args, out).await,
        Command::Edit(args) => edit::run(app, args, out).await,
        Command::Dismiss(args) => dismiss::run(app, args, out).await,
        Command::Undismiss(args) => undismiss::run(app, args, out).await,
        Command::Delete(args) => delete::run(app, args, out).await,
        Command::Advise(args) => advise::run(app, args, out).await,
        Command::Referral(cmd) => referral::run(app, cmd, out).await,
        Command::Decline(args) => decline::run(app, args, out).await,
        Command::Accept(args) => accept::run(app, args, out).await,
        Command::Drafts(args) => drafts::run(app, args, out).await,
        Command::Send(args) => send::run(app, args, out).await,
        Command::Verify(args) => verify::run(app, args, out).await,
        Command::Password(args) => password::run(&app.config, &args, out),
        Command::Login(args) => login::run(app, args, out).await,
        Command::Logout(args) => login::logout(app, args, out).await,
        Command::Replies(args) => replies::run(app, args, out).await,
        Command::Review(args) => review::run(app, args, out).await,
        Command::Sync(args) => sync::run(app, args, out).await,
        Command::Call(args) => call::run(app, args, out).await,
        Command::Agenda(args) => agenda::run(app, args, out).await,
        Command::Calendar(args) => calendar::run(app, args, out).await,
        Command::Letter(args) => letter::run(app, args, out).await,
        Command::Contact(cmd) => contact::run(app, cmd, out).await,
        Command::Export(args) => export::export(app, args, out).await,
        Command::Import(args) => import::run(app, args, out).await,
        Command::Restore(args) => export::restore(app, args, out).await,
        Command::Lint(_)
        | Command::Scan(_)
        | Command::Serve(_)
        | Command::Completions(_)
        | Command::User(_)
        | Command::Man
        | Command::Doctor(_) => Ok(Status::Success),
    }
}
