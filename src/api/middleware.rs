//! Cross-cutting HTTP concerns: request ids and logs, the body-size limit,
//! and rendering every error (ours, poem's, poem-openapi's, panics) as
//! `{"code", "message"}` JSON.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Instant,
};

use futures_util::StreamExt;

use poem::{
    Body, Endpoint, IntoResponse, Request, Response,
    http::{HeaderValue, Method, StatusCode, header},
    web::RemoteAddr,
};
use tracing::Instrument;

use crate::{
    api::path_table::PathTable,
    drain::Drain,
    error::{AppError, ErrorCode, error_response},
    metrics::{Metrics, Routes},
    service::audit::RequestMeta,
};

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Keeps a caller's request id only if it is short and plain, so log lines
/// cannot be forged through it.
fn incoming_request_id(req: &Request) -> Option<String> {
    let id = req.header(REQUEST_ID_HEADER)?;
    let plain = (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    plain.then(|| id.to_owned())
}

/// The client's address: the peer, or behind a trusted load balancer the
/// last `X-Forwarded-For` entry (the one the balancer itself appended).
fn client_ip(req: &Request, trust_forwarded_for: bool) -> String {
    let forwarded = trust_forwarded_for
        .then(|| req.header("x-forwarded-for"))
        .flatten()
        .and_then(|v| v.rsplit(',').next())
        .map(|ip| ip.trim().to_owned())
        .filter(|ip| !ip.is_empty());
    forwarded.unwrap_or_else(|| match req.remote_addr() {
        RemoteAddr(poem::Addr::SocketAddr(addr)) => addr.ip().to_string(),
        other => other.to_string(),
    })
}

/// The request id and client address `request_context` attached.
pub fn request_meta(req: &Request) -> RequestMeta {
    req.extensions()
        .get::<RequestMeta>()
        .cloned()
        .unwrap_or_default()
}

/// Gives each request an id (the caller's `X-Request-Id` or a new UUID),
/// runs it inside a tracing span with that id, logs its outcome and returns
/// the id in the response header. The id and the client address are
/// attached to the request for the audit log.
pub async fn request_context<E: Endpoint>(
    next: Arc<E>,
    mut req: Request,
    drain: Drain,
    trust_forwarded_for: bool,
    routes: Routes,
    metrics: Arc<Metrics>,
) -> poem::Result<Response> {
    let _in_flight = drain.enter();
    let request_id = incoming_request_id(&req).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let ip = client_ip(&req, trust_forwarded_for);
    req.extensions_mut().insert(RequestMeta {
        request_id: Some(request_id.clone()),
        ip: Some(ip),
    });
    let span = tracing::info_span!(
        "request",
        request_id = %request_id,
        method = %req.method(),
        path = %req.uri().path(),
    );
    let is_api = req.uri().path().starts_with("/api/v1/");
    // Cheap clones (shared bytes), for the metrics' route label.
    let (method, uri) = (req.method().clone(), req.uri().clone());
    async move {
        let started = Instant::now();
        let mut response = match next.call(req).await {
            Ok(output) => output.into_response(),
            Err(err) => render_error(err),
        };
        let elapsed = started.elapsed();
        let operation = response.data::<poem_openapi::OperationId>().map(|id| id.0);
        metrics.request(
            routes.label(operation, uri.path()),
            method.as_str(),
            response.status().as_str(),
            elapsed,
        );
        let status = response.status().as_u16();
        let latency_ms = elapsed.as_secs_f64() * 1000.0;
        if response.status().is_server_error() {
            tracing::warn!(status, latency_ms, "request finished");
        } else {
            tracing::info!(status, latency_ms, "request finished");
        }
        if let Ok(value) = HeaderValue::from_str(&request_id) {
            response.headers_mut().insert(REQUEST_ID_HEADER, value);
        }
        safe_headers(&mut response, is_api);
        if drain.is_draining() {
            // A keep-alive connection would keep its client here while the
            // instance drains; closed after this answer, the client's next
            // request goes through the balancer to an instance that stays.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        Ok(response)
    }
    .instrument(span)
    .await
}

/// No answer is sniffed into another type; API answers (personal data,
/// exports) are never stored by a browser or proxy unless an operation says
/// otherwise.
fn safe_headers(response: &mut Response, is_api: bool) {
    let headers = response.headers_mut();
    headers
        .entry(header::X_CONTENT_TYPE_OPTIONS)
        .or_insert(HeaderValue::from_static("nosniff"));
    if is_api {
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
}

/// Rejects bodies over the limit with 413 before any handler reads them: by
/// `Content-Length` when given; a chunked body is counted as it streams
/// through to the handler (never held whole), and once it passes the limit
/// its reading fails and the answer is 413, whatever the handler made of
/// the broken body. File uploads (multipart) have their own, larger limit.
pub async fn limit_body<E: Endpoint>(
    next: Arc<E>,
    mut req: Request,
    json_max: usize,
    upload_max: usize,
) -> poem::Result<Response> {
    let is_upload = req.header(header::CONTENT_TYPE).is_some_and(|ct| {
        ct.trim_start()
            .to_ascii_lowercase()
            .starts_with("multipart/")
    });
    let max = if is_upload { upload_max } else { json_max };
    let too_large = || AppError::from(ErrorCode::PayloadTooLarge);
    let declared = req.header(header::CONTENT_LENGTH).map(|v| v.parse::<u64>());
    let exceeded = match declared {
        Some(Ok(len)) if len > max as u64 => return Err(too_large().into()),
        Some(Ok(_)) => None,
        Some(Err(_)) => {
            return Err(AppError::new(ErrorCode::InvalidRequest, "Content-Length 无效").into());
        }
        None if req.header(header::TRANSFER_ENCODING).is_some() => {
            let exceeded = Arc::new(AtomicBool::new(false));
            let body = counted(req.take_body(), max, exceeded.clone());
            req.set_body(body);
            Some(exceeded)
        }
        None => None,
    };
    let result = next.call(req).await;
    if exceeded.is_some_and(|e| e.load(Ordering::Acquire)) {
        return Err(too_large().into());
    }
    Ok(result?.into_response())
}

/// The body as it arrives, failing with an I/O error (and raising
/// `exceeded`) as soon as more than `max` bytes have passed.
fn counted(body: Body, max: usize, exceeded: Arc<AtomicBool>) -> Body {
    let mut seen = 0usize;
    Body::from_bytes_stream(body.into_bytes_stream().map(move |chunk| {
        let chunk = chunk?;
        seen = seen.saturating_add(chunk.len());
        if seen > max {
            exceeded.store(true, Ordering::Release);
            return Err(std::io::Error::other("request body over the size limit"));
        }
        Ok(chunk)
    }))
}

/// The methods each path answers, to list in the `Allow` header of a 405
/// (RFC 9110 requires it).
#[derive(Clone)]
pub struct AllowedMethods(PathTable<String>);

impl AllowedMethods {
    pub fn new(paths: impl IntoIterator<Item = (String, Vec<poem::http::Method>)>) -> Self {
        Self(PathTable::new(paths.into_iter().map(|(path, methods)| {
            let allow: Vec<&str> = methods.iter().map(|m| m.as_str()).collect();
            (path, allow.join(", "))
        })))
    }

    fn lookup(&self, path: &str) -> Option<&str> {
        self.0.lookup(path).map(String::as_str)
    }
}

/// Each operation's error codes as the published document declares them
/// (`published.rs`), by path template and method.
#[derive(Clone)]
pub struct DeclaredErrors(PathTable<Vec<(Method, Vec<String>)>>);

impl DeclaredErrors {
    /// From the published document; `prefix` is its server's path.
    pub fn new(doc: &serde_json::Value, prefix: &str) -> Self {
        let paths = doc["paths"].as_object().into_iter().flatten();
        Self(PathTable::new(paths.map(|(path, item)| {
            let operations = item.as_object().into_iter().flatten();
            let declared = operations
                .filter_map(|(method, op)| {
                    let method = Method::from_bytes(method.to_uppercase().as_bytes()).ok()?;
                    let codes = op["responses"]
                        .as_object()?
                        .values()
                        .flat_map(|r| r["content"].as_object().into_iter().flatten())
                        .flat_map(|(_, media)| {
                            media["schema"]["allOf"][1]["properties"]["code"]["enum"]
                                .as_array()
                                .into_iter()
                                .flatten()
                        })
                        .filter_map(|c| c.as_str().map(str::to_owned))
                        .collect();
                    Some((method, codes))
                })
                .collect();
            (format!("{prefix}{path}"), declared)
        })))
    }

    /// The codes of the operation a request reaches, if it reaches one.
    fn codes(&self, method: &Method, path: &str) -> Option<&[String]> {
        let method = if method == Method::HEAD {
            &Method::GET
        } else {
            method
        };
        let operations = self.0.lookup(path)?;
        let (_, codes) = operations.iter().find(|(m, _)| m == method)?;
        Some(codes)
    }
}

/// Holds every error answer to the codes its operation declares, so the
/// document clients are generated from cannot drift from the server. An
/// undeclared code is logged; in debug builds (the test suite and the
/// conformance run) it is answered as 500 so that the test meeting it fails.
pub async fn declared_errors<E: Endpoint>(
    next: Arc<E>,
    req: Request,
    declared: DeclaredErrors,
) -> poem::Result<Response> {
    let (method, path) = (req.method().clone(), req.uri().path().to_owned());
    let response = match next.call(req).await {
        Ok(output) => output.into_response(),
        Err(err) => render_error(err),
    };
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return Ok(response);
    }
    let Some(codes) = declared.codes(&method, &path) else {
        return Ok(response);
    };
    let (parts, body) = response.into_parts();
    let bytes = body.into_bytes().await?;
    let code = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v["code"].as_str().map(str::to_owned));
    if let Some(code) = code.filter(|c| !codes.contains(c)) {
        tracing::error!(%method, %path, %status, code, "error code not declared in the OpenAPI document");
        if cfg!(debug_assertions) {
            let message = format!("{status} `{code}` is not declared for {method} {path}");
            return Ok(error_response(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::InternalError.as_str(),
                &message,
            ));
        }
    }
    Ok(Response::from_parts(parts, Body::from(bytes)))
}

/// Adds `Allow` to a 405 answer, listing the methods the path does answer.
pub async fn allow_header<E: Endpoint>(
    next: Arc<E>,
    req: Request,
    allowed: AllowedMethods,
) -> poem::Result<Response> {
    let path = req.uri().path().to_owned();
    let mut response = match next.call(req).await {
        Ok(output) => output.into_response(),
        Err(err) => render_error(err),
    };
    if response.status() == StatusCode::METHOD_NOT_ALLOWED
        && !response.headers().contains_key(header::ALLOW)
        && let Some(value) = allowed
            .lookup(&path)
            .and_then(|allow| HeaderValue::from_str(allow).ok())
    {
        response.headers_mut().insert(header::ALLOW, value);
    }
    Ok(response)
}

/// Turns any error that reached the top into the JSON error shape.
pub fn render_error(err: poem::Error) -> Response {
    if err.is::<AppError>() {
        return err.into_response();
    }
    let status = err.status();
    let code = match status {
        StatusCode::BAD_REQUEST => ErrorCode::InvalidRequest,
        StatusCode::UNAUTHORIZED => ErrorCode::Unauthenticated,
        StatusCode::FORBIDDEN => ErrorCode::Forbidden,
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        s if s.is_server_error() => {
            tracing::error!(error = %err, "unhandled server error");
            ErrorCode::InternalError
        }
        // Any other 4xx from the framework keeps its status.
        s => return error_response(s, ErrorCode::InvalidRequest.as_str(), &err.to_string()),
    };
    let message = match code {
        // Parse errors say what was wrong with the request; that helps the
        // developer of the client and reveals nothing about the server.
        ErrorCode::InvalidRequest | ErrorCode::UnsupportedMediaType => {
            format!("{}：{}", code.default_message(), err)
        }
        _ => code.default_message().to_owned(),
    };
    error_response(code.status(), code.as_str(), &message)
}

/// Renders a panic as a 500 in the JSON shape; the panic itself is logged.
pub fn render_panic(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("request handler panicked");
    AppError::from(ErrorCode::InternalError).into_response()
}

#[cfg(test)]
mod tests {
    use poem::http::Method;

    use super::*;

    #[test]
    fn allow_lists_the_methods_of_the_most_literal_matching_path() {
        let allowed = AllowedMethods::new([
            ("/api/v1/me/consents".to_owned(), vec![Method::POST]),
            ("/api/v1/me/{x}".to_owned(), vec![Method::GET, Method::HEAD]),
            (
                "/api/v1/bookings/{id}".to_owned(),
                vec![Method::GET, Method::DELETE, Method::HEAD],
            ),
        ]);
        assert_eq!(allowed.lookup("/api/v1/me/consents"), Some("POST"));
        assert_eq!(allowed.lookup("/api/v1/me/makeup"), Some("GET, HEAD"));
        assert_eq!(
            allowed.lookup("/api/v1/bookings/12"),
            Some("GET, DELETE, HEAD")
        );
        assert_eq!(allowed.lookup("/api/v1/bookings/"), None);
        assert_eq!(allowed.lookup("/api/v1/bookings/12/x"), None);
    }

    /// An operation answering a code its document entry does not list is
    /// caught (in debug builds, as 500 naming it); a listed one passes.
    #[tokio::test]
    async fn an_undeclared_error_code_is_caught() {
        let doc = serde_json::json!({"paths": {"/things/{id}": {"get": {"responses": {
            "404": {"content": {"application/json; charset=utf-8": {"schema": {"allOf": [
                {"$ref": "#/components/schemas/ErrorBody"},
                {"properties": {"code": {"enum": ["not_found"]}}},
            ]}}}},
        }}}}});
        let declared = DeclaredErrors::new(&doc, "/api/v1");
        assert_eq!(
            declared.codes(&Method::HEAD, "/api/v1/things/7"),
            Some(&["not_found".to_owned()][..])
        );
        assert_eq!(declared.codes(&Method::POST, "/api/v1/things/7"), None);

        let answer = |code: ErrorCode| {
            let declared = declared.clone();
            let endpoint = Arc::new(poem::endpoint::make_sync(move |_| {
                error_response(code.status(), code.as_str(), "x")
            }));
            async move {
                let req = Request::builder().uri_str("/api/v1/things/7").finish();
                declared_errors(endpoint, req, declared).await.unwrap()
            }
        };
        let listed = answer(ErrorCode::NotFound).await;
        assert_eq!(listed.status(), StatusCode::NOT_FOUND);
        let unlisted = answer(ErrorCode::SlotFull).await;
        assert_eq!(unlisted.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = unlisted.into_body().into_string().await.unwrap();
        assert!(body.contains("`slot_full` is not declared"), "{body}");
    }
}
