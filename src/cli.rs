//! The command line: `serve` (default), `migrate`, `create-staff`, `seed-demo`,
//! `backup`, `restore`.

use std::{io::BufRead, process::ExitCode};

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use chrono::Utc;

use crate::{
    backup,
    config::Config,
    domain::{Password, StaffAssignment, StaffRole, UnitCode, Username, time::shanghai},
    service::{
        demo,
        staff::{self, NewStaff},
    },
    startup, telemetry,
};

#[derive(Parser)]
#[command(
    name = "diploma-photo",
    version,
    about = "Diploma-photo collection backend"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the HTTP API (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a staff account. The password is read from DP_PASSWORD, or else
    /// from the first line of standard input.
    CreateStaff {
        #[arg(long)]
        username: String,
        /// admin, unit_secretary, onsite or intl_office.
        #[arg(long, value_parser = parse_role)]
        role: StaffRole,
        /// The training unit's code; required for unit_secretary.
        #[arg(long)]
        unit: Option<String>,
    },
    /// Load the notice's 2024 campaign with a small roster and one staff
    /// account per role (refused when WeChat is configured). Dates move by
    /// whole weeks so the first session is 3–9 days away.
    SeedDemo {
        /// Keep the dates exactly as published in the notice.
        #[arg(long)]
        as_published: bool,
    },
    /// Back up the embedded default (SQLite and the photo folder) into DIR,
    /// new or empty, while the service runs: the database, every photo and
    /// a manifest with their SHA-256.
    Backup { dir: std::path::PathBuf },
    /// Put a backup made by `backup` into the configured data folder, which
    /// must be empty; every file is checked against the manifest first.
    Restore { dir: std::path::PathBuf },
}

fn parse_role(s: &str) -> Result<StaffRole, String> {
    StaffRole::parse(s).ok_or_else(|| "one of: admin, unit_secretary, onsite, intl_office".into())
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Config::from_env()
        .map_err(anyhow::Error::from)
        .and_then(|config| {
            telemetry::init(config.log_format);
            tokio::runtime::Runtime::new()
                .context("cannot start the async runtime")?
                .block_on(run(cli.command.unwrap_or(Command::Serve), config))
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Serve => {
            let app = startup::Application::build(config).await?;
            app.run_until(startup::shutdown_signal()).await?;
            Ok(())
        }
        Command::Migrate => {
            let db = startup::connect_database(&config).await?;
            startup::migrate(&db).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::CreateStaff {
            username,
            role,
            unit,
        } => {
            let password = match std::env::var("DP_PASSWORD") {
                Ok(p) if !p.is_empty() => p,
                _ => read_password_line()?,
            };
            let unit = unit
                .as_deref()
                .map(UnitCode::parse)
                .transpose()
                .map_err(anyhow::Error::msg)?;
            let new = NewStaff {
                username: Username::parse(&username).map_err(anyhow::Error::msg)?,
                password: Password::parse_chosen(&password, &username)
                    .map_err(anyhow::Error::msg)?,
                assignment: StaffAssignment::new(role, unit).map_err(anyhow::Error::msg)?,
            };
            let db = startup::connect_database(&config).await?;
            startup::migrate(&db).await?;
            let account = staff::create(&db, new)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
            println!(
                "created staff account {} ({})",
                account.username,
                role.as_str()
            );
            Ok(())
        }
        Command::Backup { dir } => {
            let photos = backup::backup(&config, &dir).await?;
            println!(
                "backed up the database and {photos} photo files into {}",
                dir.display()
            );
            Ok(())
        }
        Command::Restore { dir } => {
            let photos = backup::restore(&config, &dir)?;
            println!(
                "restored the database and {photos} photo files from {}",
                dir.display()
            );
            Ok(())
        }
        Command::SeedDemo { as_published } => {
            if config.wechat.is_some() {
                bail!(
                    "seed-demo creates accounts with published passwords; refusing because DP_WECHAT_APPID is set"
                );
            }
            let db = startup::connect_database(&config).await?;
            startup::migrate(&db).await?;
            let today = Utc::now().with_timezone(&shanghai()).date_naive();
            let summary = demo::seed(&db, today, as_published)
                .await
                .map_err(|e| anyhow::anyhow!("{}", e.message()))?;
            if summary.campaign_created {
                println!(
                    "loaded campaign \"{}\"; first session on {}",
                    demo::CAMPAIGN_NAME,
                    summary.first_session
                );
            } else {
                println!(
                    "campaign \"{}\" already there; left as it is",
                    demo::CAMPAIGN_NAME
                );
            }
            println!("demo staff accounts (password = username + \"-pass\"):");
            for (username, role, password, created) in summary.staff {
                let outcome = if created { "created" } else { "already there" };
                println!(
                    "  {username:<16} {:<15} {password:<22} {outcome}",
                    role.as_str()
                );
            }
            println!(
                "students log in with code \"dev:<any-openid>\" and bind with e.g. 20240019 / 陈浩然 (unit CS)"
            );
            Ok(())
        }
    }
}
fn read_password_line() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        bail!("no password: set DP_PASSWORD or pass it on standard input");
    }
    Ok(password)
}
