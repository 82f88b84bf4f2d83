//! `Idempotency-Key` on booking, cancelling and rescheduling: a phone that
//! retries after a lost answer gets the first answer again instead of acting
//! twice. Keys live 24 h per account in the shared cache, so a retry may land
//! on any instance.

use std::{sync::Arc, time::Duration};

use base64::{Engine, engine::general_purpose::STANDARD};
use poem::{
    Body, Endpoint, IntoResponse, Request, Response,
    http::{HeaderValue, Method, StatusCode, header},
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{
    domain::Principal,
    error::{AppError, ErrorCode},
    service::auth,
    state::AppState,
};

pub const HEADER: &str = "idempotency-key";
const KEEP: Duration = Duration::from_secs(24 * 3600);

#[derive(Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
enum Record {
    Running {
        fingerprint: String,
    },
    Done {
        fingerprint: String,
        status: u16,
        content_type: Option<String>,
        body: String,
    },
}

/// The operations that honour the header: `POST /bookings`,
/// `DELETE /bookings/{id}`, `POST /bookings/{id}/reschedule`. Any other
/// request (an unsupported method, too) goes on as if it had no key.
fn covered(req: &Request) -> bool {
    let Some(rest) = req.uri().path().strip_prefix("/api/v1/bookings") else {
        return false;
    };
    let segments: Vec<&str> = rest.split('/').skip(1).collect();
    match (req.method(), segments.as_slice()) {
        (&Method::POST, []) => rest.is_empty(),
        (&Method::DELETE, [id]) => !id.is_empty(),
        (&Method::POST, [id, "reschedule"]) => !id.is_empty(),
        _ => false,
    }
}

pub async fn idempotent<E: Endpoint>(
    next: Arc<E>,
    mut req: Request,
    state: AppState,
) -> poem::Result<Response> {
    let Some(key) = req.header(HEADER).map(str::to_owned) else {
        return Ok(next.call(req).await?.into_response());
    };
    if !covered(&req) {
        return Ok(next.call(req).await?.into_response());
    }
    if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(AppError::new(
            ErrorCode::InvalidRequest,
            "Idempotency-Key 须为 1–255 个可见 ASCII 字符",
        )
        .into());
    }
    // Keys belong to a student's account. Without a valid student token the
    // handler answers (401, or 403 for staff) before any key is looked at.
    let token = req
        .header(header::AUTHORIZATION)
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let account = match token {
        Some(t) => match auth::authenticate(&state, &t).await {
            Ok(Principal::Student { student_id }) => format!("student:{student_id}"),
            Ok(Principal::Staff { .. }) | Err(_) => {
                return Ok(next.call(req).await?.into_response());
            }
        },
        None => return Ok(next.call(req).await?.into_response()),
    };
    // The body limit has already run, so this read is bounded.
    let body = req.take_body().into_bytes().await?;
    let fingerprint = hex::encode(
        Sha256::new()
            .chain_update(req.method().as_str())
            .chain_update(req.uri().path())
            .chain_update(&body)
            .finalize(),
    );
    req.set_body(Body::from(body));

    let cache_key = format!(
        "idem:{account}:{}",
        hex::encode(Sha256::digest(key.as_bytes()))
    );
    let running = serde_json::to_string(&Record::Running {
        fingerprint: fingerprint.clone(),
    })
    .map_err(AppError::internal)?;
    if !state
        .cache
        .set_if_absent(&cache_key, &running, KEEP)
        .await
        .map_err(AppError::from)?
    {
        return replay(&state, &cache_key, &fingerprint).await;
    }

    let response = next
        .call(req)
        .await
        .map(IntoResponse::into_response)
        .unwrap_or_else(super::middleware::render_error);
    if response.status().is_server_error() {
        // Not a final answer: let a retry try again.
        let _ = state.cache.delete(&cache_key).await;
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    let bytes = body.into_bytes().await?;
    let record = Record::Done {
        fingerprint,
        status: parts.status.as_u16(),
        content_type: parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: STANDARD.encode(&bytes),
    };
    let json = serde_json::to_string(&record).map_err(AppError::internal)?;
    if let Err(err) = state.cache.set(&cache_key, &json, KEEP).await {
        tracing::warn!(error = %err, "idempotent answer not kept");
    }
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

async fn replay(state: &AppState, cache_key: &str, fingerprint: &str) -> poem::Result<Response> {
    let stored = state.cache.get(cache_key).await.map_err(AppError::from)?;
    let record = stored
        .and_then(|json| serde_json::from_str::<Record>(&json).ok())
        .ok_or_else(|| AppError::from(ErrorCode::RequestInProgress))?;
    match record {
        Record::Running { fingerprint: f } | Record::Done { fingerprint: f, .. }
            if f != fingerprint =>
        {
            Err(AppError::from(ErrorCode::IdempotencyKeyReused).into())
        }
        Record::Running { .. } => Err(AppError::from(ErrorCode::RequestInProgress).into()),
        Record::Done {
            status,
            content_type,
            body,
            ..
        } => {
            let body = STANDARD.decode(body).map_err(AppError::internal)?;
            let mut response = Response::builder()
                .status(StatusCode::from_u16(status).map_err(AppError::internal)?)
                .header("idempotent-replay", "true")
                .body(body);
            if let Some(ct) = content_type.and_then(|ct| HeaderValue::from_str(&ct).ok()) {
                response.headers_mut().insert(header::CONTENT_TYPE, ct);
            }
            Ok(response)
        }
    }
}

#[cfg(test)]
mod tests {
    use poem::http::Uri;

    use super::*;

    fn req(method: Method, path: &'static str) -> Request {
        Request::builder()
            .method(method)
            .uri(Uri::from_static(path))
            .finish()
    }

    #[test]
    fn only_the_three_booking_operations_are_covered() {
        assert!(covered(&req(Method::POST, "/api/v1/bookings")));
        assert!(covered(&req(Method::DELETE, "/api/v1/bookings/7")));
        assert!(covered(&req(Method::POST, "/api/v1/bookings/7/reschedule")));
        for (method, path) in [
            (Method::DELETE, "/api/v1/bookings"),
            (Method::POST, "/api/v1/bookings/7"),
            (Method::DELETE, "/api/v1/bookings/7/reschedule"),
            (Method::GET, "/api/v1/bookings/7/check-in"),
            (Method::POST, "/api/v1/bookingsx"),
            (Method::DELETE, "/api/v1/bookings/"),
        ] {
            assert!(!covered(&req(method.clone(), path)), "{method} {path}");
        }
    }
}
