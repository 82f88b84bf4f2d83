//! What every request handler and background job shares.
use std::sync::Arc;

use sea_orm::DatabaseConnection;

use crate::{
    clients::{cache::Cache, storage::Storage, wechat::WechatClient},
    config::Config,
    drain::Drain,
    metrics::Metrics,
    service::availability::PollMemo,
};

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub cache: Arc<dyn Cache>,
    /// Photos (local folder or S3-compatible).
    pub storage: Arc<dyn Storage>,
    /// Bounds how many photos are decoded at once, which bounds memory.
    pub photo_slots: Arc<tokio::sync::Semaphore>,
    /// `None` in dev-login mode (no appid configured).
    pub wechat: Option<Arc<WechatClient>>,
    pub config: Arc<Config>,
    /// Signs check-in codes; the same on every instance.
    pub checkin_key: Arc<Vec<u8>>,
    /// Requests in flight, for draining on shutdown.
    pub drain: Drain,
    /// What polls of availability saw last (see [`PollMemo`]).
    pub polls: Arc<PollMemo>,
    /// Counters and histograms for `/metrics` (kept whether or not it is served).
    pub metrics: Arc<Metrics>,
}
