//! `/auth/*` and `/staff/me`: logging in and out, and who a staff token belongs to.

use chrono::{DateTime, FixedOffset};
use poem::Request;
use poem_openapi::{ApiResponse, Object, OpenApi, payload::Json};

use crate::{
    api::{
        ApiTags,
        middleware::request_meta,
        security::{AnyAuth, StaffAuth},
        staff::StaffView,
    },
    domain::{AuditAction, StaffRole, time::to_shanghai},
    error::AppResult,
    service::{auth, staff},
    state::AppState,
};

pub struct AuthApi {
    pub state: AppState,
}

#[derive(Object)]
struct WechatLoginRequest {
    /// The code from `wx.login()` in the mini-program; in dev-login mode
    /// (no appid configured) `dev:<openid>` logs in as that openid.
    #[oai(
        validator(min_length = 1, max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    code: String,
}

#[derive(Object)]
struct StudentLoginResponse {
    /// Bearer token for `Authorization: Bearer <token>`.
    token: String,
    /// When the token stops working (Asia/Shanghai, RFC 3339).
    expires_at: DateTime<FixedOffset>,
    /// Whether the student is already bound to the graduation roster; if
    /// not, the mini-program shows the binding screen next.
    bound: bool,
}

#[derive(Object)]
struct StaffLoginRequest {
    #[oai(
        validator(min_length = 1, max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    username: String,
    #[oai(
        validator(min_length = 1, max_length = 1024),
        deserialize_with = "crate::api::strict::string"
    )]
    password: String,
}

#[derive(Object)]
struct StaffLoginResponse {
    /// Bearer token for `Authorization: Bearer <token>`.
    token: String,
    /// When the token stops working (Asia/Shanghai, RFC 3339).
    expires_at: DateTime<FixedOffset>,
    /// The account's role; it decides which endpoints the token opens.
    role: StaffRole,
}

#[derive(Object)]
struct PasswordChangeRequest {
    /// The password the account has now.
    #[oai(
        validator(min_length = 1, max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    current_password: String,
    /// 10–128 characters and hard to guess (zxcvbn's estimate at least 3 of
    /// 4: no repeats, keyboard walks, common words, dates or the username).
    #[oai(
        validator(min_length = 10, max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    new_password: String,
}

#[derive(ApiResponse)]
enum LoggedOut {
    /// The token is revoked on every instance.
    #[oai(status = 204)]
    Done,
}

#[OpenApi(tag = "ApiTags::Auth")]
impl AuthApi {
    /// Student login with WeChat
    ///
    /// Exchanges a `wx.login()` code with WeChat (`jscode2session`) for the
    /// student's openid and returns a token valid for 7 days.
    /// Errors: 400 `invalid_request` (empty or over-long code),
    /// 401 `wechat_code_invalid` (invalid or already used code),
    /// 401 `dev_login_disabled` (`dev:` code while an appid is configured),
    /// 429 `wechat_rate_limited`, 503 `wechat_unavailable` (WeChat down,
    /// slow or answering garbage), 503 `service_unavailable`.
    #[oai(path = "/auth/wechat", method = "post", operation_id = "login_wechat")]
    async fn login_wechat(
        &self,
        body: Json<WechatLoginRequest>,
    ) -> AppResult<Json<StudentLoginResponse>> {
        let login = auth::wechat_login(&self.state, &body.code).await?;
        Ok(Json(StudentLoginResponse {
            expires_at: to_shanghai(login.issued.expires_at),
            token: login.issued.token.into_string(),
            bound: login.bound,
        }))
    }

    /// Staff login with username and password
    ///
    /// Returns a token valid for 12 hours. Unknown user and wrong password
    /// give the same answer. One address may try one username 5 times, and
    /// all usernames 30 times, in 15 minutes (a successful login does not
    /// count); beyond that, 429. After 5 failures of one username from
    /// anywhere, each further attempt on it is answered after a delay
    /// (0.5 s, doubling to 8 s) instead of being refused, so failures
    /// elsewhere never lock the owner out. Failures and limits reached are
    /// written to the audit log (`staff_login_failed`).
    /// Errors: 400 `invalid_request`, 401 `invalid_credentials`,
    /// 429 `too_many_attempts`, 503 `service_unavailable`.
    #[oai(path = "/auth/staff", method = "post", operation_id = "login_staff")]
    async fn login_staff(
        &self,
        req: &Request,
        body: Json<StaffLoginRequest>,
    ) -> AppResult<Json<StaffLoginResponse>> {
        let login = auth::staff_login(
            &self.state,
            &body.username,
            &body.password,
            request_meta(req),
        )
        .await?;
        Ok(Json(StaffLoginResponse {
            expires_at: to_shanghai(login.issued.expires_at),
            token: login.issued.token.into_string(),
            role: login.role,
        }))
    }

    /// Log out
    ///
    /// Revokes the presented token at once on every instance.
    /// Errors: 401 `unauthenticated`, 503 `service_unavailable`.
    #[oai(path = "/auth/logout", method = "post", operation_id = "logout")]
    async fn logout(&self, caller: AnyAuth) -> AppResult<LoggedOut> {
        auth::logout(&self.state, &caller.0.token).await?;
        Ok(LoggedOut::Done)
    }

    /// The logged-in staff member
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden` (a student token).
    #[oai(path = "/staff/me", method = "get", operation_id = "staff_me")]
    async fn staff_me(&self, caller: StaffAuth) -> AppResult<Json<StaffView>> {
        let account = staff::get(&self.state.db, caller.0.staff_id).await?;
        Ok(Json(account.into()))
    }

    /// Change one's own password
    ///
    /// Any staff member. The current password must be given (5 tries in 15
    /// minutes, then 429). Every session of the account ends, this one
    /// included: log in again with the new password. Audited.
    /// Errors: 400 `invalid_request` (the new password is too short or too
    /// easy to guess), 401 `unauthenticated`, 403 `forbidden` (a student
    /// token), `wrong_current_password`, 429 `too_many_attempts`.
    #[oai(
        path = "/staff/me/password",
        method = "post",
        operation_id = "change_own_password"
    )]
    async fn change_own_password(
        &self,
        caller: StaffAuth,
        body: Json<PasswordChangeRequest>,
    ) -> AppResult<LoggedOut> {
        let account = staff::change_own_password(
            &self.state,
            caller.0.staff_id,
            &body.current_password,
            &body.new_password,
        )
        .await?;
        caller
            .0
            .audit(
                &self.state,
                AuditAction::StaffAccountChanged,
                None,
                format!("{}: own password changed", account.username),
            )
            .await?;
        Ok(LoggedOut::Done)
    }
}
