//! `Idempotency-Key` on booking, cancelling, rescheduling and uploading a
//! make-up photo: a phone that retries after a lost answer gets the first
//! answer again instead of acting twice. Keys live 24 h per account in the
//! shared cache, so a retry may land on any instance.
//!
//! The booking operations are covered here as a middleware, by their bodies'
//! bytes. An upload's retry is a new multipart body (`wx.uploadFile` picks a
//! new boundary), so its handler fingerprints the photo and uses
//! [`begin`] / [`finish`] / [`release`] itself.

use std::{sync::Arc, time::Duration};

use base64::{Engine, engine::general_purpose::STANDARD};
use poem::{
    Body, Endpoint, IntoResponse, Request, Response,
    http::{HeaderValue, Method, StatusCode, header},
};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use sha2::{Digest, Sha256};

use crate::{
    domain::Principal,
    error::{AppError, AppResult, ErrorCode},
    service::auth,
    state::AppState,
};

pub const HEADER: &str = "idempotency-key";
/// Set on an answer repeated for a retry.
pub const REPLAY_HEADER: &str = "idempotent-replay";
const KEEP: Duration = Duration::from_secs(24 * 3600);

#[derive(Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
enum Record<T> {
    Running {
        fingerprint: String,
    },
    Done {
        fingerprint: String,
        #[serde(flatten)]
        answer: T,
    },
}

/// A booking operation's first answer, as sent.
#[derive(Serialize, Deserialize)]
struct StoredResponse {
    status: u16,
    content_type: Option<String>,
    body: String,
}

/// A key taken for a request that is now running.
pub struct Claim {
    cache_key: String,
    fingerprint: String,
}

/// What a key says about a request: run it, or answer as the first time.
pub enum Begun<T> {
    Fresh(Claim),
    Replay(T),
}

/// Takes `key` of `account` for a request with `fingerprint`: fresh, or the
/// first request's answer; 409 `request_in_progress` while that one runs,
/// 422 `idempotency_key_reused` when it was another request.
pub async fn begin<T: DeserializeOwned>(
    state: &AppState,
    account: &str,
    key: &str,
    fingerprint: String,
) -> AppResult<Begun<T>> {
    let cache_key = format!(
        "idem:{account}:{}",
        hex::encode(Sha256::digest(key.as_bytes()))
    );
    let running = serde_json::to_string(&Record::<()>::Running {
        fingerprint: fingerprint.clone(),
    })
    .map_err(AppError::internal)?;
    if state
        .cache
        .set_if_absent(&cache_key, &running, KEEP)
        .await?
    {
        return Ok(Begun::Fresh(Claim {
            cache_key,
            fingerprint,
        }));
    }
    let stored = state.cache.get(&cache_key).await?;
    match stored.and_then(|json| serde_json::from_str::<Record<T>>(&json).ok()) {
        Some(Record::Running { fingerprint: f } | Record::Done { fingerprint: f, .. })
            if f != fingerprint =>
        {
            Err(ErrorCode::IdempotencyKeyReused.into())
        }
        Some(Record::Done { answer, .. }) => Ok(Begun::Replay(answer)),
        Some(Record::Running { .. }) | None => Err(ErrorCode::RequestInProgress.into()),
    }
}

/// Keeps the first answer for the key's retries (a struct: it is flattened
/// into the record).
pub async fn finish<T: Serialize>(state: &AppState, claim: Claim, answer: T) {
    let record = Record::Done {
        fingerprint: claim.fingerprint,
        answer,
    };
    let kept = match serde_json::to_string(&record) {
        Ok(json) => state
            .cache
            .set(&claim.cache_key, &json, KEEP)
            .await
            .map_err(|e| e.to_string()),
        Err(err) => Err(err.to_string()),
    };
    if let Err(error) = kept {
        tracing::warn!(error, "idempotent answer not kept");
    }
}

/// Gives the key back when there is no final answer, so a retry runs again.
pub async fn release(state: &AppState, claim: Claim) {
    let _ = state.cache.delete(&claim.cache_key).await;
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

    let claim = match begin::<StoredResponse>(&state, &account, &key, fingerprint).await? {
        Begun::Replay(stored) => return replay(stored),
        Begun::Fresh(claim) => claim,
    };
    let response = next
        .call(req)
        .await
        .map(IntoResponse::into_response)
        .unwrap_or_else(super::middleware::render_error);
    if response.status().is_server_error() {
        // Not a final answer: let a retry try again.
        release(&state, claim).await;
        return Ok(response);
    }
    let (parts, body) = response.into_parts();
    let bytes = body.into_bytes().await?;
    let stored = StoredResponse {
        status: parts.status.as_u16(),
        content_type: parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        body: STANDARD.encode(&bytes),
    };
    finish(&state, claim, stored).await;
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

fn replay(stored: StoredResponse) -> poem::Result<Response> {
    let body = STANDARD.decode(stored.body).map_err(AppError::internal)?;
    let mut response = Response::builder()
        .status(StatusCode::from_u16(stored.status).map_err(AppError::internal)?)
        .header(REPLAY_HEADER, "true")
        .body(body);
    if let Some(ct) = stored
        .content_type
        .and_then(|ct| HeaderValue::from_str(&ct).ok())
    {
        response.headers_mut().insert(header::CONTENT_TYPE, ct);
    }
    Ok(response)
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
