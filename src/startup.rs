//! Building the application from its configuration and running it until
//! shutdown. Tests use the same path with a random port.

use std::{future::Future, net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use poem::{EndpointExt, Server};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

use crate::{
    api,
    clients::{
        cache::{Cache, MemoryCache, RedisCache},
        storage::{LocalStorage, S3Storage, Storage},
        wechat::WechatClient,
    },
    config::Config,
    connections::{self, Connections, LimitedAcceptor},
    drain::Drain,
    entity::server_secret,
    metrics::{self, CountedCache, Metrics},
    state::AppState,
};

/// Connects to the configured database; for SQLite the data folder is
/// created and WAL mode with a busy timeout is used, so readers never block
/// the writer and concurrent writers wait instead of failing.
pub async fn connect_database(config: &Config) -> anyhow::Result<DatabaseConnection> {
    if config.is_sqlite()
        && let Some(parent) =
            sqlite_path(&config.database_url).and_then(|p| p.parent().map(|p| p.to_owned()))
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(&parent)
            .with_context(|| format!("cannot create data folder {}", parent.display()))?;
    }
    let mut options = ConnectOptions::new(config.database_url.clone());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(5))
                .foreign_keys(true)
        });
    if config.is_sqlite() {
        // One writer at a time anyway; a small pool avoids lock convoys.
        options.max_connections(4);
    } else {
        options.max_connections(20);
    }
    Database::connect(options).await.with_context(|| {
        format!(
            "cannot connect to the database at {}",
            redact(&config.database_url)
        )
    })
}

/// Applies pending migrations.
pub async fn migrate(db: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(db, None)
        .await
        .context("database migration failed")
}

/// Photo storage: S3-compatible for `s3://bucket/prefix`, else a local
/// folder (`data/uploads` by default). S3 must answer at start.
pub async fn connect_storage(config: &Config) -> anyhow::Result<Arc<dyn Storage>> {
    if config.storage.starts_with("s3://") {
        let storage = S3Storage::open(&config.storage, &config.s3)
            .with_context(|| format!("photo storage {}", config.storage))?;
        storage
            .list("healthcheck/")
            .await
            .with_context(|| format!("photo storage {} does not answer", config.storage))?;
        return Ok(Arc::new(storage));
    }
    let storage = LocalStorage::open(&config.storage)
        .await
        .with_context(|| format!("photo storage folder {}", config.storage))?;
    Ok(Arc::new(storage))
}

/// The in-process cache, or Redis when `DP_REDIS_URL` is set (then it must answer).
pub async fn connect_cache(config: &Config) -> anyhow::Result<Arc<dyn Cache>> {
    match &config.redis_url {
        None => Ok(Arc::new(MemoryCache::default())),
        Some(url) => {
            let cache = RedisCache::connect(url, &config.redis_prefix)
                .await
                .with_context(|| format!("cannot connect to Redis at {}", redact(url)))?;
            Ok(Arc::new(cache))
        }
    }
}

pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    (!path.is_empty() && path != ":memory:").then(|| path.into())
}

/// Hides the password in a connection URL before it is printed.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}://{}:***@{}", &url[..scheme_end], user, &url[at + 1..])
        }
        _ => url.to_owned(),
    }
}

pub async fn build_state(config: Config) -> anyhow::Result<AppState> {
    let db = connect_database(&config).await?;
    migrate(&db).await?;
    let metrics = Arc::new(Metrics::default());
    let cache = Arc::new(CountedCache::new(
        connect_cache(&config).await?,
        metrics.clone(),
    ));
    let storage = connect_storage(&config).await?;
    let wechat = config.wechat.clone().map(|creds| {
        Arc::new(WechatClient::new(
            &config.wechat_api_base,
            creds,
            config.wechat_timeout,
        ))
    });
    if wechat.is_none() {
        tracing::warn!(
            "DP_WECHAT_APPID is not set: DEV LOGIN IS ENABLED, anyone who reaches {} can log \
             in as any student with code \"dev:<openid>\". Never run like this in production.",
            config.listen
        );
    }
    let checkin_key = match &config.checkin_secret {
        Some(secret) => secret.clone().into_bytes(),
        None => shared_secret(&db, "checkin_hmac").await?.into_bytes(),
    };
    Ok(AppState {
        db,
        cache,
        storage,
        photo_slots: Arc::new(tokio::sync::Semaphore::new(
            crate::service::makeup::MAX_CONCURRENT_CHECKS,
        )),
        wechat,
        config: Arc::new(config),
        checkin_key: Arc::new(checkin_key),
        drain: Drain::default(),
        polls: Arc::default(),
        metrics,
    })
}

/// A secret generated by whichever instance starts first and read by all.
async fn shared_secret(db: &DatabaseConnection, name: &str) -> anyhow::Result<String> {
    use sea_orm::{ActiveValue::Set, EntityTrait, sea_query::OnConflict};
    let generated = crate::domain::SessionToken::generate().into_string();
    server_secret::Entity::insert(server_secret::ActiveModel {
        name: Set(name.to_owned()),
        value: Set(generated),
        created_at: Set(chrono::Utc::now()),
    })
    .on_conflict(
        OnConflict::column(server_secret::Column::Name)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await
    .context("cannot store the server secret")?;
    let row = server_secret::Entity::find_by_id(name)
        .one(db)
        .await?
        .context("server secret missing after insert")?;
    Ok(row.value)
}

/// A built application bound to its port, ready to run.
pub struct Application {
    acceptor: LimitedAcceptor,
    connections: Connections,
    addr: SocketAddr,
    /// `DP_METRICS_LISTEN`, bound.
    metrics: Option<(tokio::net::TcpListener, SocketAddr)>,
    state: AppState,
}

impl Application {
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        let listener = tokio::net::TcpListener::bind(&config.listen)
            .await
            .with_context(|| format!("cannot listen on {}", config.listen))?;
        let addr = listener.local_addr()?;
        connections::raise_file_limit(config.connections.max_connections);
        let connections = Connections::new(config.connections.clone());
        let acceptor = LimitedAcceptor::new(listener, connections.clone())?;
        let metrics = match &config.metrics_listen {
            Some(listen) => {
                let listener = tokio::net::TcpListener::bind(listen)
                    .await
                    .with_context(|| format!("cannot listen on {listen} (DP_METRICS_LISTEN)"))?;
                let addr = listener.local_addr()?;
                Some((listener, addr))
            }
            None => None,
        };
        let state = build_state(config).await?;
        Ok(Self {
            acceptor,
            connections,
            addr,
            metrics,
            state,
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Where `/metrics` is served, when `DP_METRICS_LISTEN` is set.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().map(|(_, addr)| *addr)
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` resolves, then drains: reports not ready,
    /// lets requests in flight finish (up to the configured grace period) and
    /// closes the connections.
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send) -> std::io::Result<()> {
        tracing::info!(addr = %self.addr, "serving");
        // Scrapes go on while the instance drains; they stop with it.
        let metrics = self.metrics.map(|(listener, addr)| {
            tracing::info!(%addr, "serving metrics");
            tokio::spawn(metrics::serve(
                listener,
                self.state.metrics.clone(),
                self.state.db.clone(),
            ))
            .abort_handle()
        });
        let grace = self.state.config.shutdown_grace;
        let drain = self.state.drain.clone();
        tokio::spawn(sweep_no_shows(self.state.db.clone()));
        tokio::spawn(sweep_orphan_photos(self.state.clone()));
        tokio::spawn(deliver_notifications(self.state.clone()));
        tokio::spawn(schedule_reminders(self.state.clone()));
        tokio::spawn(apply_retention(self.state.clone()));
        let drained = async move {
            shutdown.await;
            drain.drain(grace).await;
        };
        let open = self.connections;
        let app =
            api::app(self.state).around(move |ep, req| connections::track(ep, req, open.clone()));
        let served = Server::new_with_acceptor(self.acceptor)
            .run_with_graceful_shutdown(app, drained, Some(grace))
            .await;
        if let Some(metrics) = metrics {
            metrics.abort();
        }
        served
    }
}

/// Once a minute, turns bookings of finished sessions that were never
/// checked in into no-shows.
async fn sweep_no_shows(db: DatabaseConnection) {
    let mut tick = tokio::time::interval(Duration::from_secs(60));
    loop {
        tick.tick().await;
        match crate::service::booking::mark_no_shows(&db, chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(bookings = n, "marked no-shows"),
            Err(err) => tracing::warn!(error = %err, "no-show sweep failed"),
        }
    }
}

/// Every ten minutes, removes stored photo objects that no row points at
/// (uploads interrupted between storing and committing).
async fn sweep_orphan_photos(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(600));
    loop {
        tick.tick().await;
        match crate::service::makeup::sweep_orphans(&state, chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(objects = n, "removed orphan photo objects"),
            Err(err) => tracing::warn!(error = %err, "orphan photo sweep failed"),
        }
    }
}

/// Sends due subscribe messages every `DP_NOTIFY_INTERVAL_MS`, in rounds
/// until none is left.
async fn deliver_notifications(state: AppState) {
    let mut tick = tokio::time::interval(state.config.notify_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        loop {
            match crate::service::notify::deliver_due(&state).await {
                Ok(0) => break,
                Ok(_) => {}
                Err(err) => {
                    tracing::warn!(error = %err, "notification delivery failed");
                    break;
                }
            }
        }
    }
}

/// Every five minutes, adds the day-before and deadline reminders now due.
async fn schedule_reminders(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(300));
    loop {
        tick.tick().await;
        match crate::service::reminders::schedule_reminders(&state, chrono::Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(reminders = n, "reminders scheduled"),
            Err(err) => tracing::warn!(error = %err, "reminder scheduling failed"),
        }
    }
}

/// Every hour, deletes what the retention periods no longer allow to keep
/// (one instance at a time: the others find the lock taken).
async fn apply_retention(state: AppState) {
    // Not at start-up: instances restarting together would all try at once.
    let hour = Duration::from_secs(3600);
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + hour / 60, hour);
    let system = crate::service::audit::Actor::system();
    loop {
        tick.tick().await;
        match crate::service::retention::run(&state, chrono::Utc::now(), false, &system).await {
            Ok(report) => tracing::info!(?report, "retention applied"),
            Err(err) if err.code() == crate::error::ErrorCode::RetentionRunning => {}
            Err(err) => tracing::warn!(error = %err, "retention run failed"),
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown requested; finishing in-flight requests");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_paths_are_found() {
        assert_eq!(
            sqlite_path("sqlite://data/diploma-photo.db?mode=rwc"),
            Some("data/diploma-photo.db".into())
        );
        assert_eq!(sqlite_path("sqlite::memory:"), None);
        assert_eq!(sqlite_path("postgres://x"), None);
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("postgres://dp:s3cret@db:5432/dp"),
            "postgres://dp:***@db:5432/dp"
        );
        assert_eq!(redact("redis://127.0.0.1:6379"), "redis://127.0.0.1:6379");
    }
}
