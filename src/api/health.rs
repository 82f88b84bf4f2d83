//! `/healthz` (the process answers) and `/readyz` (it can serve: database and
//! cache reachable). Load balancers route only to ready instances.

use std::time::Duration;

use poem::{IntoResponse, Response, handler, web::Data};

use crate::{
    error::{AppError, ErrorCode},
    state::AppState,
};

const CHECK_TIMEOUT: Duration = Duration::from_secs(3);

#[handler]
pub fn healthz() -> Response {
    ok("alive")
}

#[handler]
pub async fn readyz(state: Data<&AppState>) -> Response {
    if state.drain.is_draining() {
        return unavailable("正在停止 (shutting down)");
    }
    let db = tokio::time::timeout(CHECK_TIMEOUT, state.db.ping()).await;
    if !matches!(db, Ok(Ok(()))) {
        return unavailable("数据库不可用 (database unreachable)");
    }
    let cache = tokio::time::timeout(CHECK_TIMEOUT, state.cache.ping()).await;
    if !matches!(cache, Ok(Ok(()))) {
        return unavailable("缓存不可用 (cache unreachable)");
    }
    ok("ready")
}

fn ok(status: &str) -> Response {
    Response::builder()
        .content_type("application/json")
        .body(serde_json::json!({ "status": status }).to_string())
}

fn unavailable(message: &'static str) -> Response {
    tracing::warn!(message, "not ready");
    AppError::new(ErrorCode::ServiceUnavailable, message).into_response()
}
