//! Prometheus metrics, served as `GET /metrics` on `DP_METRICS_LISTEN` only
//! (never on the public port). Counters are bumped where things happen,
//! each at one place; what the database already knows (seats left, the
//! review queue, the outbox, the connection pool) is read when scraped, so
//! the request path pays nothing for it.

use std::{collections::HashMap, sync::Arc, time::Duration};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use poem::{EndpointExt, Response, Route, Server, get, handler, listener::TcpAcceptor, web::Data};
use prometheus::{
    Encoder, Gauge, Histogram, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec,
    Opts, Registry, TextEncoder,
};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbBackend, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
    sea_query::{Expr, Func},
};

use crate::{
    api::path_table::PathTable,
    clients::cache::{Cache, CacheError},
    domain::{DeliveryStatus, PhotoStatus, time::to_shanghai},
    entity::{campus, makeup_photo, notification, session, slot},
    error::AppResult,
    service::campaign::open_campaign,
};

/// Request latency buckets, seconds: polls answer in about a millisecond,
/// uploads and exports take seconds.
const HTTP_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];
/// Photo check buckets, seconds: a small photo takes about 0.1 s, a 12 MP
/// one about 0.4 s in a release build.
const CHECK_BUCKETS: &[f64] = &[0.05, 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8];

pub struct Metrics {
    registry: Registry,
    http_requests: IntCounterVec,
    http_seconds: HistogramVec,
    bookings: IntCounterVec,
    photo_checks: IntCounterVec,
    photo_check_seconds: Histogram,
    notifications: IntCounterVec,
    cache_lookups: IntCounterVec,
    imports: IntCounterVec,
    import_rows: IntCounterVec,
    import_problems: IntCounterVec,
    seats_left: IntGaugeVec,
    seats_capacity: IntGaugeVec,
    review_pending: IntGauge,
    review_oldest_seconds: Gauge,
    outbox_pending: IntGauge,
    outbox_due: IntGauge,
    db_pool: IntGaugeVec,
    /// One scrape at a time: each resets and refills the scrape-time gauges.
    scraping: tokio::sync::Mutex<()>,
}

impl Default for Metrics {
    fn default() -> Self {
        let registry = Registry::new_custom(Some("dp".into()), None).expect("a valid prefix");
        let counter = |name: &str, help: &str, labels: &[&str]| {
            let c = IntCounterVec::new(Opts::new(name, help), labels).expect("a valid metric");
            registry
                .register(Box::new(c.clone()))
                .expect("registered once");
            c
        };
        let gauge = |name: &str, help: &str, labels: &[&str]| {
            let g = IntGaugeVec::new(Opts::new(name, help), labels).expect("a valid metric");
            registry
                .register(Box::new(g.clone()))
                .expect("registered once");
            g
        };
        let histogram = |name: &str, help: &str, buckets: &[f64], labels: &[&str]| {
            let opts = HistogramOpts::new(name, help).buckets(buckets.to_vec());
            let h = HistogramVec::new(opts, labels).expect("a valid metric");
            registry
                .register(Box::new(h.clone()))
                .expect("registered once");
            h
        };
        let single =
            |name: &str, help: &str| gauge(name, help, &[]).with_label_values(&[] as &[&str]);
        let review_oldest_seconds = Gauge::new(
            "review_oldest_pending_seconds",
            "Age of the oldest make-up photo waiting for review (0 when none waits).",
        )
        .expect("a valid metric");
        registry
            .register(Box::new(review_oldest_seconds.clone()))
            .expect("registered once");
        Self {
            http_requests: counter(
                "http_requests_total",
                "HTTP requests answered, by route template (never a raw path), method and status.",
                &["route", "method", "status"],
            ),
            http_seconds: histogram(
                "http_request_duration_seconds",
                "Time from a request's head to its answer, by route template and method.",
                HTTP_BUCKETS,
                &["route", "method"],
            ),
            bookings: counter(
                "bookings_total",
                "Booking operations by outcome: booked, rescheduled, cancelled, or the error code.",
                &["operation", "outcome"],
            ),
            photo_checks: counter(
                "photo_checks_total",
                "Photo checks (precheck and upload) by result: acceptable, refused, or why the \
                 file could not be read.",
                &["result"],
            ),
            photo_check_seconds: histogram(
                "photo_check_duration_seconds",
                "Time to decode, check and normalise one photo (after waiting for a decoding slot).",
                CHECK_BUCKETS,
                &[],
            )
            .with_label_values(&[] as &[&str]),
            notifications: counter(
                "notifications_total",
                "Subscribe messages settled by the delivery worker: sent, refused, \
                 no_subscription, failed, or retry (a transient failure, tried again later).",
                &["outcome"],
            ),
            cache_lookups: counter(
                "cache_lookups_total",
                "Cache reads by key kind (the key's first segment) and result: hit or miss.",
                &["kind", "result"],
            ),
            imports: counter(
                "imports_total",
                "List imports (roster, chsi_status, graduate_platform) by outcome: imported \
                 or rejected (a file with problems changes nothing).",
                &["list", "outcome"],
            ),
            import_rows: counter(
                "import_rows_total",
                "Rows of imported lists.",
                &["list"],
            ),
            import_problems: counter(
                "import_problems_total",
                "Problems found in rejected lists (every one, also those not listed in the answer).",
                &["list"],
            ),
            seats_left: gauge(
                "session_seats_left",
                "Seats left in each session of the open campaign from today on (read when scraped).",
                &["session", "campus", "date"],
            ),
            seats_capacity: gauge(
                "session_seats_capacity",
                "Seats of each session of the open campaign from today on (read when scraped).",
                &["session", "campus", "date"],
            ),
            review_pending: single(
                "review_queue_length",
                "Make-up photos waiting for review (read when scraped).",
            ),
            review_oldest_seconds,
            outbox_pending: single(
                "notification_outbox_pending",
                "Subscribe messages waiting in the outbox, first try or a retry later (read \
                 when scraped).",
            ),
            outbox_due: single(
                "notification_outbox_due",
                "Pending messages whose time has come; growing means delivery is stuck (read \
                 when scraped).",
            ),
            db_pool: gauge(
                "db_pool_connections",
                "Database connections of this instance: in_use, idle, max (read when scraped).",
                &["state"],
            ),
            scraping: tokio::sync::Mutex::new(()),
            registry,
        }
    }
}

impl Metrics {
    /// One answered request; `route` is a template, never the raw path.
    pub fn request(&self, route: &str, method: &str, status: &str, elapsed: Duration) {
        self.http_requests
            .with_label_values(&[route, method, status])
            .inc();
        self.http_seconds
            .with_label_values(&[route, method])
            .observe(elapsed.as_secs_f64());
    }

    /// A booking operation's outcome: `done` (booked, …) or the error's code.
    pub fn booking<T>(&self, operation: &str, done: &str, result: &AppResult<T>) {
        let outcome = match result {
            Ok(_) => done,
            Err(err) => err.code().as_str(),
        };
        self.bookings.with_label_values(&[operation, outcome]).inc();
    }

    pub fn photo_check(&self, result: &str, elapsed: Duration) {
        self.photo_checks.with_label_values(&[result]).inc();
        self.photo_check_seconds.observe(elapsed.as_secs_f64());
    }

    /// A message settled; a pending one will be tried again.
    pub fn notification(&self, status: DeliveryStatus) {
        let outcome = match status {
            DeliveryStatus::Pending => "retry",
            other => other.as_str(),
        };
        self.notifications.with_label_values(&[outcome]).inc();
    }

    /// An import of `list`: `Ok(rows)` imported, `Err(problems)` rejected.
    pub fn import(&self, list: &str, outcome: Result<usize, usize>) {
        let (label, counter, n) = match outcome {
            Ok(rows) => ("imported", &self.import_rows, rows),
            Err(problems) => ("rejected", &self.import_problems, problems),
        };
        self.imports.with_label_values(&[list, label]).inc();
        counter.with_label_values(&[list]).inc_by(n as u64);
    }

    fn cache_lookup(&self, key: &str, hit: bool) {
        let result = if hit { "hit" } else { "miss" };
        self.cache_lookups
            .with_label_values(&[key_kind(key), result])
            .inc();
    }

    /// The text exposition, after reading the scrape-time gauges. A query
    /// that fails leaves its gauges out (and is logged) rather than failing
    /// the scrape: the counters are still worth having.
    pub async fn render(&self, db: &DatabaseConnection) -> String {
        let _one = self.scraping.lock().await;
        self.pool(db);
        if let Err(err) = self.seats(db).await {
            tracing::warn!(error = %err, "metrics: seats not read");
        }
        if let Err(err) = self.queues(db).await {
            tracing::warn!(error = %err, "metrics: queues not read");
        }
        let mut text = Vec::new();
        if let Err(err) = TextEncoder::new().encode(&self.registry.gather(), &mut text) {
            tracing::warn!(error = %err, "metrics not encoded");
        }
        String::from_utf8(text).unwrap_or_default()
    }

    fn pool(&self, db: &DatabaseConnection) {
        let (size, idle, max) = match db.get_database_backend() {
            DbBackend::Postgres => {
                let pool = db.get_postgres_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
            DbBackend::Sqlite => {
                let pool = db.get_sqlite_connection_pool();
                (
                    pool.size(),
                    pool.num_idle(),
                    pool.options().get_max_connections(),
                )
            }
            _ => return,
        };
        let idle = idle as i64;
        for (state, n) in [
            ("in_use", i64::from(size) - idle),
            ("idle", idle),
            ("max", i64::from(max)),
        ] {
            self.db_pool.with_label_values(&[state]).set(n);
        }
    }

    async fn seats(&self, db: &DatabaseConnection) -> AppResult<()> {
        self.seats_left.reset();
        self.seats_capacity.reset();
        let Some(campaign) = open_campaign(db).await? else {
            return Ok(());
        };
        let today = to_shanghai(Utc::now()).date_naive();
        let sessions = session::Entity::find()
            .filter(session::Column::CampaignId.eq(campaign.id))
            .filter(session::Column::Date.gte(today))
            .all(db)
            .await?;
        let campuses: HashMap<i64, String> = campus::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.code))
            .collect();
        let sums: HashMap<i64, (i64, i64)> = slot::Entity::find()
            .select_only()
            .column(slot::Column::SessionId)
            .column_as(
                Expr::from(Func::sum(Expr::col(slot::Column::Capacity))),
                "capacity",
            )
            .column_as(
                Expr::from(Func::sum(Expr::col(slot::Column::Booked))),
                "booked",
            )
            .filter(slot::Column::SessionId.is_in(sessions.iter().map(|s| s.id)))
            .group_by(slot::Column::SessionId)
            .into_tuple::<(i64, i64, i64)>()
            .all(db)
            .await?
            .into_iter()
            .map(|(session, capacity, booked)| (session, (capacity, booked)))
            .collect();
        for s in &sessions {
            let (capacity, booked) = sums.get(&s.id).copied().unwrap_or_default();
            let id = s.id.to_string();
            let date = s.date.to_string();
            let campus = campuses.get(&s.campus_id).map_or("", String::as_str);
            let labels = [id.as_str(), campus, date.as_str()];
            self.seats_left
                .with_label_values(&labels)
                .set(capacity - booked);
            self.seats_capacity.with_label_values(&labels).set(capacity);
        }
        Ok(())
    }

    async fn queues(&self, db: &DatabaseConnection) -> AppResult<()> {
        let pending = || {
            makeup_photo::Entity::find()
                .filter(makeup_photo::Column::Status.eq(PhotoStatus::Pending.as_str()))
        };
        self.review_pending.set(pending().count(db).await? as i64);
        let oldest: Option<DateTime<Utc>> = pending()
            .select_only()
            .column(makeup_photo::Column::UploadedAt)
            .order_by_asc(makeup_photo::Column::UploadedAt)
            .into_tuple()
            .one(db)
            .await?;
        let now = Utc::now();
        self.review_oldest_seconds.set(oldest.map_or(0.0, |at| {
            (now - at).num_milliseconds().max(0) as f64 / 1000.0
        }));
        let outbox = || {
            notification::Entity::find()
                .filter(notification::Column::Status.eq(DeliveryStatus::Pending.as_str()))
        };
        self.outbox_pending.set(outbox().count(db).await? as i64);
        let due = outbox()
            .filter(notification::Column::NextAttemptAt.lte(now))
            .count(db)
            .await?;
        self.outbox_due.set(due as i64);
        Ok(())
    }
}

/// A cache key's kind for a label: its first segment (`token`,
/// `slot_remaining`, …), a literal in the code, so never an id; anything
/// with a digit or another character is `other`.
fn key_kind(key: &str) -> &str {
    let kind = key.split_once(':').map_or(key, |(kind, _)| kind);
    let literal = !kind.is_empty()
        && kind.len() <= 32
        && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    if literal { kind } else { "other" }
}

/// The cache, counting hits and misses of its reads.
pub struct CountedCache {
    inner: Arc<dyn Cache>,
    metrics: Arc<Metrics>,
}

impl CountedCache {
    pub fn new(inner: Arc<dyn Cache>, metrics: Arc<Metrics>) -> Self {
        Self { inner, metrics }
    }
}

#[async_trait]
impl Cache for CountedCache {
    async fn get(&self, key: &str) -> Result<Option<String>, CacheError> {
        let value = self.inner.get(key).await?;
        self.metrics.cache_lookup(key, value.is_some());
        Ok(value)
    }
    async fn get_many(&self, keys: &[String]) -> Result<Vec<Option<String>>, CacheError> {
        let values = self.inner.get_many(keys).await?;
        for (key, value) in keys.iter().zip(&values) {
            self.metrics.cache_lookup(key, value.is_some());
        }
        Ok(values)
    }
    async fn set(&self, key: &str, value: &str, ttl: Duration) -> Result<(), CacheError> {
        self.inner.set(key, value, ttl).await
    }
    async fn set_many(&self, entries: &[(&str, &str, Duration)]) -> Result<(), CacheError> {
        self.inner.set_many(entries).await
    }
    async fn set_if_absent(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> Result<bool, CacheError> {
        self.inner.set_if_absent(key, value, ttl).await
    }
    async fn delete(&self, key: &str) -> Result<(), CacheError> {
        self.inner.delete(key).await
    }
    async fn incr(&self, key: &str, window: Duration) -> Result<i64, CacheError> {
        self.inner.incr(key, window).await
    }
    async fn decr(&self, key: &str) -> Result<(), CacheError> {
        self.inner.decr(key).await
    }
    async fn ping(&self) -> Result<(), CacheError> {
        self.inner.ping().await
    }
}

/// Route labels: the template of the operation that answered (poem-openapi
/// marks its answers with the operation id), else the template matching the
/// path, else `unmatched`. A raw path never becomes a label.
#[derive(Clone)]
pub struct Routes {
    by_operation: Arc<HashMap<String, String>>,
    templates: PathTable<String>,
}

impl Routes {
    /// From the published document; `prefix` is its server's path.
    pub fn new(doc: &serde_json::Value, prefix: &str) -> Self {
        let mut by_operation = HashMap::new();
        let mut templates = Vec::new();
        for (path, item) in doc["paths"].as_object().into_iter().flatten() {
            let template = format!("{prefix}{path}");
            for op in item.as_object().into_iter().flatten().map(|(_, op)| op) {
                if let Some(id) = op["operationId"].as_str() {
                    by_operation.insert(id.to_owned(), template.clone());
                }
            }
            templates.push((template.clone(), template));
        }
        Self {
            by_operation: Arc::new(by_operation),
            templates: PathTable::new(templates),
        }
    }

    pub fn label<'a>(&'a self, operation: Option<&str>, path: &'a str) -> &'a str {
        if let Some(template) = operation.and_then(|id| self.by_operation.get(id)) {
            return template;
        }
        match path {
            "/healthz" | "/readyz" | "/docs" | "/api/openapi.json" => path,
            _ if path == "/console" || path.starts_with("/console/") => "/console",
            _ => self
                .templates
                .lookup(path)
                .map_or("unmatched", String::as_str),
        }
    }
}

#[handler]
async fn scrape(metrics: Data<&Arc<Metrics>>, db: Data<&DatabaseConnection>) -> Response {
    Response::builder()
        .content_type(prometheus::TEXT_FORMAT)
        .body(metrics.render(&db).await)
}

/// Serves `/metrics` on its own listener until the task is dropped.
pub async fn serve(
    listener: tokio::net::TcpListener,
    metrics: Arc<Metrics>,
    db: DatabaseConnection,
) {
    let acceptor = match TcpAcceptor::from_tokio(listener) {
        Ok(acceptor) => acceptor,
        Err(err) => {
            tracing::error!(error = %err, "metrics listener unusable");
            return;
        }
    };
    let app = Route::new()
        .at("/metrics", get(scrape))
        .data(metrics)
        .data(db);
    if let Err(err) = Server::new_with_acceptor(acceptor).run(app).await {
        tracing::error!(error = %err, "metrics listener failed");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_key_kinds_are_literals_never_ids() {
        assert_eq!(key_kind("token:ab12"), "token");
        assert_eq!(key_kind("slot_remaining:17"), "slot_remaining");
        assert_eq!(key_kind("availability_version"), "availability_version");
        assert_eq!(key_kind("17:token"), "other");
        assert_eq!(key_kind("student-17"), "other");
    }

    #[test]
    fn routes_are_templates() {
        let doc = serde_json::json!({"paths": {
            "/bookings/{id}": {"get": {"operationId": "get_booking"}},
            "/sessions": {"get": {"operationId": "list_available_sessions"}},
        }});
        let routes = Routes::new(&doc, "/api/v1");
        assert_eq!(
            routes.label(Some("get_booking"), "/api/v1/bookings/17"),
            "/api/v1/bookings/{id}"
        );
        assert_eq!(
            routes.label(None, "/api/v1/bookings/17"),
            "/api/v1/bookings/{id}"
        );
        assert_eq!(routes.label(None, "/api/v1/nothing/17"), "unmatched");
        assert_eq!(routes.label(None, "/console/app.js"), "/console");
        assert_eq!(routes.label(None, "/healthz"), "/healthz");
    }
}
