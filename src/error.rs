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

macro_rules! error_codes {
    ($($variant:ident = ($code:literal, $status:ident, $message:literal)),+ $(,)?) => {
        /// Every error code the API can return, with its HTTP status.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode { $($variant),+ }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(Self::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            pub fn status(self) -> StatusCode {
                match self { $(Self::$variant => StatusCode::$status),+ }
            }

            /// The message shown when the caller has nothing more specific to
            /// say. Students read these in the mini-program, so they are Chinese.
            pub fn default_message(self) -> &'static str {
                match self { $(Self::$variant => $message),+ }
            }
        }
    };
}

error_codes! {
    InvalidRequest = ("invalid_request", BAD_REQUEST, "请求格式不正确"),
    Unauthenticated = ("unauthenticated", UNAUTHORIZED, "请先登录（登录已失效或令牌无效）"),
    InvalidCredentials = ("invalid_credentials", UNAUTHORIZED, "用户名或密码错误"),
    WechatCodeInvalid = ("wechat_code_invalid", UNAUTHORIZED, "微信登录凭证无效或已使用，请重新进入小程序"),
    DevLoginDisabled = ("dev_login_disabled", UNAUTHORIZED, "已配置微信小程序，开发登录不可用"),
    Forbidden = ("forbidden", FORBIDDEN, "无权执行此操作"),
    AlreadyHasChsiPhoto = ("already_has_chsi_photo", FORBIDDEN, "你在学信网已有学历照片，按规定不得重复采集，无需再拍摄"),
    ConsentRequired = ("consent_required", FORBIDDEN, "上传照片前请先阅读并同意《学历照片个人信息处理告知书》"),
    NotFound = ("not_found", NOT_FOUND, "请求的资源不存在"),
    PhotoDeleted = ("photo_deleted", GONE, "该照片已按数据保留规定删除"),
    NotOnRoster = ("not_on_roster", NOT_FOUND, "未在毕业生名单中找到与学号和姓名相符的记录，请核对后重试或联系培养单位研究生秘书"),
    MethodNotAllowed = ("method_not_allowed", METHOD_NOT_ALLOWED, "不支持该请求方法"),
    UsernameTaken = ("username_taken", CONFLICT, "用户名已被使用"),
    CannotDisableSelf = ("cannot_disable_self", CONFLICT, "不能停用自己的账号"),
    CurrentPasswordRequired = ("current_password_required", CONFLICT, "修改自己的密码须输入当前密码（个人设置 → 修改密码）"),
    WrongCurrentPassword = ("wrong_current_password", FORBIDDEN, "当前密码不正确"),
    AlreadyExists = ("already_exists", CONFLICT, "该记录已存在"),
    AnotherCampaignOpen = ("another_campaign_open", CONFLICT, "已有进行中的采集活动"),
    SessionHasBookings = ("session_has_bookings", CONFLICT, "该场次已有学生预约，不能删除或更改日期、时间段和时段长度"),
    CapacityBelowBookings = ("capacity_below_bookings", CONFLICT, "新的容量小于某个时段已预约的人数"),
    NoOpenCampaign = ("no_open_campaign", CONFLICT, "目前没有进行中的学历相片采集活动"),
    RosterEntryTaken = ("roster_entry_taken", CONFLICT, "该学号已与另一个微信账号绑定；如非本人操作，请联系培养单位研究生秘书解绑"),
    AlreadyBound = ("already_bound", CONFLICT, "你的微信账号已绑定毕业生名单中的记录"),
    NotBound = ("not_bound", FORBIDDEN, "请先绑定毕业生名单（学号和姓名）"),
    CollectionCodeRequired = ("collection_code_required", CONFLICT, "请先在学信网获取并保存图像采集码，没有采集码将不予拍摄"),
    CollectionCodeInUse = ("collection_code_in_use", CONFLICT, "该图像采集码已被其他同学保存。请核对是否复制了自己的采集码；确认无误请联系培养单位研究生秘书"),
    CollectionCodeLocked = ("collection_code_locked", CONFLICT, "你已完成拍摄，图像采集码不能再修改；如需更正请联系培养单位研究生秘书"),
    SessionNotForUnit = ("session_not_for_unit", FORBIDDEN, "该场次不面向你所在的培养单位，请预约本单位所在校区的场次"),
    BookingClosed = ("booking_closed", CONFLICT, "该场次当前不在预约时间内"),
    SlotFull = ("slot_full", CONFLICT, "该时段已约满，请选择其他时段"),
    AlreadyBooked = ("already_booked", CONFLICT, "你已有一个有效预约；如需更改，请先取消或改约"),
    BookingNotActive = ("booking_not_active", CONFLICT, "该预约已取消或已结束"),
    InvalidCheckInCode = ("invalid_check_in_code", BAD_REQUEST, "签到码无效：请让学生在小程序中重新打开签到码"),
    CheckInCodeExpired = ("check_in_code_expired", CONFLICT, "签到码已过期"),
    NotSessionDay = ("not_session_day", CONFLICT, "今天不是该预约的采集日"),
    WrongSession = ("wrong_session", CONFLICT, "该签到码属于另一个采集场次"),
    NotCheckedIn = ("not_checked_in", CONFLICT, "该学生尚未签到"),
    SessionNotFull = ("session_not_full", CONFLICT, "该场次尚有空位，请直接预约"),
    AlreadyWaiting = ("already_waiting", CONFLICT, "你已在另一个场次的候补名单中，请先退出"),
    RequestInProgress = ("request_in_progress", CONFLICT, "相同的请求正在处理中，请稍候"),
    CancelWindowClosed = ("cancel_window_closed", CONFLICT, "距拍摄开始时间太近，已不能取消预约"),
    PayloadTooLarge = ("payload_too_large", PAYLOAD_TOO_LARGE, "请求内容过大"),
    RequestTimeout = ("request_timeout", REQUEST_TIMEOUT, "网络太慢，请求内容未能及时送达，请在网络较好时重试"),
    UnsupportedMediaType = ("unsupported_media_type", UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型"),
    ConsentVersionOutdated = ("consent_version_outdated", CONFLICT, "告知书已更新，请重新阅读并同意最新版本"),
    PhotoAlreadyApproved = ("photo_already_approved", CONFLICT, "你的照片已审核通过并提交，不能再撤回同意；如有疑问请联系培养单位研究生秘书"),
    RetentionRunning = ("retention_running", CONFLICT, "数据保留清理正在进行，请稍后再试"),
    MakeupClosed = ("makeup_closed", CONFLICT, "补拍已截止；如仍未完成，请尽快联系培养单位研究生秘书"),
    AlreadyPhotographed = ("already_photographed", CONFLICT, "你已完成学历照片拍摄，无需补拍"),
    MakeupInProgress = ("makeup_in_progress", CONFLICT, "你已选择补拍（照片待审核、已通过或线下补拍进行中），不能再预约或现场拍摄"),
    BookingActive = ("booking_active", CONFLICT, "你已有有效的现场采集预约：如需补拍，请先取消预约"),
    MakeupPending = ("makeup_pending", CONFLICT, "你已有一张待审核的照片，请等待审核结果，或先撤回再重新上传"),
    PhotoAlreadyRejected = ("photo_already_rejected", CONFLICT, "这张照片已被退回，请按退回原因重新拍摄后上传"),
    PhotoNotPending = ("photo_not_pending", CONFLICT, "该照片已审核或已撤回，不能再撤回"),
    PhotoNotOnChsiYet = ("photo_not_on_chsi_yet", CONFLICT, "你的照片尚未上传到学信网，上传后才能核对"),
    SelfCheckClosed = ("self_check_closed", CONFLICT, "学信网照片核对已截止；如有问题请联系培养单位研究生秘书"),
    ErrorReportOpen = ("error_report_open", CONFLICT, "你报告的问题正在处理中，处理完成后才能再次核对"),
    PhotoNotVerified = ("photo_not_verified", CONFLICT, "学信网照片尚未核验通过，暂不能上传至研究生管理系统"),
    AlreadyResolved = ("already_resolved", CONFLICT, "该报告已处理"),
    ReportNotForwarded = ("report_not_forwarded", CONFLICT, "该报告尚未由培养单位报送研究生院，不能处理"),
    ReportAlreadyForwarded = ("report_already_forwarded", CONFLICT, "该报告已报送研究生院，由研究生院处理"),
    AlreadyReviewed = ("already_reviewed", CONFLICT, "该照片已由其他审核人处理"),
    UndoWindowPassed = ("undo_window_passed", CONFLICT, "已超过 2 分钟，不能撤销；如需更正请联系培养单位研究生秘书或研究生院"),
    DecisionFinal = ("decision_final", CONFLICT, "该审核结果已不能撤销：学生已重新上传、改选其他拍摄方式，或照片已删除"),
    ImageTooLarge = ("image_too_large", UNPROCESSABLE_ENTITY, "照片像素过大，请使用手机相机的默认设置拍摄"),
    ImageMetadataTooLarge = ("image_metadata_too_large", UNPROCESSABLE_ENTITY, "照片附带的元数据（色彩配置、文字说明等）过大，请上传手机相机直接拍摄的照片"),
    NotAnImage = ("not_an_image", UNPROCESSABLE_ENTITY, "文件已损坏或不是照片，请重新拍摄或选择 JPEG/PNG 照片"),
    PhotoCheckFailed = ("photo_check_failed", UNPROCESSABLE_ENTITY, "照片未通过自动检查，请按提示重拍"),
    IdempotencyKeyReused = ("idempotency_key_reused", UNPROCESSABLE_ENTITY, "该 Idempotency-Key 已用于另一个请求"),
    InvalidRows = ("invalid_rows", UNPROCESSABLE_ENTITY, "文件中有错误的行，未导入任何数据"),
    TooManyRows = ("too_many_rows", UNPROCESSABLE_ENTITY, "文件的行数超过上限，未导入任何数据：请拆分成几个文件分别导入"),
    ArchiveTooLarge = ("archive_too_large", UNPROCESSABLE_ENTITY, "Excel 文件解压后过大，未导入任何数据：请删除多余的工作表和格式，或另存为 CSV 后上传"),
    TooManyAttempts = ("too_many_attempts", TOO_MANY_REQUESTS, "尝试次数过多，请稍后再试"),
    WechatRateLimited = ("wechat_rate_limited", TOO_MANY_REQUESTS, "微信登录请求过于频繁，请稍后再试"),
    InternalError = ("internal_error", INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后再试"),
    ServiceUnavailable = ("service_unavailable", SERVICE_UNAVAILABLE, "服务暂时不可用，请稍后再试"),
    StorageUnavailable = ("storage_unavailable", SERVICE_UNAVAILABLE, "照片存储暂时不可用，请稍后重新上传"),
    WechatUnavailable = ("wechat_unavailable", SERVICE_UNAVAILABLE, "微信服务暂时不可用，请稍后再试"),
}

/// The JSON body of every error response.
#[derive(Debug, Object, serde::Deserialize)]
pub struct ErrorBody {
    /// Stable machine-readable code, snake_case (see the operation's error list).
    pub code: String,
    /// Human-readable explanation, in Chinese where students read it.
    pub message: String,
    /// `invalid_rows` only: the problems found in the imported file, in file
    /// order; the first 200 when there are more (see `error_count`).
    #[oai(skip_serializing_if_is_none)]
    pub errors: Option<Vec<RowProblem>>,
    /// `invalid_rows` only: how many problems the file has in all.
    #[oai(skip_serializing_if_is_none)]
    pub error_count: Option<u64>,
    /// `photo_check_failed` only: every automatic check of the photo.
    #[oai(skip_serializing_if_is_none)]
    pub checks: Option<Vec<PhotoCheck>>,
}

/// One problem in an imported file.
#[derive(Debug, Object, serde::Deserialize)]
pub struct RowProblem {
    /// Line in the file; the header is line 1.
    pub line: u64,
    /// The column's header as written, when the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong (Chinese).
    pub reason: String,
}

/// One automatic check of a photo against the CHSI spec.
#[derive(Debug, Object, serde::Deserialize)]
pub struct PhotoCheck {
    /// `one_face`, `resolution`, `frame_room`, `background`, `colour` and
    /// `normalised` (errors), `background_even`, `clothing`, `exposure` and
    /// `sharpness` (warnings); `normalised` is listed only when the
    /// normalised photo failed its own checks.
    pub check: String,
    pub passed: bool,
    /// `error`: a failure blocks the upload; `warning`: it is shown to the reviewer.
    pub severity: String,
    /// For the student, Chinese with English in brackets.
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
        errors: None,
        error_count: None,
        checks: None,
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
