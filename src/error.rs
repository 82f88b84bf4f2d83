//! The one error type of the service and its stable JSON rendering
//! `{"code": "snake_case_code", "message": "..."}`.
//!
//! Every code a client can see is listed in [`ErrorCode`]; codes never change
//! meaning once released. Internal causes (database, cache, WeChat) are logged
//! with the request id and never shown to the client.

use std::borrow::Cow;

use poem::{IntoResponse, Response, error::ResponseError, http::StatusCode};
use poem_openapi::{
    ApiResponse, Object,
    registry::{MetaMediaType, MetaResponse, MetaResponses, Registry},
    types::ToJSON,
};

/// Every error code the API can return, with its HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    InvalidRequest,
    Unauthenticated,
    InvalidCredentials,
    WechatCodeInvalid,
    DevLoginDisabled,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    UsernameTaken,
    CannotDisableSelf,
    PayloadTooLarge,
    UnsupportedMediaType,
    TooManyAttempts,
    WechatRateLimited,
    InternalError,
    ServiceUnavailable,
    WechatUnavailable,
}

impl ErrorCode {
    pub const ALL: &'static [ErrorCode] = &[
        Self::InvalidRequest,
        Self::Unauthenticated,
        Self::InvalidCredentials,
        Self::WechatCodeInvalid,
        Self::DevLoginDisabled,
        Self::Forbidden,
        Self::NotFound,
        Self::MethodNotAllowed,
        Self::UsernameTaken,
        Self::CannotDisableSelf,
        Self::PayloadTooLarge,
        Self::UnsupportedMediaType,
        Self::TooManyAttempts,
        Self::WechatRateLimited,
        Self::InternalError,
        Self::ServiceUnavailable,
        Self::WechatUnavailable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidRequest => "invalid_request",
            Self::Unauthenticated => "unauthenticated",
            Self::InvalidCredentials => "invalid_credentials",
            Self::WechatCodeInvalid => "wechat_code_invalid",
            Self::DevLoginDisabled => "dev_login_disabled",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::MethodNotAllowed => "method_not_allowed",
            Self::UsernameTaken => "username_taken",
            Self::CannotDisableSelf => "cannot_disable_self",
            Self::PayloadTooLarge => "payload_too_large",
            Self::UnsupportedMediaType => "unsupported_media_type",
            Self::TooManyAttempts => "too_many_attempts",
            Self::WechatRateLimited => "wechat_rate_limited",
            Self::InternalError => "internal_error",
            Self::ServiceUnavailable => "service_unavailable",
            Self::WechatUnavailable => "wechat_unavailable",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            Self::InvalidRequest => StatusCode::BAD_REQUEST,
            Self::Unauthenticated
            | Self::InvalidCredentials
            | Self::WechatCodeInvalid
            | Self::DevLoginDisabled => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::UsernameTaken | Self::CannotDisableSelf => StatusCode::CONFLICT,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::TooManyAttempts | Self::WechatRateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::InternalError => StatusCode::INTERNAL_SERVER_ERROR,
            Self::ServiceUnavailable | Self::WechatUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The message shown when the caller has nothing more specific to say.
    /// Students read these in the mini-program, so they are in Chinese.
    pub fn default_message(self) -> &'static str {
        match self {
            Self::InvalidRequest => "请求格式不正确",
            Self::Unauthenticated => "请先登录（登录已失效或令牌无效）",
            Self::InvalidCredentials => "用户名或密码错误",
            Self::WechatCodeInvalid => "微信登录凭证无效或已使用，请重新进入小程序",
            Self::DevLoginDisabled => "已配置微信小程序，开发登录不可用",
            Self::Forbidden => "无权执行此操作",
            Self::NotFound => "请求的资源不存在",
            Self::MethodNotAllowed => "不支持该请求方法",
            Self::UsernameTaken => "用户名已被使用",
            Self::CannotDisableSelf => "不能停用自己的账号",
            Self::PayloadTooLarge => "请求内容过大",
            Self::UnsupportedMediaType => "不支持的内容类型",
            Self::TooManyAttempts => "尝试次数过多，请稍后再试",
            Self::WechatRateLimited => "微信登录请求过于频繁，请稍后再试",
            Self::InternalError => "服务器内部错误，请稍后再试",
            Self::ServiceUnavailable => "服务暂时不可用，请稍后再试",
            Self::WechatUnavailable => "微信服务暂时不可用，请稍后再试",
        }
    }
}

/// The JSON body of every error response.
#[derive(Debug, Object, serde::Deserialize)]
pub struct ErrorBody {
    /// Stable machine-readable code, snake_case (see the operation's error list).
    pub code: String,
    /// Human-readable explanation, in Chinese where students read it.
    pub message: String,
}

/// The service's error: a stable code, a message for the client and, for
/// 5xx errors, the internal cause that is logged but never sent.
#[derive(Debug)]
pub struct AppError {
    code: ErrorCode,
    message: Cow<'static, str>,
    cause: Option<anyhow::Error>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            code,
            message: message.into(),
            cause: None,
        }
    }

    /// A backing service (database, cache) failed: 503, cause logged.
    pub fn unavailable(cause: impl Into<anyhow::Error>) -> Self {
        Self::with_cause(ErrorCode::ServiceUnavailable, cause)
    }

    /// A bug or unexpected state: 500, cause logged.
    pub fn internal(cause: impl Into<anyhow::Error>) -> Self {
        Self::with_cause(ErrorCode::InternalError, cause)
    }

    pub fn with_cause(code: ErrorCode, cause: impl Into<anyhow::Error>) -> Self {
        Self {
            code,
            message: Cow::Borrowed(code.default_message()),
            cause: Some(cause.into()),
        }
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<ErrorCode> for AppError {
    fn from(code: ErrorCode) -> Self {
        Self::new(code, code.default_message())
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl std::error::Error for AppError {}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        use sea_orm::{DbErr, RuntimeErr, sqlx::Error as Sqlx};
        let connection_lost = match &err {
            DbErr::Conn(_) | DbErr::ConnectionAcquire(_) => true,
            DbErr::Query(RuntimeErr::SqlxError(e)) | DbErr::Exec(RuntimeErr::SqlxError(e)) => {
                matches!(
                    e.as_ref(),
                    Sqlx::Io(_)
                        | Sqlx::Tls(_)
                        | Sqlx::Protocol(_)
                        | Sqlx::PoolTimedOut
                        | Sqlx::PoolClosed
                        | Sqlx::WorkerCrashed
                )
            }
            _ => false,
        };
        if connection_lost {
            Self::unavailable(err)
        } else {
            Self::internal(err)
        }
    }
}

impl From<crate::clients::cache::CacheError> for AppError {
    fn from(err: crate::clients::cache::CacheError) -> Self {
        Self::unavailable(err)
    }
}

/// Renders an error body with the given status, the one place that builds
/// error responses.
pub fn error_response(status: StatusCode, code: &str, message: &str) -> Response {
    let body = ErrorBody {
        code: code.to_owned(),
        message: message.to_owned(),
    };
    Response::builder()
        .status(status)
        .content_type("application/json; charset=utf-8")
        .body(body.to_json_string())
}

impl ResponseError for AppError {
    fn status(&self) -> StatusCode {
        self.code.status()
    }

    fn as_response(&self) -> Response {
        if let Some(cause) = &self.cause {
            tracing::error!(
                code = self.code.as_str(),
                error = format!("{cause:#}"),
                "request failed"
            );
        }
        error_response(self.code.status(), self.code.as_str(), &self.message)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.as_response()
    }
}

/// Each error status an operation can answer, with a description naming its codes.
fn error_statuses() -> &'static [(StatusCode, String)] {
    static STATUSES: std::sync::OnceLock<Vec<(StatusCode, String)>> = std::sync::OnceLock::new();
    STATUSES.get_or_init(|| {
        let mut statuses: Vec<StatusCode> = ErrorCode::ALL.iter().map(|c| c.status()).collect();
        statuses.sort();
        statuses.dedup();
        // Produced by routing, never by an operation.
        statuses.retain(|s| *s != StatusCode::METHOD_NOT_ALLOWED);
        statuses
            .into_iter()
            .map(|status| {
                let codes: Vec<&str> = ErrorCode::ALL
                    .iter()
                    .filter(|c| c.status() == status)
                    .map(|c| c.as_str())
                    .collect();
                let description = format!(
                    "{}; `code` is one of: {}. The operation's description says which apply.",
                    status.canonical_reason().unwrap_or("Error"),
                    codes.join(", ")
                );
                (status, description)
            })
            .collect()
    })
}

impl ApiResponse for AppError {
    fn meta() -> MetaResponses {
        let responses = error_statuses()
            .iter()
            .map(|(status, description)| MetaResponse {
                description,
                status: Some(status.as_u16()),
                status_range: None,
                content: vec![MetaMediaType {
                    content_type: "application/json; charset=utf-8",
                    schema: <ErrorBody as poem_openapi::types::Type>::schema_ref(),
                }],
                headers: vec![],
            })
            .collect();
        MetaResponses { responses }
    }

    fn register(registry: &mut Registry) {
        <ErrorBody as poem_openapi::types::Type>::register(registry);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(
                s.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{s} is not snake_case"
            );
            assert!(!code.default_message().is_empty());
        }
    }

    #[test]
    fn client_errors_hide_nothing_and_server_errors_show_no_cause() {
        let err = AppError::internal(anyhow::anyhow!("password=hunter2 leaked?"));
        assert_eq!(err.code().status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!err.message().contains("hunter2"));
    }
}
